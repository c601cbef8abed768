package org.netsim.app;

import java.util.Locale;
import java.util.Set;

/**
 * Pseudo-translation, to prove the window survives longer languages: every letter accented (so text that bypassed the
 * bundles stands out in plain ASCII), every value about 40% longer (German and French run 30-40% longer than English)
 * and bracketed (so a cut end shows). {@code {0}} arguments and quoted parts of MessageFormat patterns are kept.
 */
public final class PseudoText {
    /** The pseudo-locale: {@code en-XA}, the region code Android and Windows use for it. */
    public static final Locale LOCALE = Locale.forLanguageTag("en-XA");

    /** Values that are data the app parses, not text (client names, a rate and a delay typed into a field). */
    static final Set<String> DATA_KEYS = Set.of("session.clientNames", "session.link.defaultRate",
            "session.link.defaultDelay");

    private static final String PLAIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String ACCENTED = "áƀçđéƒĝĥíĵķĺɱñöþǫŕšţüṽŵẋýžÅƁÇĐÉƑĜĤÎĴĶĹṀÑÖÞǪŔŠŢÛṼŴẊÝŽ";
    private static final String[] FILLER = {"öñé", "ţŵö", "ţĥŕéé", "ƒöüŕ", "ƒîṽé", "šîẋ", "šéṽéñ", "éîĝĥţ"};

    private PseudoText() {
    }

    /** The pseudo-translation of {@code value} (the text of message {@code key}). */
    public static String of(String key, String value) {
        if (DATA_KEYS.contains(key) || value.isEmpty()) {
            return value;
        }
        StringBuilder out = new StringBuilder("[");
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\'' && depth == 0) {
                quoted = !quoted;
            } else if (c == '{' && !quoted) {
                depth++;
            } else if (c == '}' && !quoted && depth > 0) {
                depth--;
            }
            int k = PLAIN.indexOf(c);
            out.append(depth == 0 && !quoted && k >= 0 ? ACCENTED.charAt(k) : c);
        }
        int extra = Math.max(2, (int) Math.round(value.length() * 0.4));
        for (int w = 0, added = 0; added < extra; w++) {
            String word = FILLER[w % FILLER.length];
            out.append(' ').append(word);
            added += word.length() + 1;
        }
        return out.append(']').toString();
    }
}
