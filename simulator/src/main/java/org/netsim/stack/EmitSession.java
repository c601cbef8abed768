package org.netsim.stack;

import java.util.ArrayList;
import java.util.List;
import org.netsim.pdu.Bytes;
import org.netsim.random.RandomSource;
import org.netsim.random.SeededRandom;
import org.netsim.wire.engineio.EngineIoPacket;
import org.netsim.wire.engineio.OpenPacket;
import org.netsim.wire.engineio.SessionIds;
import org.netsim.wire.ethernet.EtherType;
import org.netsim.wire.ethernet.EthernetHeader;
import org.netsim.wire.ethernet.MacAddress;
import org.netsim.wire.http.HttpCodec;
import org.netsim.wire.http.NodeSocketIoHttp;
import org.netsim.wire.http.WebSocketHandshake;
import org.netsim.wire.ipv4.IpProtocol;
import org.netsim.wire.ipv4.Ipv4Address;
import org.netsim.wire.ipv4.Ipv4Header;
import org.netsim.wire.socketio.SocketIoCodec;
import org.netsim.wire.socketio.SocketIoPacket;
import org.netsim.wire.tcp.TcpFlags;
import org.netsim.wire.tcp.TcpHeader;
import org.netsim.wire.tcp.TcpOption;
import org.netsim.wire.tcp.TcpOptions;
import org.netsim.wire.websocket.WebSocketCodec;
import org.netsim.wire.websocket.WebSocketFrame;

/**
 * The whole short WebSocket connection one emit travels on, as Node's socket.io 4.8 client (WebSocket-only) and
 * server put it on a LAN: TCP three-way handshake with the options Linux sends, the HTTP upgrade, the Engine.IO open
 * packet, the Socket.IO CONNECT and its answer, the emit, then the Socket.IO DISCONNECT, the WebSocket closing
 * handshake and the TCP teardown. The order of segments and acknowledgements follows a loopback capture of Node 20
 * with socket.io 4.8.4 (assets: captures/node-socketio-4.8.4-websocket-ack-close.pcap): a data segment is acknowledged
 * at once (Linux's quick-ack mode early in a connection) unless the receiver's answer or the sender's next segment
 * follows straight away.
 *
 * <p>Every random value (ephemeral port, initial sequence numbers, timestamp offsets, IP identification, masking keys,
 * WebSocket key, session ids) comes from the seed, and time from a virtual clock, so the same seed gives the same
 * bytes. This is not the network simulation: one link, no loss, no ARP (the hosts know each other's MACs).
 */
public final class EmitSession {
    /** 2026-01-01T00:00:00Z: where the virtual clock starts, so timestamps are stable and plausible. */
    public static final long DEFAULT_START_NANOS = 1_767_225_600_000_000_000L;

    /** Linux's choices on an Ethernet interface with MTU 1500. */
    static final int MSS = 1460;
    /** The data a segment carries at most: the MSS less NOP, NOP and the 10-byte timestamps option (RFC 7323 §3.2). */
    static final int SEGMENT = MSS - 12;
    static final int WINDOW_SCALE = 7;
    static final int CLIENT_SYN_WINDOW = 64240;
    static final int SERVER_SYN_WINDOW = 65160;
    static final int CLIENT_WINDOW = 502;
    static final int SERVER_WINDOW = 509;
    static final int TTL = 64;

    /**
     * @param client           the client's card and socket (port 0: an ephemeral port from the seed)
     * @param server           the server's card and socket
     * @param seed             the one seed for every random value
     * @param startNanos       virtual time of the first frame
     * @param bitsPerSecond    link rate, for serialization delay
     * @param propagationNanos one-way propagation delay
     * @param processingNanos  time a host takes to answer
     */
    public record Config(Endpoint client, Endpoint server, long seed, long startNanos, long bitsPerSecond,
                         long propagationNanos, long processingNanos) {
        public static Config defaults(long seed) {
            return new Config(
                    new Endpoint(MacAddress.parse("02:00:00:00:00:02"), Ipv4Address.parse("192.168.1.2"), 0),
                    new Endpoint(MacAddress.parse("02:00:00:00:00:01"), Ipv4Address.parse("192.168.1.1"), 3000),
                    seed, DEFAULT_START_NANOS, 100_000_000L, 50_000L, 20_000L);
        }
    }

    /**
     * The frames, and which of them carry the emit: {@code emitFrameIndex} its first segment,
     * {@code emitLastFrameIndex} its last (the same frame unless the emit's WebSocket frame is longer than one
     * segment).
     */
    public record Result(List<WireFrame> frames, int emitFrameIndex, String engineIoSid, String socketIoSid,
                         int emitLastFrameIndex) {
        public WireFrame emitFrame() {
            return frames.get(emitFrameIndex);
        }

        /** The frame whose segment completes the emit's WebSocket frame: where it is decoded whole. */
        public WireFrame emitCompletingFrame() {
            return frames.get(emitLastFrameIndex);
        }
    }

    private final Config config;
    private final RandomSource random;
    private final TcpPeer client;
    private final TcpPeer server;
    private final List<WireFrame> frames = new ArrayList<>();
    private long now;

    private EmitSession(Config config) {
        this.config = config;
        this.random = new SeededRandom(config.seed());
        Endpoint c = config.client();
        if (c.port() == 0) {
            // Linux's default ephemeral range, net.ipv4.ip_local_port_range = 32768 60999
            c = new Endpoint(c.mac(), c.ip(), random.nextInt(32768, 61000));
        }
        this.client = new TcpPeer(c, random);
        this.server = new TcpPeer(config.server(), random);
        this.now = config.startNanos();
    }

    /**
     * Runs the connection carrying {@code emit}, sent by the client ({@code clientToServer}) or by the server. The
     * emit's namespace is the one the client connects to.
     */
    public static Result run(Config config, SocketIoPacket emit, boolean clientToServer) {
        return new EmitSession(config).play(emit, clientToServer);
    }

    private Result play(SocketIoPacket emit, boolean clientToServer) {
        String ns = emit.namespace();
        String host = config.server().ip() + ":" + config.server().port();
        String engineSid = new SessionIds().next(random);
        String socketSid = new SessionIds().next(random);
        String key = WebSocketHandshake.newKey(random);

        segment(client, server, TcpFlags.SYN, Bytes.EMPTY, "SYN");
        segment(server, client, TcpFlags.SYN_ACK, Bytes.EMPTY, "SYN, ACK");
        segment(client, server, TcpFlags.ACK, Bytes.EMPTY, "ACK");

        data(client, server, Bytes.wrap(HttpCodec.encode(NodeSocketIoHttp.webSocketUpgrade(host, null, key))),
                "HTTP GET, WebSocket upgrade");
        data(server, client, Bytes.wrap(HttpCodec.encode(NodeSocketIoHttp.switchingProtocols(key))),
                "HTTP 101 Switching Protocols");
        ws(server, client, EngineIoPacket.open(OpenPacket.webSocket(engineSid)), "Engine.IO OPEN");
        // the server answers CONNECT at once, so its answer carries the acknowledgement (no pure ACK)
        ws(client, server, EngineIoPacket.message(SocketIoCodec.encode(SocketIoPacket.connect(ns))),
                "Socket.IO CONNECT " + ns, false);
        ws(server, client, EngineIoPacket.message(SocketIoCodec.encode(SocketIoPacket.connected(ns, socketSid))),
                "Socket.IO CONNECT answer, sid " + socketSid);

        var encoded = SocketIoCodec.encodeWithAttachments(emit);
        TcpPeer from = clientToServer ? client : server;
        TcpPeer to = clientToServer ? server : client;
        String what = "Socket.IO " + emit.type().name() + (emit.event() == null ? "" : " \"" + emit.event() + "\"");
        int emitIndex = ws(from, to, EngineIoPacket.message(encoded.text()), what, false);
        int emitLast = frames.size() - 1;
        segment(to, from, TcpFlags.ACK, Bytes.EMPTY, "ACK");
        for (Bytes attachment : encoded.attachments()) {
            ws(from, to, EngineIoPacket.binary(attachment), "Socket.IO binary attachment");
        }

        // the client closes its WebSocket right after DISCONNECT: one ACK covers both (delayed acknowledgement)
        ws(client, server, EngineIoPacket.message(SocketIoCodec.encode(SocketIoPacket.disconnect(ns))),
                "Socket.IO DISCONNECT " + ns, false);
        frame(client, server, WebSocketFrame.closeEmpty(), "WebSocket Close", true);
        frame(server, client, WebSocketFrame.closeEmpty(), "WebSocket Close (answer)", true);
        // RFC 6455 §7.1.1: "the server SHOULD close the underlying TCP connection first"
        segment(server, client, TcpFlags.FIN_ACK, Bytes.EMPTY, "FIN, ACK");
        segment(client, server, TcpFlags.FIN_ACK, Bytes.EMPTY, "FIN, ACK");
        segment(server, client, TcpFlags.ACK, Bytes.EMPTY, "ACK");
        return new Result(List.copyOf(frames), emitIndex, engineSid, socketSid, emitLast);
    }

    private int ws(TcpPeer from, TcpPeer to, EngineIoPacket packet, String what) {
        return ws(from, to, packet, what, true);
    }

    private int ws(TcpPeer from, TcpPeer to, EngineIoPacket packet, String what, boolean acknowledge) {
        // RFC 6455 §5.3: only the client masks
        byte[] frame = Encapsulation.webSocket(packet, from == client ? random : null);
        return data(from, to, Bytes.wrap(frame), what, acknowledge);
    }

    /** A WebSocket frame, masked when the client sends it (RFC 6455 §5.3). */
    private int frame(TcpPeer from, TcpPeer to, WebSocketFrame f, String what, boolean acknowledge) {
        if (from == client) {
            f = f.masked(random);
        }
        return data(from, to, Bytes.wrap(WebSocketCodec.encode(f)), what, acknowledge);
    }

    private int data(TcpPeer from, TcpPeer to, Bytes payload, String what) {
        return data(from, to, payload, what, true);
    }

    /**
     * Data segments (split at the MSS less the 12 bytes of timestamps every segment after the handshake carries, as
     * Linux cuts them: 1448 bytes, so a full frame is 1514 bytes, the Ethernet MTU of 1500 plus its header) and, if
     * {@code acknowledge}, the receiver's pure ACK; {@code false} when the receiver's next segment carries the
     * acknowledgement. Returns the index of the first segment.
     */
    private int data(TcpPeer from, TcpPeer to, Bytes payload, String what, boolean acknowledge) {
        int first = frames.size();
        for (int at = 0; at < payload.length(); at += SEGMENT) {
            Bytes piece = payload.slice(at, Math.min(payload.length(), at + SEGMENT));
            segment(from, to, TcpFlags.PSH_ACK, piece, what);
        }
        if (acknowledge) {
            segment(to, from, TcpFlags.ACK, Bytes.EMPTY, "ACK");
        }
        return first;
    }

    private void segment(TcpPeer from, TcpPeer to, TcpFlags flags, Bytes payload, String what) {
        long elapsed = now - config.startNanos();
        long tsval = from.tsval(elapsed);
        List<TcpOption> options;
        int window;
        boolean fromClient = from == client;
        if (flags.syn() && !flags.ack()) {
            options = TcpOptions.linuxSyn(MSS, tsval, WINDOW_SCALE);
            window = CLIENT_SYN_WINDOW;
        } else if (flags.syn()) {
            options = TcpOptions.linuxSynAck(MSS, tsval, from.lastPeerTsval, WINDOW_SCALE);
            window = SERVER_SYN_WINDOW;
        } else {
            options = TcpOptions.linuxTimestamps(tsval, from.lastPeerTsval);
            window = fromClient ? CLIENT_WINDOW : SERVER_WINDOW;
        }
        TcpHeader tcp = TcpHeader.builder()
                .sourcePort(from.endpoint.port())
                .destinationPort(to.endpoint.port())
                .sequence(from.sendNext)
                .acknowledgement(flags.ack() ? from.receiveNext : 0)
                .flags(flags)
                .window(window)
                .options(options)
                .build();
        // Linux sends a SYN-ACK from a listening socket with IP ID 0 (DF set, no per-socket counter yet).
        int ipId = flags.syn() && flags.ack() ? 0 : from.nextIpId();
        Ipv4Header ip = Ipv4Header.builder()
                .identification(ipId)
                .dontFragment(true)
                .ttl(TTL)
                .protocol(IpProtocol.TCP)
                .source(from.endpoint.ip())
                .destination(to.endpoint.ip())
                .build();
        byte[] frame = Encapsulation.ethernetFrame(
                new EthernetHeader(to.endpoint.mac(), from.endpoint.mac(), EtherType.IPV4), ip, tcp,
                payload.toArray(), false);
        frames.add(new WireFrame(now, fromClient, Bytes.wrap(frame), what));

        long advance = payload.length() + (flags.syn() ? 1 : 0) + (flags.fin() ? 1 : 0);
        from.sendNext = (from.sendNext + advance) & 0xffffffffL;
        to.receiveNext = (from.sendNext) & 0xffffffffL;
        to.lastPeerTsval = tsval;
        // the frame's time on the wire (preamble, SFD, FCS and inter-frame gap included), the way across, the reply
        long bits = (8L + frame.length + 4 + 12) * 8;
        now += bits * 1_000_000_000L / config.bitsPerSecond() + config.propagationNanos() + config.processingNanos();
    }
}
