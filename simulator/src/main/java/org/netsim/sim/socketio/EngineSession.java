package org.netsim.sim.socketio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netsim.pdu.Protocol;
import org.netsim.wire.engineio.EngineIoPacket;

/**
 * The server's Engine.IO socket for one client (engine.io 6.6): its session id, its transport (long-polling, later
 * WebSocket after an upgrade, or WebSocket from the start), the packets waiting for the next poll, and the heartbeat:
 * a ping every {@code pingInterval} after the last pong, and the session closed if no pong comes within
 * {@code pingTimeout}.
 */
final class EngineSession {
    private final SocketIoServer server;
    private final String sid;
    private final String clientName;
    private boolean webSocket;
    private ServerConnection ws;
    private ServerConnection probe;
    private ServerConnection pendingPoll;
    private final List<EngineIoPacket> buffer = new ArrayList<>();
    private final Map<String, ServerSocket> sockets = new LinkedHashMap<>();
    private boolean closed;
    private boolean awaitingPong;
    private long heartbeat;
    /** A binary packet whose attachments are still arriving, and its namespace socket. */
    private org.netsim.wire.socketio.SocketIoPacket partial;

    EngineSession(SocketIoServer server, String sid, String clientName) {
        this.server = server;
        this.sid = sid;
        this.clientName = clientName;
    }

    String sid() {
        return sid;
    }

    String clientName() {
        return clientName;
    }

    Map<String, ServerSocket> sockets() {
        return sockets;
    }

    boolean closed() {
        return closed;
    }

    boolean isWebSocket() {
        return webSocket;
    }

    void useWebSocket(ServerConnection c) {
        webSocket = true;
        ws = c;
    }

    /** Whether a packet sent now would leave at once; a volatile packet is dropped when not. */
    boolean writable() {
        return !closed && (webSocket ? ws != null : pendingPoll != null);
    }

    void send(EngineIoPacket p) {
        if (closed) {
            return;
        }
        if (webSocket) {
            ws.channel().sendWebSocket(p, null);
        } else {
            buffer.add(p);
            flushPoll();
        }
    }

    /** A frame encoded once for many recipients (a broadcast), or the packet queued for the next poll. */
    void sendEncoded(org.netsim.timeline.Unit.Message webSocketFrame, EngineIoPacket p) {
        if (closed) {
            return;
        }
        if (webSocket) {
            ws.channel().sendWebSocketBytes(webSocketFrame, p);
        } else {
            buffer.add(p);
            flushPoll();
        }
    }

    // ---------------------------------------------------------------- polling

    void poll(ServerConnection c) {
        if (pendingPoll != null) {
            server.host().note(Protocol.ENGINEIO, c.connection(), "a second GET while one is pending: engine.io "
                    + "closes the session (\"overlap from client\")");
            close("overlap from client");
            return;
        }
        pendingPoll = c;
        flushPoll();
    }

    private void flushPoll() {
        if (pendingPoll != null && !buffer.isEmpty()) {
            List<EngineIoPacket> out = new ArrayList<>(buffer);
            buffer.clear();
            ServerConnection c = pendingPoll;
            pendingPoll = null;
            c.respondPoll(out);
        }
    }

    // ---------------------------------------------------------------- upgrade (engine.io socket.ts, maybeUpgrade)

    void probe(ServerConnection c) {
        probe = c;
    }

    /** {@code 2probe} arrived on the probe: answer {@code 3probe}, then every 100 ms offer the pending poll a noop. */
    void probePing(ServerConnection c) {
        c.channel().sendWebSocket(EngineIoPacket.PONG_PROBE, null);
        server.sim().after(SocketIoServer.UPGRADE_CHECK_NANOS, this::upgradeCheck);
    }

    private void upgradeCheck() {
        if (probe == null || closed) {
            return;
        }
        if (!webSocket && pendingPoll != null) {
            // "writing a noop packet to polling for fast upgrade": the client waits for its GET before upgrading
            ServerConnection c = pendingPoll;
            pendingPoll = null;
            c.respondPoll(List.of(EngineIoPacket.NOOP));
        }
        server.sim().after(SocketIoServer.UPGRADE_CHECK_NANOS, this::upgradeCheck);
    }

    /** {@code 5} arrived on the probe: it becomes the transport, and what waited for a poll leaves on it. */
    void upgrade(ServerConnection c) {
        if (c != probe) {
            return;
        }
        probe = null;
        webSocket = true;
        ws = c;
        server.host().note(Protocol.ENGINEIO, c.connection(), "session " + sid + " upgraded to WebSocket");
        List<EngineIoPacket> waiting = new ArrayList<>(buffer);
        buffer.clear();
        for (EngineIoPacket p : waiting) {
            send(p);
        }
    }

    // ---------------------------------------------------------------- heartbeat

    void schedulePing() {
        long mine = ++heartbeat;
        server.sim().after(server.pingIntervalNanos(), () -> {
            if (closed || mine != heartbeat) {
                return;
            }
            awaitingPong = true;
            send(EngineIoPacket.PING);
            server.sim().after(server.pingTimeoutNanos(), () -> {
                if (!closed && awaitingPong && mine == heartbeat) {
                    close("ping timeout");
                }
            });
        });
    }

    void pong() {
        awaitingPong = false;
        schedulePing();
    }

    // ---------------------------------------------------------------- binary packets

    org.netsim.wire.socketio.SocketIoPacket partial() {
        return partial;
    }

    void partial(org.netsim.wire.socketio.SocketIoPacket p) {
        partial = p;
    }

    // ---------------------------------------------------------------- closing

    void close(String reason) {
        if (closed) {
            return;
        }
        closed = true;
        heartbeat++;
        server.sessionClosed(this, reason);
        if (ws != null) {
            ws.closeTransport();
        }
        if (pendingPoll != null) {
            pendingPoll.respondPoll(List.of(EngineIoPacket.NOOP));
            pendingPoll = null;
        }
    }
}
