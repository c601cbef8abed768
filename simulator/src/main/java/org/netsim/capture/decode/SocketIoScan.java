package org.netsim.capture.decode;

import java.nio.charset.StandardCharsets;
import org.netsim.wire.socketio.SocketIoCodec;

/**
 * The fast way through a Socket.IO packet text for the common packets: CONNECT, DISCONNECT, EVENT and ACK whose JSON
 * is already exactly what {@code JSON.stringify} writes. It reads the bytes once, builds no JSON tree, and gives the
 * event name and the arguments as JSON text cut from the packet. Whenever it meets anything it cannot vouch for (a
 * number that is not a plain integer, an escape {@code JSON.stringify} would not write, an integer-like or repeated
 * object key, binary packets, an error) it answers {@code false}, and the caller takes {@link SocketIoCodec}'s full
 * path, which decides and words the error. So the answer, when there is one, is what the full path gives.
 *
 * <p>Mutable: one instance per decoder, results valid until the next call.
 */
final class SocketIoScan {
    static final int CONNECT = 0;
    static final int DISCONNECT = 1;
    static final int EVENT = 2;
    static final int ACK = 3;

    private static final int MAX_DEPTH = 64;
    private static final int MAX_KEYS = 16;
    private static final byte[][] RESERVED = new byte[SocketIoCodec.RESERVED_EVENTS.size()][];

    static {
        for (int i = 0; i < RESERVED.length; i++) {
            RESERVED[i] = SocketIoCodec.RESERVED_EVENTS.get(i).getBytes(StandardCharsets.US_ASCII);
        }
    }

    int type;
    String namespace;
    long ackId;
    boolean hasAckId;
    String event;
    /**
     * The arguments (an EVENT's after its name, an ACK's), or a CONNECT's data, as JSON text: {@code b[argsFrom,
     * argsTo)}, after a '[' when {@code argsBracket}; {@code argsFrom} is -1 if there are none.
     */
    int argsFrom;
    int argsTo;
    boolean argsBracket;

    private final int[] keyStart = new int[MAX_KEYS * MAX_DEPTH];
    private final int[] keyEnd = new int[MAX_KEYS * MAX_DEPTH];
    private final String[] eventCache = new String[64];
    private String lastNamespace = "/";

    /** Reads {@code b[off, end)}, known to be well-formed UTF-8; false when the full path must decide. */
    boolean scan(byte[] b, int off, int end) {
        if (off >= end) {
            return false;
        }
        int t = b[off] - '0';
        if (t < CONNECT || t > ACK) {
            return false;
        }
        type = t;
        int p = off + 1;
        namespace = "/";
        if (p < end && b[p] == '/') {
            int comma = p + 1;
            while (comma < end && b[comma] != ',') {
                comma++;
            }
            if (comma == end) {
                return false;
            }
            namespace = namespace(b, p, comma);
            p = comma + 1;
        }
        hasAckId = false;
        if (p < end && b[p] >= '0' && b[p] <= '9') {
            long id = 0;
            int s = p;
            while (p < end && b[p] >= '0' && b[p] <= '9') {
                id = id * 10 + (b[p] - '0');
                p++;
            }
            if (p - s > 15 || (p < end && isJsSpace(b[p]))) {
                return false;
            }
            ackId = id;
            hasAckId = true;
        } else if (p < end && isJsSpace(b[p])) {
            return false;
        }
        event = null;
        argsFrom = -1;
        argsBracket = false;
        if (p == end) {
            // no payload: fine for CONNECT and DISCONNECT; an EVENT or ACK without one goes the full way
            return type == CONNECT || type == DISCONNECT;
        }
        int first = b[p];
        switch (type) {
            case CONNECT:
                if (first != '{' || value(b, p, end, 0) != end) {
                    return false;
                }
                argsFrom = p;
                argsTo = end;
                return true;
            case ACK:
                if (first != '[' || value(b, p, end, 0) != end) {
                    return false;
                }
                argsFrom = p;
                argsTo = end;
                return true;
            case EVENT:
                return event(b, p, end);
            default:
                return false;
        }
    }

    private boolean event(byte[] b, int p, int end) {
        if (b[p] != '[' || p + 1 >= end || b[p + 1] != '"') {
            return false;
        }
        int nameStart = p + 2;
        int nameEnd = string(b, p + 1, end);
        if (nameEnd < 0) {
            return false;
        }
        for (int i = nameStart; i < nameEnd - 1; i++) {
            if (b[i] == '\\') {
                return false;
            }
        }
        int q = nameEnd;
        if (q >= end) {
            return false;
        }
        if (b[q] == ']') {
            if (q + 1 != end) {
                return false;
            }
            // "[" + "]"
            argsFrom = q;
        } else if (b[q] == ',') {
            int r = q + 1;
            while (true) {
                r = value(b, r, end, 1);
                if (r < 0 || r >= end) {
                    return false;
                }
                if (b[r] == ']') {
                    r++;
                    break;
                }
                if (b[r] != ',') {
                    return false;
                }
                r++;
            }
            if (r != end) {
                return false;
            }
            // "[" + the elements after the name
            argsFrom = q + 1;
        } else {
            return false;
        }
        if (isReserved(b, nameStart, nameEnd - 1)) {
            return false;
        }
        argsTo = end;
        argsBracket = true;
        event = eventName(b, nameStart, nameEnd - 1);
        return true;
    }

    /** The end of the canonical JSON value at {@code p}, or -1. */
    private int value(byte[] b, int p, int end, int depth) {
        if (p >= end || depth > MAX_DEPTH) {
            return -1;
        }
        switch (b[p]) {
            case '"':
                return string(b, p, end);
            case '[': {
                p++;
                if (p < end && b[p] == ']') {
                    return p + 1;
                }
                while (true) {
                    p = value(b, p, end, depth + 1);
                    if (p < 0 || p >= end) {
                        return -1;
                    }
                    if (b[p] == ']') {
                        return p + 1;
                    }
                    if (b[p] != ',') {
                        return -1;
                    }
                    p++;
                }
            }
            case '{': {
                p++;
                if (p < end && b[p] == '}') {
                    return p + 1;
                }
                int keys = 0;
                int base = depth * MAX_KEYS;
                while (true) {
                    if (p >= end || b[p] != '"' || keys == MAX_KEYS || depth >= MAX_DEPTH) {
                        return -1;
                    }
                    int ks = p + 1;
                    int ke = string(b, p, end);
                    if (ke < 0 || !ordinaryKey(b, ks, ke - 1)) {
                        return -1;
                    }
                    for (int k = 0; k < keys; k++) {
                        if (same(b, keyStart[base + k], keyEnd[base + k], ks, ke - 1)) {
                            return -1;
                        }
                    }
                    keyStart[base + keys] = ks;
                    keyEnd[base + keys] = ke - 1;
                    keys++;
                    p = ke;
                    if (p >= end || b[p] != ':') {
                        return -1;
                    }
                    p = value(b, p + 1, end, depth + 1);
                    if (p < 0 || p >= end) {
                        return -1;
                    }
                    if (b[p] == '}') {
                        return p + 1;
                    }
                    if (b[p] != ',') {
                        return -1;
                    }
                    p++;
                }
            }
            case 't':
                return literal(b, p, end, "true");
            case 'f':
                return literal(b, p, end, "false");
            case 'n':
                return literal(b, p, end, "null");
            default:
                return number(b, p, end);
        }
    }

    /** A string as JSON.stringify writes it; returns the index after its closing quote, or -1. */
    private static int string(byte[] b, int p, int end) {
        int i = p + 1;
        while (i < end) {
            int c = b[i];
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\') {
                if (i + 1 >= end) {
                    return -1;
                }
                int e = b[i + 1];
                if (e == '"' || e == '\\' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't') {
                    i += 2;
                    continue;
                }
                // JSON.stringify writes \\u only for the other control characters, as \\u00xx in lowercase
                if (e != 'u' || i + 5 >= end || b[i + 2] != '0' || b[i + 3] != '0' || (b[i + 4] != '0'
                        && b[i + 4] != '1') || !lowerHex(b[i + 5])) {
                    return -1;
                }
                int v = (b[i + 4] - '0') * 16 + Character.digit(b[i + 5], 16);
                if (v == 8 || v == 9 || v == 10 || v == 12 || v == 13) {
                    return -1;
                }
                i += 6;
                continue;
            }
            if (c >= 0 && c < 0x20) {
                return -1;
            }
            i++;
        }
        return -1;
    }

    private static boolean lowerHex(byte c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }

    /** Integers JavaScript prints as they are: no sign on zero, no leading zero, at most 15 digits. */
    private static int number(byte[] b, int p, int end) {
        int i = p;
        if (b[i] == '-') {
            i++;
        }
        int d = i;
        if (i >= end || b[i] < '0' || b[i] > '9') {
            return -1;
        }
        if (b[i] == '0') {
            if (i != p) {
                return -1;
            }
            i++;
        } else {
            while (i < end && b[i] >= '0' && b[i] <= '9') {
                i++;
            }
        }
        if (i - d > 15 || (i < end && (b[i] == '.' || b[i] == 'e' || b[i] == 'E' || (b[i] >= '0' && b[i] <= '9')))) {
            return -1;
        }
        return i;
    }

    private static int literal(byte[] b, int p, int end, String word) {
        if (end - p < word.length()) {
            return -1;
        }
        for (int i = 0; i < word.length(); i++) {
            if (b[p + i] != word.charAt(i)) {
                return -1;
            }
        }
        return p + word.length();
    }

    /** Not an array index (listed first by JavaScript) and not {@code __proto__} (special to JSON.parse's result). */
    private static boolean ordinaryKey(byte[] b, int s, int e) {
        if (e > s && e - s <= 10) {
            boolean digits = true;
            for (int i = s; i < e; i++) {
                if (b[i] < '0' || b[i] > '9') {
                    digits = false;
                    break;
                }
            }
            if (digits) {
                return false;
            }
        }
        return !(e - s == 9 && same(b, s, e, PROTO, 0, 9));
    }

    private static final byte[] PROTO = "__proto__".getBytes(StandardCharsets.US_ASCII);

    private static boolean same(byte[] b, int s1, int e1, int s2, int e2) {
        return same(b, s1, e1, b, s2, e2);
    }

    private static boolean same(byte[] a, int s1, int e1, byte[] b, int s2, int e2) {
        if (e1 - s1 != e2 - s2) {
            return false;
        }
        for (int i = 0; i < e1 - s1; i++) {
            if (a[s1 + i] != b[s2 + i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isReserved(byte[] b, int s, int e) {
        for (byte[] r : RESERVED) {
            if (same(b, s, e, r, 0, r.length)) {
                return true;
            }
        }
        return false;
    }

    /** JavaScript white space as socket.io-parser's ack id reading meets it: only ASCII here, else the full path. */
    private static boolean isJsSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || c < 0;
    }

    private String namespace(byte[] b, int s, int e) {
        String last = lastNamespace;
        if (last.length() == e - s && Utf8Check.isAscii(b, s, e)) {
            boolean same = true;
            for (int i = 0; i < e - s; i++) {
                if (last.charAt(i) != b[s + i]) {
                    same = false;
                    break;
                }
            }
            if (same) {
                return last;
            }
        }
        lastNamespace = text(b, s, e);
        return lastNamespace;
    }

    /** Event names repeat: a small cache keyed by the bytes' hash saves a String per message. */
    private String eventName(byte[] b, int s, int e) {
        int h = 0;
        for (int i = s; i < e; i++) {
            h = 31 * h + b[i];
        }
        int slot = (h ^ (h >>> 16)) & (eventCache.length - 1);
        String cached = eventCache[slot];
        if (cached != null && cached.length() == e - s && Utf8Check.isAscii(b, s, e)) {
            boolean same = true;
            for (int i = 0; i < e - s; i++) {
                if (cached.charAt(i) != b[s + i]) {
                    same = false;
                    break;
                }
            }
            if (same) {
                return cached;
            }
        }
        String name = text(b, s, e);
        eventCache[slot] = name;
        return name;
    }

    static String text(byte[] b, int s, int e) {
        return new String(b, s, e - s, Utf8Check.isAscii(b, s, e) ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }
}
