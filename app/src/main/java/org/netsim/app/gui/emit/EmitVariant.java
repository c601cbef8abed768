package org.netsim.app.gui.emit;

/**
 * The forms of the emit cheatsheet the composer can send: three from a client to the server, four from the server
 * (written as the Socket.IO server code that sends them, so students see which call does what).
 */
public enum EmitVariant {
    /** {@code socket.emit(event, ...args)} in the client. */
    EMIT(null, false, false),
    /** {@code socket.emit(event, ...args, callback)} in the client: the server acknowledges. */
    EMIT_WITH_ACK(null, false, false),
    /** {@code socket.emit(event, ...args, buffer)} in the client: a binary attachment (BINARY_EVENT). */
    BINARY(null, false, false),
    /** {@code socket.broadcast.emit} on the server: everyone in the namespace but that client. */
    BROADCAST("socket.broadcast.emit", true, false),
    /** {@code io.to(room).emit} on the server: everyone in the room. */
    TO_ROOM("io.to(room).emit", false, true),
    /** {@code socket.to(room).emit} on the server: everyone in the room but that client. */
    TO_ROOM_FROM_SOCKET("socket.to(room).emit", true, true),
    /** {@code io.emit} on the server: everyone (in a namespace other than "/", {@code io.of(ns).emit}). */
    TO_ALL("io.emit", false, false);

    private final String serverForm;
    private final boolean needsSocket;
    private final boolean needsRoom;

    EmitVariant(String serverForm, boolean needsSocket, boolean needsRoom) {
        this.serverForm = serverForm;
        this.needsSocket = needsSocket;
        this.needsRoom = needsRoom;
    }

    /** Whether the client sends it (else the server does). */
    public boolean fromClient() {
        return serverForm == null;
    }

    /** The scenario script's {@code server} form, {@code null} for a client's emit. */
    public String serverForm() {
        return serverForm;
    }

    /** Whether a client is involved: the sender, or for a server form the socket it names. */
    public boolean needsClient() {
        return fromClient() || needsSocket;
    }

    public boolean needsRoom() {
        return needsRoom;
    }

    /** The main-namespace-only form: {@code io.to(room).emit} reaches rooms of "/" only. */
    public boolean hasNamespace() {
        return this != TO_ROOM;
    }
}
