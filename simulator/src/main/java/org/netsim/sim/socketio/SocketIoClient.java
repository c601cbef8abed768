package org.netsim.sim.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netsim.pdu.Bytes;
import org.netsim.pdu.Protocol;
import org.netsim.random.RandomSource;
import org.netsim.sim.Host;
import org.netsim.sim.TcpApplication;
import org.netsim.sim.TcpConnection;
import org.netsim.wire.engineio.EngineIoCodec;
import org.netsim.wire.engineio.EngineIoPacket;
import org.netsim.wire.engineio.EngineIoType;
import org.netsim.wire.engineio.OpenPacket;
import org.netsim.wire.http.HttpMessage;
import org.netsim.wire.http.NodeSocketIoHttp;
import org.netsim.wire.http.WebSocketHandshake;
import org.netsim.wire.ipv4.Ipv4Address;
import org.netsim.wire.socketio.DecodeResult;
import org.netsim.wire.socketio.SocketIoCodec;
import org.netsim.wire.socketio.SocketIoPacket;
import org.netsim.wire.socketio.SocketIoType;
import org.netsim.wire.websocket.Opcode;
import org.netsim.wire.websocket.WebSocketFrame;

/**
 * Node's socket.io-client 4.8 ({@code io(url, options)}) on a simulated host. By default it opens the session with
 * long-polling, sends CONNECT for each namespace, keeps one GET pending, probes WebSocket ({@code 2probe} /
 * {@code 3probe}), waits for its pending requests, then upgrades ({@code 5}); with {@code transports: ["websocket"]}
 * it uses WebSocket from the start. It answers pings, holds emits until their namespace is connected, and on
 * {@code disconnect()} sends DISCONNECT and closes the transport as the real client does.
 */
public final class SocketIoClient {
    /** What the client program does with what it receives. */
    public interface Behaviour {
        default void connected(SocketIoClient client, String namespace) {
        }

        /** An event arrived; an event with an ack id expects {@link SocketIoClient#ack} to answer it. */
        default void event(SocketIoClient client, SocketIoPacket packet) {
        }

        /**
         * Whether {@link #event} wants events at all; a program with no handlers lets the client skip parsing an
         * event's JSON (the timeline still decodes it when someone looks).
         */
        default boolean listens() {
            return true;
        }
    }

    /**
     * @param server        the server's address
     * @param port          its port
     * @param webSocketOnly {@code transports: ["websocket"]}
     * @param namespaces    namespaces to connect to, in order, with the auth payload of each ({@code null}: none)
     */
    public record Options(Ipv4Address server, int port, boolean webSocketOnly, Map<String, JsonNode> namespaces) {
        public Options {
            namespaces = namespaces.isEmpty() ? Map.of(SocketIoPacket.MAIN_NAMESPACE, nullNode())
                    : new LinkedHashMap<>(namespaces);
        }

        private static JsonNode nullNode() {
            return com.fasterxml.jackson.databind.node.NullNode.instance;
        }
    }

    /** How long after the server's Close frame the ws client closes TCP (captures: about 0.4 ms). */
    static final long CLOSE_AFTER_NANOS = 400_000L;

    private final Host host;
    private final Options options;
    private final Behaviour behaviour;
    private final RandomSource random;
    private final String hostHeader;
    private String sid;
    private boolean open;
    private boolean closed;
    private boolean webSocket;
    private Channel ws;
    private Channel probe;
    private boolean probeAnswered;
    private boolean pollInFlight;
    private boolean postInFlight;
    private final List<EngineIoPacket> writeBuffer = new ArrayList<>();
    private final Map<String, String> connected = new LinkedHashMap<>();
    private final Map<String, List<SocketIoPacket>> waiting = new HashMap<>();
    private final Map<String, Long> ackIds = new HashMap<>();
    private SocketIoPacket partial;

    public SocketIoClient(Host host, Options options, Behaviour behaviour) {
        this.host = host;
        this.options = options;
        this.behaviour = behaviour;
        this.random = host.network().sim().random(host.name() + " socket.io-client");
        this.hostHeader = options.server() + ":" + options.port();
    }

    public Host host() {
        return host;
    }

    public String name() {
        return host.name();
    }

    /** Whether the namespace's CONNECT has been answered. */
    public boolean isConnected(String namespace) {
        return connected.containsKey(namespace);
    }

    /** Starts the connection, as {@code io(url)} does. */
    public void start() {
        if (options.webSocketOnly()) {
            openWebSocket(null);
        } else {
            HttpExchange.start(host, options.server(), options.port(),
                    NodeSocketIoHttp.pollingGet(hostHeader, t(), null), "polling GET (handshake)", this::polled);
            pollInFlight = true;
        }
    }

    /** {@code socket.emit(event, ...args)}, with an ack id if {@code withAck}; waits until the namespace is connected. */
    public void emit(String namespace, String event, List<JsonNode> args, boolean withAck) {
        Object[] a = args.toArray();
        SocketIoPacket p;
        if (withAck) {
            long id = ackIds.merge(namespace, 1L, Long::sum) - 1;
            p = SocketIoPacket.eventWithAck(namespace, id, event, a);
        } else {
            p = SocketIoPacket.event(namespace, event, a);
        }
        if (!connected.containsKey(namespace)) {
            waiting.computeIfAbsent(namespace, k -> new ArrayList<>()).add(p);
            return;
        }
        sendSocketIo(p);
    }

    /** Answers an event that asked for an acknowledgement. */
    public void ack(String namespace, long ackId, List<JsonNode> args) {
        sendSocketIo(SocketIoPacket.ack(namespace, ackId, args.toArray()));
    }

    /** {@code socket.disconnect()} on every namespace, then the transport closes. */
    public void disconnect() {
        if (closed || !open) {
            return;
        }
        for (String ns : new ArrayList<>(connected.keySet())) {
            sendSocketIo(SocketIoPacket.disconnect(ns));
        }
        connected.clear();
        closed = true;
        if (webSocket) {
            // ws closes with an empty Close frame (no status code), masked like every client frame
            ws.sendWebSocketControl(WebSocketFrame.closeEmpty().masked(random));
        } else {
            // on polling the close packet travels in the same POST as the DISCONNECT
            send(EngineIoPacket.CLOSE);
        }
    }

    // ---------------------------------------------------------------- engine.io

    private String t() {
        return NodeSocketIoHttp.timestamp(host.network().sim().now() / 1_000_000L, random);
    }

    private void polled(List<EngineIoPacket> packets) {
        pollInFlight = false;
        for (EngineIoPacket p : packets) {
            packet(p);
        }
        if (probeAnswered) {
            maybeUpgrade();
        } else {
            poll();
        }
    }

    private void poll() {
        if (!open || closed || webSocket || pollInFlight || probeAnswered) {
            return;
        }
        pollInFlight = true;
        HttpExchange.start(host, options.server(), options.port(), NodeSocketIoHttp.pollingGet(hostHeader, t(), sid),
                "polling GET", this::polled);
    }

    private void send(EngineIoPacket p) {
        if (webSocket) {
            ws.sendWebSocket(p, random);
        } else {
            writeBuffer.add(p);
            flush();
        }
    }

    private void flush() {
        if (webSocket || postInFlight || writeBuffer.isEmpty() || !open) {
            return;
        }
        List<EngineIoPacket> body = new ArrayList<>(writeBuffer);
        writeBuffer.clear();
        postInFlight = true;
        HttpExchange.start(host, options.server(), options.port(), NodeSocketIoHttp.pollingPost(hostHeader, t(), sid,
                Bytes.wrap(EngineIoCodec.encodePollingPayload(body))), "polling POST", answer -> {
                    postInFlight = false;
                    if (probeAnswered) {
                        maybeUpgrade();
                    } else {
                        flush();
                    }
                });
    }

    private void opened(OpenPacket o) {
        sid = o.sid();
        open = true;
        host.note(Protocol.ENGINEIO, -1, "session " + sid + " open, heartbeat every " + o.pingInterval() + " ms");
        for (Map.Entry<String, JsonNode> ns : options.namespaces().entrySet()) {
            JsonNode auth = ns.getValue() == null || ns.getValue().isNull() ? null : ns.getValue();
            sendSocketIo(SocketIoPacket.connect(ns.getKey(), auth));
        }
        if (!webSocket && o.upgrades().contains("websocket")) {
            openWebSocket(sid);
        }
    }

    /** Opens a WebSocket: the transport itself ({@code sid} null) or the upgrade probe. */
    private void openWebSocket(String sessionId) {
        String key = WebSocketHandshake.newKey(random);
        WebSocketSide side = new WebSocketSide(key, sessionId != null);
        TcpConnection c = host.tcp().connect(options.server(), options.port(),
                sessionId == null ? "WebSocket" : "WebSocket (upgrade)", side);
        side.channel = new Channel(host, c);
        if (sessionId != null) {
            probe = side.channel;
        }
    }

    private void maybeUpgrade() {
        // engine.io-client pauses polling: the upgrade waits for the pending GET and POST to finish
        if (probe == null || pollInFlight || postInFlight) {
            return;
        }
        Channel c = probe;
        probe = null;
        probeAnswered = false;
        c.sendWebSocket(EngineIoPacket.UPGRADE, random);
        webSocket = true;
        ws = c;
        host.note(Protocol.ENGINEIO, c.connection(), "upgraded to WebSocket");
        List<EngineIoPacket> rest = new ArrayList<>(writeBuffer);
        writeBuffer.clear();
        for (EngineIoPacket p : rest) {
            send(p);
        }
    }

    private void packet(EngineIoPacket p) {
        switch (p.type()) {
            case OPEN -> opened(OpenPacket.parse(p.text()));
            case PING -> send(EngineIoPacket.PONG);
            case MESSAGE -> {
                if (p.binary()) {
                    attachment(p.data());
                } else {
                    socketIo(p.text());
                }
            }
            case CLOSE -> closed = true;
            default -> {
            }
        }
    }

    private void attachment(Bytes data) {
        if (partial == null) {
            return;
        }
        List<Bytes> got = new ArrayList<>(partial.attachments());
        got.add(data);
        SocketIoPacket p = partial.withAttachments(got);
        partial = p.isComplete() ? null : p;
        if (p.isComplete()) {
            dispatch(p);
        }
    }

    private void socketIo(String text) {
        // "2" is EVENT in the main namespace: nothing to do with it if nobody listens
        if (!behaviour.listens() && text.length() > 1 && text.charAt(0) == '2' && text.charAt(1) != '/') {
            return;
        }
        DecodeResult r = SocketIoCodec.decode(text);
        if (!r.isOk()) {
            host.note(Protocol.SOCKETIO, -1, "unreadable Socket.IO packet: " + r.error());
            return;
        }
        if (!r.packet().isComplete()) {
            partial = r.packet();
            return;
        }
        dispatch(r.packet());
    }

    private void dispatch(SocketIoPacket p) {
        String ns = p.namespace();
        if (p.type() == SocketIoType.CONNECT) {
            JsonNode s = p.data() == null ? null : p.data().get("sid");
            connected.put(ns, s == null ? "" : s.asText());
            host.note(Protocol.SOCKETIO, -1, "connected to namespace " + ns + (s == null ? "" : " as " + s.asText()));
            for (SocketIoPacket w : waiting.getOrDefault(ns, List.of())) {
                sendSocketIo(w);
            }
            waiting.remove(ns);
            behaviour.connected(this, ns);
        } else if (p.type() == SocketIoType.EVENT || p.type() == SocketIoType.BINARY_EVENT) {
            behaviour.event(this, p);
        } else if (p.type() == SocketIoType.DISCONNECT) {
            connected.remove(ns);
            host.note(Protocol.SOCKETIO, -1, "the server disconnected namespace " + ns);
        } else if (p.type() == SocketIoType.CONNECT_ERROR) {
            host.note(Protocol.SOCKETIO, -1, "connection to namespace " + ns + " refused: " + p.data());
        } else {
            host.note(Protocol.SOCKETIO, -1, "acknowledgement " + p.ackId() + " arrived");
        }
    }

    private void sendSocketIo(SocketIoPacket p) {
        for (EngineIoPacket e : Channel.engineIoPackets(p)) {
            send(e);
        }
    }

    /** The client's side of a WebSocket connection: the upgrade request, then frames. */
    private final class WebSocketSide implements TcpApplication {
        private final String key;
        private final boolean upgrade;
        private Channel channel;
        private boolean handshakeDone;

        WebSocketSide(String key, boolean upgrade) {
            this.key = key;
            this.upgrade = upgrade;
        }

        @Override
        public void connected(TcpConnection c) {
            channel.sendHttp(NodeSocketIoHttp.webSocketUpgrade(hostHeader, upgrade ? sid : null, key), false, false);
        }

        @Override
        public void received(TcpConnection c, byte[] data) {
            channel.append(data);
            if (!handshakeDone) {
                Channel.ReceivedHttp received = channel.nextHttp();
                if (received == null) {
                    return;
                }
                channel.recordHttpUp(received, false, false);
                HttpMessage m = received.message();
                if (m.status() != 101) {
                    host.note(Protocol.HTTP, c.index(), "WebSocket refused: " + m.startLine());
                    c.close();
                    return;
                }
                handshakeDone = true;
                if (upgrade) {
                    channel.sendWebSocket(EngineIoPacket.PING_PROBE, random);
                } else {
                    webSocket = true;
                    ws = channel;
                }
            }
            Channel.Received r;
            while ((r = channel.nextWebSocket()) != null) {
                frame(c, r);
            }
        }

        private void frame(TcpConnection c, Channel.Received r) {
            if (r.frame().opcode().value() == Opcode.CLOSE.value()) {
                // ws ends the socket a moment after the closing handshake; the server's FIN usually comes first
                closed = true;
                host.network().sim().after(CLOSE_AFTER_NANOS, c::close);
                return;
            }
            EngineIoPacket p = r.packet();
            if (p == null) {
                return;
            }
            if (upgrade && !webSocket && p.type() == EngineIoType.PONG && "probe".equals(p.text())) {
                probeAnswered = true;
                maybeUpgrade();
                return;
            }
            packet(p);
        }

        @Override
        public void peerClosed(TcpConnection c) {
            c.close();
        }
    }
}
