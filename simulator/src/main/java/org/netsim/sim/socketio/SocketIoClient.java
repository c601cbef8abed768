package org.netsim.sim.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netsim.pdu.Bytes;
import org.netsim.pdu.Protocol;
import org.netsim.random.RandomSource;
import org.netsim.sim.Host;
import org.netsim.sim.Simulator;
import org.netsim.wire.engineio.EngineIoPacket;
import org.netsim.wire.ipv4.Ipv4Address;
import org.netsim.wire.socketio.SocketIoPacket;

/**
 * Node's socket.io-client 4.8 ({@code io(url, options)}) on a simulated host: the {@code Manager} with its engine
 * ({@link ClientEngine}) and one {@link ClientSocket} per namespace. By default the session starts with long-polling
 * and upgrades to WebSocket; {@code transports: ["websocket"]} uses WebSocket from the start, {@code ["polling"]}
 * never upgrades. When the engine closes for any reason but the program's own {@code disconnect()} (ping timeout,
 * transport error, transport close), every namespace hears {@code disconnect} with that reason and the manager
 * reconnects with socket.io-client's back-off (1 s doubling up to 5 s, randomized by half): a new handshake, then
 * CONNECT again for each namespace, then what was emitted meanwhile.
 */
public final class SocketIoClient {
    /** What the client program does with what it receives. */
    public interface Behaviour {
        default void connected(SocketIoClient client, String namespace) {
        }

        /** An event arrived; an event with an ack id expects {@link SocketIoClient#ack} to answer it. */
        default void event(SocketIoClient client, SocketIoPacket packet) {
        }

        /** The {@code disconnect} event: "io server disconnect", "ping timeout", "transport close", ... */
        default void disconnected(SocketIoClient client, String namespace, String reason) {
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
     * @param server     the server's address
     * @param port       its port
     * @param transports {@code [polling, websocket]} (also when empty), {@code [websocket]} or {@code [polling]}
     * @param namespaces namespaces to connect to, in order, with the auth payload of each ({@code null}: none)
     */
    public record Options(Ipv4Address server, int port, List<String> transports, Map<String, JsonNode> namespaces) {
        public static final List<String> DEFAULT_TRANSPORTS = List.of("polling", "websocket");

        public Options {
            transports = transports == null || transports.isEmpty() ? DEFAULT_TRANSPORTS : List.copyOf(transports);
            if (!transports.equals(DEFAULT_TRANSPORTS) && !transports.equals(List.of("websocket"))
                    && !transports.equals(List.of("polling"))) {
                throw new IllegalArgumentException("transports are [polling, websocket], [websocket] or [polling], "
                        + "not " + transports);
            }
            namespaces = namespaces.isEmpty() ? Map.of(SocketIoPacket.MAIN_NAMESPACE, NullNode.instance)
                    : new LinkedHashMap<>(namespaces);
        }

        public boolean webSocketOnly() {
            return transports.equals(List.of("websocket"));
        }

        /** Whether a polling session probes WebSocket and upgrades. */
        public boolean upgrades() {
            return transports.size() == 2;
        }
    }

    /** socket.io-client's defaults: reconnectionDelay, reconnectionDelayMax, randomizationFactor, timeout. */
    static final long RECONNECTION_DELAY_MS = 1000;
    static final long RECONNECTION_DELAY_MAX_MS = 5000;
    static final double RANDOMIZATION_FACTOR = 0.5;
    static final long CONNECT_TIMEOUT_MS = 20_000;

    private enum State { CLOSED, OPENING, OPEN }

    private final Host host;
    private final Options options;
    private final Behaviour behaviour;
    private final RandomSource random;
    private final RandomSource jitter;
    private final Map<String, ClientSocket> sockets = new LinkedHashMap<>();
    private ClientEngine engine;
    private State state = State.CLOSED;
    private boolean reconnecting;
    private boolean skipReconnect;
    private boolean attempt;
    private int attempts;
    /** Bumped by {@code cleanup()}: a timer set before it is cancelled. */
    private long subscriptions;
    /** The engine the manager listens to, and whether for its open phase (open, error) or once open (data, close). */
    private ClientEngine heard;
    private boolean heardOpen;
    private final ClientDecoder decoder = new ClientDecoder();

    public SocketIoClient(Host host, Options options, Behaviour behaviour) {
        this.host = host;
        this.options = options;
        this.behaviour = behaviour;
        this.random = host.network().sim().random(host.name() + " socket.io-client");
        // its own stream, so a reconnection does not change the masking keys and t= values drawn after it
        this.jitter = host.network().sim().random(host.name() + " socket.io-client reconnection");
        for (Map.Entry<String, JsonNode> ns : options.namespaces().entrySet()) {
            sockets.put(ns.getKey(), new ClientSocket(this, ns.getKey(), ns.getValue()));
        }
    }

    public Host host() {
        return host;
    }

    public String name() {
        return host.name();
    }

    Options options() {
        return options;
    }

    Behaviour behaviour() {
        return behaviour;
    }

    RandomSource random() {
        return random;
    }

    private Simulator sim() {
        return host.network().sim();
    }

    /** Whether the namespace's CONNECT has been answered (and it has not been disconnected since). */
    public boolean isConnected(String namespace) {
        ClientSocket s = sockets.get(namespace);
        return s != null && s.connected();
    }

    /** Starts the connection, as {@code io(url)} does. */
    public void start() {
        open(false);
    }

    /** {@code socket.emit(event, ...args)}, with an ack id if {@code withAck}. */
    public void emit(String namespace, String event, List<JsonNode> args, boolean withAck) {
        emit(namespace, event, args, withAck, false);
    }

    /**
     * {@code socket.emit} or {@code socket.volatile.emit}: sent at once when the namespace is connected, kept in the
     * socket's send buffer until it is when not; a volatile one is dropped when the transport is not writable.
     */
    public void emit(String namespace, String event, List<JsonNode> args, boolean withAck, boolean isVolatile) {
        ClientSocket s = sockets.get(namespace);
        if (s == null) {
            host.note(Protocol.SOCKETIO, -1, "emit \"" + event + "\" on namespace " + namespace + ", which this "
                    + "client does not connect to: nothing sent");
            return;
        }
        s.emit(event, args.toArray(), withAck, isVolatile);
    }

    /** Answers an event that asked for an acknowledgement. */
    public void ack(String namespace, long ackId, List<JsonNode> args) {
        ClientSocket s = sockets.get(namespace);
        if (s != null) {
            s.ack(ackId, args.toArray());
        }
    }

    /** {@code socket.disconnect()} on every namespace: DISCONNECT for each, then the engine closes. */
    public void disconnect() {
        for (ClientSocket s : new ArrayList<>(sockets.values())) {
            s.disconnect();
        }
    }

    // ---------------------------------------------------------------- the manager (socket.io-client manager.ts)

    private void open(boolean isAttempt) {
        if (state != State.CLOSED) {
            return;
        }
        ClientEngine e = new ClientEngine(this);
        engine = e;
        state = State.OPENING;
        skipReconnect = false;
        attempt = isAttempt;
        heard = e;
        heardOpen = false;
        long mine = subscriptions;
        sim().after(CONNECT_TIMEOUT_MS * 1_000_000L, () -> {
            if (mine == subscriptions && heard == e && !heardOpen) {
                openFailed("timeout");
                e.close();
            }
        });
        e.open();
    }

    void engineOpened(ClientEngine e) {
        if (e != heard || heardOpen) {
            return;
        }
        cleanup();
        state = State.OPEN;
        heard = e;
        heardOpen = true;
        for (ClientSocket s : sockets.values()) {
            s.onOpen();
        }
        if (attempt) {
            host.note(Protocol.SOCKETIO, -1, "reconnected after " + attempts + " attempt" + (attempts == 1 ? "" : "s"));
            reconnecting = false;
            attempts = 0;
        }
    }

    void engineError(ClientEngine e, String reason) {
        if (e == heard && !heardOpen) {
            openFailed(reason);
        }
    }

    private void openFailed(String reason) {
        cleanup();
        state = State.CLOSED;
        host.note(Protocol.SOCKETIO, -1, "connection failed (" + reason + ")");
        if (attempt) {
            reconnecting = false;
            reconnect();
        } else if (!reconnecting && attempts == 0) {
            reconnect();
        }
    }

    void engineClosed(ClientEngine e, String reason) {
        if (e == heard && heardOpen) {
            closed(reason);
        }
    }

    /** {@code onclose}: every namespace hears {@code disconnect}; unless the program asked for it, reconnect. */
    private void closed(String reason) {
        cleanup();
        engine.close();
        attempts = 0;
        state = State.CLOSED;
        for (ClientSocket s : new ArrayList<>(sockets.values())) {
            if (s.active()) {
                s.closed(reason);
            }
        }
        if (!skipReconnect) {
            reconnect();
        }
    }

    private void reconnect() {
        if (reconnecting || skipReconnect) {
            return;
        }
        long delay = backoff();
        reconnecting = true;
        host.note(Protocol.SOCKETIO, -1, "reconnecting in " + delay + " ms (attempt " + attempts + ")");
        long mine = subscriptions;
        sim().after(delay * 1_000_000L, () -> {
            if (mine != subscriptions || skipReconnect) {
                return;
            }
            host.note(Protocol.SOCKETIO, -1, "reconnect attempt " + attempts);
            open(true);
        });
    }

    private long backoff() {
        return backoffDelay(attempts++, (jitter.nextLong() >>> 11) * 0x1.0p-53);
    }

    /**
     * backo2's {@code duration()} with socket.io-client's settings: 1000 ms × 2^attempt, moved down (an even first
     * decimal of {@code rand}) or up by {@code floor(rand × 0.5 × that)}, at most 5000 ms.
     */
    static long backoffDelay(int attempt, double rand) {
        double ms = RECONNECTION_DELAY_MS * Math.pow(2, attempt);
        double deviation = Math.floor(rand * RANDOMIZATION_FACTOR * ms);
        ms = ((long) Math.floor(rand * 10) & 1) == 0 ? ms - deviation : ms + deviation;
        return (long) Math.min(ms, RECONNECTION_DELAY_MAX_MS);
    }

    private void cleanup() {
        subscriptions++;
        heard = null;
        decoder.reset();
    }

    /** {@code _destroy}: once no namespace socket is active, the manager closes ("forced close"). */
    void destroyed() {
        for (ClientSocket s : sockets.values()) {
            if (s.active()) {
                return;
            }
        }
        skipReconnect = true;
        reconnecting = false;
        closed("forced close");
    }

    /** {@code _packet}: the packet's Engine.IO messages to the engine. */
    void packet(SocketIoPacket p) {
        for (EngineIoPacket e : Channel.engineIoPackets(p)) {
            engine.write(e);
        }
    }

    boolean transportWritable() {
        return engine != null && engine.writable();
    }

    // ---------------------------------------------------------------- decoding

    /** A message from the engine: decoded now, dispatched to its namespace when the transport is done reading. */
    void data(ClientEngine e, EngineIoPacket p) {
        if (e != heard || !heardOpen) {
            return;
        }
        // "2" is EVENT in the main namespace: nothing to do with it if nobody listens (read off the bytes: a
        // classroom's clients get a million of them, and each text() is a new string)
        Bytes d = p.data();
        if (!p.binary() && !behaviour.listens() && d.length() > 1 && d.get(0) == '2' && d.get(1) != '/') {
            return;
        }
        String error = decoder.add(p);
        if (error != null) {
            host.note(Protocol.SOCKETIO, -1, "unreadable Socket.IO packet: " + error);
            closed("parse error");
        }
    }

    /**
     * The manager hands decoded packets to the sockets on the next tick, after the transport has finished with what
     * arrived: on polling the next GET leaves before the program reacts, as in Node.
     */
    void dispatchDecoded() {
        SocketIoPacket p;
        while ((p = decoder.next()) != null) {
            ClientSocket s = sockets.get(p.namespace());
            if (s != null && s.active()) {
                s.onPacket(p);
            }
        }
    }
}
