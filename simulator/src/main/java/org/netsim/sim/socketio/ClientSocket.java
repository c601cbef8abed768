package org.netsim.sim.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.netsim.pdu.Protocol;
import org.netsim.wire.socketio.SocketIoPacket;
import org.netsim.wire.socketio.SocketIoType;

/**
 * socket.io-client 4.8's {@code Socket}: the client's side of one namespace. It sends CONNECT whenever the manager's
 * engine opens (again after each reconnection), keeps what is emitted while it is not connected in its send buffer
 * and sends it once connected, drops a volatile emit when the transport is not writable, and ends on the server's
 * DISCONNECT ("io server disconnect") or the program's {@code disconnect()} ("io client disconnect").
 */
final class ClientSocket {
    private final SocketIoClient io;
    private final String namespace;
    private final JsonNode auth;
    /** {@code active}: subscribed to the manager, so it connects again after a reconnection. */
    private boolean active = true;
    private boolean connected;
    private String id;
    private long ids;
    private final List<SocketIoPacket> sendBuffer = new ArrayList<>();

    ClientSocket(SocketIoClient io, String namespace, JsonNode auth) {
        this.io = io;
        this.namespace = namespace;
        this.auth = auth == null || auth.isNull() ? null : auth;
    }

    String namespace() {
        return namespace;
    }

    boolean active() {
        return active;
    }

    boolean connected() {
        return connected;
    }

    /** The manager's engine opened: ask for the namespace. */
    void onOpen() {
        if (active) {
            io.packet(SocketIoPacket.connect(namespace, auth));
        }
    }

    void emit(String event, Object[] args, boolean withAck, boolean isVolatile) {
        SocketIoPacket p = withAck ? SocketIoPacket.eventWithAck(namespace, ids++, event, args)
                : SocketIoPacket.event(namespace, event, args);
        if (isVolatile && !io.transportWritable()) {
            io.host().note(Protocol.SOCKETIO, -1, "volatile emit \"" + event + "\" dropped: the transport cannot "
                    + "take it right now");
        } else if (connected) {
            io.packet(p);
        } else {
            sendBuffer.add(p);
        }
    }

    void ack(long ackId, Object[] args) {
        io.packet(SocketIoPacket.ack(namespace, ackId, args));
    }

    /** A packet for this namespace, decoded by the manager. */
    void onPacket(SocketIoPacket p) {
        SocketIoType type = p.type();
        if (type == SocketIoType.CONNECT) {
            JsonNode s = p.data() == null ? null : p.data().get("sid");
            if (s == null) {
                io.host().note(Protocol.SOCKETIO, -1, "CONNECT without a sid for namespace " + namespace
                        + ": a server of socket.io 2, which this client cannot talk to");
                return;
            }
            connected(s.asText());
        } else if (type == SocketIoType.EVENT || type == SocketIoType.BINARY_EVENT) {
            if (connected) {
                io.behaviour().event(io, p);
            }
        } else if (type == SocketIoType.DISCONNECT) {
            io.host().note(Protocol.SOCKETIO, -1, "the server disconnected namespace " + namespace);
            destroy();
            closed("io server disconnect");
        } else if (type == SocketIoType.CONNECT_ERROR) {
            io.host().note(Protocol.SOCKETIO, -1, "connection to namespace " + namespace + " refused: " + p.data());
            destroy();
        } else {
            io.host().note(Protocol.SOCKETIO, -1, "acknowledgement " + p.ackId() + " arrived");
        }
    }

    private void connected(String sid) {
        id = sid;
        connected = true;
        io.host().note(Protocol.SOCKETIO, -1, "connected to namespace " + namespace + " as " + sid);
        // emitBuffered: what was emitted while not connected leaves now, in order
        List<SocketIoPacket> buffered = new ArrayList<>(sendBuffer);
        sendBuffer.clear();
        for (SocketIoPacket p : buffered) {
            io.packet(p);
        }
        io.behaviour().connected(io, namespace);
    }

    /** {@code disconnect()}: DISCONNECT if connected, then the socket is done. */
    void disconnect() {
        boolean was = connected;
        if (was) {
            io.packet(SocketIoPacket.disconnect(namespace));
        }
        destroy();
        if (was) {
            closed("io client disconnect");
        }
    }

    private void destroy() {
        if (active) {
            active = false;
            io.destroyed();
        }
    }

    /** The {@code disconnect} event, with socket.io-client's reason. */
    void closed(String reason) {
        connected = false;
        io.host().note(Protocol.SOCKETIO, -1, "disconnected from namespace " + namespace + " (" + reason + ")"
                + (id == null ? "" : ": socket " + id + " is gone"));
        id = null;
        io.behaviour().disconnected(io, namespace, reason);
    }
}
