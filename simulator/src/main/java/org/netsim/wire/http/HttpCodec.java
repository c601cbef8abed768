package org.netsim.wire.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.netsim.pdu.Bytes;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.PayloadDissector;
import org.netsim.pdu.Protocol;

/**
 * Encodes and decodes HTTP/1.1 messages (RFC 9112): start line, header field lines, blank line, body. Header lines
 * keep their order and the case of their names, so a message decoded from a capture encodes back to the same bytes.
 *
 * <p>The body's length follows RFC 9112 §6.3: none for 1xx, 204 and 304 responses; chunked framing if the last
 * transfer coding is {@code chunked} (Node's server uses it when it does not set Content-Length, e.g. for the JSON of
 * a 400 error); else {@code Content-Length}; else none for a request and everything up to the end of the bytes for a
 * response.
 */
public final class HttpCodec {
    private HttpCodec() {
    }

    /** Reason for a header section the bytes end inside of. */
    public static final String TRUNCATED_HEADERS = "truncated: headers not terminated by CRLF CRLF";

    private static final byte[] CRLF_BYTES = {'\r', '\n'};

    // ---------------------------------------------------------------- encode

    /** The message's exact bytes: start line, each header as {@code Name: value}, CRLF after each line, body. */
    public static byte[] encode(HttpMessage m) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + m.body().length());
        writeLatin1(out, m.startLine());
        out.write(CRLF_BYTES, 0, 2);
        for (HttpHeader h : m.headers()) {
            writeLatin1(out, h.name());
            out.write(':');
            out.write(' ');
            writeLatin1(out, h.value());
            out.write(CRLF_BYTES, 0, 2);
        }
        out.write(CRLF_BYTES, 0, 2);
        byte[] head = out.toByteArray();
        byte[] all = new byte[head.length + m.body().length()];
        System.arraycopy(head, 0, all, 0, head.length);
        m.body().copyTo(all, head.length);
        return all;
    }

    private static void writeLatin1(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        out.write(b, 0, b.length);
    }

    /** A body in chunked framing (RFC 9112 §7.1) as one chunk followed by the last chunk, as Node writes it. */
    public static Bytes chunk(Bytes content) {
        if (content.isEmpty()) {
            return Bytes.ascii("0\r\n\r\n");
        }
        return Bytes.ascii(Integer.toHexString(content.length()) + "\r\n").concat(content)
                .concat(Bytes.ascii("\r\n0\r\n\r\n"));
    }

    // ---------------------------------------------------------------- decode and dissect

    /** Decodes one message from {@code buf[off, off+len)}; never throws. */
    public static HttpDecoded decode(byte[] buf, int off, int len) {
        HttpParser p = new HttpParser(buf, off, off + len, null, null);
        p.run();
        return new HttpDecoded(p.message, p.pos - off, p.malformed);
    }

    /**
     * Dissects one message from {@code buf[off, off+len)}: a field for each part of the start line, each header
     * line and its CRLF, the blank line and the body. A body with a known length goes to {@code body} (an Engine.IO
     * polling payload, say); bytes it leaves unclaimed become the {@code http.body} field. A chunked body is shown
     * chunk by chunk and not handed on.
     *
     * <p>The PDU ends where the message ends: bytes after it (WebSocket frames after a 101, a pipelined message) are
     * the caller's, see {@link #dissectStream}.
     */
    public static Pdu dissect(byte[] buf, int off, int len, PayloadDissector<HttpMessage> body) {
        Pdu.Builder b = Pdu.builder(Protocol.HTTP, off);
        HttpParser p = new HttpParser(buf, off, off + len, b, body);
        p.run();
        if (p.message != null) {
            b.header(p.message).summary(p.message.startLine());
        } else {
            b.summary("HTTP (malformed)");
        }
        return b.end(p.pos).build();
    }

    /**
     * Dissects every message in {@code buf[off, off+len)}, one after the other. Bytes after a
     * {@code 101 Switching Protocols} response belong to the new protocol and are returned as one data PDU.
     */
    public static List<Pdu> dissectStream(byte[] buf, int off, int len, PayloadDissector<HttpMessage> body) {
        List<Pdu> out = new ArrayList<>(1);
        int end = off + len;
        int at = off;
        while (at < end) {
            Pdu pdu = dissect(buf, at, end - at, body);
            out.add(pdu);
            at = pdu.end();
            if (pdu.isMalformed()) {
                break;
            }
            HttpMessage m = (HttpMessage) pdu.header();
            if (m != null && !m.isRequest() && m.status() == 101 && at < end) {
                out.add(Pdu.data(buf, at, end - at));
                break;
            }
        }
        return out;
    }

    /** The content of a chunked body in {@code buf[off, off+len)}. */
    static HttpDecoded.Chunked dechunk(byte[] buf, int off, int len) {
        HttpParser p = new HttpParser(buf, off, off + len, null, null);
        Bytes content = p.chunked(off);
        return new HttpDecoded.Chunked(content, p.pos - off, p.malformed);
    }

    /**
     * The whole message's length from its head in {@code b[start, headEnd)} ({@code headEnd} from
     * {@link HttpFraming#headEnd}), {@code avail} bytes of the message being at hand: -1 if it cannot be known yet (a
     * body that ends with the connection, a chunked body not yet complete), -2 if the head is malformed. Shared by
     * the capture decoder and the stack dissector, which both hold a message until its last byte is there.
     */
    public static long messageLength(byte[] b, int start, int headEnd, int avail) {
        HttpDecoded head = HttpCodec.decode(b, start, headEnd - start);
        HttpMessage m = head.message();
        if (m == null || (!head.isOk() && !head.isTruncated())) {
            return -2;
        }
        int headLength = headEnd - start;
        if (!m.isRequest() && (m.status() / 100 == 1 || m.status() == 204 || m.status() == 304)) {
            return headLength;
        }
        if (m.header("Transfer-Encoding").isPresent()) {
            HttpDecoded whole = HttpCodec.decode(b, start, avail);
            if (whole.isTruncated()) {
                return -1;
            }
            return whole.length();
        }
        Optional<String> cl = m.header("Content-Length");
        if (cl.isPresent()) {
            long n = HttpFraming.contentLength(cl.get());
            return n < 0 ? headLength : headLength + n;
        }
        return m.isRequest() ? headLength : -1;
    }
}
