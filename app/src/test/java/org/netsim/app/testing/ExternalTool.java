package org.netsim.app.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real outside program a test needs as a judge (tshark). When CI=true a missing tool fails the test (CI installs
 * it, so a missing one is a broken CI); elsewhere the test is skipped with the reason.
 */
public final class ExternalTool {
    private ExternalTool() {
    }

    public record Output(int exitCode, String stdout, String stderr) {
    }

    /** Fails (in CI) or skips (elsewhere) unless {@code program} runs. */
    public static void require(String program, String installHint) {
        if (!runs(program)) {
            missing(program, installHint);
        }
    }

    /** Reports a missing program or library: a failure when CI=true, a skip with the reason elsewhere. */
    public static void missing(String what, String installHint) {
        String why = what + " is not installed (" + installHint + ")";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(why + ": CI must install it in .ci/run");
        }
        Assumptions.abort(why);
    }

    public static void requireTshark() {
        require("tshark", "sudo apt-get install tshark");
    }

    private static boolean runs(String program) {
        try {
            Process p = new ProcessBuilder(program, "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                end(p);
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs the command to completion (at most two minutes) and returns what it printed. */
    public static Output run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command)).start();
        try {
            // both streams read on their own threads: a command that hangs cannot block the wait below
            var out = drain(p.getInputStream());
            var err = drain(p.getErrorStream());
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                fail(String.join(" ", command) + " did not finish in two minutes");
            }
            return new Output(p.exitValue(), out.join(), err.join());
        } finally {
            end(p);
        }
    }

    private static java.util.concurrent.CompletableFuture<String> drain(java.io.InputStream in) {
        var text = new java.util.concurrent.CompletableFuture<String>();
        Thread t = new Thread(() -> {
            try {
                text.complete(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                text.complete("");
            }
        });
        t.setDaemon(true);
        t.start();
        return text;
    }

    /** Ends a process that still runs, forcibly if it must, and waits for it. */
    private static void end(Process p) throws InterruptedException {
        if (p.isAlive()) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Runs the command and returns its standard output; fails the test if it exits non-zero. */
    public static String runOk(List<String> command) throws IOException, InterruptedException {
        Output o = run(command.toArray(String[]::new));
        if (o.exitCode() != 0) {
            fail(command + " exited with " + o.exitCode() + ": " + o.stderr());
        }
        return o.stdout();
    }

    /** tshark with checksum verification on, so a bad IPv4 or TCP checksum is an expert error. */
    public static List<String> tshark(String... args) {
        List<String> cmd = new ArrayList<>(List.of("tshark", "-n", "-o", "tcp.check_checksum:TRUE",
                "-o", "ip.check_checksum:TRUE"));
        cmd.addAll(List.of(args));
        return cmd;
    }
}
