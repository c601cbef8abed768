package org.netsim.app.gui.compare;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.netsim.app.gui.Messages;
import org.netsim.app.gui.inspector.InspectorViewModel;
import org.netsim.compare.FieldDifference;
import org.netsim.compare.FrameComparison;
import org.netsim.compare.SimulatedTwin;
import org.netsim.pdu.Field;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.Protocol;
import org.netsim.capture.decode.CaptureMessage;

/**
 * A captured Socket.IO event beside its simulated twin: both frames as layer trees and hex, and the list of fields
 * that differ with the reason each may (or a flag where a real capture should not differ).
 */
public final class ComparisonViewModel {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();
    private final InspectorViewModel simulated = new InspectorViewModel(Messages.bundle());
    private final InspectorViewModel captured = new InspectorViewModel(Messages.bundle());
    private final ObservableList<FieldDifference> differences = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper notes = new ReadOnlyStringWrapper(this, "notes", "");

    /**
     * Compares a captured event (its frame and tree) with its twin; returns false, with the reason in the summary,
     * for a message that is not an event.
     */
    public boolean compare(CaptureMessage message, byte[] frame, Pdu tree, boolean builtInPeer) {
        if (message.event() == null || message.args() == null) {
            summary.set(Messages.get("compare.not.event", message.type()));
            return false;
        }
        boolean fromClient = sentByClient(tree);
        com.fasterxml.jackson.databind.JsonNode args;
        try {
            args = JSON.readTree(message.args());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            summary.set(Messages.get("compare.not.event", message.type()));
            return false;
        }
        SimulatedTwin twin = SimulatedTwin.of(message.event(), args, message.namespace(), fromClient, false,
                message.ackId() != null);
        FrameComparison c = FrameComparison.of(twin.tree(), tree);
        simulated.show(twin.tree(), twin.frame());
        captured.show(tree, frame);
        differences.setAll(c.differences());
        summary.set(Messages.get("compare.summary", message.event(), Messages.get(fromClient
                ? "compare.to.server" : "compare.to.client"), c.same(), c.differences().size(),
                c.unexpected().size()));
        StringBuilder n = new StringBuilder();
        if (builtInPeer) {
            n.append(Messages.get("compare.note.peer"));
        }
        if ("polling".equals(message.transport())) {
            n.append(n.length() == 0 ? "" : " ").append(Messages.get("compare.note.polling"));
        }
        notes.set(n.toString());
        return true;
    }

    /**
     * Who sent the frame, from the protocols themselves: a client masks every WebSocket frame (RFC 6455 §5.3) and
     * sends the HTTP requests; the server sends unmasked frames and the responses.
     */
    static boolean sentByClient(Pdu tree) {
        var ws = tree.find(Protocol.WEBSOCKET);
        if (ws.isPresent()) {
            return ws.get().field("websocket.mask").map(Field::value).orElse(0L) == 1L;
        }
        return tree.find(Protocol.HTTP).flatMap(h -> h.field("http.request.method")).isPresent();
    }

    public InspectorViewModel simulated() {
        return simulated;
    }

    public InspectorViewModel captured() {
        return captured;
    }

    public ObservableList<FieldDifference> differences() {
        return differences;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty notesProperty() {
        return notes.getReadOnlyProperty();
    }
}
