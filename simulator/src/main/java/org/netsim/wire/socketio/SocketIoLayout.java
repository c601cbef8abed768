package org.netsim.wire.socketio;

import static org.netsim.pdu.FieldFormat.DECIMAL;
import static org.netsim.pdu.FieldFormat.TEXT;

import org.netsim.pdu.FieldSpec;
import org.netsim.pdu.Protocol;

/**
 * The parts of a Socket.IO packet's text, in wire order (socket.io-protocol v5, "Packet encoding"):
 * {@code <type>[<attachments>-][<namespace>,][<ack id>][<JSON payload>]}. Every part but the type is optional, so
 * each is a variable field located by the decoder.
 */
public final class SocketIoLayout {
    private SocketIoLayout() {
    }

    private static final Protocol P = Protocol.SOCKETIO;
    private static final String SPEC = "socket.io-protocol v5, Packet encoding";

    public static final FieldSpec TYPE = FieldSpec.variable(P, "socketio.type", "Packet type", DECIMAL,
            "One digit saying what the packet does: 0 connect, 1 disconnect, 2 event, 3 ack, 4 connect error, "
                    + "5 binary event, 6 binary ack.", SPEC);
    public static final FieldSpec ATTACHMENTS = FieldSpec.variable(P, "socketio.attachments", "Binary attachments",
            DECIMAL, "How many binary buffers travel after this text as separate messages; the '-' ends the count. "
                    + "Only binary events and binary acks have it.", SPEC);
    public static final FieldSpec NAMESPACE = FieldSpec.variable(P, "socketio.nsp", "Namespace", TEXT,
            "Which namespace (a separate channel over the same connection) the packet belongs to, ended by ','. "
                    + "Left out for the main namespace \"/\".", SPEC);
    public static final FieldSpec ACK_ID = FieldSpec.variable(P, "socketio.ack_id", "Acknowledgement id", DECIMAL,
            "Present when the sender passed a callback: the answer (an ACK) carries the same number, so the sender "
                    + "knows which callback to call. Each side counts from 0.", SPEC);
    public static final FieldSpec DATA = FieldSpec.variable(P, "socketio.data", "Payload", TEXT,
            "The data as JSON text, written by JSON.stringify: for an event the event name followed by its "
                    + "arguments, for an ack the callback's arguments, for a connect the auth data or session id.",
            SPEC);

    /** The character between the attachment count and the rest. */
    public static final char ATTACHMENTS_END = '-';
    /** The character that ends a namespace. */
    public static final char NAMESPACE_END = ',';
}
