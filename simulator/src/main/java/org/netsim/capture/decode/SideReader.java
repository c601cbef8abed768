package org.netsim.capture.decode;

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
}
