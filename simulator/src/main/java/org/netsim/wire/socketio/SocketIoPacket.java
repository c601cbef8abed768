package org.netsim.wire.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.netsim.json.JsJson;
import org.netsim.pdu.Bytes;

/**
 * One Socket.IO packet (socket.io-protocol v5) in the form it takes on the wire: the text part's contents, plus the
 * binary attachments that travel after it as separate Engine.IO messages.
 *
 * <p>Binary arguments are given as Jackson {@link BinaryNode}s (or {@link Bytes} in the factories). Building a packet
 * whose data holds any does what socket.io-parser's {@code deconstructPacket} does: each buffer, in depth-first order
 * (array elements in order, object members in JavaScript's property order), is replaced by
 * {@code {"_placeholder":true,"num":N}} and appended to {@link #attachments()}; an EVENT becomes a BINARY_EVENT and an
 * ACK a BINARY_ACK. {@link #dataWithBinary()} and {@link #args()} put the buffers back.
 *
 * <p>A binary packet decoded from its text alone declares {@link #attachmentCount()} buffers but holds none yet
 * ({@link #isComplete()} is false); {@link #withAttachments(List)} adds them.
 *
 * <p>Jackson nodes are mutable: treat the data of a packet as read-only.
 *
 * @param type            the packet type
 * @param namespace       the namespace, "/" (the main one) by default; starts with '/' and holds no ','
 * @param ackId           the acknowledgement id, or {@code null} when no answer is requested
 * @param data            the JSON payload with placeholders for binary data, or {@code null} for none
 * @param attachmentCount for BINARY_EVENT and BINARY_ACK, how many binary attachments follow the text; else 0
 * @param attachments     the binary attachments received or to send, in placeholder order (at most attachmentCount)
 */
public record SocketIoPacket(SocketIoType type, String namespace, Long ackId, JsonNode data, int attachmentCount,
                             List<Bytes> attachments) {

    /** The main namespace. */
    public static final String MAIN_NAMESPACE = "/";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    public SocketIoPacket {
        Objects.requireNonNull(type, "type");
        namespace = namespace == null || namespace.isEmpty() ? MAIN_NAMESPACE : namespace;
        if (namespace.charAt(0) != '/' || namespace.indexOf(',') >= 0) {
            throw new IllegalArgumentException("a namespace starts with '/' and holds no ',': " + namespace);
        }
        if (ackId != null && ackId < 0) {
            throw new IllegalArgumentException("negative ack id " + ackId);
        }
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        if (data != null && (type == SocketIoType.EVENT || type == SocketIoType.ACK || type.isBinary())
                && containsBinary(data)) {
            List<Bytes> found = new ArrayList<>(attachments);
            data = deconstruct(data, found);
            attachments = List.copyOf(found);
            attachmentCount = found.size();
            type = type == SocketIoType.EVENT || type == SocketIoType.BINARY_EVENT
                    ? SocketIoType.BINARY_EVENT : SocketIoType.BINARY_ACK;
        }
        if (!type.isBinary() && (attachmentCount != 0 || !attachments.isEmpty())) {
            throw new IllegalArgumentException("only BINARY_EVENT and BINARY_ACK carry attachments, not " + type);
        }
        if (attachmentCount < attachments.size()) {
            throw new IllegalArgumentException(attachments.size() + " attachments for a packet that declares "
                    + attachmentCount);
        }
    }

    /** A packet without attachments (binary data in {@code data} still becomes attachments). */
    public static SocketIoPacket of(SocketIoType type, String namespace, Long ackId, JsonNode data) {
        return new SocketIoPacket(type, namespace, ackId, data, 0, List.of());
    }

    /** The client asks to join {@code namespace}; {@code auth} (an object, or {@code null}) is the handshake data. */
    public static SocketIoPacket connect(String namespace, JsonNode auth) {
        return of(SocketIoType.CONNECT, namespace, null, auth);
    }

    /** The client asks to join {@code namespace} with no auth data: {@code 0} or {@code 0/admin,}. */
    public static SocketIoPacket connect(String namespace) {
        return connect(namespace, null);
    }

    /** The server's answer to a CONNECT: {@code 0{"sid":"..."}} with the new Socket.IO session id. */
    public static SocketIoPacket connected(String namespace, String sid) {
        ObjectNode o = NODES.objectNode();
        o.put("sid", sid);
        return connect(namespace, o);
    }

    /** Leaves {@code namespace}: {@code 1} or {@code 1/admin,}. */
    public static SocketIoPacket disconnect(String namespace) {
        return of(SocketIoType.DISCONNECT, namespace, null, null);
    }

    /** The server refuses the namespace: {@code 4{"message":"Not authorized"}}, as Node's server writes an Error. */
    public static SocketIoPacket connectError(String namespace, String message) {
        ObjectNode o = NODES.objectNode();
        o.put("message", message);
        return of(SocketIoType.CONNECT_ERROR, namespace, null, o);
    }

    /** The server refuses the namespace with the given data (a string or an object). */
    public static SocketIoPacket connectError(String namespace, JsonNode data) {
        return of(SocketIoType.CONNECT_ERROR, namespace, null, data);
    }

    /**
     * {@code socket.emit(name, ...args)} without a callback. Arguments may be JsonNodes, Strings, Numbers, Booleans,
     * {@code null}, or binary ({@link Bytes}, {@code byte[]}).
     */
    public static SocketIoPacket event(String namespace, String name, Object... args) {
        return of(SocketIoType.EVENT, namespace, null, eventArray(name, args));
    }

    /** {@code socket.emit(name, ...args, callback)}: the receiver answers with an ACK carrying {@code ackId}. */
    public static SocketIoPacket eventWithAck(String namespace, long ackId, String name, Object... args) {
        return of(SocketIoType.EVENT, namespace, ackId, eventArray(name, args));
    }

    /** The answer to the event with id {@code ackId}: the callback's arguments. */
    public static SocketIoPacket ack(String namespace, long ackId, Object... args) {
        ArrayNode a = NODES.arrayNode(args.length);
        for (Object o : args) {
            a.add(json(o));
        }
        return of(SocketIoType.ACK, namespace, ackId, a);
    }

    private static ArrayNode eventArray(String name, Object[] args) {
        ArrayNode a = NODES.arrayNode(args.length + 1);
        a.add(name);
        for (Object o : args) {
            a.add(json(o));
        }
        return a;
    }

    /** A Java value as the JSON value JavaScript would hold: numbers become doubles, binary a {@link BinaryNode}. */
    public static JsonNode json(Object o) {
        if (o == null) {
            return NullNode.instance;
        } else if (o instanceof JsonNode n) {
            return n;
        } else if (o instanceof String s) {
            return TextNode.valueOf(s);
        } else if (o instanceof Number n) {
            return DoubleNode.valueOf(n.doubleValue());
        } else if (o instanceof Boolean b) {
            return BooleanNode.valueOf(b);
        } else if (o instanceof Bytes b) {
            return BinaryNode.valueOf(b.toArray());
        } else if (o instanceof byte[] b) {
            return BinaryNode.valueOf(b.clone());
        } else if (o instanceof Character c) {
            return TextNode.valueOf(c.toString());
        }
        throw new IllegalArgumentException("no JSON value for a " + o.getClass().getName());
    }

    /** The same packet with its binary attachments (as many as {@link #attachmentCount()} declares, or fewer). */
    public SocketIoPacket withAttachments(List<Bytes> received) {
        return new SocketIoPacket(type, namespace, ackId, data, attachmentCount, received);
    }

    /** Whether every declared attachment is present. */
    public boolean isComplete() {
        return attachments.size() == attachmentCount;
    }

    /** The event name: the payload's first element for an EVENT or BINARY_EVENT, if it is a string; else null. */
    public String event() {
        if ((type == SocketIoType.EVENT || type == SocketIoType.BINARY_EVENT) && data != null && data.isArray()
                && data.size() > 0 && data.get(0).isTextual()) {
            return data.get(0).textValue();
        }
        return null;
    }

    /**
     * The arguments, with binary attachments in place of their placeholders where they are present: for an EVENT the
     * elements after the event name, for an ACK all elements; other packets have none.
     */
    public List<JsonNode> args() {
        if (data == null || !data.isArray()) {
            return List.of();
        }
        int from;
        if (type == SocketIoType.EVENT || type == SocketIoType.BINARY_EVENT) {
            from = 1;
        } else if (type == SocketIoType.ACK || type == SocketIoType.BINARY_ACK) {
            from = 0;
        } else {
            return List.of();
        }
        JsonNode full = dataWithBinary();
        List<JsonNode> out = new ArrayList<>(Math.max(0, full.size() - from));
        for (int i = from; i < full.size(); i++) {
            out.add(full.get(i));
        }
        return Collections.unmodifiableList(out);
    }

    /** The payload with each placeholder whose attachment is present replaced by a {@link BinaryNode}. */
    public JsonNode dataWithBinary() {
        if (data == null || attachments.isEmpty()) {
            return data;
        }
        return reconstruct(data, attachments);
    }

    /** Whether {@code node} is {@code {"_placeholder":true,...}}, the mark socket.io-parser leaves for a buffer. */
    public static boolean isPlaceholder(JsonNode node) {
        if (!node.isObject()) {
            return false;
        }
        JsonNode p = node.get("_placeholder");
        return p != null && p.isBoolean() && p.booleanValue();
    }

    static boolean containsBinary(JsonNode node) {
        if (node.isBinary()) {
            return true;
        }
        if (node.isContainerNode()) {
            for (JsonNode c : node) {
                if (containsBinary(c)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** socket.io-parser's deconstructPacket: buffers out, numbered placeholders in, depth first in JS key order. */
    private static JsonNode deconstruct(JsonNode node, List<Bytes> buffers) {
        if (node.isBinary()) {
            ObjectNode placeholder = NODES.objectNode();
            placeholder.put("_placeholder", true);
            placeholder.put("num", (double) buffers.size());
            buffers.add(Bytes.wrap(binary(node)));
            return placeholder;
        }
        if (node.isArray()) {
            ArrayNode out = NODES.arrayNode(node.size());
            for (JsonNode c : node) {
                out.add(deconstruct(c, buffers));
            }
            return out;
        }
        if (node.isObject()) {
            ObjectNode out = NODES.objectNode();
            for (String k : JsJson.keysInJsOrder((ObjectNode) node)) {
                out.set(k, deconstruct(node.get(k), buffers));
            }
            return out;
        }
        return node;
    }

    private static byte[] binary(JsonNode node) {
        try {
            return node.binaryValue().clone();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** socket.io-parser's reconstructPacket, leaving placeholders whose attachment has not arrived. */
    private static JsonNode reconstruct(JsonNode node, List<Bytes> buffers) {
        if (isPlaceholder(node)) {
            int num = placeholderIndex(node, buffers.size());
            return num >= 0 ? BinaryNode.valueOf(buffers.get(num).toArray()) : node;
        }
        if (node.isArray()) {
            ArrayNode out = NODES.arrayNode(node.size());
            for (JsonNode c : node) {
                out.add(reconstruct(c, buffers));
            }
            return out;
        }
        if (node.isObject()) {
            ObjectNode out = NODES.objectNode();
            for (var it = node.fields(); it.hasNext(); ) {
                var e = it.next();
                out.set(e.getKey(), reconstruct(e.getValue(), buffers));
            }
            return out;
        }
        return node;
    }

    /** The placeholder's attachment index if it is a whole number in {@code [0, limit)}; else -1. */
    static int placeholderIndex(JsonNode placeholder, int limit) {
        JsonNode num = placeholder.get("num");
        if (num == null || !num.isNumber()) {
            return -1;
        }
        double d = num.doubleValue();
        return d >= 0 && d < limit && d == (int) d ? (int) d : -1;
    }
}
