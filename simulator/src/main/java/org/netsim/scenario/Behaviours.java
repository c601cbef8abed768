package org.netsim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.netsim.sim.socketio.ServerSocket;
import org.netsim.sim.socketio.SocketIoClient;
import org.netsim.sim.socketio.SocketIoServer;
import org.netsim.wire.socketio.SocketIoPacket;

/** The scenario's rules as server and client programs, and the emit cheatsheet forms. */
final class Behaviours {
    private Behaviours() {
    }

    static SocketIoServer.Behaviour server(List<Scenario.Rule> rules) {
        return new SocketIoServer.Behaviour() {
            @Override
            public void connected(SocketIoServer server, ServerSocket socket) {
                for (Scenario.Rule r : rules) {
                    if (Boolean.TRUE.equals(r.connection()) && (r.namespace() == null
                            || r.namespace().equals(socket.namespace()))) {
                        apply(server, socket, r, r.as(), args(r.args(), List.of()), null);
                    }
                }
            }

            @Override
            public void event(SocketIoServer server, ServerSocket socket, SocketIoPacket p) {
                for (Scenario.Rule r : rules) {
                    if (r.event() != null && r.event().equals(p.event())) {
                        apply(server, socket, r, r.as() == null ? p.event() : r.as(), args(r.args(), p.args()),
                                p.ackId());
                    }
                }
            }
        };
    }

    private static void apply(SocketIoServer server, ServerSocket socket, Scenario.Rule r, String event,
                              List<JsonNode> args, Long ackId) {
        if (r.join() != null) {
            server.join(socket, r.join());
        }
        if (r.ack() != null && ackId != null) {
            server.emit(socket, SocketIoPacket.ack(socket.namespace(), ackId, args(r.ack(), List.of()).toArray()),
                    false);
        }
        if (r.emit() != null) {
            if (event == null) {
                throw new ScenarioException("a connection rule that emits needs \"as\": the event name");
            }
            emit(server, r.emit(), socket, event, args, r.room(), r.namespace(), Boolean.TRUE.equals(r.isVolatile()),
                    false);
        }
    }

    /** One of the emit cheatsheet's forms, with {@code socket} the socket the form speaks of. */
    static void emit(SocketIoServer server, String form, ServerSocket socket, String event, List<JsonNode> args,
                     String room, String namespace, boolean isVolatile, boolean withAck) {
        String ns = socket != null ? socket.namespace() : namespace == null ? SocketIoPacket.MAIN_NAMESPACE : namespace;
        Object[] a = args.toArray();
        if (withAck && !"socket.emit".equals(form)) {
            throw new ScenarioException("an emit that waits for an acknowledgement goes to one socket: use socket.emit, "
                    + "not " + form);
        }
        SocketIoPacket p = withAck ? SocketIoPacket.eventWithAck(ns, server.nextAckId(socket), event, a)
                : SocketIoPacket.event(ns, event, a);
        SocketIoPacket main = SocketIoPacket.event(SocketIoPacket.MAIN_NAMESPACE, event, a);
        switch (form) {
            case "socket.emit" -> server.emit(need(socket, form), p, isVolatile);
            case "io.emit" -> server.broadcast(SocketIoPacket.MAIN_NAMESPACE, Set.of(), null, main, isVolatile);
            case "socket.broadcast.emit" -> server.broadcast(ns, Set.of(), need(socket, form), p, isVolatile);
            case "io.to(room).emit" -> server.broadcast(SocketIoPacket.MAIN_NAMESPACE, Set.of(need(room, form)), null,
                    main, isVolatile);
            case "socket.to(room).emit" -> server.broadcast(ns, Set.of(need(room, form)), need(socket, form), p,
                    isVolatile);
            case "io.of(ns).emit" -> {
                String target = need(namespace, form);
                server.broadcast(target, Set.of(), null, SocketIoPacket.event(target, event, a), isVolatile);
            }
            default -> throw new ScenarioException("unknown emit form \"" + form + "\": use socket.emit, io.emit, "
                    + "socket.broadcast.emit, io.to(room).emit, socket.to(room).emit or io.of(ns).emit");
        }
    }

    private static <T> T need(T value, String form) {
        if (value == null) {
            throw new ScenarioException(form + " needs " + (form.contains("room") ? "a room" : form.contains("of(")
                    ? "a namespace" : "a socket (the client whose socket it is)"));
        }
        return value;
    }

    static SocketIoClient.Behaviour client(List<Scenario.Rule> rules) {
        return new SocketIoClient.Behaviour() {
            @Override
            public void event(SocketIoClient client, SocketIoPacket p) {
                for (Scenario.Rule r : rules) {
                    if (r.event() != null && r.event().equals(p.event())) {
                        if (r.ack() != null && p.ackId() != null) {
                            client.ack(p.namespace(), p.ackId(), args(r.ack(), List.of()));
                        }
                        if (r.as() != null) {
                            client.emit(p.namespace(), r.as(), args(r.args(), p.args()), false);
                        }
                    }
                }
            }

            @Override
            public boolean listens() {
                return !rules.isEmpty();
            }
        };
    }

    /**
     * The arguments a rule or action gives ({@code null}: {@code otherwise}); {@code {"$binary": "0102"}} is binary,
     * {@code {"$repeat": ["text", 1000]}} is the text 1000 times over (a large emit without a large file).
     */
    static List<JsonNode> args(JsonNode given, List<JsonNode> otherwise) {
        if (given == null || given.isNull()) {
            return otherwise;
        }
        List<JsonNode> out = new ArrayList<>();
        if (given.isArray()) {
            for (JsonNode n : given) {
                out.add(binary(n));
            }
        } else {
            out.add(binary(given));
        }
        return out;
    }

    private static JsonNode binary(JsonNode n) {
        if (n.isObject() && n.size() == 1 && n.has("$binary")) {
            try {
                return BinaryNode.valueOf(HexFormat.of().parseHex(n.get("$binary").asText()));
            } catch (IllegalArgumentException e) {
                throw new ScenarioException("\"$binary\" takes hex digits: " + n.get("$binary").asText());
            }
        }
        if (n.isObject() && n.size() == 1 && n.has("$repeat")) {
            return repeat(n.get("$repeat"));
        }
        if (n.isArray()) {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            n.forEach(e -> a.add(binary(e)));
            return a;
        }
        if (n.isObject()) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                o.set(e.getKey(), binary(e.getValue()));
            }
            return o;
        }
        return n;
    }

    /** Socket.IO's default maxHttpBufferSize, 1 MB: a larger message closes the connection, so none is built. */
    private static final long MAX_REPEATED = 1_000_000;

    private static JsonNode repeat(JsonNode r) {
        if (!r.isArray() || r.size() != 2 || !r.get(0).isTextual() || !r.get(1).canConvertToLong()
                || r.get(1).asLong() < 0) {
            throw new ScenarioException("\"$repeat\" takes a text and a count: {\"$repeat\": [\"abc\", 1000]}");
        }
        String text = r.get(0).asText();
        long times = r.get(1).asLong();
        if (text.length() * times > MAX_REPEATED) {
            throw new ScenarioException("\"$repeat\": " + text.length() * times + " characters is more than the "
                    + MAX_REPEATED + " a Socket.IO server takes in one message (maxHttpBufferSize)");
        }
        return JsonNodeFactory.instance.textNode(text.repeat((int) times));
    }
}
