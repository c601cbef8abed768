package org.netsim.lessons.load;

/**
 * A time as scenario files write it ({@code 300ms}, {@code 2s}, {@code 40us}; a bare number is milliseconds). The
 * simulator's own parser is internal to its scenario package, so lessons parse the same notation here.
 */
public final class TimeText {
    private TimeText() {
    }

    /** Nanoseconds; throws {@link IllegalArgumentException} with a sentence saying what is wrong. */
    public static long nanos(String text) {
        String t = text == null ? "" : text.strip();
        int i = 0;
        while (i < t.length() && (Character.isDigit(t.charAt(i)) || t.charAt(i) == '.')) {
            i++;
        }
        String number = t.substring(0, i);
        String unit = t.substring(i).strip();
        double v;
        try {
            v = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a time like 300ms, 2s or 40us");
        }
        double factor = switch (unit) {
            case "ns" -> 1;
            case "us", "\u00b5s" -> 1e3;
            case "", "ms" -> 1e6;
            case "s" -> 1e9;
            case "min" -> 60e9;
            default -> throw new IllegalArgumentException("unknown time unit \"" + unit + "\" in \"" + text
                    + "\" (use ns, us, ms, s or min)");
        };
        return Math.round(v * factor);
    }
}
