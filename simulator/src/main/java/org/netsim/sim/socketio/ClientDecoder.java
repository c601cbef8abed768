package org.netsim.sim.socketio;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.netsim.pdu.Bytes;
import org.netsim.wire.engineio.EngineIoPacket;
import org.netsim.wire.socketio.DecodeResult;
import org.netsim.wire.socketio.SocketIoCodec;
import org.netsim.wire.socketio.SocketIoPacket;

/**
 * The manager's socket.io-parser {@code Decoder}: Engine.IO messages in, whole Socket.IO packets out (a binary
 * packet once all its attachments have come), held until the manager dispatches them.
 */
final class ClientDecoder {
    private final ArrayDeque<SocketIoPacket> decoded = new ArrayDeque<>();
    private SocketIoPacket partial;

    /** Adds one message; returns the codec's reason when it is not a Socket.IO packet, else {@code null}. */
    String add(EngineIoPacket p) {
        if (p.binary()) {
            attachment(p.data());
            return null;
        }
        DecodeResult r = SocketIoCodec.decode(p.text());
        if (!r.isOk()) {
            return r.error();
        }
        if (r.packet().isComplete()) {
            decoded.add(r.packet());
        } else {
            partial = r.packet();
        }
        return null;
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
            decoded.add(p);
        }
    }

    /** {@code destroy()}: a binary packet still waiting for attachments is forgotten. */
    void reset() {
        partial = null;
    }

    /** The next whole packet, or {@code null}. */
    SocketIoPacket next() {
        return decoded.poll();
    }
}
