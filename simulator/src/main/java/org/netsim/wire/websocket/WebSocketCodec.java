package org.netsim.wire.websocket;

import static org.netsim.wire.websocket.WebSocketLayout.BASE_HEADER_LENGTH;
import static org.netsim.wire.websocket.WebSocketLayout.CLOSE_CODE;
import static org.netsim.wire.websocket.WebSocketLayout.CLOSE_REASON;
import static org.netsim.wire.websocket.WebSocketLayout.EXTENDED_LENGTH_16;
import static org.netsim.wire.websocket.WebSocketLayout.EXTENDED_LENGTH_64;
import static org.netsim.wire.websocket.WebSocketLayout.FIN;
import static org.netsim.wire.websocket.WebSocketLayout.LENGTH_16;
import static org.netsim.wire.websocket.WebSocketLayout.LENGTH_64;
import static org.netsim.wire.websocket.WebSocketLayout.MASK;
import static org.netsim.wire.websocket.WebSocketLayout.MASKING_KEY;
import static org.netsim.wire.websocket.WebSocketLayout.MASKING_KEY_LENGTH;
import static org.netsim.wire.websocket.WebSocketLayout.MAX_7BIT_LENGTH;
import static org.netsim.wire.websocket.WebSocketLayout.OPCODE;
import static org.netsim.wire.websocket.WebSocketLayout.PAYLOAD;
import static org.netsim.wire.websocket.WebSocketLayout.PAYLOAD_LENGTH;
import static org.netsim.wire.websocket.WebSocketLayout.PAYLOAD_TEXT;
import static org.netsim.wire.websocket.WebSocketLayout.RSV1;
import static org.netsim.wire.websocket.WebSocketLayout.RSV2;
import static org.netsim.wire.websocket.WebSocketLayout.RSV3;

import java.util.ArrayList;
import java.util.List;
import org.netsim.pdu.Bits;
import org.netsim.pdu.Bytes;
import org.netsim.pdu.Field;
import org.netsim.pdu.FieldSpec;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.PayloadDissector;
import org.netsim.pdu.Protocol;

/**
 * Encodes and decodes WebSocket frames (RFC 6455 §5): the base framing protocol, masking (§5.3), fragmentation and
 * control frames (§5.4, §5.5).
 *
 * <p>Encoding writes the shortest length form and masks the payload when the frame has a key. Decoding never throws: a
 * frame that is not all there asks for more bytes, one that breaks a rule of §5 is malformed with the rule's words,
 * and problems a receiver would fail the connection for but Wireshark still decodes through (a reserved bit set
 * without an extension, text that is not UTF-8, an unknown opcode) are recorded on the fields by {@link #dissect}.
 */
public final class WebSocketCodec {
    private WebSocketCodec() {
    }

    /** The largest frame this decoder holds: a Java array's size. */
    static final int MAX_FRAME = Integer.MAX_VALUE - 16;

    // ------------------------------------------------------------------------------------------------ encode

    /** Header bytes plus payload bytes of {@code f} on the wire. */
    public static int encodedLength(WebSocketFrame f) {
        int n = f.payload().length();
        return headerLength(n, f.masked()) + n;
    }

    private static int headerLength(long payloadLength, boolean masked) {
        int ext = payloadLength <= MAX_7BIT_LENGTH ? 0 : payloadLength <= 0xFFFF ? 2 : 8;
        return BASE_HEADER_LENGTH + ext + (masked ? MASKING_KEY_LENGTH : 0);
    }

    /** The frame as it goes on the wire: shortest length form, payload XORed with the key if masked (RFC 6455 §5.3). */
    public static byte[] encode(WebSocketFrame f) {
        byte[] out = new byte[encodedLength(f)];
        encode(f, out, 0);
        return out;
    }

    /** Writes {@code f} into {@code dest} at {@code at} (room for {@link #encodedLength} bytes); returns its length. */
    public static int encode(WebSocketFrame f, byte[] dest, int at) {
        int n = f.payload().length();
        FIN.write(dest, at, f.fin() ? 1 : 0);
        RSV1.write(dest, at, f.rsv1() ? 1 : 0);
        RSV2.write(dest, at, f.rsv2() ? 1 : 0);
        RSV3.write(dest, at, f.rsv3() ? 1 : 0);
        OPCODE.write(dest, at, f.opcode().value());
        MASK.write(dest, at, f.masked() ? 1 : 0);
        int p = at + BASE_HEADER_LENGTH;
        // "The minimal number of bytes MUST be used to encode the length" (RFC 6455 §5.2).
        if (n <= MAX_7BIT_LENGTH) {
            PAYLOAD_LENGTH.write(dest, at, n);
        } else if (n <= 0xFFFF) {
            PAYLOAD_LENGTH.write(dest, at, LENGTH_16);
            EXTENDED_LENGTH_16.write(dest, at, n);
            p += 2;
        } else {
            PAYLOAD_LENGTH.write(dest, at, LENGTH_64);
            EXTENDED_LENGTH_64.write(dest, at, n);
            p += 8;
        }
        if (f.masked()) {
            f.maskingKey().copyTo(dest, p);
            p += MASKING_KEY_LENGTH;
        }
        f.payload().copyTo(dest, p);
        if (f.masked()) {
            mask(dest, p, n, f.maskingKey());
        }
        return p + n - at;
    }

    /**
     * XORs {@code buf[from, from+length)} with the masking key: "octet i of the transformed data is the XOR of octet i
     * of the original data with octet at index i modulo 4 of the masking key" (RFC 6455 §5.3). The same operation masks
     * and unmasks.
     */
    public static void mask(byte[] buf, int from, int length, Bytes key) {
        Masking.apply(buf, from, length, key.get(0), key.get(1), key.get(2), key.get(3));
    }

    // ------------------------------------------------------------------------------------------------ decode

    /**
     * Decodes the frame at the front of {@code buf[offset, offset+length)}: a frame, a request for more bytes, or the
     * rule of RFC 6455 §5 it breaks. Never throws.
     */
    public static WebSocketDecoded decode(byte[] buf, int offset, int length) {
        if (buf == null || offset < 0 || length < 0 || offset > buf.length - length) {
            return WebSocketDecoded.malformed("range [" + offset + ", +" + length + ") is outside the buffer", offset);
        }
        if (length < BASE_HEADER_LENGTH) {
            return WebSocketDecoded.needs(BASE_HEADER_LENGTH);
        }
        boolean fin = FIN.read(buf, offset) != 0;
        Opcode opcode = Opcode.of((int) OPCODE.read(buf, offset));
        boolean masked = MASK.read(buf, offset) != 0;
        int len7 = (int) PAYLOAD_LENGTH.read(buf, offset);
        if (opcode.isControl() && !fin) {
            // "Control frames themselves MUST NOT be fragmented." (RFC 6455 §5.4)
            return WebSocketDecoded.malformed("control frame is fragmented (RFC 6455 §5.5)",
                    offset + BASE_HEADER_LENGTH);
        }
        int lengthEnd = BASE_HEADER_LENGTH + (len7 == LENGTH_16 ? 2 : len7 == LENGTH_64 ? 8 : 0);
        int headerLength = lengthEnd + (masked ? MASKING_KEY_LENGTH : 0);
        if (length < lengthEnd) {
            return WebSocketDecoded.needs(headerLength);
        }
        long payloadLength;
        if (len7 == LENGTH_16) {
            payloadLength = EXTENDED_LENGTH_16.read(buf, offset);
            if (payloadLength <= MAX_7BIT_LENGTH) {
                return WebSocketDecoded.malformed("invalid payload length: 16-bit length " + payloadLength
                        + " is not minimal (RFC 6455 §5.2)", offset + lengthEnd);
            }
        } else if (len7 == LENGTH_64) {
            payloadLength = EXTENDED_LENGTH_64.read(buf, offset);
            if (payloadLength < 0) {
                return WebSocketDecoded.malformed("invalid payload length: the most significant bit of the 64-bit "
                        + "length MUST be 0 (RFC 6455 §5.2)", offset + lengthEnd);
            }
            if (payloadLength <= 0xFFFF) {
                return WebSocketDecoded.malformed("invalid payload length: 64-bit length " + payloadLength
                        + " is not minimal (RFC 6455 §5.2)", offset + lengthEnd);
            }
        } else {
            payloadLength = len7;
        }
        if (opcode.isControl() && payloadLength > WebSocketFrame.MAX_CONTROL_PAYLOAD) {
            // "All control frames MUST have a payload length of 125 bytes or less" (RFC 6455 §5.5)
            return WebSocketDecoded.malformed("control frame payload length " + payloadLength
                    + " exceeds 125 (RFC 6455 §5.5)", offset + lengthEnd);
        }
        if (payloadLength > MAX_FRAME - headerLength) {
            return WebSocketDecoded.malformed("payload length " + payloadLength
                    + " is larger than this decoder can hold", offset + lengthEnd);
        }
        if (length < headerLength) {
            return WebSocketDecoded.needs(headerLength);
        }
        if (opcode.equals(Opcode.CLOSE) && payloadLength == 1) {
            return WebSocketDecoded.malformed(CLOSE_ONE_BYTE, offset + headerLength);
        }
        int total = headerLength + (int) payloadLength;
        if (length < total) {
            return WebSocketDecoded.needs(total);
        }
        Bytes key = null;
        int payloadStart = offset + lengthEnd;
        if (masked) {
            key = Bytes.of(buf, payloadStart, payloadStart + MASKING_KEY_LENGTH);
            payloadStart += MASKING_KEY_LENGTH;
        }
        Bytes payload;
        if (payloadLength == 0) {
            payload = Bytes.EMPTY;
        } else {
            byte[] data = new byte[(int) payloadLength];
            System.arraycopy(buf, payloadStart, data, 0, data.length);
            if (masked) {
                Masking.apply(data, 0, data.length, buf[payloadStart - 4], buf[payloadStart - 3],
                        buf[payloadStart - 2], buf[payloadStart - 1]);
            }
            payload = Bytes.wrap(data);
        }
        WebSocketFrame frame = new WebSocketFrame(fin, RSV1.read(buf, offset) != 0, RSV2.read(buf, offset) != 0,
                RSV3.read(buf, offset) != 0, opcode, key, payload);
        return WebSocketDecoded.complete(frame, total);
    }

    static final String CLOSE_ONE_BYTE = "close frame payload of 1 byte: a Close body starts with a 2-byte status code "
            + "(RFC 6455 §5.5.1)";

    // ------------------------------------------------------------------------------------------------ dissect

    /**
     * Every frame in {@code buf[offset, offset+length)} (a TCP segment can carry several, and a frame can end in a
     * later segment), each as a WebSocket PDU owning its bytes. A frame cut off by the end of the range is a PDU marked
     * malformed "truncated: frame needs N bytes, M available"; a frame breaking a rule of RFC 6455 §5 is marked
     * malformed with the rule, and dissection stops there.
     *
     * <p>The payload of each complete data frame (Text, Binary, Continuation) goes to {@code payload}, which sees the
     * <em>unmasked</em> bytes at the same offsets as on the wire (a copy of {@code buf} with the payload unmasked), so
     * its fields map one to one onto the frame. If it returns nothing, the frame owns its payload as
     * {@code websocket.payload}. Control frames keep their payload: a Close frame's status code and reason, a Ping's
     * or Pong's data.
     */
    public static List<Pdu> dissect(byte[] buf, int offset, int length, PayloadDissector<WebSocketFrame> payload) {
        if (buf == null || offset < 0 || length < 0 || offset > buf.length - length) {
            return List.of(Pdu.builder(Protocol.WEBSOCKET, Math.max(0, offset))
                    .malformed("range [" + offset + ", +" + length + ") is outside the buffer", Math.max(0, offset), 0)
                    .build());
        }
        List<Pdu> out = new ArrayList<>(1);
        int end = offset + length;
        int pos = offset;
        byte[] clear = null;
        while (pos < end) {
            WebSocketDecoded d = decode(buf, pos, end - pos);
            if (!d.isComplete()) {
                out.add(unfinished(buf, pos, end, d));
                break;
            }
            WebSocketFrame f = d.frame();
            int payloadStart = pos + d.consumed() - f.payload().length();
            byte[] view = buf;
            if (f.masked() && !f.payload().isEmpty()) {
                if (clear == null) {
                    clear = buf.clone();
                }
                f.payload().copyTo(clear, payloadStart);
                view = clear;
            }
            out.add(framePdu(view, pos, d.consumed(), payloadStart, f, payload));
            pos += d.consumed();
        }
        return out;
    }

    /** One complete frame; {@code view} holds the frame with its payload unmasked. */
    private static Pdu framePdu(byte[] view, int start, int consumed, int payloadStart, WebSocketFrame f,
                                PayloadDissector<WebSocketFrame> inner) {
        Pdu.Builder b = Pdu.builder(Protocol.WEBSOCKET, start).header(f);
        int n = f.payload().length();
        Opcode op = f.opcode();
        // Text MUST be UTF-8 (§8.1). A fragment may end inside a character, and a compressed (RSV1) message is not
        // text until inflated, so only a whole uncompressed text message in one frame is checked here.
        boolean badText = op.equals(Opcode.TEXT) && f.fin() && !f.rsv1() && n > 0
                && !Utf8.isValid(view, payloadStart, payloadStart + n);
        List<Pdu> children = n > 0 && op.isData() && inner != null
                ? inner.dissect(f, view, payloadStart, n) : List.of();
        if (children.size() == 1 && children.get(0).protocol() == Protocol.DATA
                && children.get(0).offset() == payloadStart && children.get(0).length() == n) {
            // Plain data (PayloadDissector.raw()): the frame shows its own payload, as text for a text frame.
            children = List.of();
        }
        headerFields(b, view, start, payloadStart, badText && !children.isEmpty() ? NOT_UTF8 : null);
        if (!children.isEmpty()) {
            b.children(children);
        } else if (n > 0) {
            if (op.equals(Opcode.CLOSE)) {
                closeFields(b, view, payloadStart, n);
            } else {
                Field p = (op.equals(Opcode.TEXT) ? PAYLOAD_TEXT : PAYLOAD).span(payloadStart, n, 0, f.payload(), null);
                b.field(badText ? p.withProblem(NOT_UTF8) : p);
            }
        }
        return b.end(start + consumed).summary(summary(f.opcode(), f.fin(), f.masked())).build();
    }

    /**
     * A frame that decode did not finish: the header fields that are there, then one field owning the rest of the
     * range, marked truncated or with the rule the frame breaks.
     */
    private static Pdu unfinished(byte[] buf, int start, int end, WebSocketDecoded d) {
        Pdu.Builder b = Pdu.builder(Protocol.WEBSOCKET, start);
        int available = end - start;
        int stop;
        String reason;
        if (d.needsMore()) {
            reason = "truncated: frame needs " + d.needed() + " bytes, " + available + " available";
            stop = headerFields(b, buf, start, end, null);
        } else {
            reason = d.malformed().reason();
            stop = Math.max(start, Math.min(end, d.malformed().offset()));
            headerFields(b, buf, start, stop, null);
        }
        if (available >= BASE_HEADER_LENGTH) {
            b.summary(summary(Opcode.of((int) OPCODE.read(buf, start)), FIN.read(buf, start) != 0,
                    MASK.read(buf, start) != 0));
        } else {
            b.summary("WebSocket");
        }
        return b.malformed(reason, stop, end).end(end).build();
    }

    /**
     * Adds the header fields that lie wholly inside {@code buf[start, limit)}, in frame order, and returns the byte
     * after the last one. Reserved bits and opcodes are recorded as problems; {@code opcodeProblem} is added to the
     * opcode's.
     */
    private static int headerFields(Pdu.Builder b, byte[] buf, int start, int limit, String opcodeProblem) {
        if (limit - start < BASE_HEADER_LENGTH) {
            return start;
        }
        b.field(FIN.at(start, FIN.read(buf, start)));
        b.field(flag(RSV1, buf, start));
        b.field(flag(RSV2, buf, start));
        b.field(flag(RSV3, buf, start));
        Opcode op = Opcode.of((int) OPCODE.read(buf, start));
        Field opField = OPCODE.at(start, op.value(), op.toString());
        String problem = op.isReserved() ? RESERVED_OPCODE : null;
        if (opcodeProblem != null) {
            problem = problem == null ? opcodeProblem : problem + "; " + opcodeProblem;
        }
        b.field(problem == null ? opField : opField.withProblem(problem));
        boolean masked = MASK.read(buf, start) != 0;
        b.field(MASK.at(start, masked ? 1 : 0));
        int len7 = (int) PAYLOAD_LENGTH.read(buf, start);
        b.field(PAYLOAD_LENGTH.at(start, len7, lengthText(len7)));
        int p = start + BASE_HEADER_LENGTH;
        if (len7 == LENGTH_16) {
            if (limit - p < 2) {
                return p;
            }
            b.field(EXTENDED_LENGTH_16.at(start, EXTENDED_LENGTH_16.read(buf, start)));
            p += 2;
        } else if (len7 == LENGTH_64) {
            if (limit - p < 8) {
                return p;
            }
            long v = EXTENDED_LENGTH_64.read(buf, start);
            b.field(EXTENDED_LENGTH_64.at(start, v, Long.toUnsignedString(v)));
            p += 8;
        }
        if (masked) {
            if (limit - p < MASKING_KEY_LENGTH) {
                return p;
            }
            Bytes key = Bytes.of(buf, p, p + MASKING_KEY_LENGTH);
            b.field(MASKING_KEY.span(p, MASKING_KEY_LENGTH, Integer.toUnsignedLong(
                    (int) Bits.u32(buf, p)), key, "0x" + key.hex()));
            p += MASKING_KEY_LENGTH;
        }
        return p;
    }

    private static Field flag(FieldSpec spec, byte[] buf, int start) {
        long v = spec.read(buf, start);
        Field f = spec.at(start, v);
        return v == 0 ? f : f.withProblem(RSV_SET);
    }

    private static String lengthText(int len7) {
        return len7 == LENGTH_16 ? "126 (a 16-bit length follows)"
                : len7 == LENGTH_64 ? "127 (a 64-bit length follows)" : null;
    }

    /** A Close frame's body: a status code, then a UTF-8 reason (RFC 6455 §5.5.1). Length 1 never gets here. */
    private static void closeFields(Pdu.Builder b, byte[] view, int at, int n) {
        int code = ((view[at] & 0xFF) << 8) | (view[at + 1] & 0xFF);
        Field c = CLOSE_CODE.span(at, 2, code, null, CloseCodes.describe(code));
        String codeProblem = CloseCodes.problem(code);
        b.field(codeProblem == null ? c : c.withProblem(codeProblem));
        if (n > 2) {
            Bytes reason = Bytes.of(view, at + 2, at + n);
            Field r = CLOSE_REASON.span(at + 2, n - 2, 0, reason, null);
            // "the body ... MUST be valid UTF-8" beyond the status code (RFC 6455 §5.5.1)
            b.field(Utf8.isValid(view, at + 2, at + n) ? r
                    : r.withProblem("close reason is not valid UTF-8 (RFC 6455 §5.5.1)"));
        }
    }

    private static final String[] SUMMARIES = new String[64];

    static {
        for (int op = 0; op < 16; op++) {
            for (int bits = 0; bits < 4; bits++) {
                boolean fin = (bits & 1) != 0;
                boolean masked = (bits & 2) != 0;
                SUMMARIES[op * 4 + bits] = "WebSocket " + Opcode.of(op).label() + (fin ? " [FIN]" : "")
                        + (masked ? " [MASKED]" : "");
            }
        }
    }

    /** Like tshark's Info column: "WebSocket Text [FIN] [MASKED]". */
    static String summary(Opcode op, boolean fin, boolean masked) {
        return SUMMARIES[op.value() * 4 + (fin ? 1 : 0) + (masked ? 2 : 0)];
    }

    static final String NOT_UTF8 = "text frame payload is not valid UTF-8: the endpoint MUST _Fail the WebSocket "
            + "Connection_ (RFC 6455 §8.1)";
    private static final String RSV_SET = "reserved bit set, but it MUST be 0 unless an extension is negotiated "
            + "(RFC 6455 §5.2)";
    private static final String RESERVED_OPCODE = "reserved opcode: the endpoint MUST _Fail the WebSocket "
            + "Connection_ (RFC 6455 §5.2)";
}
