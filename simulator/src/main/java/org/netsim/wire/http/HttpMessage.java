package org.netsim.wire.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.netsim.pdu.Bytes;

/**
 * An HTTP/1.1 message (RFC 9112 §2.1): a start line, the header field lines in wire order, and the message body.
 *
 * <p>A request has {@code method}, {@code target} and {@code version} (RFC 9112 §3); a response has {@code version},
 * {@code status} and {@code reason} (§4). The unused parts are {@code null} (and {@code status} 0 for a request).
 *
 * <p>{@code body} is the message body as on the wire (RFC 9112 §6): with {@code Transfer-Encoding: chunked} it still
 * holds the chunk framing, so that encoding a decoded message gives back the same bytes; {@link #content()} removes
 * the framing.
 *
 * @param method  request method ({@code GET}, {@code POST}), or {@code null} for a response
 * @param target  request target ({@code /socket.io/?EIO=4&transport=polling&t=m3jqy0dy}), or {@code null}
 * @param version {@code HTTP/1.1}
 * @param status  status code of a response, 0 for a request
 * @param reason  reason phrase of a response ({@code OK}, {@code Switching Protocols}), or {@code null}
 * @param headers header field lines, in wire order, name case preserved
 * @param body    the message body as on the wire
 */
public record HttpMessage(String method, String target, String version, int status, String reason,
                          List<HttpHeader> headers, Bytes body) {
    public static final String HTTP_1_1 = "HTTP/1.1";

    public HttpMessage {
        Objects.requireNonNull(version, "version");
        headers = List.copyOf(headers);
        Objects.requireNonNull(body, "body");
        if ((method == null) != (target == null)) {
            throw new IllegalArgumentException("a request has both a method and a target");
        }
        if (method == null && (status < 0 || status > 999 || reason == null)) {
            throw new IllegalArgumentException("a response has a three-digit status and a reason phrase");
        }
    }

    public static HttpMessage request(String method, String target, List<HttpHeader> headers, Bytes body) {
        return new HttpMessage(method, target, HTTP_1_1, 0, null, headers, body);
    }

    public static HttpMessage response(int status, String reason, List<HttpHeader> headers, Bytes body) {
        return new HttpMessage(null, null, HTTP_1_1, status, reason, headers, body);
    }

    public boolean isRequest() {
        return method != null;
    }

    /** The start line without its CRLF: {@code GET / HTTP/1.1} or {@code HTTP/1.1 200 OK}. */
    public String startLine() {
        return isRequest() ? method + ' ' + target + ' ' + version : version + ' ' + status + ' ' + reason;
    }

    /** The value of the first header with this name (case-insensitive). */
    public Optional<String> header(String name) {
        for (HttpHeader h : headers) {
            if (h.is(name)) {
                return Optional.of(h.value());
            }
        }
        return Optional.empty();
    }

    /** Whether the body is sent in chunks (RFC 9112 §7.1): the last transfer coding is {@code chunked}. */
    public boolean isChunked() {
        return header("Transfer-Encoding").map(HttpMessage::lastCodingIsChunked).orElse(false);
    }

    static boolean lastCodingIsChunked(String te) {
        int comma = te.lastIndexOf(',');
        return te.substring(comma + 1).trim().equalsIgnoreCase("chunked");
    }

    /** The content (RFC 9110 §6.4): the body with the chunk framing removed if it is chunked. */
    public Bytes content() {
        if (!isChunked()) {
            return body;
        }
        byte[] b = body.toArray();
        HttpDecoded.Chunked c = HttpCodec.dechunk(b, 0, b.length);
        return c.content();
    }

    /** The same message with header {@code name} set: the first header of that name replaced, else one appended. */
    public HttpMessage withHeader(String name, String value) {
        List<HttpHeader> hs = new ArrayList<>(headers);
        for (int i = 0; i < hs.size(); i++) {
            if (hs.get(i).is(name)) {
                hs.set(i, new HttpHeader(hs.get(i).name(), value));
                return new HttpMessage(method, target, version, status, reason, hs, body);
            }
        }
        hs.add(new HttpHeader(name, value));
        return new HttpMessage(method, target, version, status, reason, hs, body);
    }

    /** The same message with another body; a {@code Content-Length} header, if there is one, follows it. */
    public HttpMessage withBody(Bytes newBody) {
        HttpMessage m = new HttpMessage(method, target, version, status, reason, headers, newBody);
        return header("Content-Length").isPresent() ? m.withHeader("Content-Length", Integer.toString(newBody.length()))
                : m;
    }

    /** The same message with another body and the headers untouched (decoding: the headers are what was sent). */
    HttpMessage withBodyOnly(Bytes newBody) {
        return new HttpMessage(method, target, version, status, reason, headers, newBody);
    }
}
