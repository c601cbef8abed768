package org.netsim.app.gui.emit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.netsim.app.gui.Messages;
import org.netsim.app.gui.session.SessionViewModel;
import org.netsim.app.gui.time.PlaybackViewModel;
import org.netsim.json.JsJson;
import org.netsim.json.JsonSyntaxException;
import org.netsim.pdu.Protocol;
import org.netsim.scenario.Scenario;
import org.netsim.timeline.Direction;
import org.netsim.timeline.Timeline;
import org.netsim.timeline.TimelineEvent;

/**
 * The emit composer: which client, event name, arguments (JSON, checked as they are typed with {@link JsJson}, the
 * parser JavaScript's {@code JSON.parse} would be), namespace and cheatsheet form. {@link #send()} adds the emit to
 * the scenario's script just after the current time, runs the scenario again (everything before is identical),
 * selects the new emit's first event and plays.
 */
public final class EmitComposerViewModel {
    /** The new step runs this long after the current time, so every event up to now stays exactly as it was. */
    static final long OFFSET_NANOS = 1_000;
    private static final Set<String> RESERVED = Set.of("connect", "connect_error", "disconnect", "disconnecting",
            "newListener", "removeListener");

    private final SessionViewModel session;
    private final PlaybackViewModel playback;
    private final ObservableList<String> clients = FXCollections.observableArrayList();
    private final ObservableList<String> namespaces = FXCollections.observableArrayList();
    private final ObservableList<String> rooms = FXCollections.observableArrayList();
    /**
     * The read-only views handed out, made once: an unmodifiable view listens to its list only weakly, so a view
     * made per call and listened to by a caller is collected, and its listeners with it, at the next GC.
     */
    private final ObservableList<String> readOnlyClients = FXCollections.unmodifiableObservableList(clients);
    private final ObservableList<String> readOnlyNamespaces = FXCollections.unmodifiableObservableList(namespaces);
    private final ObservableList<String> readOnlyRooms = FXCollections.unmodifiableObservableList(rooms);
    private final ObjectProperty<String> client = new SimpleObjectProperty<>(this, "client");
    private final StringProperty event = new SimpleStringProperty(this, "event", "chat");
    private final StringProperty args = new SimpleStringProperty(this, "args", "[\"hi\"]");
    private final StringProperty binaryHex = new SimpleStringProperty(this, "binaryHex", "68656c6c6f");
    private final ObjectProperty<String> namespace = new SimpleObjectProperty<>(this, "namespace", "/");
    private final ObjectProperty<EmitVariant> variant = new SimpleObjectProperty<>(this, "variant",
            EmitVariant.EMIT);
    private final StringProperty room = new SimpleStringProperty(this, "room", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    /** What is wrong with each field, for the line under it (empty: nothing, or the field is not used). */
    private final ReadOnlyStringWrapper argsProblem = new ReadOnlyStringWrapper(this, "argsProblem", "");
    private final ReadOnlyStringWrapper eventProblem = new ReadOnlyStringWrapper(this, "eventProblem", "");
    private final ReadOnlyStringWrapper clientProblem = new ReadOnlyStringWrapper(this, "clientProblem", "");
    private final ReadOnlyStringWrapper roomProblem = new ReadOnlyStringWrapper(this, "roomProblem", "");
    private final ReadOnlyStringWrapper binaryProblem = new ReadOnlyStringWrapper(this, "binaryProblem", "");
    private final ReadOnlyStringWrapper variantProblem = new ReadOnlyStringWrapper(this, "variantProblem", "");
    private final ReadOnlyBooleanWrapper canSend = new ReadOnlyBooleanWrapper(this, "canSend");
    private JsonNode parsedArgs;

    public EmitComposerViewModel(SessionViewModel session, PlaybackViewModel playback) {
        this.session = session;
        this.playback = playback;
        session.scenarioProperty().addListener((o, was, s) -> scenarioChanged(s));
        for (var p : new javafx.beans.Observable[]{client, event, args, binaryHex, namespace, variant, room}) {
            p.addListener(o -> check());
        }
        scenarioChanged(session.scenario());
    }

    public ObservableList<String> clients() {
        return readOnlyClients;
    }

    public ObservableList<String> namespaces() {
        return readOnlyNamespaces;
    }

    /** Rooms the scenario's script and rules join, as suggestions. */
    public ObservableList<String> rooms() {
        return readOnlyRooms;
    }

    public ObjectProperty<String> clientProperty() {
        return client;
    }

    public StringProperty eventProperty() {
        return event;
    }

    /** A JSON array (the argument list) or one JSON value (the one argument); empty for none. */
    public StringProperty argsProperty() {
        return args;
    }

    /** The binary attachment's bytes in hex, for {@link EmitVariant#BINARY}. */
    public StringProperty binaryHexProperty() {
        return binaryHex;
    }

    public ObjectProperty<String> namespaceProperty() {
        return namespace;
    }

    public ObjectProperty<EmitVariant> variantProperty() {
        return variant;
    }

    public StringProperty roomProperty() {
        return room;
    }

    /** Why the emit cannot be sent as typed (the JSON parser's message, a missing name or room), or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The JSON parser's message for the arguments as typed (position and what it expected), or empty. */
    public ReadOnlyStringProperty argsProblemProperty() {
        return argsProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty eventProblemProperty() {
        return eventProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty clientProblemProperty() {
        return clientProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty roomProblemProperty() {
        return roomProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty binaryProblemProperty() {
        return binaryProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty variantProblemProperty() {
        return variantProblem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canSendProperty() {
        return canSend.getReadOnlyProperty();
    }

    /**
     * Adds the emit at the current time (plus {@link #OFFSET_NANOS}) to the script, runs again, selects the new emit's
     * first Socket.IO event and plays. False (with the reason in the session's message) if it could not be sent, or
     * if the run sent nothing for it (a socket that is not connected yet at that time).
     */
    public boolean send() {
        if (!canSend.get()) {
            return false;
        }
        long at = session.currentTime() - SessionViewModel.START_NANOS + OFFSET_NANOS;
        Timeline before = session.run().timeline();
        if (!session.addAction(action(at))) {
            return false;
        }
        EmitVariant v = variant.get();
        String node = v.fromClient() ? client.get() : session.scenario().server().host();
        int first = firstEmitEvent(before, session.run().timeline(), node, SessionViewModel.START_NANOS + at);
        if (first < 0) {
            // the run has the step, but the program sent nothing (the client's socket is not connected yet)
            session.warn(Messages.get("emit.nothingSent", event.get()));
            return false;
        }
        session.select(first);
        playback.play();
        return true;
    }

    /** The script step for an emit at {@code atNanos} after the start. */
    Scenario.Action action(long atNanos) {
        EmitVariant v = variant.get();
        String at = atNanos + "ns";
        JsonNode a = arguments();
        String ns = v.hasNamespace() ? namespace.get() : null;
        if (v.fromClient()) {
            return new Scenario.Action(at, client.get(), event.get(), a, v == EmitVariant.EMIT_WITH_ACK ? true : null,
                    null, ns, null, null, null, null, null, null, null);
        }
        String form = v == EmitVariant.TO_ALL && ns != null && !"/".equals(ns) ? "io.of(ns).emit" : v.serverForm();
        return new Scenario.Action(at, null, null, a, null, null, ns, form, v.needsClient() ? client.get() : null,
                v.needsRoom() ? room.get().strip() : null, event.get(), null, null, null);
    }

    private JsonNode arguments() {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        if (parsedArgs != null) {
            if (parsedArgs.isArray()) {
                list.addAll((ArrayNode) parsedArgs);
            } else {
                list.add(parsedArgs);
            }
        }
        if (variant.get() == EmitVariant.BINARY) {
            list.addObject().put("$binary", binaryHex.get().strip());
        }
        return list;
    }

    /**
     * The new emit's first event: the Socket.IO packets with this event name going down {@code node}'s stack from
     * {@code from} on, in the old run and in the new one. Runs are deterministic, so the two lists agree (time and
     * text) up to the new packet, the first place where they differ; if the new run has no packet more, nothing was
     * sent (the server's socket not connected yet). A client that is not connected yet buffers the emit and sends it
     * after its CONNECT, as socket.io-client does, and that later packet is found too.
     */
    private int firstEmitEvent(Timeline before, Timeline after, String node, long from) {
        List<TimelineEvent> old = emitsOf(before, node, from);
        List<TimelineEvent> now = emitsOf(after, node, from);
        if (now.size() <= old.size()) {
            return -1;
        }
        for (int k = 0; k < old.size(); k++) {
            TimelineEvent o = old.get(k);
            TimelineEvent n = now.get(k);
            if (o.timeNanos() != n.timeNanos() || !o.description().equals(n.description())) {
                return n.index();
            }
        }
        return now.get(old.size()).index();
    }

    private List<TimelineEvent> emitsOf(Timeline t, String node, long from) {
        String quoted = JsJson.stringify(JsonNodeFactory.instance.textNode(event.get()));
        return t.query().node(node).protocol(Protocol.SOCKETIO).direction(Direction.DOWN)
                .between(from, Long.MAX_VALUE).list().stream().filter(e -> e.description().contains(quoted)).toList();
    }

    // ---------------------------------------------------------------- checking

    /**
     * Checks every field as typed: each field's own problem for the line under it, and the first of them (in the
     * order a reader meets them: arguments first, as the one most often wrong) as the form's problem.
     */
    private void check() {
        parsedArgs = null;
        String json = "";
        String text = args.get() == null ? "" : args.get();
        if (!text.isBlank()) {
            try {
                parsedArgs = JsJson.parse(text);
            } catch (JsonSyntaxException e) {
                json = e.getMessage();
            }
        }
        argsProblem.set(json);
        String name = event.get() == null ? "" : event.get().strip();
        eventProblem.set(name.isEmpty() ? Messages.get("emit.problem.noEvent")
                : RESERVED.contains(name) ? Messages.get("emit.problem.reserved", name) : "");
        EmitVariant v = variant.get();
        variantProblem.set(v == null ? Messages.get("emit.problem.noVariant") : "");
        clientProblem.set(v != null && v.needsClient() && client.get() == null
                ? Messages.get("emit.problem.noClient") : "");
        roomProblem.set(v != null && v.needsRoom() && (room.get() == null || room.get().isBlank())
                ? Messages.get("emit.problem.noRoom") : "");
        String hex = binaryHex.get() == null ? "" : binaryHex.get().strip();
        binaryProblem.set(v == EmitVariant.BINARY && (hex.isEmpty() || hex.length() % 2 != 0
                || !hex.matches("[0-9a-fA-F]*")) ? Messages.get("emit.problem.hex") : "");
        String first = json.isEmpty() ? "" : Messages.get("emit.problem.json", json);
        for (ReadOnlyStringWrapper p : List.of(eventProblem, variantProblem, clientProblem, roomProblem,
                binaryProblem)) {
            if (first.isEmpty()) {
                first = p.get();
            }
        }
        problem.set(first);
        canSend.set(first.isEmpty() && session.scenario() != null && session.scenario().server() != null);
    }

    private void scenarioChanged(Scenario s) {
        if (s == null) {
            clients.clear();
            namespaces.setAll("/");
            rooms.clear();
        } else {
            clients.setAll(s.clients().stream().map(Scenario.ClientSpec::host).toList());
            Set<String> ns = new LinkedHashSet<>();
            ns.add("/");
            if (s.server() != null) {
                ns.addAll(s.server().namespaces());
            }
            namespaces.setAll(ns);
            Set<String> found = rooms(s);
            s.script().forEach(a -> addIfSet(found, a.room()));
            rooms.setAll(found);
        }
        if (client.get() == null || !clients.contains(client.get())) {
            client.set(clients.isEmpty() ? null : clients.get(0));
        }
        if (!namespaces.contains(namespace.get())) {
            namespace.set("/");
        }
        check();
    }

    private static Set<String> rooms(Scenario s) {
        Set<String> out = new LinkedHashSet<>();
        if (s.server() != null) {
            s.server().on().forEach(r -> addIfSet(out, r.join()));
        }
        return out;
    }

    private static void addIfSet(Set<String> set, String value) {
        if (value != null && !value.isBlank()) {
            set.add(value);
        }
    }
}
