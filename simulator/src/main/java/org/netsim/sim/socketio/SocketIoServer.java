package org.netsim.sim.socketio;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.netsim.pdu.Bytes;
import org.netsim.pdu.Protocol;
import org.netsim.random.RandomSource;
import org.netsim.sim.Host;
import org.netsim.sim.Simulator;
import org.netsim.stack.Encapsulation;
import org.netsim.timeline.Unit;
import org.netsim.wire.engineio.EngineIoPacket;
import org.netsim.wire.engineio.EngineIoType;
import org.netsim.wire.engineio.OpenPacket;
import org.netsim.wire.engineio.SessionIds;
import org.netsim.wire.socketio.DecodeResult;
import org.netsim.wire.socketio.SocketIoCodec;
import org.netsim.wire.socketio.SocketIoPacket;
import org.netsim.wire.socketio.SocketIoType;

/**
 * Node's socket.io 4.8 server ({@code new Server(httpServer)}) on a simulated host: engine.io sessions over polling
 * and WebSocket, namespaces, rooms, acknowledgements, binary attachments, and every way of emitting:
 * {@code socket.emit}, {@code io.emit}, {@code socket.broadcast.emit}, {@code io.to(room).emit},
 * {@code socket.to(room).emit}, {@code io.of(ns).emit}, and their volatile forms. A broadcast is a loop over the
 * recipients: each gets its own unicast frame (encoded once, as socket.io-adapter does).
 */
public final class SocketIoServer {
    /** How long Node takes to answer an HTTP request (our captures: 1.5 to 1.8 ms after warm-up). */
    static final long HTTP_DELAY_NANOS = 1_500_000L;
    /** How long after its answer Node closes a {@code Connection: close} connection (captures: about 1.3 ms). */
    static final long HTTP_CLOSE_NANOS = 1_300_000L;
    /** How long an event handler takes before its emit leaves (captures: about 1 ms). */
    static final long HANDLER_DELAY_NANOS = 1_000_000L;
    /** engine.io checks every 100 ms during an upgrade whether the pending poll should get a noop. */
    static final long UPGRADE_CHECK_NANOS = 100_000_000L;
    /** engine.io's polling {@code closeTimeout}: a close waiting for a GET gives up after 30 s. */
    static final long POLLING_CLOSE_TIMEOUT_NANOS = 30_000_000_000L;
    /** ws's {@code closeTimeout}: after its Close frame the server waits 30 s for the client's, then ends TCP. */
    static final long WS_CLOSE_TIMEOUT_NANOS = 30_000_000_000L;

    /** What the server program does when clients connect and emit. */
    public interface Behaviour {
        default void connected(SocketIoServer server, ServerSocket socket) {
        }

        default void event(SocketIoServer server, ServerSocket socket, SocketIoPacket packet) {
        }

        default void disconnected(SocketIoServer server, ServerSocket socket, String reason) {
        }
    }

    /**
     * @param port         the listening port
     * @param pingInterval milliseconds between heartbeats (engine.io default 25000)
     * @param pingTimeout  milliseconds to wait for a pong (default 20000)
     * @param namespaces   namespaces besides "/" that accept connections
     */
    public record Options(int port, long pingInterval, long pingTimeout, Set<String> namespaces) {
        public static Options defaults() {
            return new Options(3000, OpenPacket.DEFAULT_PING_INTERVAL, OpenPacket.DEFAULT_PING_TIMEOUT, Set.of());
        }
    }

    private final Host host;
    private final Options options;
    private final Behaviour behaviour;
    private final RandomSource random;
    private final SessionIds engineIds = new SessionIds();
    private final SessionIds socketIds = new SessionIds();
    private final Map<String, EngineSession> sessions = new HashMap<>();
    private final Map<String, Map<String, ServerSocket>> namespaces = new LinkedHashMap<>();

    public SocketIoServer(Host host, Options options, Behaviour behaviour) {
        this.host = host;
        this.options = options;
        this.behaviour = behaviour;
        this.random = host.network().sim().random(host.name() + " socket.io");
        namespaces.put(SocketIoPacket.MAIN_NAMESPACE, new LinkedHashMap<>());
        for (String ns : options.namespaces()) {
            namespaces.put(ns, new LinkedHashMap<>());
        }
        host.tcp().listen(options.port(), tcp -> new ServerConnection(this, tcp));
    }

    public Host host() {
        return host;
    }

    Simulator sim() {
        return host.network().sim();
    }

    long pingIntervalNanos() {
        return options.pingInterval() * 1_000_000L;
    }

    long pingTimeoutNanos() {
        return options.pingTimeout() * 1_000_000L;
    }

    // ---------------------------------------------------------------- what the program can do

    /** The connected sockets of a namespace, in connection order. */
    public List<ServerSocket> sockets(String namespace) {
        Map<String, ServerSocket> m = namespaces.get(namespace);
        return m == null ? List.of() : List.copyOf(m.values());
    }

    /** The socket of client host {@code clientName} in {@code namespace}, or {@code null}. */
    public ServerSocket socketOf(String clientName, String namespace) {
        for (ServerSocket s : sockets(namespace)) {
            if (s.clientName().equals(clientName)) {
                return s;
            }
        }
        return null;
    }

    /** {@code socket.join(room)}: nothing goes on the wire. */
    public void join(ServerSocket s, String room) {
        s.join(room);
        host.note(Protocol.SOCKETIO, -1, "socket " + s.id() + " (" + s.clientName() + ") joins room \"" + room + "\"");
    }

    public void leave(ServerSocket s, String room) {
        s.leave(room);
        host.note(Protocol.SOCKETIO, -1, "socket " + s.id() + " (" + s.clientName() + ") leaves room \"" + room
                + "\"");
    }

    /** {@code socket.emit(...)}: to one client. With an ack id, the client's answer comes back as an ACK. */
    public void emit(ServerSocket to, SocketIoPacket packet, boolean isVolatile) {
        sendTo(List.of(to), packet, isVolatile);
    }

    /**
     * Every broadcast form: the sockets of {@code namespace} that are in any of {@code rooms} (all if empty), except
     * {@code except}. Returns how many sockets it went to.
     */
    public int broadcast(String namespace, Set<String> rooms, ServerSocket except, SocketIoPacket packet,
                         boolean isVolatile) {
        List<ServerSocket> to = new ArrayList<>();
        for (ServerSocket s : sockets(namespace)) {
            if (s != except && (rooms.isEmpty() || rooms.stream().anyMatch(s.rooms()::contains))) {
                to.add(s);
            }
        }
        return sendTo(to, packet, isVolatile);
    }

    /** The next acknowledgement id for an emit to {@code s} that expects an answer. */
    public long nextAckId(ServerSocket s) {
        return s.nextAckId();
    }

    /** {@code socket.disconnect()}: DISCONNECT for the namespace. */
    public void disconnect(ServerSocket s) {
        disconnect(s, false);
    }

    /**
     * {@code socket.disconnect(close)}: DISCONNECT for the socket's namespace; with {@code close}, as
     * {@code client._disconnect()}, DISCONNECT for every namespace of that client, then its Engine.IO session closes
     * (on WebSocket a Close frame; on polling the close packet, in the pending GET or the next one).
     */
    public void disconnect(ServerSocket s, boolean close) {
        if (!s.connected()) {
            return;
        }
        if (!close) {
            send(s.session(), SocketIoPacket.disconnect(s.namespace()));
            removeSocket(s, "server namespace disconnect");
            return;
        }
        EngineSession session = s.session();
        for (ServerSocket each : new ArrayList<>(session.sockets().values())) {
            send(session, SocketIoPacket.disconnect(each.namespace()));
            removeSocket(each, "server namespace disconnect");
        }
        host.note(Protocol.ENGINEIO, -1, "session " + session.sid() + " closes (socket.disconnect(true))");
        session.closeForced();
    }

    private int sendTo(List<ServerSocket> to, SocketIoPacket packet, boolean isVolatile) {
        // socket.io-adapter encodes a broadcast once and writes the same packets to every recipient
        List<EngineIoPacket> packets = Channel.engineIoPackets(packet);
        Unit.Message[] frames = new Unit.Message[packets.size()];
        int sent = 0;
        for (ServerSocket s : to) {
            EngineSession session = s.session();
            if (isVolatile && !session.writable()) {
                host.note(Protocol.SOCKETIO, -1, "volatile packet for " + s.clientName() + " dropped: its transport"
                        + " cannot take it right now");
                continue;
            }
            for (int i = 0; i < packets.size(); i++) {
                if (session.isWebSocket()) {
                    if (frames[i] == null) {
                        byte[] frame = Encapsulation.webSocket(packets.get(i), null);
                        frames[i] = host.message(Protocol.WEBSOCKET, frame, frame.length, false);
                    }
                    session.sendEncoded(frames[i], packets.get(i));
                } else {
                    session.send(packets.get(i));
                }
            }
            sent++;
        }
        return sent;
    }

    private void send(EngineSession session, SocketIoPacket p) {
        for (EngineIoPacket e : Channel.engineIoPackets(p)) {
            session.send(e);
        }
    }

    // ---------------------------------------------------------------- engine.io

    EngineSession session(String sid) {
        return sessions.get(sid);
    }

    EngineSession open(ServerConnection c, boolean webSocket) {
        String sid = engineIds.next(random);
        EngineSession s = new EngineSession(this, sid,
                host.network().nameOf(c.channel().tcp().remoteIp()));
        if (webSocket) {
            s.useWebSocket(c);
        }
        sessions.put(sid, s);
        host.note(Protocol.ENGINEIO, c.connection(), "new session " + sid + " over " + (webSocket ? "WebSocket"
                : "polling"));
        return s;
    }

    OpenPacket openPacket(EngineSession s, boolean webSocket) {
        // the open packet lists "websocket" as an upgrade on polling, nothing on WebSocket
        return new OpenPacket(s.sid(), webSocket ? List.of() : List.of("websocket"), options.pingInterval(),
                options.pingTimeout(), OpenPacket.DEFAULT_MAX_PAYLOAD);
    }

    /** The open packet; the heartbeat starts with it (Node: first ping pingInterval after the open packet). */
    void sendOpen(EngineSession s, boolean webSocket) {
        s.send(EngineIoPacket.open(openPacket(s, webSocket)));
        s.schedulePing();
    }

    void packet(EngineSession s, ServerConnection from, EngineIoPacket p) {
        if (p.type() == EngineIoType.CLOSE) {
            // polling's close packet: the client ends the session (also while a forced close waits)
            s.closedByClient();
            return;
        }
        if (!s.open()) {
            return;
        }
        s.packetArrived(p);
        if (p.type() == EngineIoType.PONG) {
            s.pong();
        } else if (p.type() == EngineIoType.MESSAGE) {
            if (p.binary()) {
                attachment(s, p.data());
            } else {
                socketIo(s, from, p.text());
            }
        }
    }

    private void attachment(EngineSession s, Bytes data) {
        SocketIoPacket partial = s.partial();
        if (partial == null) {
            host.note(Protocol.SOCKETIO, -1, "binary message with no packet waiting for it: ignored");
            return;
        }
        List<Bytes> got = new ArrayList<>(partial.attachments());
        got.add(data);
        SocketIoPacket p = partial.withAttachments(got);
        if (p.isComplete()) {
            s.partial(null);
            dispatch(s, p);
        } else {
            s.partial(p);
        }
    }

    private void socketIo(EngineSession s, ServerConnection from, String text) {
        DecodeResult r = SocketIoCodec.decode(text);
        if (!r.isOk()) {
            host.note(Protocol.SOCKETIO, from.connection(), "unreadable Socket.IO packet (" + r.error()
                    + "): socket.io closes the connection");
            s.close("parse error");
            return;
        }
        SocketIoPacket p = r.packet();
        if (!p.isComplete()) {
            s.partial(p);
            return;
        }
        dispatch(s, p);
    }

    private void dispatch(EngineSession s, SocketIoPacket p) {
        String ns = p.namespace();
        switch (p.type()) {
            case CONNECT -> connect(s, ns);
            case DISCONNECT -> {
                ServerSocket sock = s.sockets().get(ns);
                if (sock != null) {
                    removeSocket(sock, "client namespace disconnect");
                }
            }
            case EVENT, BINARY_EVENT, ACK, BINARY_ACK -> {
                ServerSocket sock = s.sockets().get(ns);
                if (sock == null) {
                    host.note(Protocol.SOCKETIO, -1, "packet for namespace " + ns + " the client has not joined: "
                            + "ignored");
                    return;
                }
                if (p.type() == SocketIoType.ACK || p.type() == SocketIoType.BINARY_ACK) {
                    host.note(Protocol.SOCKETIO, -1, "acknowledgement " + p.ackId() + " from " + sock.clientName()
                            + " arrived");
                    return;
                }
                sim().after(HANDLER_DELAY_NANOS, () -> {
                    if (sock.connected()) {
                        behaviour.event(this, sock, p);
                    }
                });
            }
            default -> host.note(Protocol.SOCKETIO, -1, p.type() + " from a client: ignored");
        }
    }

    private void connect(EngineSession s, String ns) {
        Map<String, ServerSocket> members = namespaces.get(ns);
        if (members == null) {
            send(s, SocketIoPacket.connectError(ns, "Invalid namespace"));
            return;
        }
        ServerSocket sock = new ServerSocket(socketIds.next(random), ns, s);
        s.sockets().put(ns, sock);
        members.put(sock.id(), sock);
        send(s, SocketIoPacket.connected(ns, sock.id()));
        host.note(Protocol.SOCKETIO, -1, s.clientName() + " connected to namespace " + ns + " as socket "
                + sock.id());
        sim().after(HANDLER_DELAY_NANOS, () -> {
            if (sock.connected()) {
                behaviour.connected(this, sock);
            }
        });
    }

    private void removeSocket(ServerSocket sock, String reason) {
        if (!sock.connected()) {
            return;
        }
        sock.disconnected();
        sock.session().sockets().remove(sock.namespace());
        namespaces.get(sock.namespace()).remove(sock.id());
        host.note(Protocol.SOCKETIO, -1, sock.clientName() + " left namespace " + sock.namespace() + " (" + reason
                + ")");
        behaviour.disconnected(this, sock, reason);
    }

    void sessionClosed(EngineSession s, String reason) {
        sessions.remove(s.sid());
        for (ServerSocket sock : new ArrayList<>(s.sockets().values())) {
            removeSocket(sock, reason);
        }
        host.note(Protocol.ENGINEIO, -1, "session " + s.sid() + " closed (" + reason + ")");
    }
}
