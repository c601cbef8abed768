package org.netsim.lessons.run;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.netsim.lessons.ByteRange;
import org.netsim.lessons.EventFields;
import org.netsim.lessons.Check;
import org.netsim.lessons.EventSelector;
import org.netsim.lessons.load.FieldKeys;
import org.netsim.pdu.Field;
import org.netsim.pdu.Protocol;
import org.netsim.scenario.Scenario;
import org.netsim.scenario.ScenarioRunner;
import org.netsim.timeline.TimelineEvent;

/**
 * Judges a step's {@link Check} against the student's session. Each judgement reads the view once and says, when the
 * check does not pass, what is missing in words a student can act on.
 *
 * <table>
 *   <caption>What each check compares</caption>
 *   <tr><th>check</th><th>passes when</th></tr>
 *   <tr><td>selected-event</td><td>the selected event matches every key of the selector ({@link EventSelector})</td></tr>
 *   <tr><td>selected-field</td><td>the inspector's selected field key equals the field</td></tr>
 *   <tr><td>selected-bytes</td><td>the highlighted range equals {@code [byteStart, byteEnd)} of a field with that key
 *       in the selected event's PDU tree</td></tr>
 *   <tr><td>emitted</td><td>a client emit the student added (name, sender, namespace) appears in the run as a
 *       Socket.IO EVENT going down the sender's stack at or after the added step's time, with those args if given</td></tr>
 *   <tr><td>received</td><td>Socket.IO EVENTs with that name and the same payload go up the stack of enough client
 *       hosts (or of every named one)</td></tr>
 *   <tr><td>layer-model</td><td>the view's layer model equals it</td></tr>
 *   <tr><td>reached-time</td><td>current time minus the scenario start is at least {@code after}</td></tr>
 *   <tr><td>opened-scenario</td><td>the loaded scenario's file name equals it</td></tr>
 *   <tr><td>captured</td><td>the messages the live capture decoded hold at least {@code at-least} that match (event
 *       name, type, transport, namespace, args); a view without live capture: needs live capture</td></tr>
 * </table>
 */
public final class Checks {
    private static final long START = ScenarioRunner.START_NANOS;

    private Checks() {
    }

    public static CheckResult evaluate(Check check, StudentView view) {
        if (check instanceof Check.SelectedEvent c) {
            return selectedEvent(c, view);
        } else if (check instanceof Check.SelectedField c) {
            return selectedField(c, view);
        } else if (check instanceof Check.SelectedBytes c) {
            return selectedBytes(c, view);
        } else if (check instanceof Check.Emitted c) {
            return EmitChecks.emitted(c, view);
        } else if (check instanceof Check.Received c) {
            return EmitChecks.received(c, view);
        } else if (check instanceof Check.LayerModelIs c) {
            return view.layerModel() == c.model()
                    ? CheckResult.pass("The views show the " + c.model().word() + " model.")
                    : CheckResult.notYet("The views show the " + (view.layerModel() == null ? "no"
                    : view.layerModel().word()) + " model; switch them to " + c.model().word() + ".");
        } else if (check instanceof Check.ReachedTime c) {
            long now = view.currentTimeNanos() - START;
            return now >= c.afterNanos()
                    ? CheckResult.pass("The time is " + millis(now) + ".")
                    : CheckResult.notYet("The time is " + millis(now) + "; play or step on until " + c.after() + ".");
        } else if (check instanceof Check.OpenedScenario c) {
            String loaded = lastName(view.scenarioName());
            return c.name().equals(loaded)
                    ? CheckResult.pass("Scenario " + c.name() + " is open.")
                    : CheckResult.notYet((loaded == null ? "No scenario is open" : "The open scenario is " + loaded)
                    + "; open " + c.name() + ".");
        } else if (check instanceof Check.Captured c) {
            return EmitChecks.captured(c, view);
        }
        throw new IllegalArgumentException("unknown check " + check);
    }

    // ---------------------------------------------------------------- selection

    private static CheckResult selectedEvent(Check.SelectedEvent c, StudentView view) {
        TimelineEvent e = view.selectedEvent();
        if (e == null) {
            return CheckResult.notYet("No event is selected: step through the timeline or pick one in the event "
                    + "list.");
        }
        List<String> diff = c.selector().mismatches(e);
        if (diff.isEmpty()) {
            return CheckResult.pass("Event " + e.index() + " (" + e.node() + " " + e.direction().word() + " "
                    + e.protocol().title() + ") is the one.");
        }
        return CheckResult.notYet("The selected event (" + e.node() + " " + e.direction().word() + " "
                + e.protocol().title() + ": " + e.description() + ") is not it: " + String.join("; ", diff) + ".");
    }

    private static CheckResult selectedField(Check.SelectedField c, StudentView view) {
        String key = view.selectedFieldKey();
        if (key == null) {
            Optional<String> wrongEvent = notTheEvent(c.event(), view.selectedEvent());
            return CheckResult.notYet("No field is selected in the inspector" + wrongEvent.map(w -> "; first select "
                    + "the event the step is about: " + w).orElse("."));
        }
        if (!key.equals(c.field())) {
            String where = FieldKeys.protocolOf(key).map(p -> " (a " + p.title() + " field)").orElse("");
            return CheckResult.notYet("The selected field is " + key + where + "; that is not the one asked for.");
        }
        Protocol layer = view.selectedFieldProtocol();
        if (c.protocol() != null && layer != c.protocol()) {
            return CheckResult.notYet("The selected " + key + " is in the " + (layer == null ? "no" : layer.title())
                    + " layer of the tree; the one in the " + c.protocol().title() + " layer is asked for.");
        }
        Optional<String> wrongEvent = notTheEvent(c.event(), view.selectedEvent());
        if (wrongEvent.isPresent()) {
            return CheckResult.notYet("That is the right field, but in another event: " + wrongEvent.get());
        }
        return CheckResult.pass("Field " + c.field() + " is selected.");
    }

    /** Why the selected event is not one the selector matches, or empty if it is (or no event is asked for). */
    private static Optional<String> notTheEvent(EventSelector wanted, TimelineEvent e) {
        if (wanted == null) {
            return Optional.empty();
        }
        if (e == null) {
            return Optional.of("no event is selected.");
        }
        List<String> diff = wanted.mismatches(e);
        return diff.isEmpty() ? Optional.empty() : Optional.of("the selected event (" + e.node() + " "
                + e.direction().word() + " " + e.protocol().title() + ": " + e.description() + ") is not it: "
                + String.join("; ", diff) + ".");
    }

    private static CheckResult selectedBytes(Check.SelectedBytes c, StudentView view) {
        TimelineEvent e = view.selectedEvent();
        if (e == null) {
            return CheckResult.notYet("No event is selected, so the hex pane shows no bytes.");
        }
        Optional<String> wrongEvent = notTheEvent(c.event(), e);
        if (wrongEvent.isPresent()) {
            return CheckResult.notYet("The hex pane shows another event than the one asked for: "
                    + wrongEvent.get());
        }
        List<EventFields.Placed> fields = EventFields.withKey(e, c.field());
        if (fields.isEmpty()) {
            return CheckResult.notYet("The selected event's bytes hold no " + c.field() + ": select an event that "
                    + "carries it first.");
        }
        ByteRange r = view.highlightedBytes();
        if (r == null) {
            return CheckResult.notYet("No bytes are highlighted in the hex pane.");
        }
        for (EventFields.Placed f : fields) {
            if (f.range().equals(r)) {
                return CheckResult.pass("The highlighted " + r + " are exactly " + f.field().name() + ".");
            }
        }
        return CheckResult.notYet("The highlighted " + r + " are not exactly the field's bytes"
                + covering(e, r) + otherArray(fields, r) + ".");
    }

    /** ": they overlap Source port, Destination port" or "", in the byte array the range is in. */
    static String covering(TimelineEvent e, ByteRange r) {
        Set<String> names = new LinkedHashSet<>();
        for (EventFields.Placed p : EventFields.inArray(e, r.source())) {
            Field f = p.field();
            if (f.byteStart() < r.end() && r.start() < f.byteEnd()) {
                names.add(f.name());
            }
        }
        if (names.isEmpty()) {
            return ": no field lies there";
        }
        List<String> list = new ArrayList<>(names);
        return list.size() > 8 ? ": they run over " + list.size() + " fields, from " + list.get(0) + " to "
                + list.get(list.size() - 1) : ": they cover " + String.join(", ", list);
    }

    /**
     * "; Masking key is in the Reassembled TCP (90,030 bytes) bytes, shown with their own button below the hex
     * pane" when the highlighted bytes are in an array that holds none of {@code fields}, else "".
     */
    static String otherArray(List<EventFields.Placed> fields, ByteRange r) {
        for (EventFields.Placed f : fields) {
            if (f.source() == r.source()) {
                return "";
            }
        }
        EventFields.Placed f = fields.get(0);
        return "; " + f.field().name() + " is in the " + f.sourceTitle() + " bytes, shown with their own button "
                + "below the hex pane";
    }

    // ---------------------------------------------------------------- text

    static String millis(long nanos) {
        return java.math.BigDecimal.valueOf(nanos, 6).stripTrailingZeros().toPlainString() + " ms";
    }

    private static String lastName(String path) {
        if (path == null) {
            return null;
        }
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
