package org.netsim.lessons.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.netsim.capture.decode.CaptureMessage;
import org.netsim.lessons.ByteRange;
import org.netsim.lessons.LayerModel;
import org.netsim.lessons.load.FieldKeys;
import org.netsim.pdu.Protocol;
import org.netsim.scenario.Scenario;
import org.netsim.scenario.ScenarioRun;
import org.netsim.timeline.TimelineEvent;

/**
 * What the runner may see of the student's session: the simulation and the app's selection. The app implements it
 * from its view models; the automated student implements it directly. Every method reads the state as it is now.
 */
public interface StudentView {
    /** The current run (with the emits the student added), or {@code null} before a scenario is loaded. */
    ScenarioRun run();

    /**
     * The loaded scenario's file name as a lesson names it: a shipped scenario's name ({@code one-client.yaml}) or
     * the name of a file in the lesson folder; a path is compared by its last name. {@code null} if none.
     */
    String scenarioName();

    /** The selected event of the run, or {@code null}. */
    TimelineEvent selectedEvent();

    /** The key of the inspector's selected field ({@code tcp.dstport}), or {@code null}. */
    String selectedFieldKey();

    /**
     * The layer of the tree the selected field is in, or {@code null}; by default the protocol its key belongs to
     * (the app reads it off the tree's row).
     */
    default Protocol selectedFieldProtocol() {
        String key = selectedFieldKey();
        return key == null ? null : FieldKeys.protocolOf(key).orElse(null);
    }

    /**
     * The bytes highlighted in the hex pane, in the buffer the inspector shows for the selected event (see
     * {@link ByteRange}), or {@code null}.
     */
    ByteRange highlightedBytes();

    LayerModel layerModel();

    /** The current virtual time, nanoseconds since the Unix epoch as {@link TimelineEvent#timeNanos()}. */
    long currentTimeNanos();

    /**
     * The script steps the student added to the loaded scenario with the emit composer, in the order added. An app
     * that keeps only the edited scenario can use {@link #addedActions(Scenario, Scenario)}.
     */
    List<Scenario.Action> addedActions();

    /**
     * What the live capture decoded so far, oldest first: the messages of real traffic captured in the app's Live
     * capture tab (or of a capture file opened there), decoded from the reassembled TCP streams as {@code netsim
     * decode} decodes them. An empty list while nothing is captured; empty (no list) only for a view that has no live
     * capture at all, where a {@code captured} step may be skipped.
     */
    default Optional<List<CaptureMessage>> capturedMessages() {
        return Optional.empty();
    }

    /** The steps of {@code edited}'s script that {@code base}'s script does not hold (each counted once). */
    static List<Scenario.Action> addedActions(Scenario base, Scenario edited) {
        List<Scenario.Action> left = new ArrayList<>(base.script());
        List<Scenario.Action> out = new ArrayList<>();
        for (Scenario.Action a : edited.script()) {
            if (!left.remove(a)) {
                out.add(a);
            }
        }
        return out;
    }
}
