package org.netsim.wire.websocket;

import static org.netsim.pdu.FieldFormat.BYTES;
import static org.netsim.pdu.FieldFormat.DECIMAL;
import static org.netsim.pdu.FieldFormat.FLAG;
import static org.netsim.pdu.FieldFormat.HEX;
import static org.netsim.pdu.FieldFormat.TEXT;

import org.netsim.pdu.FieldSpec;
import org.netsim.pdu.Protocol;

/**
 * The field layout of a WebSocket frame (RFC 6455 §5.2), declared once for encode, decode, the inspector and the
 * lessons. Offsets are bits from the frame's first byte:
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-------+-+-------------+-------------------------------+
 * |F|R|R|R| opcode|M| Payload len |    Extended payload length    |
 * |I|S|S|S|  (4)  |A|     (7)     |             (16/64)           |
 * |N|V|V|V|       |S|             |   (if payload len==126/127)   |
 * | |1|2|3|       |K|             |                               |
 * +-+-+-+-+-------+-+-------------+ - - - - - - - - - - - - - - - +
 * |     Extended payload length continued, if payload len == 127  |
 * + - - - - - - - - - - - - - - - +-------------------------------+
 * |                               |Masking-key, if MASK set to 1  |
 * +-------------------------------+-------------------------------+
 * | Masking-key (continued)       |          Payload Data         |
 * +-------------------------------- - - - - - - - - - - - - - - - +
 * </pre>
 *
 * The masking key, the payload and a Close frame's status code move with the length form, so their position is left to
 * the codec ({@code bitOffset} -1); the masking key and the status code still declare their fixed bit length.
 */
public final class WebSocketLayout {
    private WebSocketLayout() {
    }

    private static final Protocol P = Protocol.WEBSOCKET;
    private static final String RFC_5_2 = "RFC 6455 §5.2";

    public static final FieldSpec FIN = FieldSpec.fixed(P, "websocket.fin", "FIN", 0, 1, FLAG,
            "Set on the last frame of a message. A message sent in one frame has FIN set; a fragmented message has "
                    + "it clear on every frame but the last (RFC 6455 §5.4).", RFC_5_2);
    public static final FieldSpec RSV1 = FieldSpec.fixed(P, "websocket.rsv1", "RSV1", 1, 1, FLAG,
            "Reserved: \"MUST be 0 unless an extension is negotiated that defines meanings for non-zero values\". "
                    + "permessage-deflate (RFC 7692) sets it on compressed messages.", RFC_5_2);
    public static final FieldSpec RSV2 = FieldSpec.fixed(P, "websocket.rsv2", "RSV2", 2, 1, FLAG,
            "Reserved for extensions like RSV1, and MUST be 0 without one; no common extension uses it.", RFC_5_2);
    public static final FieldSpec RSV3 = FieldSpec.fixed(P, "websocket.rsv3", "RSV3", 3, 1, FLAG,
            "Reserved for extensions like RSV1, and MUST be 0 without one; no common extension uses it.", RFC_5_2);
    public static final FieldSpec OPCODE = FieldSpec.fixed(P, "websocket.opcode", "Opcode", 4, 4, HEX,
            "How to read the payload: 1 text, 2 binary, 0 the next fragment of a message; 8 close, 9 ping and 10 pong "
                    + "are control frames, which may arrive between the fragments of a message. \"If an unknown "
                    + "opcode is received, the receiving endpoint MUST _Fail the WebSocket Connection_.\"", RFC_5_2);
    public static final FieldSpec MASK = FieldSpec.fixed(P, "websocket.mask", "Mask", 8, 1, FLAG,
            "Set when a masking key follows and the payload is masked. \"A client MUST mask all frames that it sends "
                    + "to the server\"; \"a server MUST NOT mask any frames that it sends to the client\" "
                    + "(RFC 6455 §5.1).", RFC_5_2);
    public static final FieldSpec PAYLOAD_LENGTH = FieldSpec.fixed(P, "websocket.payload_length", "Payload length",
            9, 7, DECIMAL,
            "The payload's length if it is 0 to 125 bytes; 126 means the real length follows in 16 bits, 127 in 64 "
                    + "bits. \"The minimal number of bytes MUST be used to encode the length.\"", RFC_5_2);
    public static final FieldSpec EXTENDED_LENGTH_16 = FieldSpec.fixed(P, "websocket.payload_length_ext_16",
            "Extended payload length (16 bits)", 16, 16, DECIMAL,
            "The payload's length, 126 to 65535 bytes, because it does not fit in the 7-bit field (which says 126).",
            RFC_5_2);
    public static final FieldSpec EXTENDED_LENGTH_64 = FieldSpec.fixed(P, "websocket.payload_length_ext_64",
            "Extended payload length (64 bits)", 16, 64, DECIMAL,
            "The payload's length, 65536 bytes or more (the 7-bit field says 127); \"the most significant bit MUST "
                    + "be 0\".", RFC_5_2);
    public static final FieldSpec MASKING_KEY = new FieldSpec(P, "websocket.masking_key", "Masking key", -1, 32, HEX,
            "Four random bytes the client picks afresh for every frame; payload byte i travels XORed with key byte "
                    + "i mod 4, so that a script in a browser cannot choose the bytes a proxy on the way sees "
                    + "(RFC 6455 §10.3).", "RFC 6455 §5.3");
    public static final FieldSpec PAYLOAD = FieldSpec.variable(P, "websocket.payload", "Payload data", BYTES,
            "The application data, shown unmasked (on the wire each byte of a masked frame is XORed with the key). "
                    + "A text frame's data MUST be valid UTF-8 (RFC 6455 §8.1).", RFC_5_2);
    /** The same field for a text frame: the payload shown as UTF-8 text. */
    public static final FieldSpec PAYLOAD_TEXT = FieldSpec.variable(P, "websocket.payload", "Payload data (text)", TEXT,
            PAYLOAD.explanation(), RFC_5_2);
    /** Payload bytes of a frame whose header came in an earlier TCP segment. */
    public static final FieldSpec CLOSE_CODE = new FieldSpec(P, "websocket.close.code", "Status code", -1, 16, DECIMAL,
            "Why the connection is closing, as a 16-bit number: 1000 normal closure, 1001 going away, 1002 protocol "
                    + "error, 1011 internal error (RFC 6455 §7.4). A Close frame may also have no body at all.",
            "RFC 6455 §5.5.1");
    public static final FieldSpec CLOSE_REASON = FieldSpec.variable(P, "websocket.close.reason", "Reason", TEXT,
            "Optional UTF-8 text after the status code, meant for debugging and \"not necessarily human readable\".",
            "RFC 6455 §5.5.1");

    /** Bytes 0 and 1: FIN, RSV1-3, opcode, MASK and the 7-bit payload length. */
    public static final int BASE_HEADER_LENGTH = 2;
    public static final int MASKING_KEY_LENGTH = 4;
    /** The largest length the 7-bit field holds itself. */
    public static final int MAX_7BIT_LENGTH = 125;
    /** The 7-bit value announcing a 16-bit extended length. */
    public static final int LENGTH_16 = 126;
    /** The 7-bit value announcing a 64-bit extended length. */
    public static final int LENGTH_64 = 127;
}
