package org.netsim.compare;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.Protocol;
import org.netsim.scenario.Scenario;
import org.netsim.scenario.ScenarioFile;
import org.netsim.scenario.ScenarioRun;
import org.netsim.scenario.ScenarioRunner;
import org.netsim.timeline.Direction;
import org.netsim.timeline.TimelineEvent;

/**
 * The simulated twin of a captured Socket.IO event: the same event name, arguments, namespace and direction, sent in
 * the one-client scenario (Alice and a Node server on a switch), over WebSocket after the polling handshake or over
 * WebSocket alone, as the capture's session did. The frame that carries it, from the sender's card, is what the
 * comparison sets beside the captured frame.
 *
 * @param frame the frame as the sender's card hands it to the wire (without preamble and FCS, as a capture holds it)
 * @param tree  its PDU tree, decoded in the context of its connection
 */
public record SimulatedTwin(byte[] frame, Pdu tree) {
    private static final String ALICE = "alice";

    /**
     * Simulates the emit and returns the frame that carries it; {@code args} is the JSON array of its arguments,
     * {@code fromClient} whether the client sent it (else the server, to the client's socket).
     */
    public static SimulatedTwin of(String event, JsonNode args, String namespace, boolean fromClient,
                                   boolean webSocketOnly) {
        return of(event, args, namespace, fromClient, webSocketOnly, false);
    }

    /** The same, for an emit that asks for an acknowledgement ({@code withAck}). */
    public static SimulatedTwin of(String event, JsonNode args, String namespace, boolean fromClient,
                                   boolean webSocketOnly, boolean withAck) {
        Boolean ack = withAck ? Boolean.TRUE : null;
        Scenario base = ScenarioFile.builtIn("one-client.yaml");
        String ns = namespace == null || namespace.equals("/") ? null : namespace;
        Scenario.Action emit = fromClient
                ? new Scenario.Action("300ms", ALICE, event, args, ack, null, ns, null, null, null, null, null, null,
                        null)
                : new Scenario.Action("300ms", null, null, args, ack, null, ns, "socket.emit", ALICE, null, event,
                        null, null, null);
        List<Scenario.ClientSpec> clients = List.of(new Scenario.ClientSpec(ALICE,
                webSocketOnly ? List.of("websocket") : List.of(),
                ns == null ? null : java.util.Map.of(ns, com.fasterxml.jackson.databind.node.NullNode.instance),
                null, null));
        Scenario.ServerSpec server = new Scenario.ServerSpec(base.server().host(), base.server().port(),
                base.server().pingInterval(), base.server().pingTimeout(),
                ns == null ? base.server().namespaces() : List.of(ns), List.of());
        Scenario s = new Scenario(base.name(), base.description(), base.seed(), null, base.hosts(), base.switches(),
                base.routers(), base.links(), base.capture(), server, clients, List.of(emit));
        ScenarioRun run = ScenarioRunner.run(s);
        String sender = fromClient ? ALICE : base.server().host();
        for (TimelineEvent e : run.timeline().query().node(sender).direction(Direction.DOWN)
                .protocol(Protocol.ETHERNET).list()) {
            Pdu tree = e.wholePdu();
            boolean carries = tree.findAll(Protocol.SOCKETIO).stream().anyMatch(p -> p.summary().contains(
                    "\"" + event + "\""));
            if (carries) {
                return new SimulatedTwin(e.frameBytes(), tree);
            }
        }
        throw new IllegalStateException("the simulation sent no frame carrying \"" + event + "\"");
    }
}
