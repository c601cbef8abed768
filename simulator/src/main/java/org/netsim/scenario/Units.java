package org.netsim.scenario;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Times and rates as a teacher writes them: {@code 250ms}, {@code 2s}, {@code 40us}, {@code 100Mbps}. */
final class Units {
    private static final Pattern NUMBER_UNIT = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([a-zA-Zµ]*)\\s*");

    private Units() {
    }

    /** Nanoseconds; a bare number is milliseconds. */
    static long nanos(String text, String what) {
        Matcher m = NUMBER_UNIT.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new ScenarioException(what + ": \"" + text + "\" is not a time like 250ms, 2s or 40us");
        }
        double v = Double.parseDouble(m.group(1));
        double factor = switch (m.group(2)) {
            case "ns" -> 1;
            case "us", "µs" -> 1e3;
            case "", "ms" -> 1e6;
            case "s" -> 1e9;
            case "min" -> 60e9;
            default -> throw new ScenarioException(what + ": unknown time unit \"" + m.group(2)
                    + "\" (use ns, us, ms, s or min)");
        };
        return Math.round(v * factor);
    }

    /** Bits per second. */
    static long bitsPerSecond(String text, String what) {
        Matcher m = NUMBER_UNIT.matcher(text);
        if (!m.matches()) {
            throw new ScenarioException(what + ": \"" + text + "\" is not a rate like 100Mbps");
        }
        double v = Double.parseDouble(m.group(1));
        double factor = switch (m.group(2)) {
            case "", "bps" -> 1;
            case "kbps", "Kbps" -> 1e3;
            case "Mbps" -> 1e6;
            case "Gbps" -> 1e9;
            default -> throw new ScenarioException(what + ": unknown rate unit \"" + m.group(2)
                    + "\" (use bps, kbps, Mbps or Gbps)");
        };
        long r = Math.round(v * factor);
        if (r <= 0) {
            throw new ScenarioException(what + ": a rate must be positive");
        }
        return r;
    }
}
