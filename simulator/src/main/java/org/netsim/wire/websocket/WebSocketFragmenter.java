package org.netsim.wire.websocket;

import java.util.ArrayList;
import java.util.List;
import org.netsim.pdu.Bytes;
import org.netsim.random.RandomSource;

/**
 * Splits a message into frames (RFC 6455 §5.4): "an initial frame with the FIN bit clear and an opcode other than 0,
 * followed by zero or more frames with the FIN bit clear and the opcode set to 0, and terminated by a single frame
 * with the FIN bit set and an opcode of 0".
 */
public final class WebSocketFragmenter {
    private WebSocketFragmenter() {
    }

    /**
     * The frames of one message, each carrying at most {@code maxPayloadPerFrame} bytes; an empty message is one empty
     * frame. With {@code maskOrNull} every frame is masked with its own fresh key, drawn in frame order, as a client
     * sends (RFC 6455 §5.3: the key is picked anew for each frame); without it the frames are unmasked, as a server
     * sends.
     *
     * @throws IllegalArgumentException if {@code opcode} is Continuation, if {@code maxPayloadPerFrame} is below 1, or
     *                                  if a control message would need more than one frame or 125 bytes (§5.5)
     */
    public static List<WebSocketFrame> fragment(Opcode opcode, Bytes message, int maxPayloadPerFrame,
                                                RandomSource maskOrNull) {
        if (opcode.equals(Opcode.CONTINUATION)) {
            throw new IllegalArgumentException("a message starts with its own opcode, not Continuation (RFC 6455 §5.4)");
        }
        if (maxPayloadPerFrame < 1) {
            throw new IllegalArgumentException("at most " + maxPayloadPerFrame + " bytes per frame: need at least 1");
        }
        int n = message.length();
        if (opcode.isControl() && (n > maxPayloadPerFrame || n > WebSocketFrame.MAX_CONTROL_PAYLOAD)) {
            throw new IllegalArgumentException("control frame payload of " + n + " bytes cannot be sent: \"Control "
                    + "frames themselves MUST NOT be fragmented\" and carry at most 125 bytes (RFC 6455 §5.4, §5.5)");
        }
        int count = n == 0 ? 1 : (n + maxPayloadPerFrame - 1) / maxPayloadPerFrame;
        List<WebSocketFrame> frames = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int from = i * maxPayloadPerFrame;
            int to = Math.min(n, from + maxPayloadPerFrame);
            Bytes part = count == 1 ? message : message.slice(from, to);
            WebSocketFrame f = WebSocketFrame.of(i == 0 ? opcode : Opcode.CONTINUATION, i == count - 1, part);
            frames.add(maskOrNull == null ? f : f.masked(maskOrNull));
        }
        return frames;
    }
}
