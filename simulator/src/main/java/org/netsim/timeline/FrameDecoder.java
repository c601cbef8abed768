package org.netsim.timeline;

import java.util.List;
import org.netsim.pdu.Pdu;
import org.netsim.stack.StackDissector;

/**
 * Decodes a timeline's frames the way Wireshark decodes a capture: a TCP connection's payload is HTTP until the 101
 * answer and WebSocket after it, so a frame is decoded after the frames of its connection that came before it. The
 * decoder keeps the state after the last frame it decoded, so stepping forward through a connection costs one frame
 * each; stepping back replays the connection from its start.
 */
final class FrameDecoder {
    private final Timeline timeline;
    private int connection = -1;
    private StackDissector state;
    /** {@link #state} holds what the frames at positions [0, next) of {@link #connection} taught it. */
    private int next;

    FrameDecoder(Timeline timeline) {
        this.timeline = timeline;
    }

    synchronized Pdu decode(Unit.Frame f, boolean onWire) {
        StackDissector d;
        if (f.connection() < 0) {
            d = new StackDissector();
        } else {
            if (connection != f.connection() || next > f.position()) {
                connection = f.connection();
                state = new StackDissector();
                next = 0;
            }
            List<Unit.Frame> frames = timeline.framesOf(connection);
            while (next < f.position()) {
                state.dissect(frames.get(next++).bytes());
            }
            // a router's copy teaches the dissector the same as its original: same addresses, ports and payload
            next++;
            d = state;
        }
        return onWire ? d.dissectOnWire(StackDissector.onWire(f.bytes())) : d.dissect(f.bytes());
    }
}
