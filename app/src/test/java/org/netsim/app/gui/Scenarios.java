package org.netsim.app.gui;

import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.Protocol;
import org.netsim.scenario.ScenarioFile;
import org.netsim.scenario.ScenarioRun;
import org.netsim.scenario.ScenarioRunner;
import org.netsim.timeline.Direction;
import org.netsim.timeline.TimelineEvent;

/** Runs of the shipped scenarios (cached: they are deterministic) and the events the view tests pick from them. */
public final class Scenarios {
    private static final Map<String, ScenarioRun> RUNS = new ConcurrentHashMap<>();
    public static final ResourceBundle TEXT = ResourceBundle.getBundle("org.netsim.app.messages");

    private Scenarios() {
    }

    public static ScenarioRun run(String file) {
        return RUNS.computeIfAbsent(file, f -> ScenarioRunner.run(ScenarioFile.builtIn(f)));
    }

    /**
     * The first event at {@code node} going {@code direction} whose whole tree holds a Socket.IO packet whose summary
     * contains {@code text} (e.g. the wire event of Alice's {@code chat} emit).
     */
    public static TimelineEvent socketIo(ScenarioRun run, String node, Direction direction, Protocol protocol,
                                         String text) {
        var t = run.timeline();
        for (TimelineEvent e : t.query().node(node).direction(direction).protocol(protocol).list()) {
            Pdu whole = e.wholePdu();
            if (whole != null && whole.find(Protocol.SOCKETIO).map(p -> p.summary().contains(text)).orElse(false)) {
                return e;
            }
        }
        throw new AssertionError("no " + direction + " " + protocol + " event at " + node + " carrying " + text);
    }
}
