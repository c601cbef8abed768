package org.netsim.wire.socketio;

/**
 * The Socket.IO packet type, the first character of every packet (socket.io-protocol v5, "Exchange protocol").
 * There are exactly seven; socket.io-parser refuses any other digit, so an unknown type is a malformed packet rather
 * than a value that survives.
 */
public enum SocketIoType {
    /** Client: join a namespace (optionally with auth data); server: accepted, with the Socket.IO session id. */
    CONNECT(0, "Join a namespace, or (from the server) the answer that the client joined, with its session id."),
    /** Either side leaves a namespace. */
    DISCONNECT(1, "Leave a namespace; no answer is expected."),
    /** {@code socket.emit(name, ...args)}: the payload is [name, ...args]. */
    EVENT(2, "An emitted event: the payload is the event name followed by its arguments."),
    /** The answer to an event that asked for an acknowledgement (same ack id); the payload is the callback's args. */
    ACK(3, "The answer to an event sent with a callback: same ack id, payload = the callback's arguments."),
    /** The server refuses a namespace connection (a middleware said no). */
    CONNECT_ERROR(4, "The server refused to let the client join the namespace; the payload says why."),
    /** An EVENT whose arguments contain binary data, sent as separate attachments after this text. */
    BINARY_EVENT(5, "An event with binary arguments: each buffer follows as its own attachment."),
    /** An ACK whose arguments contain binary data. */
    BINARY_ACK(6, "An acknowledgement with binary arguments: each buffer follows as its own attachment.");

    private static final SocketIoType[] BY_CODE = values();

    private final int code;
    private final String explanation;

    SocketIoType(int code, String explanation) {
        this.code = code;
        this.explanation = explanation;
    }

    /** The digit on the wire. */
    public int code() {
        return code;
    }

    /** The digit as the character written on the wire. */
    public char digit() {
        return (char) ('0' + code);
    }

    /** One sentence for a student. */
    public String explanation() {
        return explanation;
    }

    /** Whether binary attachments follow (the attachment count and '-' are written after the type). */
    public boolean isBinary() {
        return this == BINARY_EVENT || this == BINARY_ACK;
    }

    /** The type for {@code code}, or {@code null} when socket.io-parser would reject it. */
    public static SocketIoType ofCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
