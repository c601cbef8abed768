package org.netsim.wire.websocket;

/** The status codes of a Close frame (RFC 6455 §7.4 and the IANA "WebSocket Close Code Number Registry"). */
public final class CloseCodes {
    private CloseCodes() {
    }

    public static final int NORMAL_CLOSURE = 1000;
    public static final int GOING_AWAY = 1001;
    public static final int PROTOCOL_ERROR = 1002;
    public static final int UNSUPPORTED_DATA = 1003;
    public static final int NO_STATUS_RECEIVED = 1005;
    public static final int ABNORMAL_CLOSURE = 1006;
    public static final int INVALID_PAYLOAD_DATA = 1007;
    public static final int POLICY_VIOLATION = 1008;
    public static final int MESSAGE_TOO_BIG = 1009;
    public static final int MANDATORY_EXTENSION = 1010;
    public static final int INTERNAL_ERROR = 1011;
    public static final int TLS_HANDSHAKE = 1015;

    /** The registered name of a code, or {@code null}. */
    public static String name(int code) {
        return switch (code) {
            case 1000 -> "Normal Closure";
            case 1001 -> "Going Away";
            case 1002 -> "Protocol Error";
            case 1003 -> "Unsupported Data";
            case 1005 -> "No Status Received";
            case 1006 -> "Abnormal Closure";
            case 1007 -> "Invalid frame payload data";
            case 1008 -> "Policy Violation";
            case 1009 -> "Message Too Big";
            case 1010 -> "Mandatory Extension";
            case 1011 -> "Internal Error";
            case 1012 -> "Service Restart";
            case 1013 -> "Try Again Later";
            case 1014 -> "Bad Gateway";
            case 1015 -> "TLS handshake";
            default -> code >= 3000 && code <= 3999 ? "Registered for libraries and frameworks"
                    : code >= 4000 && code <= 4999 ? "Private use" : null;
        };
    }

    /** "1000 (Normal Closure)", or the bare number for a code with no name. */
    public static String describe(int code) {
        String name = name(code);
        return name == null ? Integer.toString(code) : code + " (" + name + ")";
    }

    /** Why a peer must not send this code in a Close frame (RFC 6455 §7.4.1, §7.4.2), or {@code null} if it may. */
    public static String problem(int code) {
        if (code < 1000) {
            return "status code " + code + ": codes 0-999 are not used (RFC 6455 §7.4.2)";
        }
        if (code == 1005 || code == 1006 || code == 1015) {
            return "status code " + code + " MUST NOT be set as a status code in a Close control frame by an endpoint "
                    + "(RFC 6455 §7.4.1)";
        }
        if (code == 1004 || (code >= 1016 && code <= 2999)) {
            return "status code " + code + " is reserved (RFC 6455 §7.4.2)";
        }
        if (code >= 5000) {
            return "status code " + code + " is outside the ranges RFC 6455 §7.4.2 defines (1000-4999)";
        }
        return null;
    }

    /**
     * What a control frame's payload {@code b[off, off+n)} says, for a one-line listing: a Close frame's status code
     * with its name and the quoted reason (RFC 6455 §5.5.1, §7.4), e.g. {@code 1000 (Normal Closure) "bye"}, or
     * {@code (no status code)} for an empty body; a Ping's or Pong's application data as text, or as hex when it is
     * not UTF-8. A Close body of one byte, which the framing already refuses, is shown as hex.
     */
    public static String controlText(int opcode, byte[] b, int off, int n) {
        if (opcode == Opcode.CLOSE.value() && n != 1) {
            if (n == 0) {
                return "(no status code)";
            }
            String code = describe((b[off] & 0xff) << 8 | (b[off + 1] & 0xff));
            if (n == 2) {
                return code;
            }
            return code + " " + quotedOrHex(b, off + 2, n - 2);
        }
        return n == 0 ? "" : Utf8.isValid(b, off, off + n) && !hasControl(b, off, n)
                ? new String(b, off, n, java.nio.charset.StandardCharsets.UTF_8)
                : org.netsim.pdu.Hex.spaced(b, off, n);
    }

    private static String quotedOrHex(byte[] b, int off, int n) {
        return Utf8.isValid(b, off, off + n) && !hasControl(b, off, n)
                ? '"' + new String(b, off, n, java.nio.charset.StandardCharsets.UTF_8) + '"'
                : "<" + org.netsim.pdu.Hex.spaced(b, off, n) + ">";
    }

    /** C0 controls and DEL would garble a terminal line. */
    private static boolean hasControl(byte[] b, int off, int n) {
        for (int i = off; i < off + n; i++) {
            if ((b[i] >= 0 && b[i] < 0x20) || b[i] == 0x7f) {
                return true;
            }
        }
        return false;
    }
}
