package org.netsim.app.gui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The app's user-visible text, from {@code org/netsim/app/messages.properties}: one place to translate. Keys with
 * arguments are {@link MessageFormat} patterns ({@code {0}}); keys without are returned as they are written.
 */
public final class Messages {
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("org.netsim.app.messages");

    private Messages() {
    }

    public static String get(String key) {
        return BUNDLE.getString(key);
    }

    public static String get(String key, Object... args) {
        if (args.length == 0) {
            return get(key);
        }
        return new MessageFormat(BUNDLE.getString(key), Locale.getDefault()).format(args);
    }

    public static ResourceBundle bundle() {
        return BUNDLE;
    }
}
