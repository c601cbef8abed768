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
        if (args.length == 0) {
            args = new String[] {"gui"};
        }
        int code = NetsimCommand.execute(args);
        if (code != 0 || !"gui".equals(args[0])) {
            System.exit(code);
        }
    }
}
