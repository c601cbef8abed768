package org.netsim.app;

import org.netsim.app.cli.NetsimCommand;

/**
 * Entry point of {@code netsim.jar}: with no arguments it opens the classroom window; with arguments it is the command
 * line ({@code netsim emit ...}, {@code netsim decode ...}).
 *
 * <p>This class must not extend {@code javafx.application.Application}: a plain main class is what lets the shaded jar
 * start JavaFX from the class path.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        boolean window = args.length == 0 || "gui".equals(args[0]);
        int code = args.length == 0 ? NetsimCommand.openWindow() : NetsimCommand.execute(args);
        // the window's JavaFX thread keeps the JVM alive until it closes; the command line ends here
        if (code != 0 || !window) {
            System.exit(code);
        }
    }
}
