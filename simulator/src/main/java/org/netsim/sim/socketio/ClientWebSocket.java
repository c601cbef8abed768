package org.netsim.sim.socketio;

import java.util.List;
import org.netsim.pdu.Protocol;
import org.netsim.sim.TcpApplication;
import org.netsim.sim.TcpConnection;
import org.netsim.wire.engineio.EngineIoPacket;
import org.netsim.wire.http.HttpMessage;
import org.netsim.wire.http.NodeSocketIoHttp;
import org.netsim.wire.http.WebSocketHandshake;
import org.netsim.wire.websocket.Opcode;
import org.netsim.wire.websocket.WebSocketFrame;

/**
 * engine.io-client's WebSocket transport over the {@code ws} library: the opening handshake, one masked frame per
 * packet, and the closing handshake. ws answers a Close frame with its own and ends the TCP connection a moment
 * later; its {@code close} event, which the engine hears as "transport close", comes when the connection is gone.
 */
final class ClientWebSocket extends ClientTransport implements TcpApplication {
    /** How long after the closing handshake ws ends the TCP connection (captures: about 0.4 ms). */
    static final long CLOSE_AFTER_NANOS = 400_000L;
    /** ws gives up waiting for the peer's Close after 30 s and destroys the socket. */
    static final long CLOSE_TIMEOUT_NANOS = 30_000_000_000L;

    /** Whether this WebSocket upgrades a polling session (its URL carries the sid) or is the transport from the start. */
    private final boolean upgrade;
    private final String key;
    private TcpConnection tcp;
    private Channel channel;
    private boolean handshakeDone;
    private boolean closeSent;
    private boolean closeReceived;
    private boolean tcpClosed;

    ClientWebSocket(ClientEngine engine, boolean upgrade) {
        super(engine);
        this.upgrade = upgrade;
        this.key = WebSocketHandshake.newKey(engine.random());
    }

    @Override
    String name() {
        return "websocket";
    }

    @Override
    void open() {
        tcp = engine.host().tcp().connect(engine.options().server(), engine.options().port(),
                upgrade ? "WebSocket (upgrade)" : "WebSocket", this);
        channel = new Channel(engine.host(), tcp);
    }

    int connection() {
        return tcp.index();
    }

    @Override
    public void connected(TcpConnection c) {
        if (tcpClosed) {
            return;
        }
        channel.sendHttp(NodeSocketIoHttp.webSocketUpgrade(engine.hostHeader(), upgrade ? engine.sid() : null, key),
                false, false);
    }

    @Override
    public void received(TcpConnection c, byte[] data) {
        channel.append(data);
        if (!handshakeDone && !handshake(c)) {
            engine.received();
            return;
        }
        Channel.Received r;
        while ((r = channel.nextWebSocket()) != null) {
            frame(r);
        }
        engine.received();
    }

    /** The answer to the upgrade request; false until it is a complete 101. */
    private boolean handshake(TcpConnection c) {
        Channel.ReceivedHttp received = channel.nextHttp();
        if (received == null) {
            return false;
        }
        channel.recordHttpUp(received, false, false);
        HttpMessage m = received.message();
        if (m.status() != 101) {
            // ws: "Unexpected server response"; engine.io-client hears it as a "websocket error"
            engine.host().note(Protocol.HTTP, c.index(), "WebSocket refused: " + m.startLine());
            endTcp();
            failed("websocket error");
            return false;
        }
        handshakeDone = true;
        state = State.OPEN;
        writable = true;
        Listener l = listener;
        if (l != null) {
            l.opened();
        }
        return true;
    }

    private void frame(Channel.Received r) {
        if (r.frame().opcode().value() == Opcode.CLOSE.value()) {
            closeReceived = true;
            if (!closeSent) {
                // RFC 6455 §5.5.1: answer a Close with a Close (ws sends it empty when the peer's had no code)
                closeSent = true;
                channel.sendWebSocketControl(WebSocketFrame.closeEmpty().masked(engine.random()));
            }
            engine.host().network().sim().after(CLOSE_AFTER_NANOS, this::endTcp);
            return;
        }
        if (r.packet() != null) {
            deliver(r.packet());
        }
    }

    @Override
    protected void write(List<EngineIoPacket> packets) {
        for (EngineIoPacket p : packets) {
            channel.sendWebSocket(p, engine.random());
        }
        // ws's drain comes on the next tick; the simulation has no ticks, so the frames have left
        Listener l = listener;
        if (l != null) {
            l.drained();
        }
    }

    @Override
    protected void doClose() {
        if (!handshakeDone) {
            // ws aborts a handshake still under way
            endTcp();
            return;
        }
        if (!closeSent) {
            // ws closes with an empty Close frame (no status code), masked like every client frame
            closeSent = true;
            channel.sendWebSocketControl(WebSocketFrame.closeEmpty().masked(engine.random()));
        }
        if (!closeReceived) {
            engine.host().network().sim().after(CLOSE_TIMEOUT_NANOS, this::endTcp);
        }
    }

    /** ws ends the TCP connection; its {@code close} event follows. */
    private void endTcp() {
        if (tcpClosed) {
            return;
        }
        tcpClosed = true;
        tcp.close();
        closedByPeer("websocket connection closed");
    }

    @Override
    public void peerClosed(TcpConnection c) {
        endTcp();
        engine.received();
    }
}
