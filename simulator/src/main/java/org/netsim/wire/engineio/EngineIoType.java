package org.netsim.wire.engineio;

/**
 * The Engine.IO protocol 4 packet types, each written as one ASCII digit before the packet's data (engine.io-protocol
 * v4, "Packet encoding"). A digit outside {@code 0..6} is not a type: decoding reports it (engine.io-parser answers
 * such a packet with its "parser error" packet).
 */
public enum EngineIoType {
    /** Sent by the server when a session starts; carries the handshake JSON. */
    OPEN('0', "open"),
    /** Asks the other side to close the session. */
    CLOSE('1', "close"),
    /** Heartbeat: in protocol 4 the server sends it every pingInterval; also {@code 2probe} during the upgrade. */
    PING('2', "ping"),
    /** The answer to a ping ({@code 3probe} during the upgrade). */
    PONG('3', "pong"),
    /** Application data: what Socket.IO packets ride in. */
    MESSAGE('4', "message"),
    /** The client switches the session to the new transport (WebSocket). */
    UPGRADE('5', "upgrade"),
    /** Does nothing; the server uses it to end a pending poll during the upgrade. */
    NOOP('6', "noop");

    private static final EngineIoType[] BY_DIGIT = values();

    private final char digit;
    private final String label;

    EngineIoType(char digit, String label) {
        this.digit = digit;
        this.label = label;
    }

    /** The ASCII digit on the wire. */
    public char digit() {
        return digit;
    }

    /** The byte on the wire (0x30..0x36). */
    public byte code() {
        return (byte) digit;
    }

    /** The engine.io-parser name: "open", "message", ... */
    public String label() {
        return label;
    }

    /** The type written as {@code c}, or {@code null} if {@code c} is not one of the digits 0..6. */
    public static EngineIoType ofDigit(int c) {
        int i = c - '0';
        return i >= 0 && i < BY_DIGIT.length ? BY_DIGIT[i] : null;
    }
}
