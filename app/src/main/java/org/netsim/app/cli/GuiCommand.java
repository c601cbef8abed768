package org.netsim.app.cli;

import java.util.concurrent.Callable;
import org.netsim.app.gui.NetsimApplication;
import picocli.CommandLine.Command;

/** Opens the classroom window (what {@code netsim} does with no arguments). */
@Command(name = "gui", description = "Open the classroom window (the default with no arguments).")
final class GuiCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        if (System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null && !isWindowsOrMac()) {
            throw new UserError("no display to open the window on: run it on a desktop session, or use the command "
                    + "line (netsim --help)");
        }
        NetsimApplication.launchWindow();
        return 0;
    }

    private static boolean isWindowsOrMac() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        return os.contains("win") || os.contains("mac");
    }
}
