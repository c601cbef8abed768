package org.netsim.app.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import org.netsim.app.gui.NetsimApplication;
import picocli.CommandLine.Command;

/** Opens the classroom window (what {@code netsim} does with no arguments). */
@Command(name = "gui", description = "Open the classroom window (the default with no arguments).")
final class GuiCommand implements Callable<Integer> {
    static final String NO_DISPLAY = "no display to open the window on: run it on a desktop session, or use the "
            + "command line (netsim --help)";

    @Override
    public Integer call() {
        if (!hasDisplay(System::getenv, System.getProperty("os.name", ""))) {
            throw new UserError(NO_DISPLAY);
        }
        NetsimApplication.launchWindow();
        return 0;
    }

    /**
     * What {@code netsim} with no arguments does, without building the command line's model first: picocli reading
     * every subcommand's annotations would add a quarter of a second before the first screen.
     */
    static int open(PrintWriter err) {
        try {
            return new GuiCommand().call();
        } catch (UserError e) {
            err.println("netsim: " + e.getMessage());
            return e.exitCode();
        }
    }

    /** Windows and macOS always have one; elsewhere an X11 or Wayland session says so in the environment. */
    static boolean hasDisplay(UnaryOperator<String> env, String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        return os.contains("win") || os.contains("mac") || env.apply("DISPLAY") != null
                || env.apply("WAYLAND_DISPLAY") != null;
    }
}
