package org.netsim.app.cli;

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
        try {
            NetsimApplication.launchWindow();
        } catch (UnsupportedOperationException e) {
            // GTK could not reach the X server DISPLAY names (an ssh session without X forwarding, say)
            if (String.valueOf(e.getMessage()).contains("DISPLAY")) {
                throw new UserError(cannotOpen(System.getenv("DISPLAY")));
            }
            throw e;
        }
        return 0;
    }

    static String cannotOpen(String display) {
        return "cannot open the display " + display + ": run it on that desktop session (or with ssh -X), or use the "
                + "command line (netsim --help)";
    }

    /** Windows and macOS always have one; elsewhere an X11 or Wayland session says so in the environment. */
    static boolean hasDisplay(UnaryOperator<String> env, String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        return os.contains("win") || os.contains("mac") || env.apply("DISPLAY") != null
                || env.apply("WAYLAND_DISPLAY") != null;
    }
}
