package org.netsim.app.gui.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.netsim.app.gui.Messages;
import org.netsim.app.gui.inspector.InspectorViewModel;
import org.netsim.app.gui.live.LiveViewModel;
import org.netsim.capture.decode.CaptureMessage;
import org.netsim.compare.CarriedMessage;
import org.netsim.compare.FieldDifference;
import org.netsim.compare.MessageComparison;
import org.netsim.compare.ServerLibraries;
import org.netsim.compare.SimulatedTwin;
import org.netsim.pdu.Field;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.Protocol;

/**
 * A captured Socket.IO event beside its simulated twin, part by part ({@link MessageComparison}): the text part, each
 * attachment, the HTTP message of a polling event, and the frames that carried it; for the chosen part both sides as
 * layer trees and hex, and for all of them the fields that differ with the reason each may (or a mark where a real
 * capture should not differ). A message that cannot be compared says why in one line.
 */
public final class ComparisonViewModel {
    /** One row of the differences: the part it belongs to and the field. */
    public record Row(String part, FieldDifference difference) {
    }

    /** One part to choose, with the label the chooser shows. */
    public record PartItem(String label, MessageComparison.Part part) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** A comparison worked out off the window's thread. */
    record Result(CaptureMessage message, boolean fromClient, SimulatedTwin twin, MessageComparison comparison) {
    }

    private final InspectorViewModel simulated = new InspectorViewModel(Messages.bundle());
    private final InspectorViewModel captured = new InspectorViewModel(Messages.bundle());
    private final ObservableList<Row> differences = FXCollections.observableArrayList();
    private final ObservableList<PartItem> parts = FXCollections.observableArrayList();
    private final ObjectProperty<PartItem> part = new SimpleObjectProperty<>(this, "part");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper notes = new ReadOnlyStringWrapper(this, "notes", "");
    private long requests;

    public ComparisonViewModel() {
        part.addListener((o, a, b) -> showPart(b));
    }

    /** Compares a captured event with its twin here and now; false, with the reason in the summary, if it cannot. */
    public boolean compare(LiveViewModel.Captured c) {
        try {
            show(c, work(c));
            return true;
        } catch (RuntimeException e) {
            failed(c.message(), e);
            return false;
        }
    }

    /**
     * The same with the simulation on {@code background} (it takes a moment) and the result shown through {@code ui};
     * a later request replaces an earlier one still running. Completes with whether it could compare.
     */
    public CompletableFuture<Boolean> compareLater(LiveViewModel.Captured c, Executor background, Executor ui) {
        long id = ++requests;
        clear();
        summary.set(Messages.get("compare.working", c.message().frame()));
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        background.execute(() -> {
            Result r;
            try {
                r = work(c);
            } catch (RuntimeException e) {
                ui.execute(() -> {
                    if (id == requests) {
                        failed(c.message(), e);
                    }
                    done.complete(false);
                });
                return;
            }
            ui.execute(() -> {
                if (id == requests) {
                    show(c, r);
                }
                done.complete(id == requests);
            });
        });
        return done;
    }

    /** The captured message laid out, its twin simulated, the two compared: no JavaFX, any thread. */
    static Result work(LiveViewModel.Captured c) {
        CaptureMessage m = c.message();
        if (m.event() == null || m.args() == null) {
            throw new IllegalArgumentException(Messages.get("compare.not.event", m.type()));
        }
        CarriedMessage mine = CarriedMessage.of(m, c.frames());
        boolean fromClient = sentByClient(mine);
        SimulatedTwin twin = SimulatedTwin.of(m, fromClient, false);
        return new Result(m, fromClient, twin, MessageComparison.of(twin.carried(), mine));
    }

    private void show(LiveViewModel.Captured c, Result r) {
        MessageComparison cmp = r.comparison();
        List<Row> rows = new ArrayList<>();
        List<PartItem> items = new ArrayList<>();
        for (MessageComparison.Part p : cmp.parts()) {
            items.add(new PartItem(label(p, false), p));
            String shortLabel = label(p, true);
            p.comparison().differences().forEach(d -> rows.add(new Row(shortLabel, d)));
        }
        differences.setAll(rows);
        parts.setAll(items);
        part.set(items.isEmpty() ? null : items.get(0));
        summary.set(Messages.get("compare.summary", r.message().event(), Messages.get(r.fromClient()
                ? "compare.to.server" : "compare.to.client"), cmp.same(), cmp.differences().size(),
                cmp.unexpected().size()));
        List<String> n = new ArrayList<>();
        c.server().ifPresentOrElse(v -> n.add(library(v)), () -> {
            if (c.builtInPeer()) {
                n.add(Messages.get("compare.note.peer"));
            }
        });
        if ("polling".equals(r.message().transport())) {
            n.add(Messages.get(r.twin().joined() ? "compare.note.polling.joined" : "compare.note.polling"));
        }
        int capFrames = cmp.captured().frames().size();
        int simFrames = cmp.simulated().frames().size();
        if (capFrames != simFrames && simFrames > 0) {
            n.add(Messages.get("compare.note.segments", capFrames, simFrames));
        }
        if (cmp.unpairedUnits() > 0) {
            n.add(Messages.get("compare.note.unpaired", cmp.unpairedUnits()));
        }
        notes.set(String.join(" ", n));
    }

    private static String library(ServerLibraries.Verdict v) {
        return Messages.get("compare.note.library", v.server(), v.library() == null ? ""
                : Messages.get("compare.note.library.named", v.library()), String.join("; ", v.signs()));
    }

    private void failed(CaptureMessage m, RuntimeException e) {
        clear();
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        summary.set(Messages.get("compare.failed", m.frame(), why.replaceAll("\\s*\\R\\s*", " ")));
    }

    private void clear() {
        differences.clear();
        parts.clear();
        part.set(null);
        simulated.clear();
        captured.clear();
        notes.set("");
    }

    private void showPart(PartItem p) {
        if (p == null) {
            simulated.clear();
            captured.clear();
            return;
        }
        MessageComparison.Part x = p.part();
        simulated.show(x.simulated().tree(), x.simulated().bytes());
        captured.show(x.captured().tree(), x.captured().bytes());
    }

    /** The chooser's label of a part, or the short one of the differences' part column. */
    static String label(MessageComparison.Part p, boolean brief) {
        String prefix = brief ? "compare.short." : "compare.part.";
        if (p.kind() == MessageComparison.Kind.FRAME) {
            return Messages.get(prefix + "frame", p.captured().frame(), p.simulated().frame());
        }
        boolean polling = p.captured().tree().protocol() == Protocol.HTTP;
        return switch (p.role()) {
            case HTTP -> Messages.get(prefix + "http");
            case TEXT -> p.number() > 0 ? Messages.get(prefix + "fragment", p.number())
                    : Messages.get(prefix + (polling ? "text.polling" : "text"));
            case ATTACHMENT -> Messages.get(prefix + (polling ? "attachment.polling" : "attachment"), p.number());
        };
    }

    /**
     * Who sent the message, from the protocols themselves: a client masks every WebSocket frame (RFC 6455 §5.3) and
     * sends the HTTP requests; the server sends unmasked frames and the responses.
     */
    static boolean sentByClient(CarriedMessage m) {
        Pdu first = m.units().get(0).tree();
        if (first.protocol() == Protocol.HTTP) {
            return first.field("http.request.method").isPresent();
        }
        return first.field("websocket.mask").map(Field::value).orElse(0L) == 1L;
    }

    public InspectorViewModel simulated() {
        return simulated;
    }

    public InspectorViewModel captured() {
        return captured;
    }

    /** Every field that differs, part by part. */
    public ObservableList<Row> differences() {
        return differences;
    }

    /** The parts compared: units first, then frames. */
    public ObservableList<PartItem> parts() {
        return parts;
    }

    /** The part whose trees and bytes are shown. */
    public ObjectProperty<PartItem> partProperty() {
        return part;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty notesProperty() {
        return notes.getReadOnlyProperty();
    }
}
