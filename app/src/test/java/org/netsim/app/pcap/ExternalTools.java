package org.netsim.app.pcap;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The programs and libraries some tests need. On CI (environment variable {@code CI=true}) a missing one fails the
 * test, because CI installs them (.ci/run) and a skipped judge would hide a broken file; elsewhere the test is skipped.
 */
final class ExternalTools {
    private ExternalTools() {
    }

    static boolean onCi() {
        return "true".equals(System.getenv("CI"));
    }

    /** Fails on CI, skips elsewhere. */
    static void require(boolean present, String what) {
        if (!present) {
            if (onCi()) {
                fail(what + " is missing, and CI=true: CI must have it (see .ci/run)");
            }
            Assumptions.abort(what + " is missing: test skipped (it fails instead when CI=true)");
        }
    }

    /** The tshark executable on the PATH. */
    static Path tshark() {
        Path found = null;
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path p = Path.of(dir, "tshark");
                if (Files.isExecutable(p)) {
                    found = p;
                    break;
                }
            }
        }
        require(found != null, "tshark");
        return found;
    }

    /** Runs a command, returns its standard output; fails the test on a non-zero exit. */
    static String run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command));
        Path err = Files.createTempFile("netsim-tool", ".err");
        try {
            pb.redirectError(err.toFile());
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(command + " did not finish in 60 s");
            }
            if (p.exitValue() != 0) {
                fail(command + " exited with " + p.exitValue() + ": " + Files.readString(err));
            }
            return new String(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
