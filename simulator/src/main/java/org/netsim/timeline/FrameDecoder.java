package org.netsim.timeline;

import java.util.Arrays;
import java.util.List;
import org.netsim.pdu.Pdu;
import org.netsim.stack.FrameContext;
import org.netsim.stack.StackDissector;

/**
 * Decodes a timeline's frames the way Wireshark decodes a capture: a TCP connection's payload is HTTP until the 101
 * answer and WebSocket after it, and a message longer than one segment is reassembled, so a frame is decoded after
 * the frames of its connection that came before it. The decoder keeps the state after the last frame it decoded, so
 * stepping forward through a connection costs one frame each; stepping back replays the connection from its start.
 *
 * <p>Frames are named by the event list's numbers: a frame is "event N", N being the first event that carries it
 * (its sender's TCP handing it down). Since the connection's frames are all known, the segments of a long message
 * name the one that completes it ("reassembled in event 312"), found from the frames' TCP headers alone.
 */
final class FrameDecoder {
    private final Timeline timeline;
    private int connection = -1;
    private StackDissector state;
    /** {@link #state} holds what the frames at positions [0, next) of {@link #connection} taught it. */
    private int next;
    /** The first event of each connection's frames, by position, found once by one pass over the records. */
    private int[][] firstEvents;
    private int indexedRecords = -1;
    /** The last trees decoded, for the several events of one frame (sent, on each link, received). */
    private final Pdu[] recentPdus = new Pdu[4];
    private final Unit.Frame[] recentFrames = new Unit.Frame[4];
    private final boolean[] recentOnWire = new boolean[4];
    private int recentNext;

    FrameDecoder(Timeline timeline) {
        this.timeline = timeline;
    }

    synchronized Pdu decode(Unit.Frame f, boolean onWire) {
        for (int i = 0; i < recentFrames.length; i++) {
            if (recentFrames[i] == f && recentOnWire[i] == onWire) {
                return recentPdus[i];
            }
        }
        StackDissector d;
        if (f.connection() < 0) {
            d = new StackDissector();
        } else {
            if (connection != f.connection() || next > f.position()) {
                connection = f.connection();
                state = new StackDissector(context(connection));
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
        Pdu p = onWire ? d.dissectOnWire(StackDissector.onWire(f.bytes())) : d.dissect(f.bytes());
        recentFrames[recentNext] = f;
        recentOnWire[recentNext] = onWire;
        recentPdus[recentNext] = p;
        recentNext = (recentNext + 1) % recentFrames.length;
        return p;
    }

    /** The frames of connection {@code c} as the dissector sees them: by position, named by their first event. */
    private FrameContext context(int c) {
        List<Unit.Frame> frames = timeline.framesOf(c);
        return new FrameContext() {
            @Override
            public String name(int n) {
                int e = firstEvent(c, n);
                return e < 0 ? "frame " + (n + 1) + " of connection #" + c : "event " + e;
            }

            @Override
            public byte[] frame(int n) {
                return n >= 0 && n < frames.size() ? frames.get(n).bytes() : null;
            }
        };
    }

    /** The index of the first event carrying frame {@code position} of connection {@code c}, or -1. */
    private int firstEvent(int c, int position) {
        if (firstEvents == null || indexedRecords != timeline.records()) {
            index();
        }
        int[] events = c < firstEvents.length ? firstEvents[c] : null;
        return events == null || position >= events.length ? -1 : events[position];
    }

    /**
     * One pass over the records: the first record of each frame, in time order, is its sender's. Done only when a
     * frame is named, so recording a run and stepping through one-segment messages never pays for it.
     */
    private void index() {
        int connections = timeline.connections().size();
        int[][] out = new int[connections][];
        for (int c = 0; c < connections; c++) {
            out[c] = new int[timeline.framesOf(c).size()];
            Arrays.fill(out[c], -1);
        }
        int records = timeline.records();
        for (int r = 0; r < records; r++) {
            Unit.Frame f = timeline.frameOf(r);
            if (f != null && f.connection() >= 0 && f.connection() < connections) {
                int[] events = out[f.connection()];
                if (f.position() < events.length && events[f.position()] < 0) {
                    events[f.position()] = timeline.first(r);
                }
            }
        }
        firstEvents = out;
        indexedRecords = records;
    }
}
