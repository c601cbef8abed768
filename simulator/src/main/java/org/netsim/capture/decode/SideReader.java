package org.netsim.capture.decode;

import java.util.List;

/**
 * What a protocol reader of one direction ({@link HttpReader}, {@link WebSocketReader}) works with: the direction and
 * its buffer, where messages go, the options, and the Engine.IO/Socket.IO sessions that take the decoded payloads.
 */
abstract class SideReader {
    final Side side;
    final StreamBuffer in;
    final MessageOut out;
    final CaptureDecoder.Options options;
    final SocketIoSessions sessions;

    SideReader(Side side, CaptureDecoder decoder) {
        this.side = side;
        this.in = side.in;
        this.out = decoder.out;
        this.options = decoder.options;
        this.sessions = decoder.sessions;
    }

    /**
     * A message or frame of {@code total} bytes, larger than the decoder holds: reported, its {@code avail} bytes
     * in the buffer dropped, and the rest ({@link Side#skip}) dropped as it arrives.
     */
    void skipTooLarge(String what, long total, int avail, long frame, long time) {
        out.bad(side, frame, in.firstFrame(), time, what + " of " + total
                + " bytes is larger than the " + options.maxMessageBytes()
                + " bytes this decoder holds; skipped", List.of());
        side.skip = total - avail;
        in.consume((int) Math.min(total, avail));
    }
}
