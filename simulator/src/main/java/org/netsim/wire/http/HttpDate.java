package org.netsim.wire.http;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The HTTP date format (RFC 9110 §5.6.7, IMF-fixdate): {@code Wed, 25 Nov 2026 04:16:53 GMT}, what Node's
 * {@code Date.prototype.toUTCString} writes into the {@code Date} header. The time always comes from the caller (the
 * simulation clock), never from the machine's clock.
 */
public final class HttpDate {
    private HttpDate() {
    }

    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
            "Nov", "Dec"};

    /** {@code instant} as IMF-fixdate, in whole seconds (the milliseconds are dropped, as Node does). */
    public static String format(Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        StringBuilder sb = new StringBuilder(29);
        sb.append(DAYS[t.getDayOfWeek().getValue() - 1]).append(", ");
        two(sb, t.getDayOfMonth());
        sb.append(' ').append(MONTHS[t.getMonthValue() - 1]).append(' ');
        int year = t.getYear();
        sb.append("0000", 0, Math.max(0, 4 - Integer.toString(year).length())).append(year).append(' ');
        two(sb, t.getHour());
        sb.append(':');
        two(sb, t.getMinute());
        sb.append(':');
        two(sb, t.getSecond());
        return sb.append(" GMT").toString();
    }

    private static void two(StringBuilder sb, int v) {
        sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }
}
