package org.netsim.lessons.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where lesson files come from: a folder on disk (a teacher's), or the class path (the shipped lessons inside the
 * jar, where a folder cannot be listed: {@code index.yaml} and {@code lesson.yaml} name every file, so nothing needs
 * listing). Paths are relative, with '/' between names ({@code 03-tcp/lesson.yaml}).
 */
public interface LessonSource {
    /** The file's text (UTF-8), or empty if there is no such file. */
    Optional<String> read(String path);

    /** Whether the file exists. */
    default boolean exists(String path) {
        return read(path).isPresent();
    }

    /** Where the files are, for messages. */
    String describe();

    /** Lesson files in a folder on disk. */
    static LessonSource folder(Path root) {
        return new LessonSource() {
            @Override
            public Optional<String> read(String path) {
                Path p = root.resolve(path);
                if (!Files.isRegularFile(p)) {
                    return Optional.empty();
                }
                try {
                    return Optional.of(Files.readString(p, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public boolean exists(String path) {
                return Files.isRegularFile(root.resolve(path));
            }

            @Override
            public String describe() {
                return root.toString();
            }
        };
    }

    /** Lesson files among the class path's resources under {@code prefix} ({@code lessons}). */
    static LessonSource classPath(ClassLoader loader, String prefix) {
        String base = prefix.endsWith("/") ? prefix : prefix + "/";
        return new LessonSource() {
            @Override
            public Optional<String> read(String path) {
                try (InputStream in = loader.getResourceAsStream(base + path)) {
                    return in == null ? Optional.empty()
                            : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public boolean exists(String path) {
                return loader.getResource(base + path) != null;
            }

            @Override
            public String describe() {
                return "class path " + base;
            }
        };
    }
}
