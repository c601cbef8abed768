package org.netsim.sim.socketio;

import java.util.ArrayList;
import java.util.List;
import org.netsim.pdu.Protocol;
import org.netsim.random.RandomSource;
import org.netsim.sim.Host;
import org.netsim.wire.engineio.EngineIoPacket;
import org.netsim.wire.engineio.EngineIoType;
import org.netsim.wire.engineio.OpenPacket;
import org.netsim.wire.http.HttpMessage;
import org.netsim.wire.http.NodeSocketIoHttp;

/**
 * engine.io-client 6.6's {@code Socket}: one Engine.IO session of a client. It opens the first transport, takes the
 * handshake, probes WebSocket and upgrades, keeps the write buffer (flushed only when the transport is writable and
 * no upgrade is under way: what is sent between {@code 3probe} and {@code 5} waits and leaves on the WebSocket),
 * answers pings, and closes on its own when no ping comes for {@code pingInterval + pingTimeout} ("ping timeout"),
 * when its transport fails ("transport error") or is closed by the server ("transport close").
 */
final class ClientEngine {
    enum State { OPENING, OPEN, CLOSING, CLOSED }

    private final SocketIoClient client;
    private final Host host;
    private State state = State.OPENING;
    private ClientTransport transport;
    private ClientWebSocket probe;
    private boolean upgrading;
    private final List<EngineIoPacket> writeBuffer = new ArrayList<>();
    private int prevBufferLen;
    private final List<Runnable> onDrain = new ArrayList<>(1);
    private final List<Runnable> onUpgradeDone = new ArrayList<>(1);
    private String sid;
    private long pingInterval;
    private long pingTimeout;
    private long pingTimer;

    ClientEngine(SocketIoClient client) {
        this.client = client;
        this.host = client.host();
    }

    // ---------------------------------------------------------------- what the transports use

    Host host() {
        return host;
    }

    SocketIoClient.Options options() {
        return client.options();
    }

    RandomSource random() {
        return client.random();
    }

    String hostHeader() {
        return client.options().server() + ":" + client.options().port();
    }

    String sid() {
        return sid;
    }

    /** The {@code t=} query parameter: the time in base 36 and random characters. */
    String timestamp() {
        return NodeSocketIoHttp.timestamp(host.network().sim().now() / 1_000_000L, client.random());
    }

    void http(HttpMessage request, String purpose, HttpExchange.Answer answer) {
        HttpExchange.start(host, client.options().server(), client.options().port(), request, purpose, answer);
    }

    /** A transport has finished handling what arrived: the Socket.IO packets decoded from it are dispatched now. */
    void received() {
        client.dispatchDecoded();
    }

    // ---------------------------------------------------------------- the engine's API

    State state() {
        return state;
    }

    /** Whether the current transport could take a packet now: a volatile emit is dropped when not. */
    boolean writable() {
        return transport != null && transport.writable();
    }

    void open() {
        ClientTransport t = options().webSocketOnly() ? new ClientWebSocket(this, false) : new ClientPolling(this);
        setTransport(t);
        t.open();
    }

    private void setTransport(ClientTransport t) {
        if (transport != null) {
            transport.listener = null;
        }
        transport = t;
        t.listener = new ClientTransport.Listener() {
            @Override
            public void packet(EngineIoPacket p) {
                onPacket(p);
            }

            @Override
            public void drained() {
                onDrain();
            }

            @Override
            public void error(String reason) {
                onError(reason);
            }

            @Override
            public void closed(String description) {
                onClose("transport close");
            }
        };
    }

    /** {@code write(msg)}: a message packet, dropped once the engine is closing. */
    void write(EngineIoPacket p) {
        if (state == State.CLOSING || state == State.CLOSED) {
            return;
        }
        writeBuffer.add(p);
        flush();
    }

    private void flush() {
        if (state != State.CLOSED && transport.writable() && !upgrading && !writeBuffer.isEmpty()) {
            List<EngineIoPacket> packets = new ArrayList<>(writeBuffer);
            prevBufferLen = packets.size();
            transport.send(packets);
        }
    }

    private void onDrain() {
        writeBuffer.subList(0, Math.min(prevBufferLen, writeBuffer.size())).clear();
        prevBufferLen = 0;
        if (writeBuffer.isEmpty()) {
            runOnce(onDrain);
        } else {
            flush();
        }
    }

    // ---------------------------------------------------------------- receiving

    private void onPacket(EngineIoPacket p) {
        if (state == State.CLOSED) {
            return;
        }
        if (p.type() == EngineIoType.OPEN) {
            handshake(OpenPacket.parse(p.text()));
        } else if (p.type() == EngineIoType.PING) {
            write(EngineIoPacket.PONG);
            resetPingTimeout();
        } else if (p.type() == EngineIoType.MESSAGE) {
            client.data(this, p);
        }
    }

    private void handshake(OpenPacket o) {
        sid = o.sid();
        pingInterval = o.pingInterval();
        pingTimeout = o.pingTimeout();
        state = State.OPEN;
        host.note(Protocol.ENGINEIO, -1, "session " + sid + " open, heartbeat every " + o.pingInterval() + " ms");
        client.engineOpened(this);
        flush();
        // the upgrades the server offers that the client's transports allow
        if (state == State.OPEN && !options().webSocketOnly() && options().upgrades()
                && o.upgrades().contains("websocket")) {
            probe();
        }
        if (state != State.CLOSED) {
            resetPingTimeout();
        }
    }

    /** engine.io-client waits {@code pingInterval + pingTimeout} for each ping. */
    private void resetPingTimeout() {
        long mine = ++pingTimer;
        host.network().sim().after((pingInterval + pingTimeout) * 1_000_000L, () -> {
            if (mine == pingTimer && state != State.CLOSED) {
                host.note(Protocol.ENGINEIO, -1, "no ping for " + (pingInterval + pingTimeout)
                        + " ms (pingInterval + pingTimeout): the client closes the session");
                onClose("ping timeout");
                client.dispatchDecoded();
            }
        });
    }

    // ---------------------------------------------------------------- upgrade (engine.io-client socket.ts, _probe)

    private void probe() {
        ClientWebSocket t = new ClientWebSocket(this, true);
        probe = t;
        t.listener = new ClientTransport.Listener() {
            private boolean answered;

            @Override
            public void opened() {
                t.send(List.of(EngineIoPacket.PING_PROBE));
            }

            @Override
            public void packet(EngineIoPacket p) {
                if (answered) {
                    return;
                }
                answered = true;
                if (p.type() == EngineIoType.PONG && "probe".equals(p.text())) {
                    upgrading = true;
                    // pause polling: the pending GET and a POST in flight finish first, then "5" on the WebSocket
                    transport.pause(() -> upgraded(t));
                } else {
                    host.note(Protocol.ENGINEIO, t.connection(), "probe error: no 3probe answer");
                    upgradeOver();
                }
            }

            @Override
            public void error(String reason) {
                probeFailed(t, reason);
            }

            @Override
            public void closed(String description) {
                probeFailed(t, "transport closed");
            }
        };
        t.open();
    }

    private void upgraded(ClientWebSocket t) {
        if (probe != t || state == State.CLOSED) {
            return;
        }
        probe = null;
        setTransport(t);
        t.send(List.of(EngineIoPacket.UPGRADE));
        host.note(Protocol.ENGINEIO, t.connection(), "upgraded to WebSocket");
        upgrading = false;
        upgradeOver();
        flush();
    }

    private void probeFailed(ClientWebSocket t, String reason) {
        if (probe != t) {
            return;
        }
        probe = null;
        t.close();
        host.note(Protocol.ENGINEIO, t.connection(), "probe error: " + reason + "; the session stays on polling");
        upgradeOver();
    }

    /** The {@code upgrade} or {@code upgradeError} event a closing engine waits for. */
    private void upgradeOver() {
        runOnce(onUpgradeDone);
    }

    // ---------------------------------------------------------------- closing

    private void onError(String reason) {
        host.note(Protocol.ENGINEIO, -1, "transport error (" + reason + ")");
        client.engineError(this, reason);
        onClose("transport error");
    }

    /** {@code _onClose}: the transport is closed (on the wire as it closes), and the engine is done. */
    private void onClose(String reason) {
        if (state == State.CLOSED) {
            return;
        }
        pingTimer++;
        transport.close();
        if (probe != null) {
            // the probe hears "socket closed" and is frozen
            ClientWebSocket p = probe;
            probe = null;
            p.close();
        }
        state = State.CLOSED;
        sid = null;
        host.note(Protocol.ENGINEIO, -1, "session closed (" + reason + ")");
        client.engineClosed(this, reason);
        writeBuffer.clear();
        prevBufferLen = 0;
    }

    /** {@code close()}: after what is buffered has left and an upgrade under way has finished, "forced close". */
    void close() {
        if (state != State.OPENING && state != State.OPEN) {
            return;
        }
        state = State.CLOSING;
        Runnable close = () -> onClose("forced close");
        Runnable afterUpgrade = () -> onUpgradeDone.add(close);
        if (!writeBuffer.isEmpty()) {
            onDrain.add(() -> {
                if (upgrading) {
                    afterUpgrade.run();
                } else {
                    close.run();
                }
            });
        } else if (upgrading) {
            afterUpgrade.run();
        } else {
            close.run();
        }
    }

    private static void runOnce(List<Runnable> once) {
        if (once.isEmpty()) {
            return;
        }
        List<Runnable> now = new ArrayList<>(once);
        once.clear();
        now.forEach(Runnable::run);
    }
}
