package org.netsim.wire.engineio;

import static org.netsim.wire.engineio.EngineIoLayout.BASE64;
import static org.netsim.wire.engineio.EngineIoLayout.BASE64_MARKER;
import static org.netsim.wire.engineio.EngineIoLayout.BASE64_PREFIX;
import static org.netsim.wire.engineio.EngineIoLayout.BINARY;
import static org.netsim.wire.engineio.EngineIoLayout.DATA;
import static org.netsim.wire.engineio.EngineIoLayout.HANDSHAKE;
import static org.netsim.wire.engineio.EngineIoLayout.RECORD_SEPARATOR;
import static org.netsim.wire.engineio.EngineIoLayout.SEPARATOR;
import static org.netsim.wire.engineio.EngineIoLayout.TYPE;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.netsim.pdu.Bytes;
import org.netsim.pdu.Field;
import org.netsim.pdu.FieldSpec;
import org.netsim.pdu.Malformed;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.PayloadDissector;
import org.netsim.pdu.Protocol;

/**
 * Encodes and decodes Engine.IO protocol 4 packets (engine.io-protocol v4, "Packet encoding"), the way Node's
 * engine.io-parser 5 does.
 *
 * <ul>
 *   <li>Over WebSocket every packet is one WebSocket message: a text packet is its type digit followed by its data
 *       ({@code 4hello}); a binary message is a binary frame holding only the binary content.</li>
 *   <li>Over HTTP long-polling one body holds one or more packets joined by the record separator 0x1e; a binary
 *       message is the letter {@code b} followed by the content in base64 ({@code bAQIDBA==}).</li>
 * </ul>
 *
 * <p>Decoding never throws: bytes that break the format give a result (or a PDU) marked malformed with the reason and
 * the offset where decoding stopped.
 */
public final class EngineIoCodec {
    private EngineIoCodec() {
    }

    private static final Base64.Encoder B64_ENCODER = Base64.getEncoder();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

    /** Reason for a polling body with no bytes: engine.io-parser reads it as one packet with no type. */
    public static final String EMPTY_PAYLOAD = "empty payload: a polling body holds at least one packet";
    /** Reason for a packet with no type digit (an empty text frame, or two separators in a row). */
    public static final String EMPTY_PACKET = "empty packet: no packet type digit";

    // ---------------------------------------------------------------- encode

    /**
     * The WebSocket message for {@code p}: type digit + data for a text packet (send as a text frame), the raw content
     * for a binary message (send as a binary frame: see {@link EngineIoPacket#binary()}).
     */
    public static byte[] encodeWebSocket(EngineIoPacket p) {
        if (p.binary()) {
            return p.data().toArray();
        }
        byte[] out = new byte[1 + p.data().length()];
        out[0] = p.type().code();
        p.data().copyTo(out, 1);
        return out;
    }

    /** One packet as it appears inside a polling body: type digit + data, or {@code b} + base64 for binary. */
    public static byte[] encodePollingPacket(EngineIoPacket p) {
        byte[] out = new byte[pollingLength(p)];
        writePolling(p, out, 0);
        return out;
    }

    /** A polling body: the packets joined by the record separator 0x1e (engine.io-parser {@code encodePayload}). */
    public static byte[] encodePollingPayload(List<EngineIoPacket> packets) {
        int size = Math.max(0, packets.size() - 1);
        for (EngineIoPacket p : packets) {
            size += pollingLength(p);
        }
        byte[] out = new byte[size];
        int at = 0;
        for (int i = 0; i < packets.size(); i++) {
            if (i > 0) {
                out[at++] = RECORD_SEPARATOR;
            }
            at = writePolling(packets.get(i), out, at);
        }
        return out;
    }

    private static int pollingLength(EngineIoPacket p) {
        int n = p.data().length();
        return 1 + (p.binary() ? 4 * ((n + 2) / 3) : n);
    }

    private static int writePolling(EngineIoPacket p, byte[] out, int at) {
        if (p.binary()) {
            out[at++] = BASE64_PREFIX;
            byte[] b64 = B64_ENCODER.encode(p.data().toArray());
            System.arraycopy(b64, 0, out, at, b64.length);
            return at + b64.length;
        }
        out[at++] = p.type().code();
        p.data().copyTo(out, at);
        return at + p.data().length();
    }

    // ---------------------------------------------------------------- decode

    /** Decodes one WebSocket message: a binary frame is a binary message, a text frame one text packet. */
    public static EngineIoDecoded decodeWebSocketMessage(byte[] buf, int off, int len, boolean binaryFrame) {
        if (binaryFrame) {
            return new EngineIoDecoded(List.of(EngineIoPacket.binary(Bytes.of(buf, off, off + len))), null);
        }
        List<EngineIoPacket> out = new ArrayList<>(1);
        Malformed m = decodePacket(buf, off, off + len, out);
        return new EngineIoDecoded(out, m);
    }

    /** Decodes a polling body; stops at the first bad packet, as engine.io-parser's {@code decodePayload} does. */
    public static EngineIoDecoded decodePollingPayload(byte[] buf, int off, int len) {
        if (len == 0) {
            return new EngineIoDecoded(List.of(), new Malformed(EMPTY_PAYLOAD, off));
        }
        List<EngineIoPacket> out = new ArrayList<>(2);
        int end = off + len;
        int s = off;
        while (true) {
            int e = indexOfSeparator(buf, s, end);
            Malformed m = decodePacket(buf, s, e, out);
            if (m != null) {
                return new EngineIoDecoded(out, m);
            }
            if (e == end) {
                return new EngineIoDecoded(out, null);
            }
            s = e + 1;
        }
    }

    /** Decodes the packet in {@code buf[s, e)} into {@code out}; the problem, or {@code null}. */
    private static Malformed decodePacket(byte[] buf, int s, int e, List<EngineIoPacket> out) {
        if (s == e) {
            return new Malformed(EMPTY_PACKET, s);
        }
        int c = buf[s] & 0xff;
        if (c == BASE64_PREFIX) {
            Malformed bad = checkBase64(buf, s + 1, e);
            if (bad != null) {
                return bad;
            }
            out.add(EngineIoPacket.binary(Bytes.wrap(decodeBase64(buf, s + 1, e))));
            return null;
        }
        EngineIoType type = EngineIoType.ofDigit(c);
        if (type == null) {
            return new Malformed(unknownType(c), s);
        }
        out.add(new EngineIoPacket(type, Bytes.of(buf, s + 1, e), false));
        return null;
    }

    // ---------------------------------------------------------------- dissect

    /**
     * Dissects one WebSocket message as one Engine.IO packet. For a message packet, {@code message} gets the packet
     * and the range of its data (after the {@code 4}); for a binary frame, the whole frame content. Bytes the message
     * dissector leaves unclaimed are owned by a data field.
     */
    public static Pdu dissectWebSocketMessage(byte[] buf, int off, int len, boolean binaryFrame,
                                              PayloadDissector<EngineIoPacket> message) {
        if (binaryFrame) {
            EngineIoPacket p = EngineIoPacket.binary(Bytes.of(buf, off, off + len));
            Pdu.Builder b = Pdu.builder(Protocol.ENGINEIO, off).header(p);
            hand(b, p, buf, off, off + len, message, BINARY);
            return b.summary("binary message, " + len + (len == 1 ? " byte" : " bytes")).end(off + len).build();
        }
        return dissectPacket(buf, off, off + len, message);
    }

    /**
     * Dissects a polling body: one child PDU per packet and a separator field for each 0x1e between them, so every
     * byte has one owner. A bad packet marks both its own PDU and the payload malformed (first problem wins); unlike
     * engine.io-parser the dissector goes on with the next packet, since separators make the boundaries certain.
     *
     * <p>For a binary packet ({@code b} + base64) the message dissector gets the packet, whose data holds the decoded
     * bytes, and the range of the base64 text.
     */
    public static Pdu dissectPollingPayload(byte[] buf, int off, int len, PayloadDissector<EngineIoPacket> message) {
        Pdu.Builder b = Pdu.builder(Protocol.ENGINEIO, off);
        int end = off + len;
        if (len == 0) {
            return b.malformed(EMPTY_PAYLOAD, off, off).summary("empty polling payload").build();
        }
        List<EngineIoPacket> packets = new ArrayList<>(2);
        int s = off;
        int count = 0;
        while (true) {
            int e = indexOfSeparator(buf, s, end);
            Pdu child = dissectPacket(buf, s, e, message);
            b.child(child);
            count++;
            if (child.isMalformed()) {
                if (!b.isMalformed()) {
                    b.malformed(child.malformed().reason(), child.malformed().offset(), child.malformed().offset());
                }
            } else if (child.header() instanceof EngineIoPacket p) {
                packets.add(p);
            }
            if (e == end) {
                break;
            }
            b.field(SEPARATOR.span(e, 1, RECORD_SEPARATOR, null, "0x1e (record separator)"));
            s = e + 1;
        }
        return b.header(new EngineIoDecoded(packets, null)).end(end)
                .summary("polling payload, " + count + (count == 1 ? " packet" : " packets")).build();
    }

    private static Pdu dissectPacket(byte[] buf, int s, int e, PayloadDissector<EngineIoPacket> message) {
        Pdu.Builder b = Pdu.builder(Protocol.ENGINEIO, s);
        if (s == e) {
            return b.malformed(EMPTY_PACKET, s, s).summary("empty packet").build();
        }
        int c = buf[s] & 0xff;
        if (c == BASE64_PREFIX) {
            b.field(BASE64_MARKER.span(s, 1, c, null, "b (a base64-encoded binary message follows)"));
            Malformed bad = checkBase64(buf, s + 1, e);
            if (bad != null) {
                int validEnd = Math.max(s + 1, Math.min(bad.offset(), e));
                if (validEnd > s + 1) {
                    b.field(BASE64.span(s + 1, validEnd - s - 1, 0, Bytes.of(buf, s + 1, validEnd), null));
                }
                return b.malformed(bad.reason(), validEnd, e).summary("binary message (bad base64)").build();
            }
            EngineIoPacket p = EngineIoPacket.binary(Bytes.wrap(decodeBase64(buf, s + 1, e)));
            b.header(p);
            hand(b, p, buf, s + 1, e, message, BASE64);
            int n = p.data().length();
            return b.summary("binary message, " + n + (n == 1 ? " byte" : " bytes") + " in base64").end(e).build();
        }
        EngineIoType type = EngineIoType.ofDigit(c);
        if (type == null) {
            b.field(TYPE.at(s, c, charText(c) + " (unknown)"));
            b.malformed(unknownType(c), s, s);
            if (e > s + 1) {
                b.field(DATA.span(s + 1, e - s - 1, 0, Bytes.of(buf, s + 1, e), null));
            }
            return b.summary("unknown packet type " + charText(c)).end(e).build();
        }
        b.field(TYPE.at(s, c, type.digit() + " (" + type.label() + ")"));
        EngineIoPacket p = new EngineIoPacket(type, Bytes.of(buf, s + 1, e), false);
        b.header(p);
        if (type == EngineIoType.MESSAGE) {
            hand(b, p, buf, s + 1, e, message, DATA);
        } else if (type == EngineIoType.OPEN && e > s + 1) {
            b.field(handshakeField(buf, s + 1, e, p));
        } else if (e > s + 1) {
            b.field(DATA.span(s + 1, e - s - 1, 0, p.data(), null));
        }
        return b.summary(summary(p)).end(e).build();
    }

    private static Field handshakeField(byte[] buf, int s, int e, EngineIoPacket p) {
        String json = p.text();
        Field f = HANDSHAKE.span(s, e - s, 0, p.data(), null);
        try {
            OpenPacket open = OpenPacket.parse(json);
            return f.withText(json + " (sid " + open.sid() + ", ping every " + open.pingInterval() + " ms)");
        } catch (IllegalArgumentException ex) {
            return f.withProblem(ex.getMessage());
        }
    }

    /** Gives {@code [s, e)} to the message dissector; whatever it leaves unclaimed is owned by {@code rest}. */
    private static void hand(Pdu.Builder b, EngineIoPacket p, byte[] buf, int s, int e,
                             PayloadDissector<EngineIoPacket> message, FieldSpec rest) {
        int claimed = s;
        if (e > s) {
            List<Pdu> children = message.dissect(p, buf, s, e - s);
            b.children(children);
            for (Pdu c : children) {
                claimed = Math.max(claimed, c.end());
            }
        }
        if (claimed < e) {
            b.field(rest.span(claimed, e - claimed, 0, Bytes.of(buf, claimed, e), null));
        }
    }

    private static String summary(EngineIoPacket p) {
        int n = p.data().length();
        if (n == 0) {
            return p.type().label();
        }
        String text = n <= 40 ? p.text() : new String(p.data().toArray(), 0, 40, StandardCharsets.UTF_8) + "…";
        return p.type().label() + " " + text;
    }

    // ---------------------------------------------------------------- helpers

    private static int indexOfSeparator(byte[] buf, int from, int end) {
        for (int i = from; i < end; i++) {
            if (buf[i] == RECORD_SEPARATOR) {
                return i;
            }
        }
        return end;
    }

    private static String unknownType(int c) {
        return "unknown packet type " + charText(c);
    }

    private static String charText(int c) {
        if (c >= 0x21 && c < 0x7f) {
            return "'" + (char) c + "'";
        }
        String hex = Integer.toHexString(c);
        return "0x" + (hex.length() == 1 ? "0" : "") + hex;
    }

    /**
     * Checks that {@code buf[s, e)} is padded base64 as Node's {@code Buffer.toString("base64")} writes it (RFC 4648
     * §4): letters of the standard alphabet, at most two {@code =} at the end, a multiple of 4 characters.
     * The problem, or {@code null}.
     */
    static Malformed checkBase64(byte[] buf, int s, int e) {
        int i = s;
        while (i < e && isBase64Letter(buf[i])) {
            i++;
        }
        int pad = i;
        while (i < e && buf[i] == '=') {
            i++;
        }
        if (i < e) {
            int c = buf[i] & 0xff;
            return new Malformed(i > pad
                    ? "invalid base64: " + charText(c) + " after '=' padding"
                    : "invalid base64: " + charText(c) + " is not in the base64 alphabet", i);
        }
        if (i - pad > 2) {
            return new Malformed("invalid base64: more than two '=' padding characters", pad + 2);
        }
        if (((e - s) & 3) != 0) {
            return new Malformed("invalid base64: " + (e - s) + " characters, not a multiple of 4", s);
        }
        return null;
    }

    private static boolean isBase64Letter(byte b) {
        return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '+' || b == '/';
    }

    private static byte[] decodeBase64(byte[] buf, int s, int e) {
        return B64_DECODER.decode(java.util.Arrays.copyOfRange(buf, s, e));
    }
}
