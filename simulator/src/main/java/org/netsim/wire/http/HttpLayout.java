package org.netsim.wire.http;

import static org.netsim.pdu.FieldFormat.BYTES;
import static org.netsim.pdu.FieldFormat.TEXT;

import org.netsim.pdu.FieldSpec;
import org.netsim.pdu.Protocol;

/**
 * Field layout of an HTTP/1.1 message (RFC 9112), declared once for encode, decode and display. HTTP is text, so every
 * field's position depends on the content; the fields follow the RFC's grammar line by line, and the spaces and line
 * ends are fields of their own so that a student sees every byte.
 */
public final class HttpLayout {
    private HttpLayout() {
    }

    private static final Protocol P = Protocol.HTTP;

    public static final FieldSpec METHOD = FieldSpec.variable(P, "http.request.method", "Method", TEXT,
            "What the client asks for: GET fetches (a poll, a WebSocket upgrade), POST sends data to the server.",
            "RFC 9112 §3.1");
    public static final FieldSpec TARGET = FieldSpec.variable(P, "http.request.uri", "Request target", TEXT,
            "Path and query on the server; Engine.IO puts its protocol version, transport and session id in the query.",
            "RFC 9112 §3.2");
    public static final FieldSpec REQUEST_VERSION = FieldSpec.variable(P, "http.request.version", "HTTP version", TEXT,
            "The protocol version the client speaks: HTTP/1.1.", "RFC 9112 §2.3");
    public static final FieldSpec RESPONSE_VERSION = FieldSpec.variable(P, "http.response.version", "HTTP version",
            TEXT, "The protocol version the server speaks: HTTP/1.1.", "RFC 9112 §2.3");
    public static final FieldSpec STATUS = FieldSpec.variable(P, "http.response.code", "Status code", TEXT,
            "Three digits saying how the request went: 200 OK, 101 switching to WebSocket, 400 bad request.",
            "RFC 9112 §4");
    public static final FieldSpec REASON = FieldSpec.variable(P, "http.response.phrase", "Reason phrase", TEXT,
            "Words for people that repeat the status code's meaning; programs ignore them.", "RFC 9112 §4");
    public static final FieldSpec SPACE = FieldSpec.variable(P, "http.sp", "Space", TEXT,
            "One space (SP) separating the parts of the first line.", "RFC 9112 §3");
    public static final FieldSpec CRLF = FieldSpec.variable(P, "http.crlf", "Line end (CRLF)", TEXT,
            "Carriage return and line feed (0d 0a): every HTTP/1.1 line ends with these two bytes.", "RFC 9112 §2.1");
    public static final FieldSpec HEADER = FieldSpec.variable(P, "http.header", "Header field", TEXT,
            "One \"Name: value\" line with information about the message, such as the body's length or type.",
            "RFC 9112 §5");
    public static final FieldSpec BLANK_LINE = FieldSpec.variable(P, "http.blank_line", "Blank line", TEXT,
            "An empty line (just CRLF) ends the header section; the body, if any, starts right after it.",
            "RFC 9112 §2.1");
    public static final FieldSpec BODY = FieldSpec.variable(P, "http.body", "Body", TEXT,
            "The message body; its length comes from Content-Length (or chunked framing).", "RFC 9112 §6");
    public static final FieldSpec CHUNK_SIZE = FieldSpec.variable(P, "http.chunk.size", "Chunk size", TEXT,
            "The length of the next chunk in hexadecimal; a chunk of size 0 ends the body.", "RFC 9112 §7.1");
    public static final FieldSpec CHUNK_DATA = FieldSpec.variable(P, "http.chunk.data", "Chunk data", BYTES,
            "One piece of a body sent in chunks, because the sender did not know the total length in advance.",
            "RFC 9112 §7.1");
    public static final FieldSpec TRAILER = FieldSpec.variable(P, "http.trailer", "Trailer field", TEXT,
            "A header field sent after a chunked body.", "RFC 9112 §7.1.2");
}
