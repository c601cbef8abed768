package org.netsim.lessons.student;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.netsim.capture.decode.CaptureMessage;
import org.netsim.lessons.ByteRange;
import org.netsim.lessons.EventFields;
import org.netsim.lessons.LayerModel;
import org.netsim.lessons.run.StudentView;
import org.netsim.scenario.Scenario;
import org.netsim.scenario.ScenarioRun;
import org.netsim.scenario.ScenarioRunner;
import org.netsim.timeline.Cursor;
import org.netsim.timeline.TimelineEvent;

/**
 * The simulator as a student has it in front of them, without a window: an open scenario and its run, a cursor over
 * the timeline (the selected event and the time follow it, as in the app), the inspector's selected field and
 * highlighted bytes, the layer switch, the emits added with the composer, and the live capture's decoded messages. It does only what the app
 * lets a student do, through the engine's public API.
 */
public final class StudentDesk implements StudentView {
    private Scenario base;
    private Scenario scenario;
    private String scenarioName;
    private ScenarioRun run;
    private Cursor cursor;
    private TimelineEvent selected;
    private String fieldKey;
    private ByteRange highlight;
    private LayerModel layerModel = LayerModel.OSI;
    private long now = ScenarioRunner.START_NANOS;
    private final List<Scenario.Action> added = new ArrayList<>();
    private List<CaptureMessage> capture = List.of();

    /** Opens a scenario as the scenario menu does: runs it and stands before its first event. */
    public StudentDesk open(String name, Scenario s) {
        base = s;
        scenario = s;
        scenarioName = name;
        added.clear();
        show(ScenarioRunner.run(s));
        return this;
    }

    private void show(ScenarioRun r) {
        run = r;
        cursor = r.timeline().cursor();
        selected = null;
        fieldKey = null;
        highlight = null;
        now = ScenarioRunner.START_NANOS;
    }

    /** The composer: adds a script step and runs the scenario again (the selection goes back to the start). */
    public void add(Scenario.Action a) {
        added.add(a);
        List<Scenario.Action> script = new ArrayList<>(scenario.script());
        script.add(a);
        Scenario s = scenario;
        scenario = new Scenario(s.name(), s.description(), s.seed(), s.duration(), s.hosts(), s.switches(),
                s.routers(), s.links(), s.capture(), s.server(), s.clients(), script);
        show(ScenarioRunner.run(scenario));
    }

    /** Takes back the last added step (the student tries another time). */
    public void undoAdd() {
        Scenario.Action last = added.remove(added.size() - 1);
        List<Scenario.Action> script = new ArrayList<>(scenario.script());
        script.remove(script.lastIndexOf(last));
        Scenario s = scenario;
        scenario = new Scenario(s.name(), s.description(), s.seed(), s.duration(), s.hosts(), s.switches(),
                s.routers(), s.links(), s.capture(), s.server(), s.clients(), script);
        show(ScenarioRunner.run(scenario));
    }

    /** Back to before the first event (Home). */
    public void rewind() {
        cursor.seek(-1);
        select(null);
        now = ScenarioRunner.START_NANOS;
    }

    /** One step forward (Right arrow); false at the end. */
    public boolean stepForward() {
        TimelineEvent e = cursor.forward();
        if (e == null) {
            return false;
        }
        select(e);
        now = e.timeNanos();
        return true;
    }

    /** Plays (or drags the time slider) to {@code offsetNanos} after the start. */
    public void playTo(long offsetNanos) {
        now = ScenarioRunner.START_NANOS + offsetNanos;
        cursor.seekTime(now);
        select(cursor.current());
    }

    private void select(TimelineEvent e) {
        selected = e;
        fieldKey = null;
        highlight = null;
    }

    /**
     * The rows of the inspector's tree for the selected event: every field of its PDU tree, those of a reassembled
     * message too, each with the byte array it is in.
     */
    public List<EventFields.Placed> inspectorFields() {
        return selected == null ? List.of() : EventFields.of(selected);
    }

    /**
     * Clicks the first row of the tree with this key: the field is selected and its bytes highlighted, in its own
     * byte array (the inspector shows that array's bytes).
     */
    public boolean clickField(String key) {
        for (EventFields.Placed f : inspectorFields()) {
            if (f.field().key().equals(key)) {
                fieldKey = key;
                highlight = f.range();
                return true;
            }
        }
        return false;
    }

    /** Drags over bytes in the hex pane. */
    public void highlight(ByteRange r) {
        highlight = r;
    }

    public void layerSwitch(LayerModel m) {
        layerModel = m;
    }

    /** What the Live capture tab decoded: a capture file opened there, or real traffic captured. */
    public void capture(List<CaptureMessage> messages) {
        capture = List.copyOf(messages);
    }

    public Scenario scenario() {
        return scenario;
    }

    public Scenario baseScenario() {
        return base;
    }

    @Override
    public ScenarioRun run() {
        return run;
    }

    @Override
    public String scenarioName() {
        return scenarioName;
    }

    @Override
    public TimelineEvent selectedEvent() {
        return selected;
    }

    @Override
    public String selectedFieldKey() {
        return fieldKey;
    }

    @Override
    public ByteRange highlightedBytes() {
        return highlight;
    }

    @Override
    public LayerModel layerModel() {
        return layerModel;
    }

    @Override
    public long currentTimeNanos() {
        return now;
    }

    @Override
    public List<Scenario.Action> addedActions() {
        return List.copyOf(added);
    }

    /** The desk has a Live capture tab, as the app has: nothing captured is an empty list. */
    @Override
    public Optional<List<CaptureMessage>> capturedMessages() {
        return Optional.of(capture);
    }
}
