package org.netsim.wire.http;

import static org.netsim.wire.http.HttpLayout.BLANK_LINE;
import static org.netsim.wire.http.HttpLayout.BODY;
import static org.netsim.wire.http.HttpLayout.CHUNK_DATA;
import static org.netsim.wire.http.HttpLayout.CHUNK_SIZE;
import static org.netsim.wire.http.HttpLayout.CRLF;
import static org.netsim.wire.http.HttpLayout.HEADER;
import static org.netsim.wire.http.HttpLayout.METHOD;
import static org.netsim.wire.http.HttpLayout.REASON;
import static org.netsim.wire.http.HttpLayout.REQUEST_VERSION;
import static org.netsim.wire.http.HttpLayout.RESPONSE_VERSION;
import static org.netsim.wire.http.HttpLayout.SPACE;
import static org.netsim.wire.http.HttpLayout.STATUS;
import static org.netsim.wire.http.HttpLayout.TARGET;
import static org.netsim.wire.http.HttpLayout.TRAILER;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.netsim.pdu.Bytes;
import org.netsim.pdu.DataSource;
import org.netsim.pdu.FieldSpec;
import org.netsim.pdu.Malformed;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.PayloadDissector;
import org.netsim.pdu.Protocol;

/**
 * One pass over an HTTP/1.1 message for {@link HttpCodec}. With a builder it also records the fields; without one it
 * only decodes, so decode and dissect cannot disagree.
 */
final class HttpParser {
    private final byte[] buf;
    private final int end;
    private final Pdu.Builder b;
    private final PayloadDissector<HttpMessage> inner;
    int pos;
    HttpMessage message;
    Malformed malformed;

    HttpParser(byte[] buf, int off, int end, Pdu.Builder b, PayloadDissector<HttpMessage> inner) {
        this.buf = buf;
        this.pos = off;
        this.end = end;
        this.b = b;
        this.inner = inner;
    }

    void run() {
        int lineEnd = findCrlf(pos);
        if (lineEnd < 0) {
            fail(HttpCodec.TRUNCATED_HEADERS, pos, end);
            return;
        }
        String method = null;
        String target = null;
        String version;
        int status = 0;
        String reason = null;
        boolean response = startsWith(pos, lineEnd, "HTTP/");
        int sp1 = indexOf((byte) ' ', pos, lineEnd);
        if (response) {
            // status-line = HTTP-version SP status-code SP [ reason-phrase ]
            if (sp1 < 0 || sp1 + 4 > lineEnd || !digits(sp1 + 1, sp1 + 4)
                    || (sp1 + 4 < lineEnd && buf[sp1 + 4] != ' ')) {
                fail("malformed status line: expected HTTP-version SP status-code SP reason-phrase", pos, end);
                return;
            }
            version = text(pos, sp1);
            status = (buf[sp1 + 1] - '0') * 100 + (buf[sp1 + 2] - '0') * 10 + (buf[sp1 + 3] - '0');
            int reasonStart = Math.min(sp1 + 5, lineEnd);
            reason = text(reasonStart, lineEnd);
            span(RESPONSE_VERSION, pos, sp1, version);
            span(SPACE, sp1, sp1 + 1, "SP");
            span(STATUS, sp1 + 1, sp1 + 4, Integer.toString(status));
            if (sp1 + 4 < lineEnd) {
                span(SPACE, sp1 + 4, sp1 + 5, "SP");
            }
            span(REASON, reasonStart, lineEnd, reason);
        } else {
            // request-line = method SP request-target SP HTTP-version
            int sp2 = sp1 < 0 ? -1 : indexOf((byte) ' ', sp1 + 1, lineEnd);
            if (sp1 <= pos || sp2 <= sp1 + 1 || sp2 + 1 >= lineEnd || !startsWith(sp2 + 1, lineEnd, "HTTP/")) {
                fail("malformed request line: expected method SP request-target SP HTTP-version", pos, end);
                return;
            }
            method = text(pos, sp1);
            target = text(sp1 + 1, sp2);
            version = text(sp2 + 1, lineEnd);
            span(METHOD, pos, sp1, method);
            span(SPACE, sp1, sp1 + 1, "SP");
            span(TARGET, sp1 + 1, sp2, target);
            span(SPACE, sp2, sp2 + 1, "SP");
            span(REQUEST_VERSION, sp2 + 1, lineEnd, version);
        }
        crlf(lineEnd);
        pos = lineEnd + 2;

        List<HttpHeader> headers = fieldLines(HEADER);
        if (headers == null) {
            return;
        }
        int bodyStart = pos;
        HttpMessage head = new HttpMessage(method, target, version, status, reason, headers, Bytes.EMPTY);
        message = head;
        body(head, bodyStart);
    }

    /** Field lines up to and including the blank line; {@code null} after a failure. */
    private List<HttpHeader> fieldLines(FieldSpec spec) {
        List<HttpHeader> headers = new ArrayList<>(8);
        while (true) {
            int lineEnd = findCrlf(pos);
            if (lineEnd < 0) {
                fail(HttpCodec.TRUNCATED_HEADERS, pos, end);
                return null;
            }
            if (lineEnd == pos) {
                span(BLANK_LINE, pos, pos + 2, "CRLF (end of the header section)");
                pos += 2;
                return headers;
            }
            int colon = indexOf((byte) ':', pos, lineEnd);
            if (colon < 0) {
                fail("header field line without ':'", pos, end);
                return null;
            }
            if (colon == pos) {
                fail("empty header field name", pos, end);
                return null;
            }
            if (buf[colon - 1] == ' ' || buf[colon - 1] == '\t') {
                // RFC 9112 §5.1: "No whitespace is allowed between the field name and colon."
                fail("whitespace between header field name and colon", pos, end);
                return null;
            }
            int vs = colon + 1;
            int ve = lineEnd;
            while (vs < ve && (buf[vs] == ' ' || buf[vs] == '\t')) {
                vs++;
            }
            while (ve > vs && (buf[ve - 1] == ' ' || buf[ve - 1] == '\t')) {
                ve--;
            }
            HttpHeader h = new HttpHeader(text(pos, colon), text(vs, ve));
            headers.add(h);
            span(spec, pos, lineEnd, h.toString());
            crlf(lineEnd);
            pos = lineEnd + 2;
        }
    }

    private void body(HttpMessage head, int bodyStart) {
        int status = head.status();
        if (!head.isRequest() && (status / 100 == 1 || status == 204 || status == 304)) {
            return;
        }
        String te = head.header("Transfer-Encoding").orElse(null);
        if (te != null) {
            if (HttpMessage.lastCodingIsChunked(te)) {
                Bytes content = chunked(bodyStart);
                message = head.withBodyOnly(Bytes.of(buf, bodyStart, pos));
                if (malformed == null && !content.isEmpty()) {
                    decodedBody(content, "chunked", bodyStart, pos);
                }
                return;
            }
            if (head.isRequest()) {
                fail("Transfer-Encoding in a request does not end with chunked", bodyStart, end);
                return;
            }
            plainBody(head, bodyStart, end - bodyStart);
            return;
        }
        long length = -1;
        for (HttpHeader h : head.headers()) {
            if (h.is("Content-Length")) {
                long v = HttpFraming.contentLength(h.value());
                if (v < 0) {
                    fail("invalid Content-Length: \"" + h.value() + "\"", bodyStart, end);
                    return;
                }
                if (length >= 0 && v != length) {
                    fail("conflicting Content-Length values " + length + " and " + v, bodyStart, end);
                    return;
                }
                length = v;
            }
        }
        if (length < 0) {
            length = head.isRequest() ? 0 : end - bodyStart;
        }
        int available = end - bodyStart;
        if (length > available) {
            if (available > 0) {
                span(BODY, bodyStart, end, null);
            }
            message = head.withBodyOnly(Bytes.of(buf, bodyStart, end));
            pos = end;
            fail(HttpDecoded.TRUNCATED + ": body has " + available + " of the " + length
                    + " bytes Content-Length announces", end, end);
            return;
        }
        plainBody(head, bodyStart, (int) length);
    }

    private void plainBody(HttpMessage head, int bodyStart, int length) {
        int bodyEnd = bodyStart + length;
        message = head.withBodyOnly(Bytes.of(buf, bodyStart, bodyEnd));
        pos = bodyEnd;
        if (b == null || length == 0) {
            return;
        }
        if (inner != null && ContentCoding.isEncoded(head)) {
            // the body field owns the coded bytes; what they decode to is a child read from the decoded bytes
            String ce = head.header("Content-Encoding").orElse("");
            ContentCoding.Result r = ContentCoding.decode(ce, Bytes.of(buf, bodyStart, bodyEnd),
                    ContentCoding.DEFAULT_LIMIT);
            org.netsim.pdu.Field f = BODY.span(bodyStart, length, 0, Bytes.of(buf, bodyStart, bodyEnd), r.isOk()
                    ? "Content-Encoding " + r.how() + ": " + length + " bytes, inflated to " + r.content().length()
                    + " bytes (decoded below)" : null);
            b.field(r.isOk() ? f : f.withProblem(r.problem()));
            if (r.isOk()) {
                decoded(r.content(), r.how(), bodyStart, bodyEnd);
            }
            return;
        }
        int claimed = bodyStart;
        if (inner != null) {
            List<Pdu> children = inner.dissect(message, buf, bodyStart, length);
            b.children(children);
            for (Pdu c : children) {
                claimed = Math.max(claimed, c.end());
            }
        }
        if (claimed < bodyEnd) {
            span(BODY, claimed, bodyEnd, null);
        }
    }

    /**
     * A chunked body's content, {@code buf[from, to)} on the wire, its content codings undone: handed to the inner
     * dissector through a PDU opening a {@link DataSource} (the chunk fields already own the bytes on the wire).
     */
    private void decodedBody(Bytes content, String framing, int from, int to) {
        if (b == null || inner == null) {
            return;
        }
        String ce = message.header("Content-Encoding").orElse("");
        if (ContentCoding.codings(ce).isEmpty()) {
            decoded(content, framing, from, to);
            return;
        }
        ContentCoding.Result r = ContentCoding.decode(ce, content, ContentCoding.DEFAULT_LIMIT);
        if (!r.isOk()) {
            b.child(Pdu.builder(Protocol.HTTP, from).summary("Content-Encoding " + ce + ": not decoded")
                    .malformed(r.problem(), to, to).end(to).build());
            return;
        }
        decoded(r.content(), framing + ", " + r.how(), from, to);
    }

    /**
     * The PDU of the decoded body (on the wire {@code buf[from, to)}), its content given to the inner dissector: a
     * data source named as Wireshark names its tab, "Uncompressed entity body" when a content coding was undone,
     * "De-chunked entity body" when only the chunk framing was.
     */
    private void decoded(Bytes content, String how, int from, int to) {
        byte[] d = content.toArray();
        String name = how.equals("chunked") ? "De-chunked entity body" : "Uncompressed entity body";
        Pdu.Builder w = Pdu.builder(Protocol.HTTP, from).source(DataSource.of(name, content));
        int claimed = 0;
        if (d.length > 0) {
            List<Pdu> children = inner.dissect(message, d, 0, d.length);
            w.children(children);
            for (Pdu c : children) {
                claimed = Math.max(claimed, c.end());
            }
            if (claimed < d.length) {
                w.child(Pdu.data(d, claimed, d.length - claimed));
            }
        }
        // the children count in the decoded bytes: the PDU itself covers the body on the wire
        b.child(w.summary("Decoded body (" + how + "): " + (to - from) + " bytes on the wire, " + d.length
                + " bytes of content").end(to).build());
    }

    /** Reads chunked framing from {@code start}; returns the content read (all of it, or up to the problem). */
    Bytes chunked(int start) {
        pos = start;
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        while (true) {
            int lineEnd = findCrlf(pos);
            if (lineEnd < 0) {
                fail(HttpDecoded.TRUNCATED + ": chunk size line not terminated by CRLF", pos, end);
                return Bytes.wrap(content.toByteArray());
            }
            int sizeEnd = pos;
            long size = 0;
            while (sizeEnd < lineEnd && hexValue(buf[sizeEnd]) >= 0 && size <= Integer.MAX_VALUE) {
                size = size * 16 + hexValue(buf[sizeEnd]);
                sizeEnd++;
            }
            boolean extOk = sizeEnd == lineEnd || buf[sizeEnd] == ';' || buf[sizeEnd] == ' '
                    || buf[sizeEnd] == '\t';
            if (sizeEnd == pos || !extOk || size > Integer.MAX_VALUE) {
                fail("invalid chunk size: \"" + text(pos, lineEnd) + "\"", pos, end);
                return Bytes.wrap(content.toByteArray());
            }
            span(CHUNK_SIZE, pos, lineEnd, text(pos, lineEnd) + " (" + size + (size == 1 ? " byte)" : " bytes)")
                    + (size == 0 ? ", last chunk" : ""));
            crlf(lineEnd);
            pos = lineEnd + 2;
            if (size == 0) {
                fieldLines(TRAILER);
                return Bytes.wrap(content.toByteArray());
            }
            int available = end - pos;
            if (size > available) {
                if (available > 0) {
                    span(CHUNK_DATA, pos, end, null);
                }
                content.write(buf, pos, available);
                pos = end;
                fail(HttpDecoded.TRUNCATED + ": chunk has " + available + " of the " + size
                        + " bytes its size announces", end, end);
                return Bytes.wrap(content.toByteArray());
            }
            int dataEnd = pos + (int) size;
            span(CHUNK_DATA, pos, dataEnd, null);
            content.write(buf, pos, (int) size);
            pos = dataEnd;
            if (end - pos < 2) {
                fail(HttpDecoded.TRUNCATED + ": chunk data not followed by CRLF", pos, end);
                pos = end;
                return Bytes.wrap(content.toByteArray());
            }
            if (buf[pos] != '\r' || buf[pos + 1] != '\n') {
                fail("chunk data not followed by CRLF", pos, end);
                return Bytes.wrap(content.toByteArray());
            }
            crlf(pos);
            pos += 2;
        }
    }

    private void fail(String reason, int at, int endExclusive) {
        if (malformed == null) {
            malformed = new Malformed(reason, at);
            if (b != null) {
                b.malformed(reason, at, endExclusive);
            }
        }
        pos = Math.max(pos, endExclusive);
    }

    private void span(FieldSpec spec, int from, int to, String text) {
        if (b != null && to > from) {
            b.field(spec.span(from, to - from, 0, Bytes.of(buf, from, to), text));
        }
    }

    private void crlf(int at) {
        span(CRLF, at, at + 2, "CRLF");
    }

    private int findCrlf(int from) {
        for (int i = from; i + 1 < end; i++) {
            if (buf[i] == '\r' && buf[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private int indexOf(byte c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private boolean startsWith(int from, int to, String prefix) {
        if (to - from < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (buf[from + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean digits(int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] < '0' || buf[i] > '9') {
                return false;
            }
        }
        return true;
    }

    private String text(int from, int to) {
        return new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
    }

    private static int hexValue(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
