package org.netsim.lessons.student;

import static org.netsim.lessons.student.AutomatedStudent.require;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.netsim.lessons.Check;
import org.netsim.lessons.EventSelector;
import org.netsim.lessons.Lesson;
import org.netsim.lessons.Step;
import org.netsim.lessons.load.TimeText;
import org.netsim.lessons.run.CheckResult;
import org.netsim.lessons.run.LessonSession;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.Protocol;
import org.netsim.scenario.Scenario;
import org.netsim.scenario.ScenarioRun;
import org.netsim.scenario.ScenarioRunner;
import org.netsim.timeline.Direction;
import org.netsim.timeline.TimelineEvent;
import org.netsim.wire.socketio.SocketIoPacket;
import org.netsim.wire.socketio.SocketIoType;

/**
 * What the automated student does for each kind of step, with only what the window offers: the Right arrow, a click
 * in the inspector, the emit composer, the layer switch, the time slider, the scenario menu and the live capture.
 */
final class StepHands {
    private final Lesson lesson;
    private final LessonSession session;
    private final StudentDesk desk;
    private final AutomatedStudent.Tally tally;
    private final ReferenceCaptures captures;

    StepHands(Lesson lesson, LessonSession session, StudentDesk desk, AutomatedStudent.Tally tally,
              ReferenceCaptures captures) {
        this.lesson = lesson;
        this.session = session;
        this.desk = desk;
        this.tally = tally;
        this.captures = captures;
    }

    void step(Step s) {
        tally.steps++;
        String where = "step \"" + s.id() + "\" (" + s.expect().key() + ")";
        if (!session.evaluate(desk).passed()) {
            // a first, wrong try: the runner must say what is missing and show the first hint
            CheckResult wrong = session.check(desk);
            tally.wrongTries++;
            require(!wrong.passed() && !wrong.message().isBlank(), where + ": a wrong try says what is missing: "
                    + wrong);
            require(s.hints().get(0).equals(wrong.hint()), where + ": a wrong try shows the first hint, got "
                    + wrong.hint());
            tally.hints++;
        }
        Check c = s.expect();
        if (c instanceof Check.SelectedEvent) {
            stepUntilPassed(where);
        } else if (c instanceof Check.SelectedField f) {
            clickField(f.field(), f.event(), where);
        } else if (c instanceof Check.SelectedBytes b) {
            clickField(b.field(), b.event(), where);
        } else if (c instanceof Check.Emitted e) {
            emit(e, where);
        } else if (c instanceof Check.Received r) {
            broadcast(r, where);
        } else if (c instanceof Check.LayerModelIs m) {
            desk.layerSwitch(m.model());
        } else if (c instanceof Check.ReachedTime t) {
            desk.playTo(t.afterNanos());
        } else if (c instanceof Check.OpenedScenario o) {
            Optional<Scenario> sc = lesson.scenario(o.name());
            require(sc.isPresent(), where + ": the lesson did not read scenario " + o.name());
            open(o.name(), sc.get());
        } else if (c instanceof Check.Captured cap) {
            capture(cap, where);
        }
        CheckResult r = session.check(desk);
        require(r.passed(), where + ": not achieved; the runner says: " + r.message());
        tally.log.add("  " + r.message());
    }

    void open(String name, Scenario s) {
        desk.open(name, s);
        tally.runs++;
    }

    /** Home, then the Right arrow until the runner is satisfied (the app judges on every change). */
    private void stepUntilPassed(String where) {
        desk.rewind();
        while (desk.stepForward()) {
            if (session.evaluate(desk).passed()) {
                tally.log.add("  stepped to event " + desk.selectedEvent().index() + ": " + desk.selectedEvent());
                return;
            }
        }
        throw new AutomatedStudent.StudentFailure(where + ": stepped through all " + desk.run().timeline().size()
                + " events of " + desk.scenarioName() + " and none passed");
    }

    /**
     * Clicks the field in the inspector; when the selected event does not carry it (or is not the event asked for),
     * steps on through the timeline to one that is, as a student looks for the right frame first.
     */
    private void clickField(String key, EventSelector event, String where) {
        if (desk.clickField(key) && session.evaluate(desk).passed()) {
            return;
        }
        desk.rewind();
        while (desk.stepForward()) {
            TimelineEvent e = desk.selectedEvent();
            if ((event == null || event.matches(e)) && desk.clickField(key) && session.evaluate(desk).passed()) {
                tally.log.add("  clicked " + key + " in event " + e.index() + ": " + e);
                return;
            }
        }
        throw new AutomatedStudent.StudentFailure(where + ": no event of " + desk.scenarioName()
                + (event == null ? "" : " matching " + event.describe()) + " carries a field " + key
                + " that passes");
    }

    /** The composer: a client's emit, tried at moments after the client is connected until it is sent. */
    private void emit(Check.Emitted e, String where) {
        String client = e.from() != null ? e.from() : desk.scenario().clients().get(0).host();
        String ns = e.namespace() == null ? SocketIoPacket.MAIN_NAMESPACE : e.namespace();
        JsonNode args = e.args() == null ? JsonNodeFactory.instance.arrayNode().add("hi")
                : e.args().isArray() ? e.args() : JsonNodeFactory.instance.arrayNode().add(e.args());
        for (long at : moments(List.of(client), ns)) {
            desk.add(new Scenario.Action(micros(at), client, e.event(), args, null, null,
                    e.namespace(), null, null, null, null, null, null, null));
            tally.runs++;
            if (session.evaluate(desk).passed()) {
                tally.log.add("  added emit " + e.event() + " " + args + " from " + client + " at " + micros(at));
                return;
            }
            desk.undoAdd();
            tally.runs++;
        }
        throw new AutomatedStudent.StudentFailure(where + ": no emit of " + e.event() + " from " + client
                + " was sent");
    }

    /**
     * The composer's server forms, tried as a student works down the cheatsheet until the emit reaches whom the step
     * asks: {@code io.emit} (or {@code io.of(ns).emit}), {@code io.to(room).emit} for each room of the scenario,
     * {@code socket.to(room).emit} for each socket and room, {@code socket.broadcast.emit} from each client's socket;
     * each at moments after every client is connected.
     */
    private void broadcast(Check.Received r, String where) {
        if (session.evaluate(desk).passed()) {
            return;
        }
        String ns = r.namespace() == null ? SocketIoPacket.MAIN_NAMESPACE : r.namespace();
        String nsKey = ns.equals("/") ? null : ns;
        List<String> clients = new ArrayList<>();
        for (Scenario.ClientSpec c : desk.scenario().clients()) {
            clients.add(c.host());
        }
        List<String> rooms = new ArrayList<>();
        for (Scenario.Action a : desk.scenario().script()) {
            if (a.room() != null && !rooms.contains(a.room())) {
                rooms.add(a.room());
            }
        }
        ArrayNode args = JsonNodeFactory.instance.arrayNode().add("hi");
        List<Scenario.Action> forms = new ArrayList<>();
        forms.add(serverEmit(ns.equals("/") ? "io.emit" : "io.of(ns).emit", null, null, nsKey, r.event(), args));
        for (String room : rooms) {
            forms.add(serverEmit("io.to(room).emit", null, room, nsKey, r.event(), args));
        }
        for (String room : rooms) {
            for (String socket : clients) {
                forms.add(serverEmit("socket.to(room).emit", socket, room, nsKey, r.event(), args));
            }
        }
        for (String socket : clients) {
            forms.add(serverEmit("socket.broadcast.emit", socket, null, nsKey, r.event(), args));
        }
        for (long at : moments(clients, ns)) {
            for (Scenario.Action form : forms) {
                Scenario.Action a = new Scenario.Action(micros(at), null, null, form.args(), null, null,
                        form.namespace(), form.server(), form.socket(), form.room(), form.event(), null, null, null);
                desk.add(a);
                tally.runs++;
                if (session.evaluate(desk).passed()) {
                    tally.log.add("  added server " + a.server() + (a.socket() == null ? "" : " on " + a.socket())
                            + (a.room() == null ? "" : " to " + a.room()) + " of " + r.event() + " at " + a.at());
                    return;
                }
                desk.undoAdd();
                tally.runs++;
            }
        }
        throw new AutomatedStudent.StudentFailure(where + ": no server emit of " + r.event() + " (io.emit, "
                + "socket.broadcast.emit, io.to(room).emit, socket.to(room).emit) passed: " + session.evaluate(desk)
                .message());
    }

    private static Scenario.Action serverEmit(String form, String socket, String room, String ns, String event,
                                              JsonNode args) {
        return new Scenario.Action(null, null, null, args, null, null, ns, form, socket, room, event, null, null,
                null);
    }

    /**
     * Candidate times for an added step: 1 ms and 10 ms after the last of the clients is connected to the namespace,
     * then the scripted steps' times plus 1 ms (between the scenario's own actions).
     */
    List<Long> moments(List<String> clients, String ns) {
        ScenarioRun run = desk.run();
        long connected = 0;
        for (String client : clients) {
            long t = -1;
            for (TimelineEvent e : run.timeline().query().node(client).protocol(Protocol.SOCKETIO)
                    .direction(Direction.UP).list()) {
                Pdu p = e.pdu();
                Optional<SocketIoPacket> packet = p == null ? Optional.empty() : p.header(SocketIoPacket.class);
                if (packet.isPresent() && packet.get().type() == SocketIoType.CONNECT
                        && packet.get().namespace().equals(ns)) {
                    t = e.timeNanos() - ScenarioRunner.START_NANOS;
                    break;
                }
            }
            connected = Math.max(connected, t < 0 ? 0 : t);
        }
        List<Long> out = new ArrayList<>(List.of(connected + 1_000_000L, connected + 10_000_000L));
        for (Scenario.Action a : desk.scenario().script()) {
            long t = TimeText.nanos(a.at() == null ? "0" : a.at()) + 1_000_000L;
            if (t > connected && !out.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    static String micros(long nanos) {
        return (nanos / 1000) + "us";
    }

    /**
     * Opens a recorded capture in the Live capture tab: the first real one that holds what the step asks for, else
     * (a teacher's event no recording has) a capture of the simulation at the server, decoded alike.
     */
    private void capture(Check.Captured c, String where) {
        for (ReferenceCaptures.Recorded r : captures.all()) {
            desk.capture(r.messages());
            if (session.evaluate(desk).passed()) {
                tally.log.add("  opened the recorded capture " + r.name());
                return;
            }
        }
        require(c.event() != null, where + ": no recorded capture holds " + c.describe());
        desk.capture(ReferenceCaptures.simulated(desk.scenario(), c.event(),
                moments(List.of(desk.scenario().clients().get(0).host()), "/").get(0)));
        tally.runs++;
        tally.log.add("  opened a capture of the simulation");
    }
}
