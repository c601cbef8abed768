package org.netsim.sim.socketio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.netsim.pdu.Bytes;
import org.netsim.pdu.Protocol;
import org.netsim.random.RandomSource;
import org.netsim.sim.Host;
import org.netsim.sim.TcpConnection;
import org.netsim.stack.Encapsulation;
import org.netsim.timeline.Direction;
import org.netsim.timeline.Timeline;
import org.netsim.timeline.Unit;
import org.netsim.wire.engineio.EngineIoCodec;
import org.netsim.wire.engineio.EngineIoDecoded;
import org.netsim.wire.engineio.EngineIoPacket;
import org.netsim.wire.engineio.EngineIoType;
import org.netsim.wire.http.HttpCodec;
import org.netsim.wire.http.HttpDecoded;
import org.netsim.wire.http.HttpMessage;
import org.netsim.wire.socketio.EncodedSocketIo;
import org.netsim.wire.socketio.SocketIoCodec;
import org.netsim.wire.socketio.SocketIoPacket;
import org.netsim.wire.websocket.Opcode;
import org.netsim.wire.websocket.WebSocketCodec;
import org.netsim.wire.websocket.WebSocketDecoded;
import org.netsim.wire.websocket.WebSocketFrame;

/**
 * A program's side of one TCP connection carrying HTTP or WebSocket: it puts messages on the connection, cuts the
 * arriving byte stream back into messages, and records both on the timeline (Socket.IO, Engine.IO, then WebSocket or
 * HTTP on the way down; the reverse on the way up).
 */
final class Channel {
    private final Host host;
    private final TcpConnection tcp;
    private byte[] in = new byte[0];
    private int inLength;

    /** The frame decoded last on this network, shared by every channel on it. */
    private final LastFrame last;

    Channel(Host host, TcpConnection tcp) {
        this.host = host;
        this.tcp = tcp;
        this.last = host.network().shared(LastFrame.class, LastFrame::new);
    }

    /**
     * The WebSocket frame a channel of this network decoded last, as its message unit, what it decoded to and the
     * layers it recorded. The recipients of a broadcast read the same bytes one after another: decoding is a pure
     * function of them, so the second to the hundredth recipient take the first one's result.
     */
    static final class LastFrame {
        private Unit.Message unit;
        private Received received;
        private int layers;

        /** Whether {@code buf} starts with the same frame, byte for byte. */
        boolean startsWith(byte[] buf, int length) {
            if (unit == null) {
                return false;
            }
            byte[] b = unit.bytes();
            return b.length <= length && Arrays.equals(b, 0, b.length, buf, 0, b.length);
        }
    }

    TcpConnection tcp() {
        return tcp;
    }

    int connection() {
        return tcp.index();
    }

    // ---------------------------------------------------------------- down

    /** One Engine.IO packet in one WebSocket frame, masked with a key from {@code mask} (the client) or not. */
    void sendWebSocket(EngineIoPacket p, RandomSource mask) {
        sendWebSocketBytes(Encapsulation.webSocket(p, mask), p);
    }

    /** A WebSocket frame already encoded (a broadcast encodes its frame once for every recipient). */
    void sendWebSocketBytes(byte[] frame, EngineIoPacket p) {
        sendWebSocketBytes(new Unit.Message(Protocol.WEBSOCKET, frame, false), p);
    }

    /** A WebSocket frame's unit, shared by every recipient of a broadcast. */
    void sendWebSocketBytes(Unit.Message u, EngineIoPacket p) {
        host.record(Direction.DOWN, layers(p), connection(), u);
        tcp.write(u.bytes());
    }

    /** WebSocket, with Engine.IO and Socket.IO when the frame carries them. */
    private static int layers(EngineIoPacket p) {
        int m = Timeline.mask(Protocol.WEBSOCKET);
        if (p != null) {
            m |= Timeline.mask(Protocol.ENGINEIO);
            if (p.type() == EngineIoType.MESSAGE && !p.binary()) {
                m |= Timeline.mask(Protocol.SOCKETIO);
            }
        }
        return m;
    }

    void sendWebSocketControl(WebSocketFrame f) {
        sendWebSocketBytes(WebSocketCodec.encode(f), null);
    }

    /** An HTTP message; {@code pollingBody} when its body is an Engine.IO polling payload. */
    void sendHttp(HttpMessage m, boolean pollingBody, boolean carriesSocketIo) {
        byte[] bytes = HttpCodec.encode(m);
        Unit.Message u = new Unit.Message(Protocol.HTTP, bytes, pollingBody);
        host.record(Direction.DOWN, httpLayers(pollingBody, carriesSocketIo), connection(), u);
        tcp.write(bytes);
    }

    // ---------------------------------------------------------------- up

    void append(byte[] data) {
        if (inLength + data.length > in.length) {
            in = Arrays.copyOf(in, Math.max(in.length * 2, inLength + data.length));
        }
        System.arraycopy(data, 0, in, inLength, data.length);
        inLength += data.length;
    }

    /** An HTTP message taken from the stream, with the bytes it arrived as. */
    record ReceivedHttp(HttpMessage message, byte[] bytes) {
    }

    /** The next whole HTTP message in the stream, or {@code null} until it has all arrived. */
    ReceivedHttp nextHttp() {
        if (inLength == 0) {
            return null;
        }
        HttpDecoded d = HttpCodec.decode(in, 0, inLength);
        if (d.message() == null || d.isTruncated()) {
            return null;
        }
        byte[] bytes = Arrays.copyOf(in, d.length());
        consume(d.length());
        return new ReceivedHttp(d.message(), bytes);
    }

    /** Records the arrival of an HTTP message. */
    void recordHttpUp(ReceivedHttp m, boolean pollingBody, boolean carriesSocketIo) {
        Unit.Message u = new Unit.Message(Protocol.HTTP, m.bytes(), pollingBody);
        host.record(Direction.UP, httpLayers(pollingBody, carriesSocketIo), connection(), u);
    }

    private static int httpLayers(boolean pollingBody, boolean carriesSocketIo) {
        return Timeline.mask(Protocol.HTTP) | (pollingBody ? Timeline.mask(Protocol.ENGINEIO) : 0)
                | (carriesSocketIo ? Timeline.mask(Protocol.SOCKETIO) : 0);
    }

    /**
     * The next whole WebSocket frame in the stream, recorded on the way up, or {@code null} until it has all arrived.
     * Returns the frame and, for a data frame, the Engine.IO packet it carries.
     */
    Received nextWebSocket() {
        if (inLength == 0) {
            return null;
        }
        if (last.startsWith(in, inLength)) {
            consume(last.unit.bytes().length);
            host.record(Direction.UP, last.layers, connection(), last.unit);
            return last.received;
        }
        WebSocketDecoded d = WebSocketCodec.decode(in, 0, inLength);
        if (!d.isComplete()) {
            if (d.isMalformed() && !d.needsMore()) {
                host.note(Protocol.WEBSOCKET, connection(), "unreadable WebSocket frame: " + d.malformed().reason());
                inLength = 0;
            }
            return null;
        }
        Unit.Message u = host.message(Protocol.WEBSOCKET, in, d.consumed(), false);
        WebSocketFrame f = d.frame();
        EngineIoPacket packet = null;
        int op = f.opcode().value();
        int layers = Timeline.mask(Protocol.WEBSOCKET);
        if (op == Opcode.TEXT.value() || op == Opcode.BINARY.value()) {
            // an unmasked payload is read where it lies, at the end of the frame; a masked one as unmasked
            int length = f.payload().length();
            byte[] content = f.masked() ? f.payload().toArray() : in;
            int start = f.masked() ? 0 : d.consumed() - length;
            EngineIoDecoded e = EngineIoCodec.decodeWebSocketMessage(content, start, length,
                    op == Opcode.BINARY.value());
            layers |= Timeline.mask(Protocol.ENGINEIO);
            if (e.isOk() && !e.packets().isEmpty()) {
                packet = e.packets().get(0);
                if (packet.type() == EngineIoType.MESSAGE && !packet.binary()) {
                    layers |= Timeline.mask(Protocol.SOCKETIO);
                }
            }
        }
        consume(d.consumed());
        host.record(Direction.UP, layers, connection(), u);
        Received r = new Received(f, packet);
        last.unit = u;
        last.received = r;
        last.layers = layers;
        return r;
    }

    record Received(WebSocketFrame frame, EngineIoPacket packet) {
    }

    /** Decodes the packets of a polling body. */
    static List<EngineIoPacket> pollingPackets(HttpMessage m) {
        byte[] body = m.content().toArray();
        if (body.length == 0) {
            return List.of();
        }
        return EngineIoCodec.decodePollingPayload(body, 0, body.length).packets();
    }

    /** A Socket.IO packet as Engine.IO messages: its text, then each binary attachment. */
    static List<EngineIoPacket> engineIoPackets(SocketIoPacket p) {
        EncodedSocketIo e = SocketIoCodec.encodeWithAttachments(p);
        List<EngineIoPacket> out = new ArrayList<>(1 + e.attachments().size());
        out.add(EngineIoPacket.message(e.text()));
        for (Bytes a : e.attachments()) {
            out.add(EngineIoPacket.binary(a));
        }
        return out;
    }

    static boolean carriesSocketIo(List<EngineIoPacket> packets) {
        for (EngineIoPacket p : packets) {
            if (p.type() == EngineIoType.MESSAGE && !p.binary()) {
                return true;
            }
        }
        return false;
    }

    private void consume(int n) {
        System.arraycopy(in, n, in, 0, inLength - n);
        inLength -= n;
    }
}
