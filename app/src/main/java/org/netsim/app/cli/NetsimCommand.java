package org.netsim.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code netsim} command and its subcommands. */
@Command(name = "netsim", mixinStandardHelpOptions = true, versionProvider = NetsimCommand.Version.class,
        description = "Follow a Socket.IO emit through every layer, write it as pcap, and decode captures.",
        subcommands = {GuiCommand.class, EmitCommand.class, DecodeCommand.class, RunCommand.class, LessonsCommand.class,
                CommandLine.HelpCommand.class})
public final class NetsimCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /**
     * Opens the classroom window as {@code netsim gui} does and returns the exit code, without building the command
     * line's model first (picocli reading every subcommand's annotations would add a quarter of a second before the
     * first screen). A failure is one line on stderr, as for every command: no display, or an internal error.
     */
    public static int openWindow() {
        PrintWriter err = new PrintWriter(System.err, true);
        try {
            return new GuiCommand().call();
        } catch (Exception e) {
            return failed(e, err);
        }
    }

    /** Says on {@code err} in one line what went wrong and returns the exit code for it. */
    static int failed(Exception ex, PrintWriter err) {
        err.println("netsim: " + describe(ex));
        return ex instanceof UserError u ? u.exitCode() : ex instanceof IOException ? 1 : 70;
    }

    /** Runs the command line and returns the exit code; errors are one clear line on stderr. */
    public static int execute(String... args) {
        return execute(new ProcessOut(System.out), new PrintWriter(System.err, true), args);
    }

    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new NetsimCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, line, parse) -> failed(ex, line.getErr()));
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("netsim: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help' for more information.");
            return 2;
        });
        return cl.execute(args);
    }

    private static String describe(Exception ex) {
        String m = ex.getMessage();
        if (ex instanceof UserError) {
            return m;
        }
        // java.nio's file exceptions carry the file and, sometimes, the reason apart: put them in one sentence
        if (ex instanceof FileSystemException f) {
            String what = f instanceof NoSuchFileException ? "no such file or folder"
                    : f instanceof AccessDeniedException ? "permission denied" : f.getReason();
            String reason = f instanceof NoSuchFileException || f instanceof AccessDeniedException ? f.getReason()
                    : null;
            return f.getFile() + ": " + what + (reason == null || reason.equals(what) ? "" : " (" + reason + ")");
        }
        if (ex instanceof IOException) {
            return m == null ? ex.getClass().getSimpleName() : m;
        }
        return "internal error: " + ex.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = NetsimCommand.class.getPackage().getImplementationVersion();
            return new String[] {"netsim " + (v == null ? "development build" : v)};
        }
    }
}
