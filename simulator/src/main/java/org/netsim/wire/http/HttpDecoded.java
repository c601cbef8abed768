package org.netsim.wire.http;

import org.netsim.pdu.Bytes;
import org.netsim.pdu.Malformed;

/**
 * What decoding one HTTP/1.1 message gave.
 *
 * @param message   the message, or {@code null} if the start line and headers could not be read; when only the body is
 *                  short, the message holds the part of the body that was there
 * @param length    how many bytes the message took (more bytes may follow: a pipelined message, or WebSocket frames
 *                  after a {@code 101 Switching Protocols})
 * @param malformed why decoding stopped, or {@code null}
 */
public record HttpDecoded(HttpMessage message, int length, Malformed malformed) {
    /** Reasons for bytes that end too early begin with this word: wait for more bytes from TCP. */
    public static final String TRUNCATED = "truncated";

    public boolean isOk() {
        return malformed == null;
    }

    /** The bytes ended before the message did (as opposed to bytes that break the syntax). */
    public boolean isTruncated() {
        return malformed != null && malformed.reason().startsWith(TRUNCATED);
    }

    /** A decoded chunked body (RFC 9112 §7.1): the content, the bytes the framing took, and any problem. */
    record Chunked(Bytes content, int length, Malformed malformed) {
    }
}
