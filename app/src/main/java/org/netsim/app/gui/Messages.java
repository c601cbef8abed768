package org.netsim.app.gui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The app's user-visible text, from {@code org/netsim/app/messages.properties}: one place to translate. Keys with
 * arguments are {@link MessageFormat} patterns ({@code {0}}); keys without are returned as they are written.
 *
 * <p>The bundle follows the JVM's default locale ({@code -Duser.language=de} picks {@code messages_de.properties}).
 * {@link #useLocale} changes it before a window is built (tests use a pseudo-locale to prove the layout survives
 * longer translations); views built earlier keep the text they were built with.
 */
public final class Messages {
    static final String NAME = "org.netsim.app.messages";

    private static volatile ResourceBundle bundle = ResourceBundle.getBundle(NAME);

    private Messages() {
    }

    public static String get(String key) {
        return bundle.getString(key);
    }

    public static String get(String key, Object... args) {
        if (args.length == 0) {
            return get(key);
        }
        return new MessageFormat(get(key), locale()).format(args);
    }

    public static ResourceBundle bundle() {
        return bundle;
    }

    /** The locale of the text: the locale the bundle was found for (the root bundle's is the JVM's default). */
    public static Locale locale() {
        Locale l = bundle.getLocale();
        return l == null || l.equals(Locale.ROOT) ? Locale.getDefault() : l;
    }

    /** Switches every later lookup (and {@link FieldTexts}) to {@code locale}'s bundles. */
    public static void useLocale(Locale locale) {
        bundle = ResourceBundle.getBundle(NAME, locale);
        FieldTexts.useLocale(locale);
    }
}
