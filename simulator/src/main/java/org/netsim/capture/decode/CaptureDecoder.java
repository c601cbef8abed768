package org.netsim.capture.decode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.netsim.capture.file.CaptureFileReader;
import org.netsim.capture.file.CapturedFrame;
import org.netsim.capture.reassembly.TcpFlow;
import org.netsim.capture.reassembly.TcpReassembler;
import org.netsim.json.JsJson;
import org.netsim.pdu.Bytes;
import org.netsim.pdu.Field;
import org.netsim.pdu.PayloadDissector;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.Protocol;
import org.netsim.stack.StackDissector;
import org.netsim.wire.engineio.EngineIoCodec;
import org.netsim.wire.engineio.EngineIoDecoded;
import org.netsim.wire.engineio.EngineIoPacket;
import org.netsim.wire.engineio.EngineIoType;
import org.netsim.wire.engineio.OpenPacket;
import org.netsim.wire.ethernet.EthernetCodec;
import org.netsim.wire.http.HttpCodec;
import org.netsim.wire.http.HttpDecoded;
import org.netsim.wire.http.HttpFraming;
import org.netsim.wire.http.HttpMessage;
import org.netsim.wire.ipv4.Ipv4Address;
import org.netsim.wire.ipv4.Ipv4Codec;
import org.netsim.wire.ipv4.Ipv4Reassembler;
import org.netsim.wire.socketio.DecodeResult;
import org.netsim.wire.socketio.SocketIoCodec;
import org.netsim.wire.socketio.SocketIoPacket;
import org.netsim.wire.socketio.SocketIoType;
import org.netsim.wire.tcp.TcpCodec;
import org.netsim.wire.websocket.MessageAssembler;
import org.netsim.wire.websocket.Opcode;
import org.netsim.wire.websocket.WebSocketCodec;

/**
 * Decodes captured traffic the way a receiver reads it: Ethernet, IPv4 (fragments joined), TCP reassembled per
 * connection ({@link TcpReassembler}: out-of-order segments, retransmissions, gaps), then on each connection's byte
 * streams HTTP/1.1 (polling requests and responses, bodies of any length across segments), the WebSocket upgrade,
 * WebSocket frames (any length, across any number of segments; fragmented messages joined; masking undone), Engine.IO
 * (polling payloads split at 0x1e, {@code b} base64 binary) and Socket.IO (binary attachments joined to their event,
 * ACKs joined to the emit they answer). Each result is a {@link CaptureMessage} handed to the consumer as soon as it
 * is complete, so a capture of any size decodes in bounded memory: only unfinished messages and segments held ahead
 * of a hole are kept.
 *
 * <p>A connection is HTTP until a {@code 101 Switching Protocols} answers a WebSocket upgrade request, WebSocket after
 * it; one first seen after its start is recognised by its first bytes (an HTTP start line, or a WebSocket frame).
 * Engine.IO sessions are followed across the many TCP connections of long-polling by their {@code sid}, so a binary
 * packet and its attachments, or an emit and its ACK, are joined even when they travel on different connections.
 *
 * <p>Nothing here throws on bad input: a frame, message or packet that breaks its protocol, or that the capture cut
 * short, becomes a {@link CaptureMessage.Kind#MALFORMED} message with the reason in the words of the codec that found
 * it (the same codecs the simulator uses), and decoding goes on. Bytes the capture missed become a
 * {@link CaptureMessage.Kind#GAP} with their count; when the gap lies inside a message of known length the next
 * message is found exactly, otherwise decoding resumes at the first segment that starts a message.
 *
 * <p>The common Socket.IO packets take a fast path ({@link SocketIoScan}) that builds no JSON tree; everything else
 * goes through {@link SocketIoCodec}. With {@link Options#keepPdus()} every message also carries the {@link Pdu} trees
 * of the units that carried it, as the simulator's views show them.
 *
 * <p>Not thread-safe. Feed frames in capture order, then call {@link #finish()}.
 */
public final class CaptureDecoder {
    /**
     * How the decoder works.
     *
     * @param keepPdus        attach to each message the PDU trees of its WebSocket frames or HTTP message
     * @param maxMessageBytes a WebSocket frame or message, or an HTTP message, larger than this is reported and skipped
     *                        rather than held in memory
     * @param limits          when the TCP reassembler gives up a hole
     */
    public record Options(boolean keepPdus, int maxMessageBytes, TcpReassembler.Limits limits) {
        public static final Options DEFAULT = new Options(false, 16 << 20, TcpReassembler.Limits.DEFAULT);

        public Options withPdus() {
            return new Options(true, maxMessageBytes, limits);
        }
    }

    private static final int ETHERNET_HEADER = 14;
    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int MAX_HEAD = 64 * 1024;
    private static final int MAX_SESSIONS = 10_000;
    private static final int MAX_OPEN_EMITS = 4096;

    /** Receives each message as it completes; the view is valid only during the call. */
    @FunctionalInterface
    public interface Listener {
        void message(MessageView m);
    }

    private final Listener out;
    private final MessageView view = new MessageView();
    private final Options options;
    private final TcpReassembler tcp;
    private final Ipv4Reassembler fragments = new Ipv4Reassembler();
    private final SocketIoScan scan = new SocketIoScan();
    private final Map<String, Session> sessions = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Session> eldest) {
            return size() > MAX_SESSIONS;
        }
    };
    private byte[] work = new byte[4096];
    private long lastFrame;
    private long lastTime;

    public CaptureDecoder(Listener out) {
        this(out, Options.DEFAULT);
    }

    public CaptureDecoder(Listener out, Options options) {
        this.out = out;
        this.options = options;
        this.tcp = new TcpReassembler(new Streams(), options.limits());
    }

    /** A decoder handing each message on as an immutable {@link CaptureMessage}. */
    public static CaptureDecoder forMessages(Consumer<CaptureMessage> out, Options options) {
        return new CaptureDecoder(v -> out.accept(v.toMessage()), options);
    }

    public static CaptureDecoder forMessages(Consumer<CaptureMessage> out) {
        return forMessages(out, Options.DEFAULT);
    }

    /** Decodes every frame of {@code reader} (without copying them, where the format allows), then finishes. */
    public void decode(CaptureFileReader reader) {
        try {
            while (reader.read((index, ts, link, original, buf, off, len) -> frame(index, ts, link, buf, off, len))) {
                // each frame is decoded by the visitor
            }
        } finally {
            finish();
        }
    }

    /** Every message in a capture file, in the order they complete: for files small enough to hold the result. */
    public static List<CaptureMessage> decodeAll(java.nio.file.Path file, Options options) throws java.io.IOException {
        List<CaptureMessage> all = new ArrayList<>();
        try (CaptureFileReader reader = CaptureFileReader.open(file)) {
            forMessages(all::add, options).decode(reader);
        }
        return all;
    }

    /** The reassembler, for its counters. */
    public TcpReassembler tcp() {
        return tcp;
    }

    /** Decodes one frame read from a capture file. */
    public void frame(CapturedFrame f) {
        int n = f.data().length();
        if (work.length < n) {
            work = new byte[Math.max(n, work.length * 2)];
        }
        f.data().copyTo(work, 0);
        frame(f.index(), f.timestampNanos(), f.linkType(), work, 0, n);
    }

    /**
     * Decodes one frame: {@code buf[off, off+len)} with its number, timestamp and link type. The bytes may be changed
     * (WebSocket payloads are unmasked in place) and are not kept after the call.
     */
    public void frame(long index, long timeNanos, int linkType, byte[] buf, int off, int len) {
        lastFrame = index;
        lastTime = timeNanos;
        if (linkType != CapturedFrame.LINKTYPE_ETHERNET) {
            bad(index, index, timeNanos, "", "", null, "link type " + linkType
                    + " is not Ethernet (1); only Ethernet captures are decoded", List.of());
            return;
        }
        if (len < ETHERNET_HEADER) {
            lowerLayerProblem(index, timeNanos, buf, off, len);
            return;
        }
        if (u16(buf, off + 12) != ETHERTYPE_IPV4) {
            return;
        }
        ipv4(index, timeNanos, buf, off + ETHERNET_HEADER, len - ETHERNET_HEADER, buf, off, len);
    }

    /** The capture ended: segments held ahead of holes are delivered after their gaps, unfinished messages reported. */
    public void finish() {
        tcp.finish(lastFrame, lastTime);
    }

    // ------------------------------------------------------------------------------------------- IPv4 and TCP

    private void ipv4(long index, long time, byte[] b, int o, int l, byte[] frame, int frameOff, int frameLen) {
        if (l < 20 || (b[o] & 0xf0) != 0x40) {
            lowerLayerProblem(index, time, frame, frameOff, frameLen);
            return;
        }
        int ihl = (b[o] & 0x0f) * 4;
        int total = u16(b, o + 2);
        if (ihl < 20 || ihl > l || total < ihl) {
            lowerLayerProblem(index, time, frame, frameOff, frameLen);
            return;
        }
        int end = o + Math.min(total, l);
        if (total > l) {
            // cut short by the capture's snapshot length: say so, and give TCP what is there
            lowerLayerProblem(index, time, frame, frameOff, frameLen);
        }
        int fragment = u16(b, o + 6);
        if ((fragment & 0x3fff) != 0) {
            Optional<byte[]> whole = fragments.accept(Arrays.copyOfRange(b, o, end));
            if (whole.isPresent()) {
                byte[] p = whole.get();
                ipv4(index, time, p, 0, p.length, p, 0, p.length);
            }
            return;
        }
        if (b[o + 9] != 6) {
            return;
        }
        int t = o + ihl;
        int tl = end - t;
        if (tl < 20) {
            lowerLayerProblem(index, time, frame, frameOff, frameLen);
            return;
        }
        int dataOffset = ((b[t + 12] & 0xf0) >>> 4) * 4;
        if (dataOffset < 20 || dataOffset > tl) {
            lowerLayerProblem(index, time, frame, frameOff, frameLen);
            return;
        }
        tcp.segment(index, time, s32(b, o + 12), u16(b, t), s32(b, o + 16), u16(b, t + 2), u32(b, t + 4),
                u32(b, t + 8), b[t + 13] & 0xff, b, t + dataOffset, tl - dataOffset);
    }

    /** A frame the fast path refused below TCP: the codecs say exactly what is wrong with it. */
    private void lowerLayerProblem(long index, long time, byte[] b, int off, int len) {
        String[] ends = {"", ""};
        if (len >= ETHERNET_HEADER + 20 && u16(b, off + 12) == ETHERTYPE_IPV4) {
            ends[0] = new Ipv4Address(s32(b, off + 26)).toString();
            ends[1] = new Ipv4Address(s32(b, off + 30)).toString();
        }
        Pdu root = EthernetCodec.dissect(b, off, len, false, (eth, b1, o1, l1) ->
                eth.etherType().value() != ETHERTYPE_IPV4 ? List.of() : List.of(Ipv4Codec.dissect(b1, o1, l1,
                        (ip, b2, o2, l2) -> {
                            ends[0] = ip.source().toString();
                            ends[1] = ip.destination().toString();
                            return ip.protocol().value() != 6 ? List.of() : List.of(TcpCodec.dissect(b2, o2, l2,
                                    ip.source(), ip.destination(), PayloadDissector.raw()));
                        })));
        Optional<Pdu> bad = root.firstMalformed();
        if (bad.isPresent()) {
            bad(index, index, time, ends[0], ends[1], null,
                    bad.get().protocol().title() + ": " + bad.get().malformed().reason(), List.of());
        }
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
    }

    private static int s32(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }

    private static long u32(byte[] b, int at) {
        return s32(b, at) & 0xffff_ffffL;
    }

    // ------------------------------------------------------------------------------------------- streams

    private final class Streams implements TcpReassembler.Listener {
        @Override
        public void data(TcpFlow flow, byte[] buf, int off, int len, long frame, long timeNanos) {
            side(flow).data(buf, off, len, frame, timeNanos);
        }

        @Override
        public void gap(TcpFlow flow, long missing, long frame, long timeNanos) {
            side(flow).gap(missing, frame, timeNanos);
        }

        @Override
        public void end(TcpFlow flow, TcpFlow.End how, long frame, long timeNanos) {
            side(flow).end(how, frame, timeNanos);
        }

        private Side side(TcpFlow flow) {
            Conversation c = (Conversation) flow.state();
            if (c == null) {
                c = new Conversation(flow);
                flow.state(c);
            }
            return c.a.flow == flow ? c.a : c.b;
        }
    }

    /** One TCP connection's application state, shared by its two directions. */
    private final class Conversation {
        final Side a;
        final Side b;
        Session session;
        /** A {@code 101 Switching Protocols} was seen: the client's bytes after its upgrade request are WebSocket. */
        boolean upgraded;

        Conversation(TcpFlow flow) {
            a = new Side(this, flow);
            b = new Side(this, flow.reverse());
            a.other = b;
            b.other = a;
            if (flow.isInitiator() || (!flow.reverse().isInitiator() && flow.sourcePort() > flow.destinationPort())) {
                a.dir = CLIENT;
                b.dir = SERVER;
            } else {
                a.dir = SERVER;
                b.dir = CLIENT;
            }
        }

        Session session() {
            if (session == null) {
                session = new Session();
            }
            return session;
        }
    }

    private static final int CLIENT = 0;
    private static final int SERVER = 1;

    private enum Mode { UNKNOWN, HTTP, WAIT_UPGRADE, WEBSOCKET, IGNORE }

    private enum Expect { POLLING, UPGRADE, PLAIN }

    private record Expected(Expect kind, Session session) {
    }

    /** One direction's decoding state. */
    private final class Side {
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
        int httpScanFrom = -1;
        final ArrayDeque<Expected> expects = new ArrayDeque<>(2);
        // a fragmented WebSocket message being joined
        byte[] fragments;
        int fragmentBytes;
        int fragmentOpcode = -1;
        int fragmentCount;
        long fragmentFirstFrame;
        List<Pdu> fragmentPdus;

        Side(Conversation conv, TcpFlow flow) {
            this.conv = conv;
            this.flow = flow;
        }

        String transport() {
            return mode == Mode.WEBSOCKET ? "websocket" : mode == Mode.HTTP || mode == Mode.WAIT_UPGRADE ? "polling"
                    : null;
        }

        void client() {
            dir = CLIENT;
            other.dir = SERVER;
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
                    case HTTP -> http(frame, time);
                    case WEBSOCKET -> webSocket(frame, time);
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
            if (n < 8 && !HttpFraming.startsMessage(b, s, n) && !plausibleWebSocket(b, s, n)) {
                return;
            }
            if (HttpFraming.startsMessage(b, s, n)) {
                mode = Mode.HTTP;
                if (other.mode == Mode.UNKNOWN) {
                    other.mode = Mode.HTTP;
                }
            } else if (plausibleWebSocket(b, s, n)) {
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
                case WEBSOCKET -> plausibleWebSocket(b, off, len);
                default -> true;
            };
        }

        private void reportSkipped(long frame, long time) {
            if (skipped > 0) {
                emitBad(this, frame, skippedFrame, time, protocolTitle() + ": " + skipped + (skipped == 1 ? " byte" : " bytes")
                        + " after the gap skipped: no " + protocolTitle() + " message starts in them", List.of());
                skipped = 0;
            }
        }

        private String protocolTitle() {
            return mode == Mode.WEBSOCKET ? Protocol.WEBSOCKET.title() : Protocol.HTTP.title();
        }

        // ------------------------------------------------------------------------------- HTTP

        private void http(long frame, long time) {
            while (mode == Mode.HTTP && in.available() > 0) {
                byte[] b = in.buf;
                int start = in.start;
                int avail = in.available();
                int headEnd = HttpFraming.headEnd(b, Math.max(start, httpScanFrom), in.end);
                if (headEnd < 0) {
                    httpScanFrom = Math.max(start, in.end - 3);
                    if (avail > MAX_HEAD) {
                        emitBad(this, frame, in.firstFrame(), time, "HTTP: " + HttpCodec.TRUNCATED_HEADERS
                                + " within " + MAX_HEAD + " bytes", List.of());
                        in.clear();
                        resync = true;
                    }
                    return;
                }
                httpScanFrom = -1;
                long total = messageLength(b, start, headEnd, avail);
                if (total == -2) {
                    // the head itself is malformed: the codec says why
                    HttpDecoded d = HttpCodec.decode(b, start, headEnd - start);
                    emitBad(this, frame, in.firstFrame(), time, "HTTP: " + d.malformed().reason(), List.of());
                    in.clear();
                    resync = true;
                    return;
                }
                if (total == -1) {
                    return; // the body runs to the end of the connection, or a chunked body is not complete
                }
                if (total > options.maxMessageBytes()) {
                    emitBad(this, frame, in.firstFrame(), time, "HTTP: message of " + total
                            + " bytes is larger than the " + options.maxMessageBytes()
                            + " bytes this decoder holds; skipped", List.of());
                    skip = total - avail;
                    in.consume((int) Math.min(total, avail));
                    if (skip > 0) {
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
                    emitBad(this, frame, first, time, "HTTP: " + d.malformed().reason(), List.of());
                    in.clear();
                    resync = true;
                    return;
                }
                byte[] raw = options.keepPdus() ? Arrays.copyOfRange(b, start, start + (int) total) : null;
                in.consume((int) total);
                httpMessage(this, d.message(), raw, frame, first, time);
            }
        }

        /**
         * The whole message's length from the head in {@code b[start, headEnd)}: -1 if it cannot be known yet (a body
         * that ends with the connection, a chunked body not yet complete), -2 if the head is malformed.
         */
        private long messageLength(byte[] b, int start, int headEnd, int avail) {
            HttpDecoded head = HttpCodec.decode(b, start, headEnd - start);
            HttpMessage m = head.message();
            if (m == null || (!head.isOk() && !head.isTruncated())) {
                return -2;
            }
            int headLength = headEnd - start;
            if (!m.isRequest() && (m.status() / 100 == 1 || m.status() == 204 || m.status() == 304)) {
                return headLength;
            }
            if (m.header("Transfer-Encoding").isPresent()) {
                HttpDecoded whole = HttpCodec.decode(b, start, avail);
                if (whole.isTruncated()) {
                    return -1;
                }
                return whole.length();
            }
            Optional<String> cl = m.header("Content-Length");
            if (cl.isPresent()) {
                long n = HttpFraming.contentLength(cl.get());
                return n < 0 ? headLength : headLength + n;
            }
            return m.isRequest() ? headLength : -1;
        }

        // ------------------------------------------------------------------------------- WebSocket

        private void webSocket(long frame, long time) {
            while (mode == Mode.WEBSOCKET) {
                int avail = in.available();
                if (avail < 2) {
                    return;
                }
                byte[] b = in.buf;
                int p = in.start;
                int b0 = b[p] & 0xff;
                int b1 = b[p + 1] & 0xff;
                int len7 = b1 & 0x7f;
                boolean masked = (b1 & 0x80) != 0;
                int lengthEnd = 2 + (len7 == 126 ? 2 : len7 == 127 ? 8 : 0);
                int header = lengthEnd + (masked ? 4 : 0);
                if (avail < lengthEnd) {
                    return;
                }
                long length = len7 < 126 ? len7 : len7 == 126 ? u16(b, p + 2)
                        : ((long) s32(b, p + 2) << 32) | u32(b, p + 6);
                int opcode = b0 & 0x0f;
                boolean fin = (b0 & 0x80) != 0;
                boolean control = (opcode & 0x8) != 0;
                boolean badFraming = (len7 == 126 && length <= 125) || (len7 == 127 && (length < 0 || length <= 0xffff))
                        || (control && (!fin || length > 125)) || (opcode == 8 && length == 1);
                if (badFraming) {
                    // the frame's length cannot be trusted: report with the codec's words, then look for a new start
                    org.netsim.pdu.Malformed why = WebSocketCodec.decode(b, p, avail).malformed();
                    String reason = why != null ? why.reason() : "invalid frame header";
                    emitBad(this, frame, in.firstFrame(), time, "WebSocket: " + reason, List.of());
                    in.clear();
                    dropFragments(frame, time, "a broken frame");
                    resync = true;
                    return;
                }
                long total = header + length;
                if (total > options.maxMessageBytes()) {
                    emitBad(this, frame, in.firstFrame(), time, "WebSocket: frame of " + total
                            + " bytes is larger than the " + options.maxMessageBytes()
                            + " bytes this decoder holds; skipped", List.of());
                    skip = total - avail;
                    in.consume((int) Math.min(total, avail));
                    dropFragments(frame, time, "a frame too large to hold");
                    if (skip > 0) {
                        return;
                    }
                    continue;
                }
                if (avail < total) {
                    return;
                }
                int n = (int) length;
                int payload = p + header;
                long first = in.firstFrame();
                byte[] raw = null;
                boolean anomaly = (b0 & 0x70) != 0 || Opcode.of(opcode).isReserved();
                if (options.keepPdus() || anomaly) {
                    raw = Arrays.copyOfRange(b, p, p + (int) total);
                }
                if (masked) {
                    unmask(b, payload, n, p + lengthEnd);
                }
                if (anomaly) {
                    in.consume((int) total);
                    emitBad(this, frame, first, time, problem(StackDissector.dissectWebSocketMessage(raw)), List.of());
                    continue;
                }
                List<Pdu> pdus = raw == null ? List.of() : List.of(StackDissector.dissectWebSocketMessage(raw));
                // the frame's bytes stay valid until consumed: decode first, then consume
                frameDone(opcode, fin, b, payload, n, p, frame, first, time, pdus);
                in.consume((int) total);
            }
        }

        private void frameDone(int opcode, boolean fin, byte[] b, int s, int n, int frameStart, long frame,
                               long first, long time, List<Pdu> pdus) {
            if ((opcode & 0x8) != 0) {
                emitMessage(this, frame, first, time, "websocket", "websocket", CONTROL_TYPES[opcode], null, null, null, null,
                        List.of(), SocketIoScan.text(b, s, s + n), 0, null, pdus);
                return;
            }
            if (opcode == 0) {
                if (fragmentOpcode < 0) {
                    emitBad(this, frame, first, time, "WebSocket: " + MessageAssembler.CONTINUATION_WITHOUT_MESSAGE,
                            pdus);
                    return;
                }
                appendFragment(b, s, n, pdus);
                if (fragmentBytes > options.maxMessageBytes()) {
                    dropFragments(frame, time, "its size passing the " + options.maxMessageBytes()
                            + " bytes this decoder holds");
                    return;
                }
                if (fin) {
                    int op = fragmentOpcode;
                    byte[] all = fragments;
                    int total = fragmentBytes;
                    long firstFrame = fragmentFirstFrame;
                    List<Pdu> allPdus = fragmentPdus;
                    resetFragments();
                    message(op, all, 0, total, -1, frame, firstFrame, time, allPdus);
                }
                return;
            }
            if (fragmentOpcode >= 0) {
                dropFragments(frame, time, "a new data frame");
                emitBad(this, frame, first, time, "WebSocket: " + MessageAssembler.DATA_DURING_FRAGMENTED, pdus);
                return;
            }
            if (fin) {
                message(opcode, b, s, n, frameStart, frame, first, time, pdus);
                return;
            }
            fragmentOpcode = opcode;
            fragmentFirstFrame = first;
            fragmentCount = 0;
            fragmentBytes = 0;
            fragmentPdus = pdus.isEmpty() ? List.of() : new ArrayList<>();
            appendFragment(b, s, n, pdus);
        }

        private void appendFragment(byte[] b, int s, int n, List<Pdu> pdus) {
            if (fragments == null || fragments.length < fragmentBytes + n) {
                fragments = Arrays.copyOf(fragments == null ? new byte[0] : fragments,
                        Math.max(fragmentBytes + n, fragments == null ? 256 : fragments.length * 2));
            }
            System.arraycopy(b, s, fragments, fragmentBytes, n);
            fragmentBytes += n;
            fragmentCount++;
            if (!pdus.isEmpty()) {
                fragmentPdus.addAll(pdus);
            }
        }

        private void resetFragments() {
            fragmentOpcode = -1;
            fragments = null;
            fragmentBytes = 0;
            fragmentCount = 0;
            fragmentPdus = null;
        }

        private void dropFragments(long frame, long time, String why) {
            if (fragmentOpcode >= 0) {
                emitBad(this, frame, fragmentFirstFrame, time, "WebSocket: fragmented message of " + fragmentCount
                        + (fragmentCount == 1 ? " frame" : " frames") + " so far dropped because of " + why,
                        List.of());
                resetFragments();
            }
        }

        /** A whole WebSocket message (RFC 6455 §5.6): a text one is an Engine.IO packet, a binary one its content. */
        private void message(int opcode, byte[] b, int s, int n, int frameStart, long frame, long first,
                             long time, List<Pdu> pdus) {
            if (opcode == 1) {
                if (!Utf8Check.isValid(b, s, s + n)) {
                    // a single frame is judged by the codec, in its words; a fragmented message as a whole
                    String reason;
                    if (frameStart >= 0) {
                        // one frame: judged by the codec on its bytes as on the wire (masked again), in its words
                        byte[] wire = Arrays.copyOfRange(b, frameStart, s + n);
                        if ((wire[1] & 0x80) != 0) {
                            unmask(wire, s - frameStart, n, s - frameStart - 4);
                        }
                        reason = problem(StackDissector.dissectWebSocketMessage(wire));
                    } else {
                        reason = "WebSocket: " + MessageAssembler.TEXT_NOT_UTF8;
                    }
                    emitBad(this, frame, first, time, reason, pdus);
                    return;
                }
                engineIoText(this, "websocket", b, s, n, frame, first, time, pdus);
            } else {
                binary(this, "websocket", conv.session(), Bytes.of(b, s, s + n), frame, first, time, pdus);
            }
        }

        // ------------------------------------------------------------------------------- gaps and ends

        void gap(long missing, long frame, long time) {
            if (mode == Mode.IGNORE || (mode == Mode.UNKNOWN && in.available() == 0)) {
                return;
            }
            MessageView v = begin(CaptureMessage.Kind.GAP, frame, frame, time, flow.source(), flow.destination(),
                    transport());
            v.protocol = "tcp";
            v.type = "GAP";
            v.missing = missing;
            out.message(v);
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
                long total = mode == Mode.WEBSOCKET ? webSocketFrameLength() : httpMessageLength();
                String what = mode == Mode.WEBSOCKET ? "WebSocket: frame" : "HTTP: message";
                String lost = rest + (rest == 1 ? " byte" : " bytes");
                if (total > 0 && avail + rest <= total) {
                    emitBad(this, frame, in.firstFrame(), time, what + " of " + total + " bytes incomplete: " + lost
                            + " of it not captured", List.of());
                    skip = total - avail - rest;
                    in.clear();
                    dropFragments(frame, time, "a frame not captured whole");
                    return;
                }
                emitBad(this, frame, in.firstFrame(), time, what + (total > 0 ? " of " + total + " bytes" : "")
                        + " incomplete: the " + lost + " after its first " + avail + " not captured", List.of());
                in.clear();
            }
            dropFragments(frame, time, "bytes not captured");
            resync = true;
        }

        /** The length of the frame at the front of the buffer, or -1 while its header is incomplete. */
        private long webSocketFrameLength() {
            int avail = in.available();
            if (avail < 2) {
                return -1;
            }
            byte[] b = in.buf;
            int p = in.start;
            int len7 = b[p + 1] & 0x7f;
            int lengthEnd = 2 + (len7 == 126 ? 2 : len7 == 127 ? 8 : 0);
            if (avail < lengthEnd) {
                return -1;
            }
            long length = len7 < 126 ? len7 : len7 == 126 ? u16(b, p + 2) : ((long) s32(b, p + 2) << 32) | u32(b, p + 6);
            return length < 0 ? -1 : lengthEnd + ((b[p + 1] & 0x80) != 0 ? 4 : 0) + length;
        }

        private long httpMessageLength() {
            int headEnd = HttpFraming.headEnd(in.buf, in.start, in.end);
            return headEnd < 0 ? -1 : messageLength(in.buf, in.start, headEnd, in.available());
        }

        void end(TcpFlow.End how, long frame, long time) {
            String why = how == TcpFlow.End.CAPTURE_END ? " (the capture ended)"
                    : how == TcpFlow.End.RESET ? " (the connection was reset)" : " (the connection was closed)";
            reportSkipped(frame, time);
            int avail = in.available();
            if (avail > 0 && mode == Mode.HTTP) {
                // a response whose body runs to the end of the connection (RFC 9112 §6.3, item 8)
                HttpDecoded d = HttpCodec.decode(in.buf, in.start, avail);
                long first = in.firstFrame();
                byte[] raw = options.keepPdus() ? Arrays.copyOfRange(in.buf, in.start, in.end) : null;
                in.clear();
                if (d.isOk() && d.message() != null && !d.message().isRequest()) {
                    httpMessage(this, d.message(), raw, frame, first, time);
                } else {
                    emitBad(this, frame, first, time, "HTTP: " + (d.isOk() ? "incomplete message"
                            : d.malformed().reason()) + why, List.of());
                }
            } else if (avail > 0 && mode == Mode.WEBSOCKET) {
                List<Pdu> cut = WebSocketCodec.dissect(in.buf, in.start, avail, PayloadDissector.raw());
                String reason = cut.isEmpty() || !cut.get(0).isMalformed() ? "incomplete frame"
                        : cut.get(0).malformed().reason();
                emitBad(this, frame, in.firstFrame(), time, "WebSocket: " + reason + why, List.of());
                in.clear();
            }
            dropFragments(frame, time, "the end of the stream");
            if (mode == Mode.WEBSOCKET && conv.session != null) {
                Pending p = conv.session.pending[dir];
                if (p != null) {
                    conv.session.pending[dir] = null;
                    emitBad(this, frame, p.firstFrame, time, "Socket.IO: " + p.type + " declares " + p.count
                            + " attachments, " + p.attachments.size() + " arrived before the end of the stream"
                            + why, List.of());
                }
            }
        }
    }

    private static final String[] CONTROL_TYPES = new String[16];

    static {
        for (int i = 8; i < 16; i++) {
            CONTROL_TYPES[i] = Opcode.of(i).label().toUpperCase(Locale.ROOT);
        }
    }

    private static void unmask(byte[] b, int from, int n, int keyAt) {
        byte k0 = b[keyAt];
        byte k1 = b[keyAt + 1];
        byte k2 = b[keyAt + 2];
        byte k3 = b[keyAt + 3];
        int i = from;
        int end = from + n;
        for (int quad = from + (n & ~3); i < quad; i += 4) {
            b[i] ^= k0;
            b[i + 1] ^= k1;
            b[i + 2] ^= k2;
            b[i + 3] ^= k3;
        }
        if (i < end) {
            b[i++] ^= k0;
        }
        if (i < end) {
            b[i++] ^= k1;
        }
        if (i < end) {
            b[i] ^= k2;
        }
    }

    /**
     * Whether a WebSocket frame plausibly starts at {@code b[off]}: a defined opcode that starts a message (not a
     * continuation), reserved bits clear, the shortest length form, and for a text frame whose first payload byte is
     * here, an Engine.IO packet type digit.
     */
    private static boolean plausibleWebSocket(byte[] b, int off, int len) {
        if (len < 2) {
            return false;
        }
        int b0 = b[off] & 0xff;
        int op = b0 & 0x0f;
        if ((b0 & 0x70) != 0 || !(op == 1 || op == 2 || op == 8 || op == 9 || op == 10)) {
            return false;
        }
        int b1 = b[off + 1] & 0xff;
        int len7 = b1 & 0x7f;
        boolean masked = (b1 & 0x80) != 0;
        int lengthEnd = 2 + (len7 == 126 ? 2 : len7 == 127 ? 8 : 0);
        if ((op & 0x8) != 0 && ((b0 & 0x80) == 0 || len7 > 125)) {
            return false;
        }
        if (len < lengthEnd) {
            return true;
        }
        long length = len7 < 126 ? len7 : len7 == 126 ? u16(b, off + 2)
                : ((long) s32(b, off + 2) << 32) | u32(b, off + 6);
        if ((len7 == 126 && length <= 125) || (len7 == 127 && (length <= 0xffff || length < 0))) {
            return false;
        }
        int header = lengthEnd + (masked ? 4 : 0);
        if (op == 1 && length > 0 && len > header) {
            int c = b[off + header] ^ (masked ? b[off + lengthEnd] : 0);
            return c >= '0' && c <= '6';
        }
        return true;
    }

    // ------------------------------------------------------------------------------------------- HTTP messages

    private void httpMessage(Side s, HttpMessage m, byte[] raw, long frame, long first, long time) {
        if (m.isRequest()) {
            if (s.dir != CLIENT) {
                s.client();
            }
            String target = m.target();
            boolean polling = target.contains("transport=polling") && target.contains("EIO=");
            String sid = queryParameter(target, "sid");
            Session session = sid == null ? null : sessions.computeIfAbsent(sid, k -> new Session());
            boolean upgrade = m.header("Upgrade").map(u -> u.equalsIgnoreCase("websocket")).orElse(false);
            boolean post = "POST".equals(m.method());
            s.other.expects.add(new Expected(polling && "GET".equals(m.method()) ? Expect.POLLING
                    : upgrade ? Expect.UPGRADE : Expect.PLAIN, session));
            List<Pdu> pdus = raw == null ? List.of() : List.of(StackDissector.dissectHttpMessage(raw, polling && post));
            if (polling && post && !m.body().isEmpty()) {
                pollingBody(s, session != null ? session : new Session(), m.content(), frame, first, time, pdus);
            }
            if (upgrade) {
                // the answer decides; a capture that reordered the two may have shown it already
                s.mode = s.conv.upgraded ? Mode.WEBSOCKET : Mode.WAIT_UPGRADE;
                if (session != null) {
                    s.conv.session = session;
                }
            }
            return;
        }
        Expected e = s.expects.poll();
        boolean pollingBody = e != null && e.kind == Expect.POLLING && m.status() == 200;
        List<Pdu> pdus = raw == null ? List.of() : List.of(StackDissector.dissectHttpMessage(raw, pollingBody));
        if (m.status() == 101) {
            s.mode = Mode.WEBSOCKET;
            s.conv.upgraded = true;
            if (e != null && e.session != null) {
                s.conv.session = e.session;
            }
            if (s.other.mode == Mode.WAIT_UPGRADE) {
                s.other.mode = Mode.WEBSOCKET;
                s.other.parse(frame, time);
            } else if (s.other.mode == Mode.UNKNOWN) {
                // the request is still to come (a reordered capture): it is HTTP, what follows it WebSocket
                s.other.mode = Mode.HTTP;
            }
            return;
        }
        if (s.other.mode == Mode.WAIT_UPGRADE) {
            s.other.mode = Mode.HTTP;
            s.other.parse(frame, time);
        }
        if (pollingBody && !m.body().isEmpty()) {
            pollingBody(s, e.session != null ? e.session : new Session(), m.content(), frame, first, time, pdus);
        }
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

    // ------------------------------------------------------------------------------------------- Engine.IO

    private void pollingBody(Side s, Session session, Bytes body, long frame, long first, long time, List<Pdu> pdus) {
        byte[] b = body.toArray();
        EngineIoDecoded d = EngineIoCodec.decodePollingPayload(b, 0, b.length);
        for (EngineIoPacket p : d.packets()) {
            if (p.binary()) {
                binary(s, "polling", session, p.data(), frame, first, time, pdus);
            } else if (p.type() == EngineIoType.MESSAGE) {
                byte[] data = p.data().toArray();
                socketIo(s, "polling", session, data, 0, data.length, frame, first, time, pdus);
            } else {
                engineIoControl(s, "polling", session, p, frame, first, time, pdus);
            }
        }
        if (!d.isOk()) {
            emitBad(s, frame, first, time, "Engine.IO: " + d.malformed().reason(), pdus);
        }
    }

    private void engineIoText(Side s, String transport, byte[] b, int off, int n, long frame, long first, long time,
                              List<Pdu> pdus) {
        if (n > 0 && b[off] == '4') {
            socketIo(s, transport, s.conv.session(), b, off + 1, n - 1, frame, first, time, pdus);
            return;
        }
        EngineIoDecoded d = EngineIoCodec.decodeWebSocketMessage(b, off, n, false);
        if (!d.isOk()) {
            emitBad(s, frame, first, time, "Engine.IO: " + d.malformed().reason(), pdus);
            return;
        }
        engineIoControl(s, transport, s.conv.session(), d.packets().get(0), frame, first, time, pdus);
    }

    private void engineIoControl(Side s, String transport, Session session, EngineIoPacket p, long frame, long first,
                                 long time, List<Pdu> pdus) {
        if (p.type() == EngineIoType.OPEN) {
            try {
                sessions.putIfAbsent(OpenPacket.parse(p.text()).sid(), session);
            } catch (IllegalArgumentException e) {
                emitBad(s, frame, first, time, "Engine.IO: open packet: " + e.getMessage(), pdus);
                return;
            }
        }
        emitMessage(s, frame, first, time, transport, "engine.io", p.type().name(), null, null, null, null,
                List.of(), p.type().digit() + p.text(), 0, null, pdus);
    }

    // ------------------------------------------------------------------------------------------- Socket.IO

    /** One Engine.IO session's Socket.IO state: binary packets waiting for attachments, emits waiting for an ACK. */
    private static final class Session {
        final Pending[] pending = new Pending[2];
        @SuppressWarnings("unchecked")
        final Map<AckKey, Emit>[] emits = new Map[] {openEmits(), openEmits()};

        private static Map<AckKey, Emit> openEmits() {
            return new LinkedHashMap<>(8) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<AckKey, Emit> eldest) {
                    return size() > MAX_OPEN_EMITS;
                }
            };
        }
    }

    private record AckKey(String namespace, long id) {
    }

    private record Emit(long frame, String event) {
    }

    /** A BINARY_EVENT or BINARY_ACK whose attachments are still to come. */
    private static final class Pending {
        final String type;
        final String transport;
        final String namespace;
        final String event;
        final String args;
        final Long ackId;
        final String text;
        final int count;
        final long firstFrame;
        final List<Bytes> attachments = new ArrayList<>(2);
        final List<Pdu> pdus;

        Pending(String type, String transport, String namespace, String event, String args, Long ackId, String text,
                int count, long firstFrame, List<Pdu> pdus) {
            this.type = type;
            this.transport = transport;
            this.namespace = namespace;
            this.event = event;
            this.args = args;
            this.ackId = ackId;
            this.text = text;
            this.count = count;
            this.firstFrame = firstFrame;
            this.pdus = pdus.isEmpty() ? List.of() : new ArrayList<>(pdus);
        }
    }

    private static final String[] SCAN_TYPES = {SocketIoType.CONNECT.name(), SocketIoType.DISCONNECT.name(),
            SocketIoType.EVENT.name(), SocketIoType.ACK.name()};

    /** The Socket.IO packet whose text (after the Engine.IO {@code 4}) is {@code b[off, off+n)}. */
    private void socketIo(Side s, String transport, Session session, byte[] b, int off, int n, long frame,
                          long first, long time, List<Pdu> pdus) {
        int dir = s.dir;
        Pending waiting = session.pending[dir];
        if (waiting != null) {
            // socket.io-parser: "got plaintext data when reconstructing a packet"
            session.pending[dir] = null;
            emitBad(s, frame, waiting.firstFrame, time, "Socket.IO: " + waiting.type + " declares " + waiting.count
                    + " attachments, " + waiting.attachments.size() + " arrived before the next packet", List.of());
        }
        if (!Utf8Check.isValid(b, off, off + n)) {
            emitBad(s, frame, first, time, "Socket.IO: " + SocketIoCodec.dissect(b, off, n).malformed().reason(),
                    pdus);
            return;
        }
        if (scan.scan(b, off, off + n)) {
            String type = SCAN_TYPES[scan.type];
            long answersFrame = 0;
            String answersEvent = null;
            if (scan.hasAckId) {
                if (scan.type == SocketIoScan.EVENT) {
                    session.emits[dir].put(new AckKey(scan.namespace, scan.ackId), new Emit(frame, scan.event));
                } else if (scan.type == SocketIoScan.ACK) {
                    Emit e = session.emits[1 - dir].remove(new AckKey(scan.namespace, scan.ackId));
                    if (e != null) {
                        answersFrame = e.frame;
                        answersEvent = e.event;
                    }
                }
            }
            MessageView v = begin(CaptureMessage.Kind.MESSAGE, frame, first, time, s.flow.source(),
                    s.flow.destination(), transport);
            v.protocol = "socket.io";
            v.type = type;
            v.namespace = scan.namespace;
            v.event = scan.event;
            v.hasAckId = scan.hasAckId;
            v.ackId = scan.ackId;
            v.bytes = b;
            v.textFrom = off;
            v.textTo = off + n;
            v.argsFrom = scan.argsFrom;
            v.argsTo = scan.argsTo;
            v.argsBracket = scan.argsBracket;
            v.answersFrame = answersFrame;
            v.answersEvent = answersEvent;
            v.pdus = pdus;
            out.message(v);
            return;
        }
        String text = "4" + SocketIoScan.text(b, off, off + n);
        DecodeResult r = SocketIoCodec.decode(text.substring(1));
        if (!r.isOk()) {
            emitBad(s, frame, first, time, "Socket.IO: " + r.error(), pdus);
            return;
        }
        SocketIoPacket p = r.packet();
        String event = null;
        JsonNode args = p.data();
        if (p.type() == SocketIoType.EVENT || p.type() == SocketIoType.BINARY_EVENT) {
            event = p.event();
            if (args instanceof ArrayNode arr) {
                ArrayNode rest = arr.deepCopy();
                rest.remove(0);
                args = rest;
            }
        }
        String argsText = args == null ? null : JsJson.stringify(args);
        if (p.type().isBinary() && p.attachmentCount() > 0) {
            session.pending[dir] = new Pending(p.type().name(), transport, p.namespace(), event, argsText, p.ackId(),
                    text, p.attachmentCount(), first, pdus);
            return;
        }
        finishSocketIo(s, session, frame, first, time, transport, p.type().name(), p.namespace(), event, argsText,
                p.ackId(), List.of(), text, pdus);
    }

    private void binary(Side s, String transport, Session session, Bytes data, long frame, long first, long time,
                        List<Pdu> pdus) {
        Pending p = session.pending[s.dir];
        if (p == null) {
            emitMessage(s, frame, first, time, transport, "engine.io", "BINARY", null, null, null, null,
                    List.of(data), null, 0, null, pdus);
            return;
        }
        p.attachments.add(data);
        if (!pdus.isEmpty()) {
            p.pdus.addAll(pdus);
        }
        if (p.attachments.size() == p.count) {
            session.pending[s.dir] = null;
            finishSocketIo(s, session, frame, p.firstFrame, time, p.transport, p.type, p.namespace, p.event, p.args,
                    p.ackId, p.attachments, p.text, p.pdus);
        }
    }

    private void finishSocketIo(Side s, Session session, long frame, long first, long time, String transport,
                                String type, String namespace, String event, String args, Long ackId,
                                List<Bytes> attachments, String text, List<Pdu> pdus) {
        long answersFrame = 0;
        String answersEvent = null;
        if (ackId != null) {
            boolean isEvent = type.equals("EVENT") || type.equals("BINARY_EVENT");
            boolean isAck = type.equals("ACK") || type.equals("BINARY_ACK");
            if (isEvent) {
                session.emits[s.dir].put(new AckKey(namespace, ackId), new Emit(frame, event));
            } else if (isAck) {
                Emit e = session.emits[1 - s.dir].remove(new AckKey(namespace, ackId));
                if (e != null) {
                    answersFrame = e.frame;
                    answersEvent = e.event;
                }
            }
        }
        emitMessage(s, frame, first, time, transport, "socket.io", type, namespace, event, args, ackId, attachments,
                text, answersFrame, answersEvent, pdus);
    }

    // ------------------------------------------------------------------------------------------- output

    private MessageView begin(CaptureMessage.Kind kind, long frame, long first, long time, String src, String dst,
                              String transport) {
        MessageView v = view;
        v.reset();
        v.kind = kind;
        v.frame = frame;
        v.firstFrame = first;
        v.timeNanos = time;
        v.src = src;
        v.dst = dst;
        v.transport = transport;
        return v;
    }

    private void emitBad(Side s, long frame, long first, long time, String reason, List<Pdu> pdus) {
        bad(frame, first, time, s.flow.source(), s.flow.destination(), s.transport(), reason, pdus);
    }

    private void bad(long frame, long first, long time, String src, String dst, String transport, String reason,
                     List<Pdu> pdus) {
        MessageView v = begin(CaptureMessage.Kind.MALFORMED, frame, first, time, src, dst, transport);
        v.malformed = reason;
        v.pdus = pdus;
        out.message(v);
    }

    private void emitMessage(Side s, long frame, long first, long time, String transport, String protocol,
                             String type, String namespace, String event, String args, Long ackId,
                             List<Bytes> attachments, String text, long answersFrame, String answersEvent,
                             List<Pdu> pdus) {
        MessageView v = begin(CaptureMessage.Kind.MESSAGE, frame, first, time, s.flow.source(), s.flow.destination(),
                transport);
        v.protocol = protocol;
        v.type = type;
        v.namespace = namespace;
        v.event = event;
        v.argsString = args;
        v.hasAckId = ackId != null;
        v.ackId = ackId == null ? 0 : ackId;
        v.attachments = attachments.isEmpty() ? List.of() : List.copyOf(attachments);
        v.textString = text;
        v.answersFrame = answersFrame;
        v.answersEvent = answersEvent;
        v.pdus = pdus.isEmpty() ? List.of() : List.copyOf(pdus);
        out.message(v);
    }

    private static final Set<Protocol> APPLICATION =
            EnumSet.of(Protocol.HTTP, Protocol.WEBSOCKET, Protocol.ENGINEIO, Protocol.SOCKETIO);

    /**
     * Why a decoded unit is bad: its first malformed PDU's reason, or else the first problem recorded on a field of an
     * application protocol (a reserved opcode, text that is not UTF-8), which a receiver would fail the connection
     * for. Checksums are left out: Linux leaves them to offload on loopback.
     */
    static String problem(Pdu root) {
        Optional<Pdu> bad = root.firstMalformed();
        if (bad.isPresent()) {
            return bad.get().protocol().title() + ": " + bad.get().malformed().reason();
        }
        String[] found = {null};
        root.walk(pdu -> {
            if (found[0] == null && APPLICATION.contains(pdu.protocol())) {
                for (Field f : pdu.fields()) {
                    if (f.problem() != null) {
                        found[0] = pdu.protocol().title() + ": " + f.name() + " " + f.display() + ": " + f.problem();
                        break;
                    }
                }
            }
        });
        return found[0] != null ? found[0] : root.protocol().title() + ": malformed";
    }

    static String address(int ip, int port) {
        return new Ipv4Address(ip) + ":" + port;
    }
}
