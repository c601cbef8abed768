package org.netsim.wire.websocket;

import org.netsim.pdu.Malformed;

/**
 * What {@link WebSocketCodec#decode} made of the bytes at the front of a buffer. Exactly one of three things:
 *
 * <ul>
 *   <li>a complete frame: {@code frame} set, {@code consumed} its bytes (header + payload);</li>
 *   <li>more bytes needed, because the frame continues in the next TCP segment: {@code needed} &gt; 0, the bytes the
 *       frame needs from its first byte as far as they are known (while the header itself is incomplete, the header's
 *       length; decode again from the same start when more bytes have arrived);</li>
 *   <li>malformed: {@code malformed} holds the rule that was broken, in the RFC's words, and the offset in the buffer
 *       just past the header field that broke it, where decoding stopped.</li>
 * </ul>
 *
 * Problems that do not stop decoding (a reserved bit set, text that is not UTF-8) are not reported here:
 * {@link WebSocketCodec#dissect} records them on the fields.
 *
 * @param frame     the frame, or {@code null}
 * @param consumed  bytes the frame occupies, 0 unless complete
 * @param needed    bytes the frame needs in all when more are needed, else 0
 * @param malformed the protocol error, or {@code null}
 */
public record WebSocketDecoded(WebSocketFrame frame, int consumed, int needed, Malformed malformed) {

    static WebSocketDecoded complete(WebSocketFrame frame, int consumed) {
        return new WebSocketDecoded(frame, consumed, 0, null);
    }

    static WebSocketDecoded needs(int needed) {
        return new WebSocketDecoded(null, 0, needed, null);
    }

    static WebSocketDecoded malformed(String reason, int at) {
        return new WebSocketDecoded(null, 0, 0, new Malformed(reason, at));
    }

    /** A whole frame was decoded. */
    public boolean isComplete() {
        return frame != null;
    }

    /** The buffer ends inside the frame: wait for {@link #needed()} bytes in all and decode again. */
    public boolean needsMore() {
        return needed > 0;
    }

    public boolean isMalformed() {
        return malformed != null;
    }
}
