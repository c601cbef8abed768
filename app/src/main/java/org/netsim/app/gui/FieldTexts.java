package org.netsim.app.gui;

import java.util.Locale;
import java.util.ResourceBundle;
import org.netsim.pdu.Field;
import org.netsim.pdu.FieldSpec;

/**
 * Field names and explanations in the user's language. The engine declares every field once, in English, in its
 * layouts ({@code TcpLayout}: key {@code tcp.srcport}, "Source port", what it is for); the app looks each one up in
 * {@code org/netsim/app/fields.properties} (and a translator's {@code fields_de.properties}) under
 * {@code <key>.name} and {@code <key>.explanation}, and falls back to the engine's English text. The shipped base
 * bundle is empty on purpose: English lives in the layouts, next to the RFC it comes from.
 */
public final class FieldTexts {
    static final String NAME = "org.netsim.app.fields";

    private static volatile ResourceBundle bundle = ResourceBundle.getBundle(NAME);

    private FieldTexts() {
    }

    public static String name(Field f) {
        return name(f.spec());
    }

    public static String name(FieldSpec spec) {
        return lookup(spec.key() + ".name", spec.name());
    }

    public static String explanation(Field f) {
        return explanation(f.spec());
    }

    public static String explanation(FieldSpec spec) {
        return lookup(spec.key() + ".explanation", spec.explanation());
    }

    static void useLocale(Locale locale) {
        bundle = ResourceBundle.getBundle(NAME, locale);
    }

    private static String lookup(String key, String english) {
        ResourceBundle b = bundle;
        return b.containsKey(key) ? b.getString(key) : english;
    }
}
