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
 * {@code pingTimeout} (any other packet while waiting gives the pong once more time). Closing it on the server's own
 * account puts the close packet {@code 1} in the pending poll or a Close frame on the WebSocket; a forced close
 * ({@code socket.disconnect(true)}) on polling with no poll pending waits for the next GET and answers it
 * {@code 6␞1}.
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
    /** {@code readyState "closing"}: a forced close waits for the buffer to leave, or for a GET to say so. */
    private boolean closing;
    private boolean shouldClose;
    /** A flush of the buffer into the pending poll waits for the end of this instant ({@link #flushSoon}). */
    private boolean flushQueued;
    private boolean awaitingPong;
    private boolean pingTimeoutRefreshed;
    private long heartbeat;
    private long pingTimeoutTimer;
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

    /** Whether packets from the client still count ({@code readyState "open"}). */
    boolean open() {
        return !closed && !closing;
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
        if (closed || closing) {
            return;
        }
        if (webSocket) {
            ws.channel().sendWebSocket(p, null);
        } else {
            buffer.add(p);
            flushSoon();
        }
    }

    /** A frame encoded once for many recipients (a broadcast), or the packet queued for the next poll. */
    void sendEncoded(org.netsim.timeline.Unit.Message webSocketFrame, EngineIoPacket p) {
        if (closed || closing) {
            return;
        }
        if (webSocket) {
            ws.channel().sendWebSocketBytes(webSocketFrame, p);
        } else {
            buffer.add(p);
            flushSoon();
        }
    }

    // ---------------------------------------------------------------- polling

    /**
     * A GET has just arrived. engine.io makes the transport writable the moment it handles it; when nothing waits to
     * be sent the GET is now the pending poll, and returns true. Otherwise it is answered at once, which takes Node
     * its time ({@link #poll}).
     */
    boolean pollArrived(ServerConnection c) {
        if (pendingPoll != null || !buffer.isEmpty() || shouldClose || closed) {
            return false;
        }
        pendingPoll = c;
        return true;
    }

    /** A GET answered at once: with what waits for it, or the close a forced close left for it. */
    void poll(ServerConnection c) {
        if (pendingPoll != null) {
            server.host().note(Protocol.ENGINEIO, c.connection(), "a second GET while one is pending: engine.io "
                    + "closes the session (\"overlap from client\")");
            close("transport error");
            c.respondOverlap();
            return;
        }
        pendingPoll = c;
        if (shouldClose) {
            // "triggering empty send to append close packet"
            buffer.add(EngineIoPacket.NOOP);
        }
        flushPoll();
    }

    /**
     * What the server's code sends in one go reaches the pending poll as one response: Node answers a GET with every
     * packet written in the same tick, joined by 0x1e (a binary event's text and its attachments, two emits in one
     * handler: the reference capture polling-only holds {@code 42["two",1]}, {@code 451-["srv-bin",...]} and
     * {@code bCAk=} in one body). The flush runs once this instant's other work is done.
     */
    private void flushSoon() {
        if (!flushQueued) {
            flushQueued = true;
            server.sim().after(0, () -> {
                flushQueued = false;
                flushPoll();
            });
        }
    }

    private void flushPoll() {
        if (pendingPoll != null && !buffer.isEmpty()) {
            List<EngineIoPacket> out = new ArrayList<>(buffer);
            buffer.clear();
            boolean closeNow = shouldClose;
            if (closeNow) {
                out.add(EngineIoPacket.CLOSE);
                shouldClose = false;
            }
            ServerConnection c = pendingPoll;
            pendingPoll = null;
            c.respondPoll(out);
            if (closeNow) {
                finish("forced close");
            } else if (closing) {
                // the buffer has drained: the forced close goes on
                closeTransport();
            }
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
            pingTimeoutRefreshed = false;
            send(EngineIoPacket.PING);
            armPingTimeout();
        });
    }

    private void armPingTimeout() {
        long mine = ++pingTimeoutTimer;
        server.sim().after(server.pingTimeoutNanos(), () -> {
            if (!closed && awaitingPong && mine == pingTimeoutTimer) {
                server.host().note(Protocol.ENGINEIO, -1, "no pong within " + server.pingTimeoutNanos() / 1_000_000L
                        + " ms (pingTimeout)");
                close("ping timeout");
            }
        });
    }

    /** Any packet but a pong, while a pong is awaited, gives it {@code pingTimeout} more once (engine.io 6.6). */
    void packetArrived(EngineIoPacket p) {
        if (awaitingPong && !pingTimeoutRefreshed && p.type() != org.netsim.wire.engineio.EngineIoType.PONG) {
            pingTimeoutRefreshed = true;
            armPingTimeout();
        }
    }

    void pong() {
        awaitingPong = false;
        pingTimeoutTimer++;
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

    /** {@code onClose(reason)} on the server's account: ping timeout, transport error, parse error. */
    void close(String reason) {
        if (closed) {
            return;
        }
        finish(reason);
        // clearTransport: the transport closes; polling's pending GET carries the close packet
        if (webSocket) {
            if (ws != null) {
                ws.closeTransport();
            }
        } else if (pendingPoll != null) {
            ServerConnection c = pendingPoll;
            pendingPoll = null;
            c.respondPoll(List.of(EngineIoPacket.CLOSE));
        }
        closeProbe();
    }

    /** The client closed the transport: its close packet {@code 1}, a Close frame, or the connection's end. */
    void closedByClient() {
        if (closed) {
            return;
        }
        finish("transport close");
        if (pendingPoll != null) {
            // polling's onClose: "close pending poll request" with a noop
            ServerConnection c = pendingPoll;
            pendingPoll = null;
            c.respondPoll(List.of(EngineIoPacket.NOOP));
        }
        closeProbe();
    }

    /** A WebSocket of this session ended (Close frame or FIN from the client). */
    void transportClosed(ServerConnection c) {
        if (webSocket && ws == c) {
            closedByClient();
        } else if (probe == c) {
            probe = null;
            server.host().note(Protocol.ENGINEIO, c.connection(), "client did not complete upgrade - transport closed");
        }
    }

    /** {@code socket.close()}, which {@code socket.disconnect(true)} calls: after the buffer has left, the transport. */
    void closeForced() {
        if (closed || closing) {
            return;
        }
        closing = true;
        if (buffer.isEmpty()) {
            closeTransport();
        }
    }

    private void closeTransport() {
        if (webSocket) {
            if (ws != null) {
                ws.closeTransport();
            }
            finish("forced close");
        } else if (pendingPoll != null) {
            ServerConnection c = pendingPoll;
            pendingPoll = null;
            c.respondPoll(List.of(EngineIoPacket.CLOSE));
            finish("forced close");
        } else {
            // "transport not writable - buffering orderly close": the next GET gets it, or after 30 s nobody
            shouldClose = true;
            server.sim().after(SocketIoServer.POLLING_CLOSE_TIMEOUT_NANOS, () -> {
                if (shouldClose) {
                    shouldClose = false;
                    finish("forced close");
                }
            });
        }
        closeProbe();
    }

    private void closeProbe() {
        if (probe != null && probe != ws) {
            ServerConnection p = probe;
            probe = null;
            p.closeTransport();
        }
    }

    private void finish(String reason) {
        if (closed) {
            return;
        }
        closed = true;
        heartbeat++;
        pingTimeoutTimer++;
        server.sessionClosed(this, reason);
    }
}
