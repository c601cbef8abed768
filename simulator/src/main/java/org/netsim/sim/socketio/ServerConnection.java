package org.netsim.sim.socketio;

import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.netsim.pdu.Bytes;
import org.netsim.sim.TcpApplication;
import org.netsim.sim.TcpConnection;
import org.netsim.wire.engineio.EngineIoCodec;
import org.netsim.wire.engineio.EngineIoPacket;
import org.netsim.wire.engineio.EngineIoType;
import org.netsim.wire.http.HttpCodec;
import org.netsim.wire.http.HttpHeader;
import org.netsim.wire.http.HttpMessage;
import org.netsim.wire.http.NodeSocketIoHttp;
import org.netsim.wire.websocket.Opcode;
import org.netsim.wire.websocket.WebSocketFrame;

/**
 * One TCP connection accepted by the Socket.IO server: HTTP requests (polling GET and POST, or the WebSocket upgrade),
 * then, after {@code 101 Switching Protocols}, WebSocket frames. Node's client asks for {@code Connection: close}, so
 * a polling connection carries one request and the server closes it after answering.
 */
final class ServerConnection implements TcpApplication {
    private final SocketIoServer server;
    private final Channel channel;
    private boolean webSocket;
    private EngineSession session;
    private boolean closing;
    /** The server sent Close first: the TCP connection ends when the client's Close comes back. */
    private boolean awaitingCloseReply;
    private boolean tcpClosed;

    ServerConnection(SocketIoServer server, TcpConnection tcp) {
        this.server = server;
        this.channel = new Channel(server.host(), tcp);
    }

    Channel channel() {
        return channel;
    }

    int connection() {
        return channel.connection();
    }

    @Override
    public void received(TcpConnection c, byte[] data) {
        channel.append(data);
        if (webSocket) {
            Channel.Received r;
            while ((r = channel.nextWebSocket()) != null) {
                webSocketFrame(r);
            }
            return;
        }
        Channel.ReceivedHttp received;
        while (!webSocket && (received = channel.nextHttp()) != null) {
            HttpMessage request = received.message();
            boolean post = "POST".equals(request.method());
            List<EngineIoPacket> packets = post ? Channel.pollingPackets(request) : List.of();
            channel.recordHttpUp(received, post, Channel.carriesSocketIo(packets));
            arrived(request, packets);
        }
    }

    /**
     * engine.io makes the polling transport writable the moment it handles a GET: a poll with nothing to answer is
     * pending from its arrival. Only what is answered at once takes Node its time ({@link SocketIoServer#HTTP_DELAY_NANOS}).
     */
    private void arrived(HttpMessage request, List<EngineIoPacket> packets) {
        if ("GET".equals(request.method())) {
            Map<String, String> q = query(request.target());
            String sid = q.get("sid");
            if ("4".equals(q.get("EIO")) && "polling".equals(q.get("transport")) && sid != null) {
                EngineSession s = server.session(sid);
                if (s != null && s.pollArrived(this)) {
                    session = s;
                    return;
                }
            }
        }
        server.sim().after(SocketIoServer.HTTP_DELAY_NANOS, () -> request(request, packets));
    }

    private void request(HttpMessage m, List<EngineIoPacket> posted) {
        Map<String, String> q = query(m.target());
        String transport = q.get("transport");
        String sid = q.get("sid");
        boolean upgrade = m.header("Upgrade").map("websocket"::equalsIgnoreCase).orElse(false);
        if (!"4".equals(q.get("EIO")) || transport == null) {
            respond(NodeSocketIoHttp.badRequest(5, "Unsupported protocol version", date(), false), false, false);
            return;
        }
        if ("websocket".equals(transport) && upgrade) {
            String key = m.header("Sec-WebSocket-Key").orElse("");
            EngineSession s = sid == null ? null : server.session(sid);
            if (sid != null && s == null) {
                respond(NodeSocketIoHttp.badRequest(1, "Session ID unknown", date(), false), false, false);
                return;
            }
            webSocket = true;
            channel.sendHttp(NodeSocketIoHttp.switchingProtocols(key), false, false);
            if (s == null) {
                session = server.open(this, true);
                // the open packet leaves in its own segment, a moment after the 101 (engine.io's "open" handler)
                server.sim().after(SocketIoServer.HTTP_DELAY_NANOS, () -> server.sendOpen(session, true));
            } else {
                session = s;
                s.probe(this);
            }
            return;
        }
        if (!"polling".equals(transport)) {
            respond(NodeSocketIoHttp.badRequest(0, "Transport unknown", date(), false), false, false);
            return;
        }
        if (sid == null) {
            session = server.open(this, false);
            respondPoll(List.of(EngineIoPacket.open(server.openPacket(session, false))));
            session.schedulePing();
            return;
        }
        EngineSession s = server.session(sid);
        if (s == null || s.closed()) {
            respond(NodeSocketIoHttp.badRequest(1, "Session ID unknown", date(), false), false, false);
            return;
        }
        session = s;
        if ("POST".equals(m.method())) {
            // engine.io reads the body before it writes "ok": a close packet answers the pending GET with a noop
            // first; what Socket.IO makes of the rest leaves on a later tick, after the "ok"
            boolean closes = posted.stream().anyMatch(p -> p.type() == EngineIoType.CLOSE);
            if (!closes) {
                respond(NodeSocketIoHttp.postOk(date(), false), false, false);
            }
            for (EngineIoPacket p : posted) {
                server.packet(s, this, p);
            }
            if (closes) {
                respond(NodeSocketIoHttp.postOk(date(), false), false, false);
            }
        } else {
            s.poll(this);
        }
    }

    /** Answers the pending GET with {@code packets}, then closes (Connection: close). */
    void respondPoll(List<EngineIoPacket> packets) {
        Bytes body = Bytes.wrap(EngineIoCodec.encodePollingPayload(packets));
        respond(NodeSocketIoHttp.pollingResponse(body, date(), false), true, Channel.carriesSocketIo(packets));
    }

    /** engine.io's answer to a GET that overlaps the pending one: {@code writeHead(400); end()}. */
    void respondOverlap() {
        respond(HttpMessage.response(400, "Bad Request", List.of(
                new HttpHeader("Date", org.netsim.wire.http.HttpDate.format(date())),
                new HttpHeader("Connection", "close"),
                new HttpHeader("Transfer-Encoding", "chunked")), HttpCodec.chunk(Bytes.EMPTY)), false, false);
    }

    private void respond(HttpMessage response, boolean pollingBody, boolean socketIo) {
        if (closing) {
            return;
        }
        channel.sendHttp(response, pollingBody, socketIo);
        closing = true;
        server.sim().after(SocketIoServer.HTTP_CLOSE_NANOS, this::endTcp);
    }

    private void endTcp() {
        if (!tcpClosed) {
            tcpClosed = true;
            channel.tcp().close();
        }
    }

    private void webSocketFrame(Channel.Received r) {
        WebSocketFrame f = r.frame();
        if (f.opcode().value() == Opcode.CLOSE.value()) {
            if (awaitingCloseReply) {
                // the closing handshake the server began is complete: ws ends the connection
                awaitingCloseReply = false;
                endTcp();
            } else if (!closing) {
                // RFC 6455 §5.5.1: answer a Close with a Close; §7.1.1: the server closes TCP first
                channel.sendWebSocketControl(WebSocketFrame.closeEmpty());
                closing = true;
                endTcp();
            }
            if (session != null) {
                session.transportClosed(this);
            }
            return;
        }
        EngineIoPacket p = r.packet();
        if (p == null || session == null || closing) {
            return;
        }
        if (p.type() == EngineIoType.PING && "probe".equals(p.text())) {
            session.probePing(this);
        } else if (p.type() == EngineIoType.UPGRADE) {
            session.upgrade(this);
        } else {
            server.packet(session, this, p);
        }
    }

    /** The server closes the WebSocket: a Close frame, then TCP once the client's Close answers it (ws: or 30 s). */
    void closeTransport() {
        if (webSocket && !closing) {
            closing = true;
            awaitingCloseReply = true;
            channel.sendWebSocketControl(WebSocketFrame.closeEmpty());
            server.sim().after(SocketIoServer.WS_CLOSE_TIMEOUT_NANOS, this::endTcp);
        }
    }

    @Override
    public void peerClosed(TcpConnection c) {
        if (!closing) {
            closing = true;
        }
        awaitingCloseReply = false;
        endTcp();
        if (webSocket && session != null) {
            session.transportClosed(this);
        }
    }

    private Instant date() {
        long now = server.sim().now();
        return Instant.ofEpochSecond(now / 1_000_000_000L, now % 1_000_000_000L);
    }

    static Map<String, String> query(String target) {
        Map<String, String> out = new HashMap<>();
        String raw = URI.create("http://x" + target).getRawQuery();
        if (raw != null) {
            for (String part : raw.split("&")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    out.put(part.substring(0, eq), part.substring(eq + 1));
                }
            }
        }
        return out;
    }
}
