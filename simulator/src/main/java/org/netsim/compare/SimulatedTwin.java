package org.netsim.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.netsim.capture.decode.CaptureDecoder;
import org.netsim.capture.decode.CaptureMessage;
import org.netsim.capture.file.CapturedFrame;
import org.netsim.json.JsJson;
import org.netsim.pdu.Bytes;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.Protocol;
import org.netsim.stack.StackDissector;
import org.netsim.wire.engineio.EngineIoCodec;
import org.netsim.wire.engineio.EngineIoPacket;
import org.netsim.wire.http.HttpCodec;
import org.netsim.wire.http.HttpMessage;
import org.netsim.scenario.Scenario;
import org.netsim.scenario.ScenarioFile;
import org.netsim.scenario.ScenarioRun;
import org.netsim.scenario.ScenarioRunner;

/**
 * The simulated twin of a captured Socket.IO event: the same event name, arguments (binary attachments included),
 * namespace, direction and transport, sent in the one-client scenario (Alice and a Node server on a switch). Over
 * WebSocket it is sent after the upgrade (or on a WebSocket-only session); over long-polling on a session that only
 * polls ({@code transports: ["polling"]}: an emit made during an upgrade waits for the WebSocket, as engine.io-client
 * holds it), so it travels in a POST body (from the client) or a GET response (from the server) as Node's would.
 *
 * <p>The simulation's frames at the sender's card are decoded exactly as a capture is ({@link CaptureDecoder}) and
 * laid out as a {@link CarriedMessage}, so both sides of a comparison are built the same way: a 70 KB emit is one
 * message over its many segments, a binary emit its text part and its attachments.
 *
 * <p>Over long-polling the simulated server, as Node's, answers the pending GET with a binary event's text and its
 * attachments in one body. The simulated client writes the text at once, when its transport is free, and its
 * attachments after (in the next request, or over WebSocket once it has upgraded), as engine.io-client does; a capture
 * usually holds them in one body (Node's client writes them together when they are written while a request is out).
 * The twin's body then holds them all; it is built from the simulated request with the codecs, so it has no frames
 * of its own ({@code joined}).
 *
 * @param carried the twin as it travelled: its frames and units
 * @param joined  for long-polling, whether the body was joined from the simulated one and the attachments
 */
public record SimulatedTwin(CarriedMessage carried, boolean joined) {
    private static final String ALICE = "alice";
    /** After the upgrade of the one-client scenario (at about 104 ms). */
    private static final String AFTER_UPGRADE = "300ms";
    /** Connected (at about 4.4 ms). */
    private static final String WHILE_POLLING = "50ms";

    /**
     * What to simulate.
     *
     * @param event         the event's name
     * @param args          its arguments as a JSON array, attachments as Socket.IO's placeholders
     *                      ({@code {"_placeholder":true,"num":0}})
     * @param attachments   the attachments the placeholders stand for
     * @param namespace     its namespace ({@code null} or {@code /}: the main one)
     * @param fromClient    whether the client sent it (else the server, to the client's socket)
     * @param polling       whether it travels over long-polling (else WebSocket)
     * @param webSocketOnly for WebSocket, a session that never polled ({@code transports: ["websocket"]})
     * @param withAck       whether it asks for an acknowledgement
     */
    public record Request(String event, JsonNode args, List<Bytes> attachments, String namespace, boolean fromClient,
                          boolean polling, boolean webSocketOnly, boolean withAck) {
        public Request {
            attachments = List.copyOf(attachments);
        }

        /** The twin of a captured event; {@code fromClient} is who sent it. */
        public static Request of(CaptureMessage m, boolean fromClient, boolean webSocketOnly) {
            if (m.event() == null || m.args() == null) {
                throw new IllegalArgumentException("only events have a simulated twin; this is a " + m.type());
            }
            boolean polling = "polling".equals(m.transport());
            return new Request(m.event(), JsJson.parse(m.args()), m.attachments(), m.namespace(), fromClient,
                    polling, webSocketOnly && !polling, m.ackId() != null);
        }
    }

    /** Simulates a captured event's twin; {@code fromClient} is who sent it. */
    public static SimulatedTwin of(CaptureMessage captured, boolean fromClient, boolean webSocketOnly) {
        return of(Request.of(captured, fromClient, webSocketOnly));
    }

    /** Simulates a text event over WebSocket after the polling handshake (or on a WebSocket-only session). */
    public static SimulatedTwin of(String event, JsonNode args, String namespace, boolean fromClient,
                                   boolean webSocketOnly, boolean withAck) {
        return of(new Request(event, args, List.of(), namespace, fromClient, false, webSocketOnly, withAck));
    }

    /**
     * Simulates the emit and lays out the message that carries it.
     *
     * @throws IllegalStateException if the simulation did not send it as asked (which would be a bug in netsim)
     */
    public static SimulatedTwin of(Request r) {
        Scenario base = ScenarioFile.builtIn("one-client.yaml");
        String ns = r.namespace() == null || r.namespace().equals("/") ? null : r.namespace();
        JsonNode args = withBinary(r.args(), r.attachments());
        Boolean ack = r.withAck() ? Boolean.TRUE : null;
        String at = r.polling() ? WHILE_POLLING : AFTER_UPGRADE;
        Scenario.Action emit = r.fromClient()
                ? new Scenario.Action(at, ALICE, r.event(), args, ack, null, ns, null, null, null, null, null, null,
                        null)
                : new Scenario.Action(at, null, null, args, ack, null, ns, "socket.emit", ALICE, null, r.event(),
                        null, null, null);
        List<Scenario.ClientSpec> clients = List.of(new Scenario.ClientSpec(ALICE,
                r.webSocketOnly() ? List.of("websocket") : r.polling() ? List.of("polling") : List.of(),
                ns == null ? null : Map.of(ns, com.fasterxml.jackson.databind.node.NullNode.instance), null, null));
        Scenario.ServerSpec server = new Scenario.ServerSpec(base.server().host(), base.server().port(),
                base.server().pingInterval(), base.server().pingTimeout(),
                ns == null ? base.server().namespaces() : List.of(ns), List.of());
        Scenario s = new Scenario(base.name(), base.description(), base.seed(), null, base.hosts(), base.switches(),
                base.routers(), base.links(), base.capture(), server, clients, List.of(emit));
        ScenarioRun run = ScenarioRunner.run(s);
        String sender = r.fromClient() ? ALICE : base.server().host();
        String senderIp = base.hosts().stream().filter(h -> h.name().equals(sender)).findFirst().orElseThrow().ip()
                .replaceFirst("/.*", "");

        List<CapturedFrame> frames = new ArrayList<>();
        for (ScenarioRun.CapturedFrame f : run.capture(sender)) {
            frames.add(new CapturedFrame(frames.size() + 1, f.timeNanos(), CapturedFrame.LINKTYPE_ETHERNET,
                    f.bytes().length, Bytes.wrap(f.bytes())));
        }
        List<CaptureMessage> messages = new ArrayList<>();
        CaptureDecoder decoder = CaptureDecoder.forMessages(messages::add);
        frames.forEach(decoder::frame);
        decoder.finish();
        String transport = r.polling() ? "polling" : "websocket";
        for (CaptureMessage m : messages) {
            if (r.event().equals(m.event()) && m.src().startsWith(senderIp + ":")
                    && transport.equals(m.transport())) {
                CarriedMessage c = CarriedMessage.of(m, frames.subList((int) m.firstFrame() - 1, (int) m.frame()));
                long held = c.units().stream().filter(u -> u.role() == CarriedMessage.Role.ATTACHMENT).count();
                if (r.polling() && held < r.attachments().size()) {
                    return new SimulatedTwin(joined(c, r.attachments()), true);
                }
                return new SimulatedTwin(c, false);
            }
        }
        throw new IllegalStateException("the simulation sent no " + transport + " message carrying \"" + r.event()
                + "\"");
    }

    /** The polling message carrying {@code c}'s text with its attachments after it in the same body. */
    private static CarriedMessage joined(CarriedMessage c, List<Bytes> attachments) {
        CarriedMessage.Unit http = c.units().get(0);
        HttpMessage head = HttpCodec.decode(http.bytes(), 0, http.bytes().length).message();
        List<EngineIoPacket> packets = new ArrayList<>();
        packets.add(EngineIoPacket.message(Bytes.utf8(c.message().text().substring(1))));
        attachments.forEach(a -> packets.add(EngineIoPacket.binary(a)));
        byte[] raw = HttpCodec.encode(head.withBody(Bytes.wrap(EngineIoCodec.encodePollingPayload(packets))));
        Pdu tree = StackDissector.dissectHttpMessage(raw, true);
        List<Pdu> inBody = tree.find(Protocol.ENGINEIO).orElseThrow().children();
        List<CarriedMessage.Unit> units = new ArrayList<>();
        units.add(new CarriedMessage.Unit(CarriedMessage.Role.HTTP, 0, raw, tree, tree));
        units.add(new CarriedMessage.Unit(CarriedMessage.Role.TEXT, 0, raw, tree, inBody.get(0)));
        for (int i = 0; i < attachments.size(); i++) {
            units.add(new CarriedMessage.Unit(CarriedMessage.Role.ATTACHMENT, i + 1, raw, tree, inBody.get(i + 1)));
        }
        return new CarriedMessage(c.message(), List.of(), units);
    }

    /** The frame that carried the twin's text part (its first frame), as the sender's card hands it to the wire. */
    public byte[] frame() {
        return carried.frames().get(0).bytes();
    }

    /** That frame's layers. */
    public Pdu tree() {
        return carried.frames().get(0).tree();
    }

    /** The arguments with each placeholder replaced by the scenario's {@code {"$binary": "hex"}} for its bytes. */
    static JsonNode withBinary(JsonNode args, List<Bytes> attachments) {
        if (attachments.isEmpty() || args == null) {
            return args;
        }
        if (args.isObject()) {
            JsonNode num = args.get("num");
            if (args.size() == 2 && args.path("_placeholder").asBoolean(false) && num != null && num.canConvertToInt()
                    && num.intValue() >= 0 && num.intValue() < attachments.size()) {
                ObjectNode b = JsonNodeFactory.instance.objectNode();
                b.put("$binary", attachments.get(num.intValue()).hex());
                return b;
            }
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = args.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                o.set(e.getKey(), withBinary(e.getValue(), attachments));
            }
            return o;
        }
        if (args.isArray()) {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            args.forEach(v -> a.add(withBinary(v, attachments)));
            return a;
        }
        return args;
    }
}
