package org.netsim.lessons.student;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.netsim.capture.file.CaptureFileReader;
import org.netsim.capture.file.CapturedFrame;
import org.netsim.lessons.ByteRange;
import org.netsim.lessons.Check;
import org.netsim.lessons.Lesson;
import org.netsim.lessons.Page;
import org.netsim.lessons.Quiz;
import org.netsim.lessons.Step;
import org.netsim.lessons.TextPage;
import org.netsim.lessons.load.TimeText;
import org.netsim.lessons.progress.LessonProgress;
import org.netsim.lessons.run.Answer;
import org.netsim.lessons.run.CheckResult;
import org.netsim.lessons.run.LessonSession;
import org.netsim.lessons.run.QuizResult;
import org.netsim.pdu.Bytes;
import org.netsim.pdu.Field;
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
 * Works through a lesson as a student would, through {@link LessonSession} against the real simulator: steps through
 * the timeline until the selected event is the one asked for, clicks fields in the inspector's tree, adds emits with
 * the composer (one script step, then the scenario runs again), switches the layer model, plays to a time, opens
 * scenarios. Before doing a step it asks once "is this right?" and expects a hint when it is not; it answers each quiz
 * wrong once (expecting feedback that says why) and then right, from the answers in the lesson file. A step that
 * needs live capture is first confirmed to say so, then satisfied with a recorded capture: a real Node socket.io
 * capture shipped in assets when one holds the event, else a capture of the simulation.
 *
 * <p>Any step it cannot complete fails with {@link AssertionError} naming the lesson, the step and what the runner
 * said: that is the point, every step of a lesson must be achievable in the simulator.
 */
public final class AutomatedStudent {
    /** Real Node socket.io 4.8.4 captures (module assets), tried for a {@code captured} step. */
    static final List<String> RECORDED_CAPTURES = List.of(
            "/captures/node-socketio-4.8.4/websocket-only.pcap",
            "/captures/node-socketio-4.8.4/polling-upgrade.pcap",
            "/captures/node-socketio-4.8.4/rooms-broadcast.pcap",
            "/captures/node-socketio-4.8.4/json-edge.pcap",
            "/captures/node-socketio-4.8.4/polling-only.pcap");

    /** What the student did, for the test's report. */
    public record Report(String lesson, int pages, int steps, int quizzes, int wrongTries, int hintsSeen,
                         int scenarioRuns, List<String> log) {
    }

    private final Lesson lesson;
    private final LessonSession session;
    private final StudentDesk desk = new StudentDesk();
    private final List<String> log = new ArrayList<>();
    private int steps;
    private int quizzes;
    private int wrongTries;
    private int hints;
    private int runs;

    public AutomatedStudent(Lesson lesson, LessonProgress progress, Runnable saved) {
        this.lesson = lesson;
        this.session = new LessonSession(lesson, progress, saved);
        lesson.baseScenario().ifPresent(s -> open(lesson.scenario(), s));
    }

    public LessonSession session() {
        return session;
    }

    public StudentDesk desk() {
        return desk;
    }

    /** Does every page from the current one to the end; returns what it did. */
    public Report complete() {
        int guard = 0;
        while (true) {
            Page p = session.page();
            if (!session.isDone(p)) {
                if (p instanceof Step s) {
                    step(s);
                } else if (p instanceof Quiz q) {
                    quiz(q);
                }
            }
            log.add((session.pageIndex() + 1) + "/" + session.pageCount() + " " + describe(p) + ": done");
            boolean moved = session.next(desk);
            if (!moved) {
                break;
            }
            if (++guard > 10_000) {
                throw new AssertionError(lesson.id() + ": the session does not end");
            }
        }
        if (!session.isComplete()) {
            throw new AssertionError(lesson.id() + ": every page was done, yet the session is not complete: "
                    + session.progress().pagesDone());
        }
        return new Report(lesson.id(), session.pageCount(), steps, quizzes, wrongTries, hints, runs, log);
    }

    private static String describe(Page p) {
        if (p instanceof TextPage t) {
            return "text " + t.file();
        }
        return (p instanceof Step ? "step " : "quiz ") + p.key();
    }

    // ---------------------------------------------------------------- steps

    private void step(Step s) {
        steps++;
        String where = lesson.id() + " step \"" + s.id() + "\" (" + s.expect().key() + ")";
        if (!session.evaluate(desk).passed() && !(s.expect() instanceof Check.Captured)) {
            // a first, wrong try: the runner must say what is missing and show the first hint
            CheckResult wrong = session.check(desk);
            wrongTries++;
            assertThat(!wrong.passed() && !wrong.message().isBlank(), where + ": a wrong try says what is missing: "
                    + wrong);
            assertThat(s.hints().get(0).equals(wrong.hint()), where + ": a wrong try shows the first hint, got "
                    + wrong.hint());
            hints++;
        }
        Check c = s.expect();
        if (c instanceof Check.SelectedEvent) {
            stepUntilPassed(where);
        } else if (c instanceof Check.SelectedField f) {
            clickField(f.field(), f.protocol(), where);
        } else if (c instanceof Check.SelectedBytes b) {
            clickField(b.field(), null, where);
        } else if (c instanceof Check.Emitted e) {
            emit(e, where);
        } else if (c instanceof Check.Received r) {
            broadcast(r, where);
        } else if (c instanceof Check.LayerModelIs m) {
            desk.layerSwitch(m.model());
        } else if (c instanceof Check.ReachedTime t) {
            desk.playTo(t.afterNanos());
        } else if (c instanceof Check.OpenedScenario o) {
            open(o.name(), lesson.scenario(o.name()).orElseThrow(() ->
                    new AssertionError(where + ": the lesson did not read scenario " + o.name())));
        } else if (c instanceof Check.Captured cap) {
            capture(cap, where);
        }
        CheckResult r = session.check(desk);
        assertThat(r.passed(), where + ": not achieved; the runner says: " + r.message());
        log.add("  " + r.message());
    }

    private void open(String name, Scenario s) {
        desk.open(name, s);
        runs++;
    }

    /** Home, then the Right arrow until the runner is satisfied (the app judges on every change). */
    private void stepUntilPassed(String where) {
        desk.rewind();
        while (desk.stepForward()) {
            if (session.evaluate(desk).passed()) {
                log.add("  stepped to event " + desk.selectedEvent().index() + ": " + desk.selectedEvent());
                return;
            }
        }
        throw new AssertionError(where + ": stepped through all " + desk.run().timeline().size()
                + " events and none passed");
    }

    /**
     * Clicks the field in the inspector; when the selected event does not carry it (or not in that protocol), steps
     * on through the timeline to an event that does, as a student looks for the right frame first.
     */
    private void clickField(String key, Protocol protocol, String where) {
        if (desk.clickField(key) && session.evaluate(desk).passed()) {
            return;
        }
        desk.rewind();
        while (desk.stepForward()) {
            TimelineEvent e = desk.selectedEvent();
            if ((protocol == null || e.protocol() == protocol) && desk.clickField(key)
                    && session.evaluate(desk).passed()) {
                log.add("  clicked " + key + " in event " + e.index() + ": " + e);
                return;
            }
        }
        throw new AssertionError(where + ": no event of " + desk.scenarioName() + " carries a field " + key);
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
            runs++;
            if (session.evaluate(desk).passed()) {
                log.add("  added emit " + e.event() + " " + args + " from " + client + " at " + micros(at));
                return;
            }
            desk.undoAdd();
            runs++;
        }
        throw new AssertionError(where + ": no emit of " + e.event() + " from " + client + " was sent");
    }

    /** The server's io.emit (io.of(ns).emit outside "/"), once every client is connected. */
    private void broadcast(Check.Received r, String where) {
        if (session.evaluate(desk).passed()) {
            return;
        }
        String ns = r.namespace() == null ? SocketIoPacket.MAIN_NAMESPACE : r.namespace();
        List<String> clients = new ArrayList<>();
        for (Scenario.ClientSpec c : desk.scenario().clients()) {
            clients.add(c.host());
        }
        ArrayNode args = JsonNodeFactory.instance.arrayNode().add("hi");
        for (long at : moments(clients, ns)) {
            desk.add(new Scenario.Action(micros(at), null, null, args, null, null, ns.equals("/") ? null : ns,
                    ns.equals("/") ? "io.emit" : "io.of(ns).emit", null, null, r.event(), null, null, null));
            runs++;
            if (session.evaluate(desk).passed()) {
                log.add("  added server " + (ns.equals("/") ? "io.emit" : "io.of(" + ns + ").emit") + " of "
                        + r.event() + " at " + micros(at));
                return;
            }
            desk.undoAdd();
            runs++;
        }
        throw new AssertionError(where + ": an io.emit of " + r.event() + " did not reach enough clients");
    }

    /**
     * Candidate times for an added step: 1 ms and 10 ms after the last of the clients is connected to the namespace,
     * then the scripted steps' times plus 1 ms (between the scenario's own actions).
     */
    private List<Long> moments(List<String> clients, String ns) {
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

    private static String micros(long nanos) {
        return (nanos / 1000) + "us";
    }

    /**
     * First the runner must say the step needs live capture (the app cannot capture yet); then a recorded capture is
     * handed in: a real one holding the event if there is one, else the simulation's capture at the server.
     */
    private void capture(Check.Captured c, String where) {
        CheckResult without = session.evaluate(desk);
        assertThat(without.status() == CheckResult.Status.NEEDS_LIVE_CAPTURE, where
                + ": without live capture the runner says it needs live capture, got " + without);
        assertThat(session.canAdvance(desk), where + ": a student without live capture may go on");
        for (String resource : RECORDED_CAPTURES) {
            List<CapturedFrame> frames = readCapture(resource);
            if (frames == null) {
                continue;
            }
            desk.capture(frames);
            if (session.evaluate(desk).passed()) {
                log.add("  recorded capture " + resource);
                return;
            }
        }
        desk.capture(simulatedCapture(c.event()));
        log.add("  capture of the simulation");
    }

    private static List<CapturedFrame> readCapture(String resource) {
        try (InputStream in = AutomatedStudent.class.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            try (CaptureFileReader r = CaptureFileReader.open(in)) {
                return r.stream().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The frames the server's card saw in a run of the open scenario with one more emit of the event. */
    private List<CapturedFrame> simulatedCapture(String event) {
        Scenario s = desk.scenario();
        String client = s.clients().get(0).host();
        List<Scenario.Action> script = new ArrayList<>(s.script());
        script.add(new Scenario.Action(micros(moments(List.of(client), "/").get(0)), client, event,
                JsonNodeFactory.instance.arrayNode().add("hi"), null, null, null, null, null, null, null, null, null,
                null));
        ScenarioRun run = ScenarioRunner.run(new Scenario(s.name(), s.description(), s.seed(), s.duration(),
                s.hosts(), s.switches(), s.routers(), s.links(), s.capture(), s.server(), s.clients(), script));
        runs++;
        String point = s.server().host();
        List<CapturedFrame> out = new ArrayList<>();
        long n = 1;
        for (ScenarioRun.CapturedFrame f : run.capture(point)) {
            out.add(new CapturedFrame(n++, f.timeNanos(), CapturedFrame.LINKTYPE_ETHERNET, f.bytes().length,
                    Bytes.of(f.bytes())));
        }
        return out;
    }

    // ---------------------------------------------------------------- quizzes

    private void quiz(Quiz q) {
        quizzes++;
        String where = lesson.id() + " quiz \"" + q.id() + "\" (" + q.type() + ")";
        Optional<Answer> wrong = wrongAnswer(q);
        if (wrong.isPresent()) {
            QuizResult r = session.answer(q.id(), wrong.get());
            wrongTries++;
            assertThat(!r.correct(), where + ": a wrong answer was graded right: " + wrong.get());
            assertThat(!r.feedback().isBlank(), where + ": a wrong answer gets feedback");
            String why = whyOf(q, wrong.get());
            assertThat(why == null || r.feedback().contains(why), where + ": the feedback says why (" + why
                    + "), got: " + r.feedback());
            if (!q.hints().isEmpty()) {
                assertThat(q.hints().get(0).equals(r.hint()), where + ": a wrong answer shows the first hint");
                hints++;
            }
        }
        Answer right = rightAnswer(q);
        QuizResult r = session.answer(q.id(), right);
        assertThat(r.correct(), where + ": the answer from the lesson file was graded wrong: " + right + " -> "
                + r.feedback());
        log.add("  answered " + right + ": " + r.feedback());
    }

    private Answer rightAnswer(Quiz q) {
        if (q instanceof Quiz.Choice c) {
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < c.options().size(); i++) {
                if (c.options().get(i).correct()) {
                    idx.add(i);
                }
            }
            return new Answer.Choice(idx);
        } else if (q instanceof Quiz.Short s) {
            return Answer.text("  " + s.accept().get(0).toUpperCase(java.util.Locale.ROOT) + " ");
        } else if (q instanceof Quiz.Numeric n) {
            return Answer.number(readNumber(n));
        }
        Quiz.Bytes b = (Quiz.Bytes) q;
        // the hex pane shows the quiz's event; the student clicks the field's row in the tree
        TimelineEvent e = session.quizEvent(q.id());
        for (Field f : e.wholePdu().allFields()) {
            if (f.key().equals(b.field())) {
                return Answer.bytes(f.byteStart(), f.byteEnd());
            }
        }
        throw new AssertionError(lesson.id() + " quiz " + q.id() + ": event " + e + " has no " + b.field());
    }

    /** A numeric answer: as written, or read off the event's field in the inspector of the lesson's run. */
    private double readNumber(Quiz.Numeric n) {
        if (n.answer() != null) {
            return n.answer();
        }
        ScenarioRun run = session.lessonRun();
        for (TimelineEvent e : run.timeline().events()) {
            if (n.from().event().matches(e)) {
                for (Field f : e.wholePdu().allFields()) {
                    if (f.key().equals(n.from().field())) {
                        return f.value();
                    }
                }
            }
        }
        throw new AssertionError(lesson.id() + " quiz " + n.id() + ": no event carries " + n.from().field());
    }

    private Optional<Answer> wrongAnswer(Quiz q) {
        if (q instanceof Quiz.Choice c) {
            for (int i = 0; i < c.options().size(); i++) {
                if (!c.options().get(i).correct()) {
                    return Optional.of(Answer.choice(i));
                }
            }
            return Optional.empty();
        } else if (q instanceof Quiz.Short) {
            return Optional.of(Answer.text("certainly not this"));
        } else if (q instanceof Quiz.Numeric n) {
            return Optional.of(Answer.number(readNumber(n) + n.tolerance() + 1000));
        }
        Answer.Bytes right = (Answer.Bytes) rightAnswer(q);
        ByteRange r = right.range();
        return Optional.of(r.start() == 0 && r.end() == 1 ? Answer.bytes(0, 2) : Answer.bytes(0, 1));
    }

    /** The text the feedback must contain for this wrong answer. */
    private static String whyOf(Quiz q, Answer wrong) {
        if (q instanceof Quiz.Choice c) {
            String why = c.options().get(((Answer.Choice) wrong).options().get(0)).why();
            return why.isBlank() ? null : why;
        } else if (q instanceof Quiz.Short s) {
            return s.whyWrong();
        } else if (q instanceof Quiz.Numeric n) {
            return n.whyWrong();
        }
        return ((Quiz.Bytes) q).whyWrong();
    }

    private static void assertThat(boolean ok, String message) {
        if (!ok) {
            throw new AssertionError(message);
        }
    }
}
