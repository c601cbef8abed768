package org.netsim.wire.socketio;

import static org.netsim.wire.socketio.SocketIoLayout.ACK_ID;
import static org.netsim.wire.socketio.SocketIoLayout.ATTACHMENTS;
import static org.netsim.wire.socketio.SocketIoLayout.ATTACHMENTS_END;
import static org.netsim.wire.socketio.SocketIoLayout.DATA;
import static org.netsim.wire.socketio.SocketIoLayout.NAMESPACE;
import static org.netsim.wire.socketio.SocketIoLayout.NAMESPACE_END;
import static org.netsim.wire.socketio.SocketIoLayout.TYPE;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.netsim.json.JsJson;
import org.netsim.json.JsNumber;
import org.netsim.json.JsonSyntaxException;
import org.netsim.pdu.Bytes;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.Protocol;

/**
 * Encodes and decodes Socket.IO packets (socket.io-protocol v5, "Packet encoding") exactly as socket.io-parser 4.2,
 * the parser of Node's socket.io 4.8, does:
 * {@code <type>[<attachments>-][<namespace>,][<ack id>][JSON]}. The namespace is written only when it is not "/", the
 * attachment count only for BINARY_EVENT and BINARY_ACK, and the JSON is {@code JSON.stringify}'s (see {@link JsJson}).
 *
 * <p>Decoding follows the parser character by character, quirks included: the type is {@code Number(first char)}
 * (so an empty text, or a white-space first character, is a CONNECT), a '/' right after the type (or the '-') starts a
 * namespace that runs to the first ',' (or the end), then digits (and JavaScript white space) make the ack id, and the
 * rest is the payload, which must parse and suit the type ({@code Decoder.isPayloadValid}): an object for CONNECT,
 * nothing for DISCONNECT, a string or object for CONNECT_ERROR, an array for ACK, and for EVENT an array starting with
 * an event name (a string that is not reserved, or a number).
 */
public final class SocketIoCodec {
    private SocketIoCodec() {
    }

    /**
     * Event names the parser refuses, because they mean something to Socket.IO or Node's EventEmitter
     * (socket.io-parser {@code RESERVED_EVENTS}).
     */
    public static final List<String> RESERVED_EVENTS = List.of("connect", "connect_error", "disconnect",
            "disconnecting", "newListener", "removeListener");

    // ---------------------------------------------------------------------------------------------------- encode

    /** The packet's text, as socket.io-parser's {@code Encoder.encodeAsString} writes it. */
    public static String encode(SocketIoPacket p) {
        StringBuilder sb = new StringBuilder(32);
        encode(p, sb);
        return sb.toString();
    }

    /** Appends the packet's text to {@code sb}. */
    public static void encode(SocketIoPacket p, StringBuilder sb) {
        sb.append(p.type().digit());
        if (p.type().isBinary()) {
            sb.append(p.attachmentCount()).append(ATTACHMENTS_END);
        }
        if (!SocketIoPacket.MAIN_NAMESPACE.equals(p.namespace())) {
            sb.append(p.namespace()).append(NAMESPACE_END);
        }
        if (p.ackId() != null) {
            sb.append(p.ackId().longValue());
        }
        if (p.data() != null) {
            JsJson.stringify(p.data(), sb);
        }
    }

    /** The text and the binary attachments that follow it, as socket.io-parser's {@code Encoder.encode} returns them. */
    public static EncodedSocketIo encodeWithAttachments(SocketIoPacket p) {
        return new EncodedSocketIo(encode(p), p.attachments());
    }

    // ---------------------------------------------------------------------------------------------------- decode

    /**
     * Decodes a packet text. A BINARY_EVENT or BINARY_ACK comes back with its attachment count and no attachments yet
     * ({@link SocketIoPacket#withAttachments(List)} adds them). Never throws.
     */
    public static DecodeResult decode(String text) {
        Scan r = scan(text);
        if (r.error != null) {
            return DecodeResult.malformed(r.error, r.errorAt);
        }
        return DecodeResult.ok(new SocketIoPacket(r.type, r.namespace, r.ackId, r.data, r.count, List.of()));
    }

    /**
     * Decodes a packet text and the binary attachments that followed it, putting each buffer in place of its
     * placeholder as socket.io-parser's {@code reconstructPacket} does. Never throws.
     */
    public static DecodeResult decode(String text, List<Bytes> attachments) {
        Scan r = scan(text);
        if (r.error != null) {
            return DecodeResult.malformed(r.error, r.errorAt);
        }
        if (!r.type.isBinary() && !attachments.isEmpty()) {
            return DecodeResult.malformed("got binary data when not reconstructing a packet: " + r.type
                    + " has no attachments", 0);
        }
        if (r.type.isBinary() && attachments.size() != r.count) {
            return DecodeResult.malformed("illegal attachments: the packet declares " + r.count + " but "
                    + attachments.size() + " arrived", r.attStart);
        }
        return DecodeResult.ok(new SocketIoPacket(r.type, r.namespace, r.ackId, r.data, r.count, attachments));
    }

    /** Where each part of a packet text lies (character indices) and what it says; or where reading stopped. */
    private static final class Scan {
        SocketIoType type;
        char typeChar;
        int count;
        int attStart = -1;
        int attEnd = -1;
        String namespace = SocketIoPacket.MAIN_NAMESPACE;
        int nsStart = -1;
        int nsEnd = -1;
        Long ackId;
        int idStart = -1;
        int idEnd = -1;
        JsonNode data;
        int dataStart = -1;
        String error;
        int errorAt = -1;

        Scan fail(String why, int at) {
            error = why;
            errorAt = at;
            return this;
        }
    }

    private static Scan scan(String s) {
        Scan r = new Scan();
        int len = s.length();
        if (len == 0) {
            // Number("") is 0: socket.io-parser reads an empty text as a CONNECT to "/"
            r.type = SocketIoType.CONNECT;
            return r;
        }
        char c = s.charAt(0);
        SocketIoType type = c >= '0' && c <= '9' ? SocketIoType.ofCode(c - '0')
                : JsNumber.isJsWhitespace(c) ? SocketIoType.CONNECT : null;
        if (type == null) {
            return r.fail("unknown packet type " + quoteChar(c), 0);
        }
        r.type = type;
        r.typeChar = c;
        int pos = 1;
        if (type.isBinary()) {
            int dash = 1;
            while (dash < len && s.charAt(dash) != ATTACHMENTS_END) {
                dash++;
            }
            if (dash == len) {
                return r.fail("illegal attachments: no '-' after the attachment count", 1);
            }
            double n = JsNumber.parse(s, 1, dash);
            if (Double.isNaN(n)) {
                return r.fail("illegal attachments: '" + s.substring(1, dash) + "' is not a number", 1);
            }
            if (n != Math.rint(n) || n > Integer.MAX_VALUE) {
                // socket.io-parser accepts the text, then waits forever for a fractional number of buffers
                return r.fail("illegal attachments: " + JsNumber.toString(n) + " is not a whole number of buffers", 1);
            }
            r.count = (int) n;
            r.attStart = 1;
            r.attEnd = dash + 1;
            pos = dash + 1;
        }
        if (pos < len && s.charAt(pos) == '/') {
            int comma = pos + 1;
            while (comma < len && s.charAt(comma) != NAMESPACE_END) {
                comma++;
            }
            r.namespace = s.substring(pos, comma);
            r.nsStart = pos;
            r.nsEnd = Math.min(comma + 1, len);
            pos = r.nsEnd;
        }
        if (pos < len && isIdChar(s.charAt(pos))) {
            int end = pos + 1;
            while (end < len && isIdChar(s.charAt(end))) {
                end++;
            }
            double id = JsNumber.parse(s, pos, end);
            if (Double.isNaN(id)) {
                return r.fail("ack id '" + s.substring(pos, end) + "' is not a number", pos);
            }
            if (id >= 0x1p63) {
                return r.fail("ack id " + s.substring(pos, end) + " is too large", pos);
            }
            r.ackId = (long) id;
            r.idStart = pos;
            r.idEnd = end;
            pos = end;
        }
        if (pos < len) {
            r.dataStart = pos;
            JsonNode data;
            try {
                data = JsJson.parse(s.substring(pos));
            } catch (JsonSyntaxException e) {
                return r.fail("invalid payload: " + e.getMessage(), pos);
            }
            String invalid = payloadProblem(type, data);
            if (invalid != null) {
                return r.fail("invalid payload: " + invalid, pos);
            }
            if (type.isBinary() && r.count > 0) {
                String illegal = placeholderProblem(data, r.count);
                if (illegal != null) {
                    return r.fail(illegal, pos);
                }
            }
            r.data = data;
        }
        return r;
    }

    /** socket.io-parser's {@code Number(c) == c} on one character: a digit, or white space (which reads as 0). */
    private static boolean isIdChar(char c) {
        return (c >= '0' && c <= '9') || JsNumber.isJsWhitespace(c);
    }

    /** Why {@code data} does not suit {@code type} (socket.io-parser {@code Decoder.isPayloadValid}), or null. */
    private static String payloadProblem(SocketIoType type, JsonNode data) {
        switch (type) {
            case CONNECT:
                return data.isObject() ? null : "CONNECT data must be an object";
            case DISCONNECT:
                return "DISCONNECT carries no data";
            case CONNECT_ERROR:
                return data.isTextual() || data.isObject() ? null : "CONNECT_ERROR data must be a string or an object";
            case ACK:
            case BINARY_ACK:
                return data.isArray() ? null : type + " data must be an array";
            case EVENT:
            case BINARY_EVENT:
            default:
                if (!data.isArray()) {
                    return type + " data must be an array";
                }
                if (data.isEmpty()) {
                    return type + " data must not be empty: its first element is the event name";
                }
                JsonNode name = data.get(0);
                if (name.isNumber()) {
                    return null;
                }
                if (!name.isTextual()) {
                    return "the event name must be a string (or a number)";
                }
                return RESERVED_EVENTS.contains(name.textValue())
                        ? "\"" + name.textValue() + "\" is a reserved event name" : null;
        }
    }

    /** A placeholder that cannot be filled from {@code count} attachments (socket.io-parser "illegal attachments"). */
    private static String placeholderProblem(JsonNode node, int count) {
        if (SocketIoPacket.isPlaceholder(node)) {
            if (SocketIoPacket.placeholderIndex(node, count) < 0) {
                JsonNode num = node.get("num");
                return "illegal attachments: placeholder num " + (num == null ? "missing" : JsJson.stringify(num))
                        + ", but the packet declares " + count + (count == 1 ? " attachment" : " attachments");
            }
            return null;
        }
        if (node.isContainerNode()) {
            for (JsonNode c : node) {
                String p = placeholderProblem(c, count);
                if (p != null) {
                    return p;
                }
            }
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------------------- dissect

    /**
     * The Socket.IO packet whose UTF-8 text is {@code buf[offset, offset+length)} (what follows the Engine.IO "4"), as
     * a PDU whose fields own every byte: type, attachment count with its '-', namespace with its ',', ack id, payload.
     * Malformed text gives a malformed PDU with socket.io-parser's reason. Never throws.
     */
    public static Pdu dissect(byte[] buf, int offset, int length) {
        Pdu.Builder b = Pdu.builder(Protocol.SOCKETIO, offset);
        int end = offset + length;
        b.end(end);
        String s;
        boolean ascii = true;
        for (int k = offset; k < end; k++) {
            if (buf[k] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            s = new String(buf, offset, length, StandardCharsets.ISO_8859_1);
        } else {
            CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder();
            ByteBuffer in = ByteBuffer.wrap(buf, offset, length);
            CharBuffer out = CharBuffer.allocate(length);
            CoderResult cr = dec.decode(in, out, true);
            if (cr.isError()) {
                int bad = in.position() - offset;
                return b.malformed("packet text is not valid UTF-8 (byte " + bad + " of the packet)", offset, end)
                        .summary("Malformed: not UTF-8 text").build();
            }
            out.flip();
            s = out.toString();
        }
        Scan r = scan(s);
        Offsets at = new Offsets(s, offset, ascii);
        if (r.type != null && !s.isEmpty()) {
            String typeText = r.type + " (" + r.type.code() + ")";
            if (r.typeChar < '0' || r.typeChar > '9') {
                typeText += ": socket.io-parser reads " + quoteChar(r.typeChar) + " as 0";
            }
            b.field(TYPE.span(offset, at.of(1) - offset, r.type.code(), null, typeText));
        }
        if (r.attEnd >= 0) {
            b.field(ATTACHMENTS.span(at.of(r.attStart), at.of(r.attEnd) - at.of(r.attStart), r.count, null,
                    r.count + (r.count == 1 ? " attachment" : " attachments")));
        }
        if (r.nsEnd >= 0) {
            int from = at.of(r.nsStart);
            int to = at.of(r.nsEnd);
            b.field(NAMESPACE.span(from, to - from, 0, Bytes.of(buf, from, to), r.namespace));
        }
        if (r.idEnd >= 0) {
            int from = at.of(r.idStart);
            b.field(ACK_ID.span(from, at.of(r.idEnd) - from, r.ackId, null, Long.toString(r.ackId)));
        }
        if (r.error != null) {
            return b.malformed(r.error, at.of(r.errorAt), end).summary("Malformed: " + r.error).build();
        }
        SocketIoPacket p = new SocketIoPacket(r.type, r.namespace, r.ackId, r.data, r.count, List.of());
        b.header(p);
        String payload = SocketIoDisplay.payloadText(p);
        if (r.dataStart >= 0) {
            int from = at.of(r.dataStart);
            b.field(DATA.span(from, end - from, 0, Bytes.of(buf, from, end), payload));
        }
        String summary = SocketIoDisplay.summary(p, payload);
        return b.summary(s.isEmpty() ? summary + " (empty text, which socket.io-parser reads as a CONNECT)" : summary)
                .build();
    }

    /** Character index → byte offset in the buffer, for text that came from UTF-8. */
    private static final class Offsets {
        private final String s;
        private final int base;
        private final boolean ascii;
        private int lastChar;
        private int lastByte;

        Offsets(String s, int base, boolean ascii) {
            this.s = s;
            this.base = base;
            this.ascii = ascii;
            this.lastByte = base;
        }

        int of(int charIndex) {
            if (ascii) {
                return base + charIndex;
            }
            if (charIndex < lastChar) {
                lastChar = 0;
                lastByte = base;
            }
            for (int k = lastChar; k < charIndex; k++) {
                char c = s.charAt(k);
                if (c < 0x80) {
                    lastByte += 1;
                } else if (c < 0x800) {
                    lastByte += 2;
                } else if (Character.isHighSurrogate(c)) {
                    lastByte += 4;
                    k++;
                } else {
                    lastByte += 3;
                }
            }
            lastChar = charIndex;
            return lastByte;
        }
    }

    private static String quoteChar(char c) {
        if (c > 0x20 && c < 0x7f) {
            return "'" + c + "'";
        }
        char[] hex = "0123456789ABCDEF".toCharArray();
        return "U+" + hex[c >>> 12] + hex[(c >>> 8) & 15] + hex[(c >>> 4) & 15] + hex[c & 15];
    }
}
