package org.netsim.wire.websocket;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.netsim.pdu.Bytes;
import org.netsim.random.RandomSource;

/**
 * One WebSocket frame (RFC 6455 §5.2): the header bits, the masking key and the application data.
 *
 * <p>{@code payload} is always the <em>unmasked</em> application data, what the sender meant. Masking belongs to the
 * frame ({@code maskingKey}, {@code null} when the frame is not masked); the codec applies it on encode and removes it
 * on decode. The payload length is not a component: it is the payload's length, written in the shortest form that
 * fits (RFC 6455 §5.2).
 *
 * <p>The record holds any combination of bits, so a lesson can build a frame that breaks the rules (a fragmented
 * control frame, a reserved bit set) and watch the decoder report it. The factories build frames that follow them.
 *
 * @param fin        set on the last frame of a message (RFC 6455 §5.2, §5.4)
 * @param rsv1       reserved bit 1; only a negotiated extension sets it (permessage-deflate, RFC 7692 §6)
 * @param rsv2       reserved bit 2
 * @param rsv3       reserved bit 3
 * @param opcode     how to read the payload
 * @param maskingKey the 4-byte masking key, or {@code null} for an unmasked frame: "a client MUST mask all frames
 *                   that it sends to the server" and "a server MUST NOT mask any frames that it sends to the client"
 *                   (RFC 6455 §5.1, §5.3)
 * @param payload    the application data, unmasked
 */
public record WebSocketFrame(boolean fin, boolean rsv1, boolean rsv2, boolean rsv3, Opcode opcode, Bytes maskingKey,
                             Bytes payload) {

    /** A control frame's payload is at most this long (RFC 6455 §5.5). */
    public static final int MAX_CONTROL_PAYLOAD = 125;

    public WebSocketFrame {
        Objects.requireNonNull(opcode, "opcode");
        Objects.requireNonNull(payload, "payload");
        if (maskingKey != null && maskingKey.length() != 4) {
            throw new IllegalArgumentException("the masking key is 4 bytes (RFC 6455 §5.3), got "
                    + maskingKey.length());
        }
    }

    /** A final, unmasked frame with no reserved bit set. */
    public static WebSocketFrame of(Opcode opcode, boolean fin, Bytes payload) {
        return new WebSocketFrame(fin, false, false, false, opcode, null, payload);
    }

    /** A one-frame text message: the text in UTF-8. */
    public static WebSocketFrame text(String text) {
        return of(Opcode.TEXT, true, Bytes.utf8(text));
    }

    /** A one-frame text message from bytes that are already UTF-8. */
    public static WebSocketFrame text(Bytes utf8) {
        return of(Opcode.TEXT, true, utf8);
    }

    /** A one-frame binary message. */
    public static WebSocketFrame binary(Bytes data) {
        return of(Opcode.BINARY, true, data);
    }

    /** A continuation frame of a fragmented message, {@code fin} on the last one (RFC 6455 §5.4). */
    public static WebSocketFrame continuation(Bytes data, boolean fin) {
        return of(Opcode.CONTINUATION, fin, data);
    }

    /**
     * A Close frame: a 2-byte status code, then a UTF-8 reason (RFC 6455 §5.5.1). Any 16-bit code is accepted so that a
     * lesson can send one the peer must refuse (1005, 1006 and 1015 "MUST NOT be set as a status code in a Close
     * control frame by an endpoint", §7.4.1).
     *
     * @throws IllegalArgumentException if the code has more than 16 bits or the reason is longer than 123 bytes
     */
    public static WebSocketFrame close(int code, String reason) {
        if (code < 0 || code > 0xFFFF) {
            throw new IllegalArgumentException("a close status code has 16 bits: " + code);
        }
        byte[] r = reason.getBytes(StandardCharsets.UTF_8);
        if (r.length > MAX_CONTROL_PAYLOAD - 2) {
            throw new IllegalArgumentException("close reason of " + r.length
                    + " bytes: a control frame carries at most 125 bytes, 2 of them the status code (RFC 6455 §5.5)");
        }
        byte[] body = new byte[2 + r.length];
        body[0] = (byte) (code >>> 8);
        body[1] = (byte) code;
        System.arraycopy(r, 0, body, 2, r.length);
        return of(Opcode.CLOSE, true, Bytes.wrap(body));
    }

    /** A Close frame with no body: no status code, no reason (RFC 6455 §5.5.1 allows it). */
    public static WebSocketFrame closeEmpty() {
        return of(Opcode.CLOSE, true, Bytes.EMPTY);
    }

    /** A Ping with up to 125 bytes of application data (RFC 6455 §5.5.2). */
    public static WebSocketFrame ping(Bytes data) {
        return of(Opcode.PING, true, controlPayload(data));
    }

    /** A Pong; answering a Ping it "MUST have identical Application data" (RFC 6455 §5.5.3). */
    public static WebSocketFrame pong(Bytes data) {
        return of(Opcode.PONG, true, controlPayload(data));
    }

    private static Bytes controlPayload(Bytes data) {
        if (data.length() > MAX_CONTROL_PAYLOAD) {
            throw new IllegalArgumentException("control frame payload of " + data.length()
                    + " bytes: at most 125 (RFC 6455 §5.5)");
        }
        return data;
    }

    /** This frame masked with {@code key} (4 bytes), or unmasked if {@code key} is {@code null}. */
    public WebSocketFrame withMask(Bytes key) {
        return new WebSocketFrame(fin, rsv1, rsv2, rsv3, opcode, key, payload);
    }

    /** This frame masked with 4 fresh bytes from {@code random}, as a client sends it (RFC 6455 §5.3). */
    public WebSocketFrame masked(RandomSource random) {
        byte[] key = new byte[4];
        random.nextBytes(key);
        return withMask(Bytes.wrap(key));
    }

    public WebSocketFrame withFin(boolean newFin) {
        return new WebSocketFrame(newFin, rsv1, rsv2, rsv3, opcode, maskingKey, payload);
    }

    public WebSocketFrame withRsv(boolean newRsv1, boolean newRsv2, boolean newRsv3) {
        return new WebSocketFrame(fin, newRsv1, newRsv2, newRsv3, opcode, maskingKey, payload);
    }

    public WebSocketFrame withOpcode(Opcode newOpcode) {
        return new WebSocketFrame(fin, rsv1, rsv2, rsv3, newOpcode, maskingKey, payload);
    }

    public WebSocketFrame withPayload(Bytes newPayload) {
        return new WebSocketFrame(fin, rsv1, rsv2, rsv3, opcode, maskingKey, newPayload);
    }

    /** Whether the payload travels masked, i.e. there is a masking key. */
    public boolean masked() {
        return maskingKey != null;
    }

    public boolean isControl() {
        return opcode.isControl();
    }

    /** The payload as UTF-8 text (for text frames). */
    public String text() {
        return payload.utf8();
    }

    /** The payload as it travels: XORed with the masking key when masked (RFC 6455 §5.3). */
    public Bytes wirePayload() {
        if (maskingKey == null) {
            return payload;
        }
        byte[] out = payload.toArray();
        WebSocketCodec.mask(out, 0, out.length, maskingKey);
        return Bytes.wrap(out);
    }

    /** A Close frame's status code, or -1 when the frame is no Close frame or has no code (RFC 6455 §5.5.1). */
    public int closeCode() {
        return opcode.equals(Opcode.CLOSE) && payload.length() >= 2 ? (payload.u8(0) << 8) | payload.u8(1) : -1;
    }

    /** A Close frame's reason: the UTF-8 text after the status code, or "" (RFC 6455 §5.5.1). */
    public String closeReason() {
        return opcode.equals(Opcode.CLOSE) && payload.length() > 2 ? payload.slice(2, payload.length()).utf8() : "";
    }
}
