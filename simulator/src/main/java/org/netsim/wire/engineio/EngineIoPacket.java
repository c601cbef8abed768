package org.netsim.wire.engineio;

import java.util.Objects;
import org.netsim.pdu.Bytes;

/**
 * One Engine.IO packet (engine.io-protocol v4, "Packet encoding").
 *
 * @param type   the packet type
 * @param data   for a text packet, the UTF-8 text after the type digit (may be empty: {@code 2} is a ping without
 *               data); for a binary packet, the binary content itself (decoded from base64 on polling)
 * @param binary a binary message: over WebSocket a binary frame with no type digit, over polling {@code b} + base64.
 *               Only {@link EngineIoType#MESSAGE} packets can be binary.
 */
public record EngineIoPacket(EngineIoType type, Bytes data, boolean binary) {
    public static final EngineIoPacket PING_PROBE = text(EngineIoType.PING, "probe");
    public static final EngineIoPacket PONG_PROBE = text(EngineIoType.PONG, "probe");
    public static final EngineIoPacket PING = new EngineIoPacket(EngineIoType.PING, Bytes.EMPTY, false);
    public static final EngineIoPacket PONG = new EngineIoPacket(EngineIoType.PONG, Bytes.EMPTY, false);
    public static final EngineIoPacket UPGRADE = new EngineIoPacket(EngineIoType.UPGRADE, Bytes.EMPTY, false);
    public static final EngineIoPacket NOOP = new EngineIoPacket(EngineIoType.NOOP, Bytes.EMPTY, false);
    public static final EngineIoPacket CLOSE = new EngineIoPacket(EngineIoType.CLOSE, Bytes.EMPTY, false);

    public EngineIoPacket {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
        if (binary && type != EngineIoType.MESSAGE) {
            throw new IllegalArgumentException("only message packets carry binary data, not " + type.label());
        }
    }

    /** A text packet whose data is {@code text} in UTF-8. */
    public static EngineIoPacket text(EngineIoType type, String text) {
        return new EngineIoPacket(type, Bytes.utf8(text), false);
    }

    /** A text message: {@code message("hello")} is {@code 4hello} on the wire. */
    public static EngineIoPacket message(String text) {
        return text(EngineIoType.MESSAGE, text);
    }

    /** A text message carrying already encoded bytes (a Socket.IO packet). */
    public static EngineIoPacket message(Bytes utf8) {
        return new EngineIoPacket(EngineIoType.MESSAGE, utf8, false);
    }

    /** A binary message. */
    public static EngineIoPacket binary(Bytes content) {
        return new EngineIoPacket(EngineIoType.MESSAGE, content, true);
    }

    /** The open packet carrying {@code handshake} as JSON. */
    public static EngineIoPacket open(OpenPacket handshake) {
        return text(EngineIoType.OPEN, handshake.toJson());
    }

    /** The data as text (meaningful for text packets). */
    public String text() {
        return data.utf8();
    }
}
