package org.netsim.sim.socketio;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A Socket.IO socket on the server: one client connected to one namespace. Like Node's, it is in the room named by its
 * own id from the start and joins others when the program asks (joining sends nothing on the wire).
 */
public final class ServerSocket {
    private final String id;
    private final String namespace;
    private final EngineSession session;
    private final Set<String> rooms = new LinkedHashSet<>();
    private long nextAckId;
    private boolean connected = true;

    ServerSocket(String id, String namespace, EngineSession session) {
        this.id = id;
        this.namespace = namespace;
        this.session = session;
        rooms.add(id);
    }

    public String id() {
        return id;
    }

    public String namespace() {
        return namespace;
    }

    /** The name of the client host this socket talks to. */
    public String clientName() {
        return session.clientName();
    }

    public Set<String> rooms() {
        return Collections.unmodifiableSet(rooms);
    }

    public boolean connected() {
        return connected;
    }

    void join(String room) {
        rooms.add(room);
    }

    void leave(String room) {
        rooms.remove(room);
    }

    void disconnected() {
        connected = false;
    }

    EngineSession session() {
        return session;
    }

    long nextAckId() {
        return nextAckId++;
    }
}
