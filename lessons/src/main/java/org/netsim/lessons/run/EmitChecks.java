package org.netsim.lessons.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.netsim.capture.decode.CaptureMessage;
import org.netsim.lessons.Check;
import org.netsim.lessons.EventSelector;
import org.netsim.lessons.load.TimeText;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.Protocol;
import org.netsim.scenario.Scenario;
import org.netsim.scenario.ScenarioRun;
import org.netsim.scenario.ScenarioRunner;
import org.netsim.timeline.Direction;
import org.netsim.timeline.Timeline;
import org.netsim.timeline.TimelineEvent;
import org.netsim.wire.socketio.SocketIoPacket;
import org.netsim.wire.socketio.SocketIoType;

/**
 * The checks about Socket.IO traffic, for {@link Checks}: {@code emitted} (the student's own emits, found in the run),
 * {@code received} (who one emit of the server reached) and {@code captured} (what the live capture decoded).
 */
final class EmitChecks {
    private static final long START = ScenarioRunner.START_NANOS;

    private EmitChecks() {
    }

    // ---------------------------------------------------------------- emits

    static CheckResult emitted(Check.Emitted c, StudentView view) {
        String ns = c.namespace() == null ? SocketIoPacket.MAIN_NAMESPACE : c.namespace();
        List<Scenario.Action> mine = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (Scenario.Action a : view.addedActions()) {
            if (a.client() == null || a.emit() == null) {
                continue;
            }
            String ans = a.namespace() == null ? SocketIoPacket.MAIN_NAMESPACE : a.namespace();
            if (a.emit().equals(c.event()) && (c.from() == null || c.from().equals(a.client())) && ans.equals(ns)) {
                mine.add(a);
            } else {
                others.add("\"" + a.emit() + "\" from " + a.client() + (ans.equals("/") ? "" : " in " + ans));
            }
        }
        String what = "an emit of \"" + c.event() + "\"" + (c.from() == null ? "" : " from " + c.from())
                + (ns.equals("/") ? "" : " in namespace " + ns);
        if (mine.isEmpty()) {
            return CheckResult.notYet("You have not added " + what + " yet: use the emit composer."
                    + (others.isEmpty() ? "" : " (You added " + String.join(", ", others) + ".)"));
        }
        ScenarioRun run = view.run();
        if (run == null) {
            return CheckResult.notYet("No scenario is running.");
        }
        String argsSeen = null;
        String transportSeen = null;
        for (Scenario.Action a : mine) {
            long at = START + TimeText.nanos(a.at() == null ? "0" : a.at());
            for (Sent s : socketIoEvents(run.timeline(), Direction.DOWN, c.event(), ns)) {
                if (!s.event().node().equals(a.client()) || s.event().timeNanos() < at) {
                    continue;
                }
                if (c.args() != null && !sameArgs(c.args(), s.packet().args())) {
                    argsSeen = argsText(s.packet().args());
                } else if (c.transport() != null && !c.transport().equals(transportOf(s.event()))) {
                    transportSeen = transportOf(s.event());
                } else {
                    return CheckResult.pass(a.client() + " emitted \"" + c.event() + "\" "
                            + argsText(s.packet().args()) + " at " + Checks.millis(s.event().timeNanos() - START) + ".");
                }
            }
        }
        if (transportSeen != null) {
            return CheckResult.notYet("Your \"" + c.event() + "\" went over "
                    + ("polling".equals(transportSeen) ? "HTTP long-polling, before the upgrade to WebSocket was done"
                    : transportSeen) + "; send it again later, when it goes over " + c.transport() + ".");
        }
        if (argsSeen != null) {
            return CheckResult.notYet("Your \"" + c.event() + "\" carries " + argsSeen + ", not "
                    + argsText(expectedArgs(c.args())) + ".");
        }
        return CheckResult.notYet("You added " + what + ", but the run never sends it: is the client connected"
                + " (to " + ns + ") at that time?");
    }

    static CheckResult received(Check.Received c, StudentView view) {
        ScenarioRun run = view.run();
        if (run == null) {
            return CheckResult.notYet("No scenario is running.");
        }
        String ns = c.namespace() == null ? SocketIoPacket.MAIN_NAMESPACE : c.namespace();
        List<Set<String>> emits = emitsReceived(run, c.event(), ns);
        Set<String> best = Set.of();
        for (Set<String> hosts : emits) {
            String miss = receivedMismatch(c, hosts);
            if (miss == null) {
                return CheckResult.pass("One \"" + c.event() + "\" emit reached " + String.join(", ", hosts)
                        + ".");
            }
            if (best.isEmpty() || hosts.size() > best.size()) {
                best = hosts;
            }
        }
        String want = wanted(c);
        if (best.isEmpty()) {
            return CheckResult.notYet("No client has received a \"" + c.event() + "\" event"
                    + (ns.equals("/") ? "" : " in " + ns) + " yet; it must reach " + want + ".");
        }
        if (emits.size() == 1) {
            return CheckResult.notYet("Your \"" + c.event() + "\" emit reached " + String.join(", ", best) + "; "
                    + receivedMismatch(c, best) + ".");
        }
        return CheckResult.notYet("No one of your " + emits.size() + " \"" + c.event() + "\" emits was right; the "
                + "widest reached " + String.join(", ", best) + ". It must reach " + want + ".");
    }

    /** Who the check wants the emit to reach, in words. */
    private static String wanted(Check.Received c) {
        if (!c.only().isEmpty()) {
            return "only " + String.join(" and ", c.only());
        }
        String want = c.by().isEmpty() ? c.byAtLeast() + " client" + (c.byAtLeast() == 1 ? "" : "s")
                : String.join(" and ", c.by());
        return want + (c.notBy().isEmpty() ? "" : ", and not " + String.join(" or ", c.notBy()));
    }

    /** What is wrong with who one emit reached ("Alice got it too"), or {@code null} if it is what the check wants. */
    private static String receivedMismatch(Check.Received c, Set<String> hosts) {
        if (!c.only().isEmpty()) {
            Set<String> extra = new LinkedHashSet<>(hosts);
            c.only().forEach(extra::remove);
            List<String> missing = c.only().stream().filter(h -> !hosts.contains(h)).toList();
            if (extra.isEmpty() && missing.isEmpty()) {
                return null;
            }
            return "it must reach only " + String.join(" and ", c.only())
                    + (extra.isEmpty() ? "" : ", yet " + String.join(" and ", extra) + " got it too")
                    + (missing.isEmpty() ? "" : (extra.isEmpty() ? ", yet " : ", and ") + String.join(" and ", missing)
                    + " did not");
        }
        List<String> forbidden = c.notBy().stream().filter(hosts::contains).toList();
        boolean enough = c.by().isEmpty() ? hosts.size() >= c.byAtLeast() : hosts.containsAll(c.by());
        if (enough && forbidden.isEmpty()) {
            return null;
        }
        return "it must reach " + wanted(c) + (forbidden.isEmpty() ? "" : ", yet " + String.join(" and ", forbidden)
                + " got it");
    }

    /**
     * Who each emit of the server reached: the server writes one emit's packet to every recipient at one moment, so
     * its Socket.IO events going down at one time with one payload are one emit, sent to the client at the other end
     * of each one's connection; a client counts when the packet goes up its own stack afterwards.
     */
    static List<Set<String>> emitsReceived(ScenarioRun run, String event, String ns) {
        Set<String> clients = new LinkedHashSet<>();
        for (Scenario.ClientSpec cs : run.scenario().clients()) {
            clients.add(cs.host());
        }
        List<Sent> arrived = socketIoEvents(run.timeline(), Direction.UP, event, ns);
        Map<String, Set<String>> emits = new LinkedHashMap<>();
        for (Sent s : socketIoEvents(run.timeline(), Direction.DOWN, event, ns)) {
            String to = EventSelector.peerOf(s.event());
            if (clients.contains(s.event().node()) || to == null || !clients.contains(to)) {
                continue;
            }
            String payload = String.valueOf(s.packet().data());
            boolean got = arrived.stream().anyMatch(u -> u.event().node().equals(to)
                    && u.event().timeNanos() >= s.event().timeNanos()
                    && String.valueOf(u.packet().data()).equals(payload));
            Set<String> hosts = emits.computeIfAbsent(payload + "@" + s.event().timeNanos(),
                    k -> new LinkedHashSet<>());
            if (got) {
                hosts.add(to);
            }
        }
        emits.values().removeIf(Set::isEmpty);
        return new ArrayList<>(emits.values());
    }

    /** A Socket.IO EVENT packet of the timeline and the event that carries it. */
    record Sent(TimelineEvent event, SocketIoPacket packet) {
    }

    /** How a Socket.IO event's packet travels: {@code websocket}, {@code polling}, or {@code null} if neither. */
    static String transportOf(TimelineEvent e) {
        Pdu whole = e.direction() == Direction.STATE ? null : e.wholePdu();
        if (whole == null) {
            return null;
        }
        if (whole.find(Protocol.WEBSOCKET).isPresent()) {
            return "websocket";
        }
        return whole.find(Protocol.HTTP).isPresent() ? "polling" : null;
    }

    /** Socket.IO EVENTs (binary ones too) named {@code name} in namespace {@code ns}, going {@code direction}. */
    static List<Sent> socketIoEvents(Timeline t, Direction direction, String name, String ns) {
        List<Sent> out = new ArrayList<>();
        t.query().protocol(Protocol.SOCKETIO).direction(direction).forEach(i -> {
            TimelineEvent e = t.get(i);
            Pdu p = e.pdu();
            Optional<SocketIoPacket> packet = p == null ? Optional.empty() : p.header(SocketIoPacket.class);
            if (packet.isPresent() && (packet.get().type() == SocketIoType.EVENT
                    || packet.get().type() == SocketIoType.BINARY_EVENT)
                    && name.equals(packet.get().event()) && ns.equals(packet.get().namespace())) {
                out.add(new Sent(e, packet.get()));
            }
        });
        return out;
    }

    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    /** A lesson's {@code args} (an array, or one value standing for one argument) against the packet's. */
    static boolean sameArgs(JsonNode expected, List<JsonNode> actual) {
        ArrayNode want = expectedArgs(expected);
        ArrayNode got = JsonNodeFactory.instance.arrayNode().addAll(actual);
        return want.equals(NUMBERS_BY_VALUE, got);
    }

    private static ArrayNode expectedArgs(JsonNode expected) {
        if (expected.isArray()) {
            return (ArrayNode) expected;
        }
        return JsonNodeFactory.instance.arrayNode().add(expected);
    }

    private static String argsText(Iterable<JsonNode> args) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        args.forEach(a::add);
        return a.toString();
    }

    // ---------------------------------------------------------------- live capture

    static CheckResult captured(Check.Captured c, StudentView view) {
        Optional<List<CaptureMessage>> capture = view.capturedMessages();
        if (capture.isEmpty()) {
            return new CheckResult(CheckResult.Status.NEEDS_LIVE_CAPTURE, "This step needs live capture, which this "
                    + "view does not have: capture " + c.describe() + " with netsim's Live capture tab or Wireshark.",
                    null);
        }
        List<CaptureMessage> all = capture.get();
        List<CaptureMessage> found = all.stream().filter(m -> capturedMatches(c, m)).toList();
        if (found.size() >= c.atLeast()) {
            CaptureMessage first = found.get(0);
            return CheckResult.pass("The capture holds " + count(found.size(), "such message") + ": frame "
                    + first.frame() + ", " + first.src() + " \u2192 " + first.dst() + (first.text() == null ? ""
                    : ", " + first.text()) + ".");
        }
        String want = c.atLeast() == 1 ? c.describe() : c.atLeast() + " of " + c.describe();
        if (all.isEmpty()) {
            return CheckResult.notYet("Nothing is captured yet: in the Live capture tab start a capture (or open a "
                    + "capture file), then send " + want + " for real.");
        }
        return CheckResult.notYet("The capture holds " + count(all.size(), "message") + ", " + (found.isEmpty()
                ? "none of them " + c.describe() : "only " + found.size() + " of them " + c.describe())
                + "; it needs " + want + ". Send it while capturing.");
    }

    /** Whether a decoded message is what the step asks for. */
    static boolean capturedMatches(Check.Captured c, CaptureMessage m) {
        if (m.kind() != CaptureMessage.Kind.MESSAGE) {
            return false;
        }
        if (c.event() != null && !("socket.io".equals(m.protocol()) && c.event().equals(m.event()))) {
            return false;
        }
        if (c.type() != null && !c.type().equalsIgnoreCase(m.type())) {
            return false;
        }
        if (c.transport() != null && !c.transport().equals(m.transport())) {
            return false;
        }
        if (c.namespace() != null && !c.namespace().equals(m.namespace())) {
            return false;
        }
        if (c.args() != null) {
            JsonNode got = m.argsJson();
            List<JsonNode> args = new ArrayList<>();
            if (got != null && got.isArray()) {
                got.forEach(args::add);
            }
            return got != null && sameArgs(c.args(), args);
        }
        return true;
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
