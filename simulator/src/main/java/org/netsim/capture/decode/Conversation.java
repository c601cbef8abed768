package org.netsim.capture.decode;

import org.netsim.capture.reassembly.TcpFlow;

/** One TCP connection's application state, shared by its two directions. */
final class Conversation {
    static final int CLIENT = 0;
    static final int SERVER = 1;

    final Side a;
    final Side b;
    SocketIoSessions.Session session;
    /** A {@code 101 Switching Protocols} was seen: the client's bytes after its upgrade request are WebSocket. */
    boolean upgraded;

    Conversation(TcpFlow flow, CaptureDecoder decoder) {
        a = new Side(this, flow, decoder);
        b = new Side(this, flow.reverse(), decoder);
        a.other = b;
        b.other = a;
        if (flow.isInitiator() || (!flow.reverse().isInitiator() && flow.sourcePort() > flow.destinationPort())) {
            a.dir = CLIENT;
            b.dir = SERVER;
        } else {
            a.dir = SERVER;
            b.dir = CLIENT;
        }
    }

    SocketIoSessions.Session session() {
        if (session == null) {
            session = new SocketIoSessions.Session();
        }
        return session;
    }
}
