package org.netsim.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * JavaScript's two conversions between numbers and text: {@code Number.prototype.toString()} (ECMA-262 §6.1.6.1.20
 * Number::toString, which {@code JSON.stringify} uses for finite numbers) and {@code Number(string)} (ECMA-262 §7.1.4.1.1
 * StringToNumber, which socket.io-parser uses to read packet types, attachment counts and ack ids).
 *
 * <p>Java's {@code Double.toString} is not a substitute: it switches to exponent form at other thresholds, writes
 * {@code 1.0E21} where JavaScript writes {@code 1e+21}, and on JDK 17 does not always give the shortest digits
 * (JDK-4511638, fixed in JDK 19). Here the digits are the shortest that read back as the same double and, among those,
 * the closest to the exact value (ties to the even digit string), as §6.1.6.1.20 step 5 requires. Integers below
 * 2^53 print directly; numbers with a decimal form of at most 15 significant digits take a fast path of plain double
 * arithmetic; the rest (such as 0.1 + 0.2) are settled exactly with {@link BigDecimal}, a few microseconds each.
 */
public final class JsNumber {
    private JsNumber() {
    }

    /** 2^53: every integer of smaller magnitude is a double exactly and is its own shortest digit string. */
    private static final double SAFE_LIMIT = 9007199254740992.0;

    /** {@code Number.prototype.toString()} of {@code v}: {@code 1e+21}, {@code 1e-7}, {@code 0.1}, {@code -0} → {@code 0}. */
    public static String toString(double v) {
        if (v == 0) {
            return "0";
        }
        if (Math.abs(v) < SAFE_LIMIT && v == (long) v) {
            return Long.toString((long) v);
        }
        StringBuilder sb = new StringBuilder(24);
        appendNonInteger(sb, v);
        return sb.toString();
    }

    /** Appends {@code Number.prototype.toString()} of {@code v} to {@code sb}. */
    public static void append(StringBuilder sb, double v) {
        if (v == 0) {
            sb.append('0');
        } else if (Math.abs(v) < SAFE_LIMIT && v == (long) v) {
            sb.append((long) v);
        } else {
            appendNonInteger(sb, v);
        }
    }

    private static void appendNonInteger(StringBuilder sb, double v) {
        if (Double.isNaN(v)) {
            sb.append("NaN");
            return;
        }
        if (v < 0) {
            sb.append('-');
            v = -v;
        }
        if (Double.isInfinite(v)) {
            sb.append("Infinity");
            return;
        }
        if (appendFifteenDigits(sb, v)) {
            return;
        }
        BigDecimal best = shortest(new BigDecimal(v), v);
        String digits = best.unscaledValue().toString();
        // value = 0.digits × 10^n: the "n" of §6.1.6.1.20
        format(sb, digits, digits.length() - best.scale());
    }

    /** Exact powers of ten as doubles: 10^0..10^22 are all exactly representable. */
    private static final double[] POW10 = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private static final long TEN_14 = 100_000_000_000_000L;
    private static final long TEN_15 = 1_000_000_000_000_000L;

    /**
     * The fast path for numbers that have a decimal form of at most 15 significant digits (0.1, 3.14, 1e-7): their
     * decimal neighbours with 15 digits are at least 10^-15 apart relative to the value, wider than a double's rounding
     * interval (at most 2^-52), so at most one 15-digit decimal reads back as {@code v}. If one does, it is the
     * closest, and with its trailing zeros dropped it is the shortest. A 15-digit integer and a power of ten up to
     * 10^22 are exact doubles, so one multiplication or division reads the candidate back correctly rounded.
     *
     * @return false when no 15-digit decimal reads back as {@code v} or the scale is out of the exact range
     */
    private static boolean appendFifteenDigits(StringBuilder sb, double v) {
        int e10 = (int) Math.floor(Math.log10(v));
        for (int attempt = 0; attempt < 2; attempt++) {
            int k = 14 - e10;
            if (k < -22 || k > 22) {
                return false;
            }
            double scaled = k >= 0 ? v * POW10[k] : v / POW10[-k];
            long n = (long) Math.rint(scaled);
            if (n >= TEN_15) {
                e10++;
                continue;
            }
            if (n < TEN_14) {
                e10--;
                continue;
            }
            for (long c = n - 1; c <= n + 1; c++) {
                double back = k >= 0 ? c / POW10[k] : c * POW10[-k];
                if (back == v) {
                    long digits = c;
                    int k2 = k;
                    while (digits % 10 == 0) {
                        digits /= 10;
                        k2--;
                    }
                    String s = Long.toString(digits);
                    // value = digits × 10^-k2 = 0.s × 10^(len - k2)
                    format(sb, s, s.length() - k2);
                    return true;
                }
            }
            return false;
        }
        return false;
    }

    /**
     * The shortest decimal that reads back as {@code v} (k as small as possible), closest to the exact value among those
     * of that length, the even one on a tie. A p-digit decimal reads back as {@code v} only if it lies in {@code v}'s
     * rounding interval, and the interval contains the exact value, so if any p-digit decimal reads back then the
     * nearest one below or the nearest one above does. Having such a decimal at p digits implies one at p+1 (append a
     * zero), so the least p is found by bisection.
     */
    private static BigDecimal shortest(BigDecimal exact, double v) {
        int lo = 1;
        int hi = 17; // 17 significant digits always identify a double
        BigDecimal found = pick(exact, v, 17);
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            BigDecimal c = pick(exact, v, mid);
            if (c != null) {
                found = c;
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return found.stripTrailingZeros();
    }

    /** The p-digit decimal nearest to {@code exact} that reads back as {@code v}, or {@code null} if there is none. */
    private static BigDecimal pick(BigDecimal exact, double v, int p) {
        BigDecimal down = exact.round(new MathContext(p, RoundingMode.FLOOR));
        BigDecimal up = exact.round(new MathContext(p, RoundingMode.CEILING));
        boolean downOk = down.doubleValue() == v;
        boolean upOk = !up.equals(down) && up.doubleValue() == v;
        if (downOk && upOk) {
            int cmp = exact.subtract(down).compareTo(up.subtract(exact));
            if (cmp != 0) {
                return cmp < 0 ? down : up;
            }
            return down.unscaledValue().testBit(0) ? up : down;
        }
        return downOk ? down : upOk ? up : null;
    }

    /** ECMA-262 §6.1.6.1.20 steps 6–12: digits s (k of them) with the decimal point after the n-th digit. */
    private static void format(StringBuilder sb, String s, int n) {
        int k = s.length();
        if (k <= n && n <= 21) {
            sb.append(s);
            for (int i = k; i < n; i++) {
                sb.append('0');
            }
        } else if (0 < n && n <= 21) {
            sb.append(s, 0, n).append('.').append(s, n, k);
        } else if (-6 < n && n <= 0) {
            sb.append("0.");
            for (int i = n; i < 0; i++) {
                sb.append('0');
            }
            sb.append(s);
        } else {
            int e = n - 1;
            sb.append(s.charAt(0));
            if (k > 1) {
                sb.append('.').append(s, 1, k);
            }
            sb.append('e').append(e < 0 ? '-' : '+').append(Math.abs(e));
        }
    }

    /**
     * JavaScript's white space and line terminators (ECMA-262 §12.2, §12.3): what {@code Number(string)} trims, and what
     * socket.io-parser therefore reads as the digit 0.
     */
    public static boolean isJsWhitespace(char c) {
        switch (c) {
            case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x00A0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
                return true;
            default:
                return c >= 0x2000 && c <= 0x200A;
        }
    }

    /**
     * {@code Number(s.substring(from, to))} as JavaScript computes it (ECMA-262 §7.1.4.1.1): surrounding white space is
     * ignored, the empty string is 0, {@code 0x}/{@code 0o}/{@code 0b} prefixes, {@code Infinity}, and otherwise a
     * decimal literal with optional sign, fraction and exponent; anything else is NaN.
     */
    public static double parse(CharSequence s, int from, int to) {
        while (from < to && isJsWhitespace(s.charAt(from))) {
            from++;
        }
        while (to > from && isJsWhitespace(s.charAt(to - 1))) {
            to--;
        }
        if (from == to) {
            return 0;
        }
        if (to - from > 2 && s.charAt(from) == '0') {
            int radix = switch (s.charAt(from + 1)) {
                case 'x', 'X' -> 16;
                case 'o', 'O' -> 8;
                case 'b', 'B' -> 2;
                default -> 0;
            };
            if (radix != 0) {
                return radixInteger(s, from + 2, to, radix);
            }
        }
        int i = from;
        boolean negative = false;
        if (s.charAt(i) == '+' || s.charAt(i) == '-') {
            negative = s.charAt(i) == '-';
            i++;
        }
        if (to - i == 8 && "Infinity".contentEquals(s.subSequence(i, to))) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        int start = i;
        int intDigits = skipDigits(s, i, to);
        i += intDigits;
        int fracDigits = 0;
        if (i < to && s.charAt(i) == '.') {
            i++;
            fracDigits = skipDigits(s, i, to);
            i += fracDigits;
        }
        if (intDigits + fracDigits == 0) {
            return Double.NaN;
        }
        if (i < to && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < to && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
                j++;
            }
            int expDigits = skipDigits(s, j, to);
            if (expDigits == 0) {
                return Double.NaN;
            }
            i = j + expDigits;
        }
        if (i != to) {
            return Double.NaN;
        }
        double magnitude;
        if (fracDigits == 0 && intDigits <= 15 && i == start + intDigits) {
            long value = 0;
            for (int j = start; j < i; j++) {
                value = value * 10 + (s.charAt(j) - '0');
            }
            magnitude = value;
        } else {
            // Java's decimal reading is correctly rounded, as ECMA-262 requires; "5." and ".5" are both accepted by it
            magnitude = Double.parseDouble(s.subSequence(start, to).toString());
        }
        return negative ? -magnitude : magnitude;
    }

    private static int skipDigits(CharSequence s, int from, int to) {
        int i = from;
        while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i - from;
    }

    private static double radixInteger(CharSequence s, int from, int to, int radix) {
        if (to - from > 12) {
            // past 2^48 a running double would round at each step; the mathematical value is rounded once
            for (int i = from; i < to; i++) {
                if (Character.digit(s.charAt(i), radix) < 0 || s.charAt(i) > 'z') {
                    return Double.NaN;
                }
            }
            return new java.math.BigInteger(s.subSequence(from, to).toString(), radix).doubleValue();
        }
        double value = 0;
        for (int i = from; i < to; i++) {
            int d = Character.digit(s.charAt(i), radix);
            if (d < 0 || s.charAt(i) > 'z') {
                return Double.NaN;
            }
            value = value * radix + d;
        }
        return value;
    }
}
