package org.netsim.app.gui.session;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.netsim.app.gui.Messages;
import org.netsim.scenario.Scenario;
import org.netsim.scenario.ScenarioException;
import org.netsim.scenario.ScenarioFile;
import org.netsim.scenario.ScenarioRun;
import org.netsim.scenario.ScenarioRunner;
import org.netsim.timeline.Cursor;
import org.netsim.timeline.Timeline;
import org.netsim.timeline.TimelineEvent;

/**
 * The shared state every view of the classroom window binds to: the loaded scenario and its run, the selected event
 * and the current simulation time. Selecting an event anywhere goes through {@link #select}, which sets both, so the
 * event list, the topology, the stack and the inspector always show the same moment.
 *
 * <p>Every change to the scenario (new seed, a client more or less, link settings, an emit added) runs it again: runs
 * are deterministic, so everything before the change is identical and the selection stays on the same event index.
 * Runs of the shipped scenarios take milliseconds, so they run on the calling thread. A scenario that does not load
 * or run leaves the current one as it was and says why in {@link #messageProperty()}, one line.
 */
public final class SessionViewModel {
    /** Where the clock of every run starts; the current time before the first event. */
    public static final long START_NANOS = ScenarioRunner.START_NANOS;

    private final ReadOnlyObjectWrapper<Scenario> scenario = new ReadOnlyObjectWrapper<>(this, "scenario");
    private final ReadOnlyObjectWrapper<ScenarioRun> run = new ReadOnlyObjectWrapper<>(this, "run");
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper(this, "source", "");
    private final ReadOnlyObjectWrapper<TimelineEvent> selectedEvent = new ReadOnlyObjectWrapper<>(this,
            "selectedEvent");
    private final ReadOnlyLongWrapper currentTime = new ReadOnlyLongWrapper(this, "currentTime", START_NANOS);
    private final ObjectProperty<LayerModel> layerModel = new SimpleObjectProperty<>(this, "layerModel",
            LayerModel.OSI);
    private final ObjectProperty<String> selectedDevice = new SimpleObjectProperty<>(this, "selectedDevice");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper(this, "messageIsError");

    // ---------------------------------------------------------------- properties

    public ReadOnlyObjectProperty<Scenario> scenarioProperty() {
        return scenario.getReadOnlyProperty();
    }

    public Scenario scenario() {
        return scenario.get();
    }

    public ReadOnlyObjectProperty<ScenarioRun> runProperty() {
        return run.getReadOnlyProperty();
    }

    public ScenarioRun run() {
        return run.get();
    }

    /** Where the scenario came from: a shipped scenario's file name or a file's path. */
    public ReadOnlyStringProperty sourceProperty() {
        return source.getReadOnlyProperty();
    }

    /** The selected event, {@code null} before the first event (index -1). */
    public ReadOnlyObjectProperty<TimelineEvent> selectedEventProperty() {
        return selectedEvent.getReadOnlyProperty();
    }

    public TimelineEvent selectedEvent() {
        return selectedEvent.get();
    }

    /** The selected event's index, -1 before the first event. */
    public int selectedIndex() {
        TimelineEvent e = selectedEvent.get();
        return e == null ? -1 : e.index();
    }

    /** Simulation time in nanoseconds since the epoch, as {@link TimelineEvent#timeNanos()}. */
    public ReadOnlyLongProperty currentTimeProperty() {
        return currentTime.getReadOnlyProperty();
    }

    public long currentTime() {
        return currentTime.get();
    }

    /** OSI (7 layers) or TCP/IP (4 layers): the stack view and the event list's layer column follow it. */
    public ObjectProperty<LayerModel> layerModelProperty() {
        return layerModel;
    }

    /**
     * The device the student picked (a node name), or null: the stack view shows its in- and out-stacks for the
     * selected frame, and any view may set it (the stack view's picker, a click on the topology). It stays picked
     * across events and runs.
     */
    public ObjectProperty<String> selectedDeviceProperty() {
        return selectedDevice;
    }

    /** The last thing worth telling the user: what was loaded, exported, or why something failed. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError.getReadOnlyProperty();
    }

    // ---------------------------------------------------------------- loading

    /** Opens a shipped scenario by file name ({@code one-client.yaml}); false (and a message) if it fails. */
    public boolean openShipped(String fileName) {
        try {
            return load(ScenarioFile.builtIn(fileName), fileName);
        } catch (ScenarioException e) {
            return fail(e);
        }
    }

    /** Opens a scenario file (YAML or JSON); a bad file leaves the current scenario and says why. */
    public boolean openFile(Path file) {
        try {
            return load(ScenarioFile.read(file), file.toString());
        } catch (ScenarioException e) {
            return fail(e);
        }
    }

    /** Runs {@code s} and makes it the session's scenario, before its first event. */
    public boolean load(Scenario s, String sourceName) {
        ScenarioRun r;
        try {
            r = ScenarioRunner.run(s);
        } catch (ScenarioException | IllegalArgumentException e) {
            return fail(e);
        }
        show(r, sourceName);
        return true;
    }

    /** Makes a finished run (one run ahead, while the window was starting) the session's scenario. */
    public void show(ScenarioRun r, String sourceName) {
        Scenario s = r.scenario();
        selectedEvent.set(null);
        currentTime.set(START_NANOS);
        scenario.set(s);
        run.set(r);
        source.set(sourceName);
        inform(Messages.get("session.loaded", s.name(), r.timeline().size()));
    }

    // ---------------------------------------------------------------- editing (each runs again)

    /** The same scenario with the next seed: new random values (ports, sequence numbers, masks, session ids). */
    public boolean newSeed() {
        return edit(s -> ScenarioEdits.withSeed(s, s.seed() + 1), "session.reseeded");
    }

    /** Adds a client host (named from {@code session.clientNames}) on the server's switch. */
    public boolean addClient() {
        List<String> names = Arrays.asList(Messages.get("session.clientNames").split("\\s*,\\s*"));
        return edit(s -> ScenarioEdits.withClient(s, ScenarioEdits.freeName(s, names)), "session.clientAdded");
    }

    public boolean removeClient(String host) {
        return edit(s -> ScenarioEdits.withoutClient(s, host), "session.clientRemoved");
    }

    /** Changes link number {@code index}; {@code null} keeps a setting. */
    public boolean changeLink(int index, String rate, String delay, Double loss, Integer mtu) {
        return edit(s -> ScenarioEdits.withLink(s, index, rate, delay, loss, mtu), "session.linkChanged");
    }

    /**
     * Changes link number {@code index} from the text of the link settings form: rate ({@code 10Mbps}), delay
     * ({@code 2ms}), loss (0 to 1) and MTU (bytes); an empty field keeps the setting, a bad one is reported.
     */
    public boolean changeLink(int index, String rate, String delay, String loss, String mtu) {
        String problem = LinkSettingsViewModel.lossProblem(loss);
        if (problem.isEmpty()) {
            problem = LinkSettingsViewModel.mtuProblem(mtu);
        }
        if (!problem.isEmpty()) {
            return fail(new IllegalArgumentException(problem));
        }
        return changeLink(index, blank(rate) ? null : rate.strip(), blank(delay) ? null : delay.strip(),
                blank(loss) ? null : Double.valueOf(loss.strip()), blank(mtu) ? null : Integer.valueOf(mtu.strip()));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Adds a scripted step (an emit from the composer) and runs again. */
    public boolean addAction(Scenario.Action action) {
        return edit(s -> ScenarioEdits.withAction(s, action), "session.actionAdded");
    }

    /**
     * Runs the edited scenario; keeps the selection on the same event index (and so the same time: the run is
     * identical up to the change) when the new run still has it, else goes back before the first event.
     */
    private boolean edit(UnaryOperator<Scenario> change, String doneKey) {
        Scenario old = scenario.get();
        if (old == null) {
            return false;
        }
        Scenario s;
        ScenarioRun r;
        try {
            s = change.apply(old);
            r = ScenarioRunner.run(s);
        } catch (ScenarioException | IllegalArgumentException e) {
            return fail(e);
        }
        int keep = selectedIndex();
        long time = currentTime.get();
        long keptEventTime = keep < 0 ? -1 : selectedEvent.get().timeNanos();
        scenario.set(s);
        selectedEvent.set(null);
        run.set(r);
        Timeline t = r.timeline();
        if (keep >= 0 && keep < t.size()) {
            TimelineEvent e = t.get(keep);
            selectedEvent.set(e);
            // same moment in the new run (the change came later): keep the time too, even between two events
            currentTime.set(e.timeNanos() == keptEventTime ? time : e.timeNanos());
        } else if (keep >= 0) {
            currentTime.set(START_NANOS);
        }
        inform(Messages.get(doneKey, s.name(), s.seed(), r.timeline().size()));
        return true;
    }

    // ---------------------------------------------------------------- export

    /**
     * The export of the current run as pcap, to run on any thread (the window runs it off the FX thread): with a
     * {@code point}, one file {@code target} with that capture point's frames; without, one file per capture point
     * in folder {@code target}. Call {@link #exported} with its result on the FX thread.
     */
    public Callable<List<Path>> exportJob(Path target, String point) {
        ScenarioRun r = run.get();
        if (r == null) {
            throw new IllegalStateException("no scenario is loaded");
        }
        return () -> {
            if (point == null) {
                return PcapExport.writeAll(r, target);
            }
            PcapExport.write(r, point, target);
            return List.of(target);
        };
    }

    /** Says which files an export wrote. */
    public void exported(List<Path> files) {
        inform(Messages.get("session.exported", files.size(), files.isEmpty() ? "" : files.get(0).getParent()));
    }

    // ---------------------------------------------------------------- selection and time

    /** Selects event {@code index} (-1: before the first) and moves the time to it. */
    public void select(int index) {
        ScenarioRun r = run.get();
        if (r == null) {
            return;
        }
        if (index < 0) {
            selectedEvent.set(null);
            currentTime.set(START_NANOS);
            return;
        }
        TimelineEvent e = r.timeline().get(index);
        selectedEvent.set(e);
        currentTime.set(e.timeNanos());
    }

    /**
     * Moves the time to {@code timeNanos} (playback) and selects event {@code index}, which the caller found at or
     * before that time (-1: before the first).
     */
    public void showTime(long timeNanos, int index) {
        ScenarioRun r = run.get();
        if (r == null) {
            return;
        }
        currentTime.set(timeNanos);
        if (index != selectedIndex()) {
            selectedEvent.set(index < 0 ? null : r.timeline().get(index));
        }
    }

    /** The index of the last event at or before {@code timeNanos}, -1 if none. */
    public int lastEventAtOrBefore(long timeNanos) {
        ScenarioRun r = run.get();
        if (r == null) {
            return -1;
        }
        Cursor c = r.timeline().cursor();
        c.seekTime(timeNanos);
        return c.position();
    }

    /** Tells the user something went right (replacing an earlier message). */
    public void inform(String text) {
        message.set(oneLine(text));
        messageIsError.set(false);
    }

    /** Tells the user something went wrong that is not an error of the app (shown like a failure). */
    public void warn(String text) {
        message.set(oneLine(text));
        messageIsError.set(true);
    }

    /** Tells the user something failed; returns false for the caller to return. */
    public boolean fail(Exception e) {
        message.set(oneLine(Messages.get("session.failed", e.getMessage())));
        messageIsError.set(true);
        return false;
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
