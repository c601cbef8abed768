package org.netsim.app.gui.topology;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.function.IntConsumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.netsim.scenario.ScenarioRun;
import org.netsim.timeline.Timeline;
import org.netsim.timeline.TimelineEvent;
import org.netsim.timeline.Unit;

/**
 * The topology view's state: the network laid out, and the frames on its cables at the current time, each with its
 * progress, colour and label; plus the sentences that make two easily confused things visible: an Ethernet broadcast
 * that the switch floods out of every port, and a Socket.IO broadcast that the server sends as one unicast frame per
 * recipient.
 *
 * <p>Wire events are indexed once per run ({@link WireIndex}); a frame's label is decoded the first time it is on a
 * cable and kept, so moving the time costs a search and the frames now in flight.
 */
public final class TopologyViewModel {
    /** Socket.IO copies that leave within this time of the current time count as one broadcast. */
    static final long FAN_OUT_WINDOW_NANOS = 200_000;

    private final ResourceBundle text;
    private final ReadOnlyObjectWrapper<TopologyGraph> graph = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyLongWrapper time = new ReadOnlyLongWrapper();
    private final ObservableList<FrameInFlight> inFlight = FXCollections.observableArrayList();
    private final ObservableList<String> notes = FXCollections.observableArrayList();
    /** One wrapper each for good: listeners on a wrapper made per call would vanish with it (it holds them weakly). */
    private final ObservableList<FrameInFlight> readOnlyInFlight = FXCollections.unmodifiableObservableList(inFlight);
    private final ObservableList<String> readOnlyNotes = FXCollections.unmodifiableObservableList(notes);
    private final Map<Unit.Frame, FrameInfo> infos = new IdentityHashMap<>();
    private ScenarioRun run;
    private WireIndex index;
    private int[] fanOutRange = {-1, -1};
    private List<String> fanOut = List.of();
    private final IntegerProperty selectedEvent = new SimpleIntegerProperty(this, "selectedEvent", -1);
    private final ReadOnlyStringWrapper eventDevice = new ReadOnlyStringWrapper(this, "eventDevice");
    private final ObjectProperty<String> pickedDevice = new SimpleObjectProperty<>(this, "pickedDevice");
    private IntConsumer onSelectEvent = i -> { };

    public TopologyViewModel(ResourceBundle text) {
        this.text = text;
        selectedEvent.addListener((o, was, now) -> updateEventDevice());
    }

    /**
     * The selected event's index (-1: none), which the window keeps equal to the session's selection: its frame is
     * highlighted while it is on a cable, else the device it happens at ({@link #eventDeviceProperty()}).
     */
    public IntegerProperty selectedEventProperty() {
        return selectedEvent;
    }

    /**
     * The device the selected event happens at, to highlight: null when there is none or when the event's frame is
     * on a cable at the current time (the frame is highlighted instead).
     */
    public ReadOnlyStringProperty eventDeviceProperty() {
        return eventDevice.getReadOnlyProperty();
    }

    /**
     * The device picked in the topology (clicked, or chosen with the Up and Down keys or Enter), null for none: the
     * device whose stacks the stack view is to show. The window binds it to the stack view's device (through the
     * session's selected device once it has one); clicking the device again or on empty space picks none.
     */
    public ObjectProperty<String> pickedDeviceProperty() {
        return pickedDevice;
    }

    /** What clicking a frame does with its event's index: the window selects the event everywhere. */
    public void setOnSelectEvent(IntConsumer action) {
        onSelectEvent = action == null ? i -> { } : action;
    }

    /** A frame in flight was clicked (or chosen with the keys): its event becomes the selection. */
    public void selectFrame(FrameInFlight f) {
        onSelectEvent.accept(f.event());
    }

    /** A device was clicked: picks it, or picks none if it was picked already; null (empty space) picks none. */
    public void pickDevice(String name) {
        pickedDevice.set(name == null || name.equals(pickedDevice.get()) ? null : name);
    }

    /**
     * Picks the device the selected event happens at (a frame's sender), so that after choosing an event in the list
     * one key shows that device's stack; nothing without a selection.
     */
    public void pickSelectedEventDevice() {
        int sel = selectedEvent.get();
        if (run != null && sel >= 0 && sel < run.timeline().size()) {
            pickedDevice.set(run.timeline().get(sel).node());
        }
    }

    /** Picks the next (or, with {@code step} -1, the previous) device in the drawing's order. */
    public void pickNextDevice(int step) {
        TopologyGraph g = graph.get();
        if (g == null || g.devices().isEmpty()) {
            return;
        }
        int n = g.devices().size();
        int at = -1;
        for (int i = 0; i < n; i++) {
            if (g.devices().get(i).name().equals(pickedDevice.get())) {
                at = i;
            }
        }
        int next = at < 0 ? (step > 0 ? 0 : n - 1) : Math.floorMod(at + step, n);
        pickedDevice.set(g.devices().get(next).name());
    }

    /** Selects the next (or previous) frame in flight after the selected one, in the order they started. */
    public void selectNextFrame(int step) {
        if (inFlight.isEmpty()) {
            return;
        }
        int at = -1;
        for (int i = 0; i < inFlight.size(); i++) {
            if (inFlight.get(i).event() == selectedEvent.get()) {
                at = i;
            }
        }
        int next = at < 0 ? (step > 0 ? 0 : inFlight.size() - 1) : Math.floorMod(at + step, inFlight.size());
        selectFrame(inFlight.get(next));
    }

    private void updateEventDevice() {
        updateEventDevice(inFlight);
    }

    private void updateEventDevice(List<FrameInFlight> now) {
        int sel = selectedEvent.get();
        if (run == null || sel < 0 || sel >= run.timeline().size()) {
            eventDevice.set(null);
            return;
        }
        for (FrameInFlight f : now) {
            if (f.event() == sel) {
                eventDevice.set(null);
                return;
            }
        }
        eventDevice.set(run.timeline().get(sel).node());
    }

    /** Shows a run: lays its network out and indexes its wire events; the time goes to the run's start. */
    public void setRun(ScenarioRun newRun) {
        run = newRun;
        infos.clear();
        fanOutRange = new int[] {-1, -1};
        if (run == null) {
            index = null;
            graph.set(null);
            inFlight.clear();
            notes.clear();
            pickedDevice.set(null);
            updateEventDevice();
            return;
        }
        if (pickedDevice.get() != null && !run.network().nodes().containsKey(pickedDevice.get())) {
            pickedDevice.set(null);
        }
        index = new WireIndex(run.timeline());
        graph.set(TopologyGraph.of(run.network(),
                run.scenario().server() == null ? null : run.scenario().server().host()));
        setTime(run.network().startNanos());
    }

    /** Moves to virtual time {@code nanos} (since the epoch, as the timeline counts) and updates the frames. */
    public void setTime(long nanos) {
        time.set(nanos);
        if (index == null) {
            return;
        }
        List<FrameInFlight> now = framesAt(nanos);
        // the device first: the view draws once, when the frames change, with the highlight already right
        updateEventDevice(now);
        inFlight.setAll(now);
        List<String> sentences = notesAt(nanos, now);
        if (!sentences.equals(notes)) {
            notes.setAll(sentences);
        }
    }

    /** The frames on a cable at {@code nanos}, in the order they started. */
    public List<FrameInFlight> framesAt(long nanos) {
        List<FrameInFlight> out = new ArrayList<>();
        if (index == null) {
            return out;
        }
        Timeline t = run.timeline();
        index.inFlight(nanos, i -> {
            TimelineEvent e = t.get(index.event(i));
            Unit.Hop hop = (Unit.Hop) e.unit();
            FrameInfo info = info(e, hop);
            double progress = (double) (nanos - index.start(i)) / Math.max(1, index.end(i) - index.start(i));
            out.add(new FrameInFlight(e.index(), hop.link(), e.node(), hop.to(), Math.max(0, Math.min(1, progress)),
                    info.top(), info.label(), info.broadcast(), hop.lost(), hop.frame().bytes().length));
        });
        return out;
    }

    private FrameInfo info(TimelineEvent e, Unit.Hop hop) {
        return infos.computeIfAbsent(hop.frame(), f -> FrameInfo.of(e.wholePdu(), run.network()));
    }

    private List<String> notesAt(long nanos, List<FrameInFlight> now) {
        List<String> out = new ArrayList<>();
        Set<String> flooding = new LinkedHashSet<>();
        for (FrameInFlight f : now) {
            if (f.broadcast()) {
                flooding.add(f.from());
            }
        }
        for (String from : flooding) {
            out.add(MessageFormat.format(text.getString("topology.note.ethernet-broadcast"), from));
        }
        out.addAll(fanOutNotes(nanos));
        return out;
    }

    /**
     * One Socket.IO packet leaving for several hosts within {@link #FAN_OUT_WINDOW_NANOS} of {@code nanos}: one
     * unicast frame per recipient. Remembered for the last range of frames, as playback asks every pulse.
     */
    private List<String> fanOutNotes(long nanos) {
        int[] range = index.startingBetween(nanos - FAN_OUT_WINDOW_NANOS, nanos + FAN_OUT_WINDOW_NANOS);
        if (range[0] == fanOutRange[0] && range[1] == fanOutRange[1]) {
            return fanOut;
        }
        Map<String, Set<String>> recipients = new LinkedHashMap<>();
        Timeline t = run.timeline();
        for (int i = range[0]; i < range[1]; i++) {
            TimelineEvent e = t.get(index.event(i));
            FrameInfo info = info(e, (Unit.Hop) e.unit());
            if (info.socketIo() != null && !info.broadcast() && info.destinationHost() != null) {
                recipients.computeIfAbsent(info.sourceHost() + "\u0000" + info.socketIo(), k -> new LinkedHashSet<>())
                        .add(info.destinationHost());
            }
        }
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Set<String>> r : recipients.entrySet()) {
            if (r.getValue().size() > 1) {
                String[] key = r.getKey().split("\u0000", 2);
                out.add(MessageFormat.format(text.getString("topology.note.socketio-broadcast"), key[0], key[1],
                        r.getValue().size(), String.join(", ", r.getValue())));
            }
        }
        fanOutRange = range;
        fanOut = out;
        return out;
    }

    public ReadOnlyObjectProperty<TopologyGraph> graphProperty() {
        return graph.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty timeProperty() {
        return time.getReadOnlyProperty();
    }

    /** The frames on a cable at the current time. */
    public ObservableList<FrameInFlight> inFlight() {
        return readOnlyInFlight;
    }

    /** Sentences about the broadcasts under way at the current time. */
    public ObservableList<String> notes() {
        return readOnlyNotes;
    }
}
