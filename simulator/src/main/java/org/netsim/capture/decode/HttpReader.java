package org.netsim.capture.decode;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import org.netsim.pdu.Bytes;
import org.netsim.pdu.Pdu;
import org.netsim.stack.StackDissector;
import org.netsim.wire.http.ContentCoding;
import org.netsim.wire.http.HttpCodec;
import org.netsim.wire.http.HttpDecoded;
import org.netsim.wire.http.HttpFraming;
import org.netsim.wire.http.HttpMessage;

/**
 * The HTTP/1.1 side of one direction (RFC 9112): finds each message's end from its head (Content-Length, chunked,
 * or the end of the connection, §6.3) however many segments it spans, then reads it as the long-polling transport
 * uses it: the {@code sid} that names the Engine.IO session, polling bodies handed to {@link SocketIoSessions}, and the
 * WebSocket upgrade that switches both directions to {@link WebSocketReader}.
 */
final class HttpReader extends SideReader {
    private static final int MAX_HEAD = 64 * 1024;

    private enum Expect { POLLING, UPGRADE, PLAIN }

    /** What a request leaves for its response to find: how to read the body, and the session it belongs to. */
    private record Expected(Expect kind, SocketIoSessions.Session session) {
    }

    /** Where the search for the end of the head resumes, so a head arriving byte by byte is not scanned again. */
    private int scanFrom = -1;
    /** The requests sent the other way, answered in order (RFC 9112 §9.3.2). */
    private final ArrayDeque<Expected> expects = new ArrayDeque<>(2);

    HttpReader(Side side, CaptureDecoder decoder) {
        super(side, decoder);
    }

    /** Decodes every whole message in the buffer, as long as the direction stays HTTP. */
    void read(long frame, long time) {
        while (side.mode == Side.Mode.HTTP && in.available() > 0) {
            byte[] b = in.buf;
            int start = in.start;
            int avail = in.available();
            int headEnd = HttpFraming.headEnd(b, Math.max(start, scanFrom), in.end);
            if (headEnd < 0) {
                scanFrom = Math.max(start, in.end - 3);
                if (avail > MAX_HEAD) {
                    out.bad(side, frame, in.firstFrame(), time, "HTTP: " + HttpCodec.TRUNCATED_HEADERS
                            + " within " + MAX_HEAD + " bytes", List.of());
                    in.clear();
                    side.resync = true;
                }
                return;
            }
            scanFrom = -1;
            long total = HttpCodec.messageLength(b, start, headEnd, avail);
            if (total == -2) {
                // the head itself is malformed: the codec says why
                HttpDecoded d = HttpCodec.decode(b, start, headEnd - start);
                out.bad(side, frame, in.firstFrame(), time, "HTTP: " + d.malformed().reason(), List.of());
                in.clear();
                side.resync = true;
                return;
            }
            if (total == -1) {
                return; // the body runs to the end of the connection, or a chunked body is not complete
            }
            if (total > options.maxMessageBytes()) {
                skipTooLarge("HTTP: message", total, avail, frame, time);
                if (side.skip > 0) {
                    return;
                }
                continue;
            }
            if (avail < total) {
                return;
            }
            HttpDecoded d = HttpCodec.decode(b, start, (int) total);
            long first = in.firstFrame();
            if (d.message() == null || (!d.isOk() && !d.isTruncated())) {
                out.bad(side, frame, first, time, "HTTP: " + d.malformed().reason(), List.of());
                in.clear();
                side.resync = true;
                return;
            }
            byte[] raw = options.keepPdus() ? Arrays.copyOfRange(b, start, start + (int) total) : null;
            in.consume((int) total);
            message(d.message(), raw, frame, first, time);
        }
    }

    /** The length of the message at the front of the buffer, or a negative number while it cannot be known. */
    long bufferedMessageLength() {
        int headEnd = HttpFraming.headEnd(in.buf, in.start, in.end);
        return headEnd < 0 ? -1 : HttpCodec.messageLength(in.buf, in.start, headEnd, in.available());
    }

    /** The stream ended with bytes left: a response whose body runs to the end of the connection (RFC 9112 §6.3). */
    void endOfStream(String why, long frame, long time) {
        HttpDecoded d = HttpCodec.decode(in.buf, in.start, in.available());
        long first = in.firstFrame();
        byte[] raw = options.keepPdus() ? Arrays.copyOfRange(in.buf, in.start, in.end) : null;
        in.clear();
        if (d.isOk() && d.message() != null && !d.message().isRequest()) {
            message(d.message(), raw, frame, first, time);
        } else {
            out.bad(side, frame, first, time, "HTTP: " + (d.isOk() ? "incomplete message"
                    : d.malformed().reason()) + why, List.of());
        }
    }

    // ----------------------------------------------------------------------------------- messages

    private void message(HttpMessage m, byte[] raw, long frame, long first, long time) {
        Side s = side;
        if (m.isRequest()) {
            if (s.dir != Conversation.CLIENT) {
                s.client();
            }
            String target = m.target();
            boolean polling = target.contains("transport=polling") && target.contains("EIO=");
            String sid = queryParameter(target, "sid");
            SocketIoSessions.Session session = sid == null ? null : sessions.session(sid);
            boolean upgrade = m.header("Upgrade").map(u -> u.equalsIgnoreCase("websocket")).orElse(false);
            boolean post = "POST".equals(m.method());
            s.other.http.expects.add(new Expected(polling && "GET".equals(m.method()) ? Expect.POLLING
                    : upgrade ? Expect.UPGRADE : Expect.PLAIN, session));
            List<Pdu> pdus = raw == null ? List.of() : List.of(StackDissector.dissectHttpMessage(raw, polling && post));
            Bytes content = polling && post && !m.body().isEmpty() ? content(m, frame, first, time, pdus) : null;
            if (content != null) {
                sessions.pollingBody(s, session != null ? session : new SocketIoSessions.Session(), content, frame,
                        first, time, pdus);
            }
            if (upgrade) {
                // the answer decides; a capture that reordered the two may have shown it already
                s.mode = s.conv.upgraded ? Side.Mode.WEBSOCKET : Side.Mode.WAIT_UPGRADE;
                if (session != null) {
                    s.conv.session = session;
                }
            }
            return;
        }
        Expected e = expects.poll();
        boolean pollingBody = e != null && e.kind == Expect.POLLING && m.status() == 200;
        List<Pdu> pdus = raw == null ? List.of() : List.of(StackDissector.dissectHttpMessage(raw, pollingBody));
        if (m.status() == 101) {
            s.mode = Side.Mode.WEBSOCKET;
            s.conv.upgraded = true;
            if (e != null && e.session != null) {
                s.conv.session = e.session;
            }
            if (s.other.mode == Side.Mode.WAIT_UPGRADE) {
                s.other.mode = Side.Mode.WEBSOCKET;
                s.other.parse(frame, time);
            } else if (s.other.mode == Side.Mode.UNKNOWN) {
                // the request is still to come (a reordered capture): it is HTTP, what follows it WebSocket
                s.other.mode = Side.Mode.HTTP;
            }
            return;
        }
        if (s.other.mode == Side.Mode.WAIT_UPGRADE) {
            s.other.mode = Side.Mode.HTTP;
            s.other.parse(frame, time);
        }
        Bytes content = pollingBody && !m.body().isEmpty() ? content(m, frame, first, time, pdus) : null;
        if (content != null) {
            sessions.pollingBody(s, e.session != null ? e.session : new SocketIoSessions.Session(), content, frame,
                    first, time, pdus);
        }
    }

    /**
     * The body's content with the chunk framing and the content codings undone (netty-socketio gzips its polling
     * responses when the client accepts gzip); {@code null}, reported, when it cannot be decoded.
     */
    private Bytes content(HttpMessage m, long frame, long first, long time, List<Pdu> pdus) {
        if (!m.isChunked() && !ContentCoding.isEncoded(m)) {
            return m.body();
        }
        ContentCoding.Result r = ContentCoding.content(m, options.maxMessageBytes());
        if (!r.isOk()) {
            out.bad(side, frame, first, time, "HTTP: " + r.problem(), pdus);
            return null;
        }
        return r.content();
    }

    /** The value of {@code name} in the query of a request target, or {@code null}. */
    static String queryParameter(String target, String name) {
        int q = target.indexOf('?');
        if (q < 0) {
            return null;
        }
        int i = q + 1;
        while (i < target.length()) {
            int amp = target.indexOf('&', i);
            int end = amp < 0 ? target.length() : amp;
            if (target.startsWith(name, i) && i + name.length() < end && target.charAt(i + name.length()) == '=') {
                return target.substring(i + name.length() + 1, end);
            }
            i = end + 1;
        }
        return null;
    }
}
