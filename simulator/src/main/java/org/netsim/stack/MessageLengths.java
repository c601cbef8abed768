package org.netsim.stack;

import org.netsim.wire.http.HttpCodec;
import org.netsim.wire.websocket.WebSocketCodec;
import org.netsim.wire.websocket.WebSocketDecoded;
import org.netsim.wire.websocket.WebSocketLayout;

/**
 * How long a message held for reassembly is, from its first bytes ({@code b[0, size)}): -1 while they do not say
 * yet. A message whose first bytes break its protocol ends where they end, so it is decoded (and shown malformed)
 * at once rather than held for ever.
 */
final class MessageLengths {
    private MessageLengths() {
    }

    /** A WebSocket frame's length: header and payload, once the header is all there (RFC 6455 §5.2). */
    static long webSocket(byte[] b, int size) {
        if (size < WebSocketLayout.BASE_HEADER_LENGTH) {
            return -1;
        }
        int len7 = b[1] & 0x7f;
        int header = WebSocketLayout.BASE_HEADER_LENGTH
                + (len7 == WebSocketLayout.LENGTH_16 ? 2 : len7 == WebSocketLayout.LENGTH_64 ? 8 : 0)
                + ((b[1] & 0x80) != 0 ? WebSocketLayout.MASKING_KEY_LENGTH : 0);
        if (size < header) {
            return -1;
        }
        WebSocketDecoded d = WebSocketCodec.decode(b, 0, size);
        if (d.needsMore()) {
            return d.needed();
        }
        return d.isComplete() ? d.consumed() : size;
    }

    /**
     * An HTTP message's length, its head ending at {@code headEnd}: head and body by Content-Length or chunked
     * framing (RFC 9112 §6.3). A body that runs to the end of the connection ends with the bytes at hand, as
     * {@link HttpCodec#dissect} reads one.
     */
    static long http(byte[] b, int headEnd, int size) {
        long t = HttpCodec.messageLength(b, 0, headEnd, size);
        if (t == -2) {
            return size;
        }
        if (t == -1) {
            boolean chunked = HttpCodec.decode(b, 0, headEnd).message().header("Transfer-Encoding").isPresent();
            return chunked ? -1 : size;
        }
        return t;
    }
}
