package org.netsim.wire.websocket;

/**
 * The 4-bit opcode of a WebSocket frame (RFC 6455 §5.2): how to read the payload. 0x3-0x7 are reserved for further data
 * frames and 0xB-0xF for further control frames; they survive decoding as values with their number.
 *
 * <p>Control frames are the opcodes whose most significant bit is set (RFC 6455 §5.5): Close, Ping, Pong and the
 * reserved 0xB-0xF.
 *
 * @param value the opcode, 0..15
 */
public record Opcode(int value) {
    /** Continues a fragmented message (RFC 6455 §5.4). */
    public static final Opcode CONTINUATION = new Opcode(0x0);
    /** A text message: the payload is UTF-8 (RFC 6455 §5.6). */
    public static final Opcode TEXT = new Opcode(0x1);
    /** A binary message: the application decides what the bytes mean (RFC 6455 §5.6). */
    public static final Opcode BINARY = new Opcode(0x2);
    /** Starts or answers the closing handshake (RFC 6455 §5.5.1). */
    public static final Opcode CLOSE = new Opcode(0x8);
    /** Asks the peer for a Pong: a keep-alive or liveness check (RFC 6455 §5.5.2). */
    public static final Opcode PING = new Opcode(0x9);
    /** The answer to a Ping, echoing its application data (RFC 6455 §5.5.3). */
    public static final Opcode PONG = new Opcode(0xA);

    private static final Opcode[] ALL = new Opcode[16];
    private static final String[] LABELS = new String[16];

    static {
        for (int i = 0; i < ALL.length; i++) {
            ALL[i] = new Opcode(i);
            LABELS[i] = "Reserved (0x" + Integer.toHexString(i).toUpperCase(java.util.Locale.ROOT) + ")";
        }
        ALL[0x0] = CONTINUATION;
        ALL[0x1] = TEXT;
        ALL[0x2] = BINARY;
        ALL[0x8] = CLOSE;
        ALL[0x9] = PING;
        ALL[0xA] = PONG;
        LABELS[0x0] = "Continuation";
        LABELS[0x1] = "Text";
        LABELS[0x2] = "Binary";
        LABELS[0x8] = "Connection Close";
        LABELS[0x9] = "Ping";
        LABELS[0xA] = "Pong";
    }

    public Opcode {
        if (value < 0 || value > 0xF) {
            throw new IllegalArgumentException("a WebSocket opcode has 4 bits, 0..15: " + value);
        }
    }

    /** The opcode with this number, shared: the decoder calls this for every frame and allocates nothing. */
    public static Opcode of(int value) {
        if (value < 0 || value > 0xF) {
            throw new IllegalArgumentException("a WebSocket opcode has 4 bits, 0..15: " + value);
        }
        return ALL[value];
    }

    /** Close, Ping, Pong and the reserved 0xB-0xF: the opcodes with the most significant bit set (RFC 6455 §5.5). */
    public boolean isControl() {
        return (value & 0x8) != 0;
    }

    /** Continuation, Text, Binary and the reserved 0x3-0x7: frames that carry a message (RFC 6455 §5.6). */
    public boolean isData() {
        return (value & 0x8) == 0;
    }

    /** Not defined by RFC 6455 (0x3-0x7, 0xB-0xF): only a negotiated extension may give them a meaning (§5.2). */
    public boolean isReserved() {
        return (value >= 0x3 && value <= 0x7) || value >= 0xB;
    }

    /** The name Wireshark shows: "Text", "Connection Close", "Reserved (0x3)". */
    public String label() {
        return LABELS[value];
    }

    /** "Text (1)", "Pong (10)", "Reserved (0xB)": the name with the number, as Wireshark shows the opcode field. */
    @Override
    public String toString() {
        return isReserved() ? LABELS[value] : LABELS[value] + " (" + value + ")";
    }
}
