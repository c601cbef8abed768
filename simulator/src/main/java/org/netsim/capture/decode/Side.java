package org.netsim.capture.decode;

import java.util.List;
import org.netsim.capture.reassembly.TcpFlow;
import org.netsim.pdu.Protocol;
import org.netsim.wire.http.HttpFraming;

/**
 * One direction of a connection: its undecoded bytes, what they carry ({@link Mode}), and what happens to them at a
 * gap or at the end of the stream. The bytes themselves are read by its {@link HttpReader} or
 * {@link WebSocketReader}, as the mode says.
 */
final class Side {
    enum Mode { UNKNOWN, HTTP, WAIT_UPGRADE, WEBSOCKET, IGNORE }

    final Conversation conv;
    final TcpFlow flow;
    Side other;
    int dir;
    Mode mode = Mode.UNKNOWN;
    final StreamBuffer in = new StreamBuffer();
    /** Bytes still to drop: the rest of a frame or message that is reported and not decoded. */
    long skip;
    /** After a gap whose bytes may have held a message boundary: wait for a segment that starts a message. */
    boolean resync;
    long skipped;
    long skippedFrame;
    final HttpReader http;
    final WebSocketReader ws;
    private final MessageOut out;
    private final SocketIoSessions sessions;

    Side(Conversation conv, TcpFlow flow, CaptureDecoder decoder) {
        this.conv = conv;
        this.flow = flow;
        this.out = decoder.out;
        this.sessions = decoder.sessions;
        this.http = new HttpReader(this, decoder);
        this.ws = new WebSocketReader(this, decoder);
    }

    String transport() {
        return mode == Mode.WEBSOCKET ? "websocket" : mode == Mode.HTTP || mode == Mode.WAIT_UPGRADE ? "polling"
                : null;
    }

    void client() {
        dir = Conversation.CLIENT;
        other.dir = Conversation.SERVER;
    }

    void data(byte[] b, int off, int len, long frame, long time) {
        if (mode == Mode.IGNORE) {
            return;
        }
        if (skip > 0) {
            int n = (int) Math.min(skip, len);
            skip -= n;
            off += n;
            len -= n;
            if (len == 0) {
                return;
            }
        }
        if (resync) {
            if (!startsMessage(b, off, len)) {
                if (skipped == 0) {
                    skippedFrame = frame;
                }
                skipped += len;
                return;
            }
            resync = false;
            reportSkipped(frame, time);
        }
        in.append(b, off, len, frame);
        parse(frame, time);
    }

    void parse(long frame, long time) {
        while (true) {
            Mode before = mode;
            switch (mode) {
                case UNKNOWN -> detect();
                case HTTP -> http.read(frame, time);
                case WEBSOCKET -> ws.read(frame, time);
                default -> {
                    return;
                }
            }
            if (mode == before || in.available() == 0) {
                return;
            }
        }
    }

    /** A connection first seen after its start: its first bytes say what it carries. */
    private void detect() {
        int n = in.available();
        byte[] b = in.buf;
        int s = in.start;
        if (n < 8 && !HttpFraming.startsMessage(b, s, n) && !WebSocketReader.plausibleStart(b, s, n)) {
            return;
        }
        if (HttpFraming.startsMessage(b, s, n)) {
            mode = Mode.HTTP;
            if (other.mode == Mode.UNKNOWN) {
                other.mode = Mode.HTTP;
            }
        } else if (WebSocketReader.plausibleStart(b, s, n)) {
            mode = Mode.WEBSOCKET;
            if ((b[s + 1] & 0x80) != 0) {
                client();
            }
            if (other.mode == Mode.UNKNOWN) {
                other.mode = Mode.WEBSOCKET;
            }
        } else {
            mode = Mode.IGNORE;
            in.clear();
        }
    }

    private boolean startsMessage(byte[] b, int off, int len) {
        return switch (mode) {
            case HTTP, WAIT_UPGRADE -> HttpFraming.startsMessage(b, off, len);
            case WEBSOCKET -> WebSocketReader.plausibleStart(b, off, len);
            default -> true;
        };
    }

    private void reportSkipped(long frame, long time) {
        if (skipped > 0) {
            out.bad(this, frame, skippedFrame, time, protocolTitle() + ": " + skipped
                    + (skipped == 1 ? " byte" : " bytes") + " after the gap skipped: no " + protocolTitle()
                    + " message starts in them", List.of());
            skipped = 0;
        }
    }

    private String protocolTitle() {
        return mode == Mode.WEBSOCKET ? Protocol.WEBSOCKET.title() : Protocol.HTTP.title();
    }

    // ----------------------------------------------------------------------------------- gaps and ends

    void gap(long missing, long frame, long time) {
        if (mode == Mode.IGNORE || (mode == Mode.UNKNOWN && in.available() == 0)) {
            return;
        }
        MessageView v = out.begin(CaptureMessage.Kind.GAP, frame, frame, time, flow.source(), flow.destination(),
                transport());
        v.protocol = "tcp";
        v.type = "GAP";
        v.missing = missing;
        out.send(v);
        long rest = missing;
        if (skip > 0) {
            long k = Math.min(skip, rest);
            skip -= k;
            rest -= k;
            if (rest == 0) {
                return;
            }
        }
        if (mode == Mode.UNKNOWN) {
            in.clear();
            return;
        }
        int avail = in.available();
        if (avail > 0) {
            long total = mode == Mode.WEBSOCKET ? ws.bufferedFrameLength() : http.bufferedMessageLength();
            String what = mode == Mode.WEBSOCKET ? "WebSocket: frame" : "HTTP: message";
            String lost = rest + (rest == 1 ? " byte" : " bytes");
            if (total > 0 && avail + rest <= total) {
                out.bad(this, frame, in.firstFrame(), time, what + " of " + total + " bytes incomplete: " + lost
                        + " of it not captured", List.of());
                skip = total - avail - rest;
                in.clear();
                ws.dropFragments(frame, time, "a frame not captured whole");
                return;
            }
            out.bad(this, frame, in.firstFrame(), time, what + (total > 0 ? " of " + total + " bytes" : "")
                    + " incomplete: the " + lost + " after its first " + avail + " not captured", List.of());
            in.clear();
        }
        ws.dropFragments(frame, time, "bytes not captured");
        resync = true;
    }

    void end(TcpFlow.End how, long frame, long time) {
        String why = how == TcpFlow.End.CAPTURE_END ? " (the capture ended)"
                : how == TcpFlow.End.RESET ? " (the connection was reset)" : " (the connection was closed)";
        reportSkipped(frame, time);
        if (in.available() > 0) {
            if (mode == Mode.HTTP) {
                http.endOfStream(why, frame, time);
            } else if (mode == Mode.WEBSOCKET) {
                ws.endOfStream(why, frame, time);
            }
        }
        ws.dropFragments(frame, time, "the end of the stream");
        if (mode == Mode.WEBSOCKET && conv.session != null) {
            sessions.streamEnded(this, conv.session, why, frame, time);
        }
    }
}
