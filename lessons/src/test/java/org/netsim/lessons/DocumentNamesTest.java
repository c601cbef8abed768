package org.netsim.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The documents the module's sources and shipped lessons send a teacher to exist: a name such as {@code FORMAT.md}
 * in a comment or in {@code index.yaml} is a file of this module or of the repository's root.
 */
class DocumentNamesTest {
    /** An upper-case document name: FORMAT.md, README.md (lesson pages are lower case and live in their folder). */
    private static final Pattern DOCUMENT = Pattern.compile("\\b([A-Z][A-Z-]*\\.md)\\b");

    @Test
    void everyDocumentNamedInTheSourcesAndLessonsExists() throws IOException {
        Path module = Path.of("").toAbsolutePath();
        List<String> missing = new ArrayList<>();
        int named = 0;
        try (Stream<Path> files = Files.walk(module.resolve("src/main"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".yaml"))
                    .toList()) {
                Matcher m = DOCUMENT.matcher(Files.readString(f));
                while (m.find()) {
                    named++;
                    String doc = m.group(1);
                    if (!Files.exists(module.resolve(doc)) && !Files.exists(module.resolve("..").resolve(doc))) {
                        missing.add(module.relativize(f) + " names " + doc);
                    }
                }
            }
        }
        assertThat(named).as("documents named in src/main").isPositive();
        assertThat(missing).isEmpty();
    }
}
