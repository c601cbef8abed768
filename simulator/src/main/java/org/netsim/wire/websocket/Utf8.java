package org.netsim.wire.websocket;

/**
 * Strict UTF-8 validation (RFC 3629 §4): no overlong forms, no surrogates, nothing above U+10FFFF. A text message
 * must be valid UTF-8, or the receiver "MUST _Fail the WebSocket Connection_" (RFC 6455 §8.1).
 */
final class Utf8 {
    private Utf8() {
    }

    /** Whether {@code buf[from, to)} is well-formed UTF-8. */
    static boolean isValid(byte[] buf, int from, int to) {
        int i = from;
        while (i < to) {
            int b = buf[i];
            if (b >= 0) {
                i++;
                continue;
            }
            b &= 0xFF;
            int n;
            int lo = 0x80;
            int hi = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) {
                n = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                n = 2;
                if (b == 0xE0) {
                    lo = 0xA0; // overlong below U+0800
                } else if (b == 0xED) {
                    hi = 0x9F; // U+D800..U+DFFF are surrogates
                }
            } else if (b >= 0xF0 && b <= 0xF4) {
                n = 3;
                if (b == 0xF0) {
                    lo = 0x90; // overlong below U+10000
                } else if (b == 0xF4) {
                    hi = 0x8F; // above U+10FFFF
                }
            } else {
                return false;
            }
            if (i + n >= to) { // the sequence runs past the end
                return false;
            }
            int c = buf[i + 1] & 0xFF;
            if (c < lo || c > hi) {
                return false;
            }
            for (int k = 2; k <= n; k++) {
                c = buf[i + k] & 0xFF;
                if (c < 0x80 || c > 0xBF) {
                    return false;
                }
            }
            i += n + 1;
        }
        return true;
    }
}
