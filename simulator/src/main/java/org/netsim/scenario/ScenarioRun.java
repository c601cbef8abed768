package org.netsim.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netsim.pdu.Protocol;
import org.netsim.sim.Network;
import org.netsim.sim.Port;
import org.netsim.timeline.Direction;
import org.netsim.timeline.Query;
import org.netsim.timeline.Timeline;
import org.netsim.timeline.Unit;

/** A finished run of a scenario: its network, its timeline, and what each capture point saw. */
public final class ScenarioRun {
    /** One frame as a capture at a capture point holds it. */
    public record CapturedFrame(long timeNanos, byte[] bytes) {
    }

    private final Scenario scenario;
    private final Network network;
    private final Map<String, Port> capturePoints;

    ScenarioRun(Scenario scenario, Network network, Map<String, Port> capturePoints) {
        this.scenario = scenario;
        this.network = network;
        this.capturePoints = new LinkedHashMap<>(capturePoints);
    }

    public Scenario scenario() {
        return scenario;
    }

    public Network network() {
        return network;
    }

    public Timeline timeline() {
        return network.timeline();
    }

    /** Capture point names, in the scenario's order. */
    public List<String> capturePoints() {
        return List.copyOf(capturePoints.keySet());
    }

    /**
     * What Wireshark on {@code point} would have captured (in promiscuous mode, as it runs by default): every frame
     * the port sent, when its first bit left (a frame the link then lost included), and every frame that reached it,
     * when its last bit arrived.
     */
    public List<CapturedFrame> capture(String point) {
        Port port = capturePoints.get(point);
        if (port == null) {
            throw new ScenarioException("no capture point " + point + " (there are: " + capturePoints.keySet() + ")");
        }
        String link = port.link() == null ? null : port.link().name();
        String node = port.node().name();
        Timeline t = timeline();
        Query wire = t.query().direction(Direction.WIRE).protocol(Protocol.PHYSICAL);
        List<CapturedFrame> out = new ArrayList<>();
        wire.forEach(i -> {
            var e = t.get(i);
            Unit.Hop hop = (Unit.Hop) e.unit();
            if (!hop.link().equals(link)) {
                return;
            }
            if (e.node().equals(node)) {
                out.add(new CapturedFrame(e.timeNanos(), hop.frame().bytes()));
            } else if (hop.to().equals(node) && !hop.lost()) {
                out.add(new CapturedFrame(hop.arrivalNanos(), hop.frame().bytes()));
            }
        });
        out.sort(Comparator.comparingLong(CapturedFrame::timeNanos));
        return out;
    }
}
