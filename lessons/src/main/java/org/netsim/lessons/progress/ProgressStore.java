package org.netsim.lessons.progress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Each student's progress as one JSON file in a folder ({@code <name>.json}), written so that a crash at any moment
 * leaves either the old file or the new one, never a mix: the new text goes to a temporary file in the same folder,
 * is forced to the disk, and then replaces the old file by an atomic rename (POSIX {@code rename(2)}); the folder is
 * then forced too, so the rename itself survives a power cut. A temporary file left by a crash is never read, and is
 * removed by the student's next save.
 */
public final class ProgressStore {
    /** Called between writing the temporary file and the rename; tests use it to crash there. */
    interface BeforeMove {
        void run(Path temp) throws IOException;
    }

    private static final String SUFFIX = ".json";
    private static final String TEMP_SUFFIX = ".tmp";
    /** Marks a file moved aside because it could not be read: {@code ada.unreadable-20250301-142530.json}. */
    private static final String UNREADABLE = ".unreadable-";
    private static final java.time.format.DateTimeFormatter STAMP =
            java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(java.time.ZoneOffset.UTC);

    /**
     * A student's progress as the app opens it.
     *
     * @param progress what was saved, or empty progress when there was none or it could not be read
     * @param problem  why the saved file could not be read, or {@code null}
     * @param setAside where the file that could not be read was moved (nothing is lost), or {@code null}
     * @param saveable false when an unreadable file could not be moved aside either: saving would replace it, so the
     *                 progress of this session is kept in memory only
     */
    public record Opened(StudentProgress progress, String problem, Path setAside, boolean saveable) {
    }

    /** A progress file whose content this netsim cannot read: damaged, a newer format, another student's. */
    public static final class UnreadableProgress extends IOException {
        UnreadableProgress(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Path dir;
    private final ObjectMapper json = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final BeforeMove beforeMove;

    /** Where the app keeps progress: {@code -Dnetsim.progress.dir}, else {@code ~/.netsim/progress}. */
    public static Path defaultFolder() {
        String dir = System.getProperty("netsim.progress.dir");
        return dir != null ? Path.of(dir) : Path.of(System.getProperty("user.home"), ".netsim", "progress");
    }

    public ProgressStore(Path dir) {
        this(dir, temp -> { });
    }

    ProgressStore(Path dir, BeforeMove beforeMove) {
        this.dir = dir;
        this.beforeMove = beforeMove;
    }

    public Path folder() {
        return dir;
    }

    /** The student's file (whether or not it exists yet). */
    public Path fileOf(String student) {
        return dir.resolve(fileName(student) + SUFFIX);
    }

    /** The student's progress as last saved, or empty progress for a student who has none. */
    public StudentProgress load(String student) throws IOException {
        Path f = fileOf(student);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(f);
        } catch (NoSuchFileException e) {
            return new StudentProgress(student);
        }
        StudentProgress p;
        try {
            p = json.readValue(bytes, StudentProgress.class);
        } catch (JsonProcessingException e) {
            throw new UnreadableProgress(f + ": not a progress file: " + e.getOriginalMessage(), e);
        }
        if (p.format() > StudentProgress.FORMAT) {
            throw new UnreadableProgress(f + ": progress format " + p.format() + " is newer than this netsim reads ("
                    + StudentProgress.FORMAT + ")", null);
        }
        if (!student.equals(p.student())) {
            throw new UnreadableProgress(f + ": holds the progress of \"" + p.student() + "\", not \"" + student
                    + "\"", null);
        }
        return p;
    }

    /**
     * The student's progress for the app: as {@link #load}, but a file that cannot be read is moved aside (renamed to
     * {@code <name>.unreadable-<UTC time>.json} in the same folder, atomically) so that the next save cannot
     * overwrite it, and the student starts fresh. A newer netsim can still read the file kept; a teacher can look at
     * a damaged one.
     */
    public Opened open(String student) {
        try {
            return new Opened(load(student), null, null, true);
        } catch (IOException e) {
            Path f = fileOf(student);
            try {
                return new Opened(new StudentProgress(student), e.getMessage(), setAside(f), true);
            } catch (IOException moved) {
                return new Opened(new StudentProgress(student), e.getMessage() + "; it could not be moved aside "
                        + "either (" + moved.getMessage() + ")", null, false);
            }
        }
    }

    /** Renames an unreadable file to a free name that says so. */
    private Path setAside(Path f) throws IOException {
        String base = f.getFileName().toString();
        base = base.substring(0, base.length() - SUFFIX.length()) + UNREADABLE
                + STAMP.format(java.time.Instant.now());
        Path target = dir.resolve(base + SUFFIX);
        for (int n = 2; Files.exists(target); n++) {
            target = dir.resolve(base + "-" + n + SUFFIX);
        }
        Files.move(f, target, StandardCopyOption.ATOMIC_MOVE);
        forceFolder();
        return target;
    }

    /** Writes the student's progress atomically (see the class comment). */
    public void save(StudentProgress p) throws IOException {
        Files.createDirectories(dir);
        String base = fileName(p.student());
        Path target = dir.resolve(base + SUFFIX);
        Path temp = Files.createTempFile(dir, "." + base + ".", TEMP_SUFFIX);
        try {
            byte[] bytes = json.writeValueAsString(p).concat("\n").getBytes(StandardCharsets.UTF_8);
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            beforeMove.run(temp);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException(dir + ": this file system cannot replace a file atomically; keep progress on "
                        + "a local disk", e);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        forceFolder();
        removeLeftovers(base);
    }

    /** Forgets one lesson of a student and saves. */
    public void resetLesson(String student, String lessonId) throws IOException {
        StudentProgress p = load(student);
        p.reset(lessonId);
        save(p);
    }

    /** Forgets everything a student did: the file goes. */
    public void resetAll(String student) throws IOException {
        Files.deleteIfExists(fileOf(student));
        removeLeftovers(fileName(student));
    }

    /** The students with a progress file, by the names their files hold, sorted (files moved aside are not). */
    public List<String> students() throws IOException {
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (!name.startsWith(".") && !name.contains(UNREADABLE)) {
                    StudentProgress p = json.readValue(f.toFile(), StudentProgress.class);
                    out.add(p.student());
                }
            }
        }
        out.sort(null);
        return out;
    }

    /** Makes the rename durable: on POSIX a rename is on disk once the folder's entry is (fsync of the folder). */
    private void forceFolder() {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some systems (Windows) cannot open a folder; there the rename is already durable (NTFS journals it).
        }
    }

    /** Temporary files of earlier saves that a crash left behind. */
    private void removeLeftovers(String base) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "." + base + ".*" + TEMP_SUFFIX)) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        }
    }

    /**
     * The file name for a student: letters, digits, '-' and '_' as they are (so a teacher recognises the files),
     * anything else (spaces, dots, slashes, accents) as {@code %XX} of its UTF-8 bytes, so no two names share a
     * file and no name leaves the folder.
     */
    static String fileName(String student) {
        if (student == null || student.isBlank()) {
            throw new IllegalArgumentException("a student needs a name");
        }
        StringBuilder sb = new StringBuilder();
        for (byte b : student.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }
}
