package org.netsim.app.gui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netsim.app.gui.AppModels;
import org.netsim.app.gui.live.LiveViewModel;
import org.netsim.app.gui.session.LayerModel;
import org.netsim.lessons.Lesson;
import org.netsim.lessons.Quiz;
import org.netsim.lessons.ScreenPart;
import org.netsim.lessons.Step;
import org.netsim.lessons.TextPage;
import org.netsim.lessons.run.Answer;
import org.netsim.pdu.Protocol;
import org.netsim.timeline.Direction;

/**
 * The lesson panel driven as a student would, through the window's own models: lesson 2 (the TCP/IP suite) on the
 * one-client scenario. Steps pass because of what is done in the window; quizzes give feedback; progress survives a
 * restart.
 */
class LessonPanelViewModelTest {
    @Test
    void aStudentWorksThroughLessonTwoInTheWindowAndResumesAfterARestart(@TempDir Path progress) {
        AppModels models = AppModels.create();
        LessonPanelViewModel panel = new LessonPanelViewModel(models, progress);
        assertThat(panel.lessons()).hasSize(9);
        panel.studentProperty().set("Ana María");
        Lesson lesson = panel.lessons().stream().filter(l -> l.id().equals("tcp-ip-suite")).findFirst().orElseThrow();
        panel.open(lesson);
        assertThat(models.session().sourceProperty().get()).isEqualTo("one-client.yaml");
        assertThat(panel.pageProperty().get()).isInstanceOf(TextPage.class);
        assertThat(panel.positionProperty().get()).isEqualTo("Page 1 of 11");
        assertThat(panel.canNextProperty().get()).isTrue();
        panel.next();

        // a short-answer quiz: a wrong answer says why, the right one passes
        assertThat(panel.pageProperty().get()).isInstanceOf(Quiz.Short.class);
        assertThat(panel.answer(new Answer.Text("network")).correct()).isFalse();
        assertThat(panel.feedbackProperty().get()).contains("Internet layer");
        assertThat(panel.canNextProperty().get()).isFalse();
        assertThat(panel.answer(new Answer.Text("  Internet ")).correct()).isTrue();
        panel.next();
        assertThat(panel.answer(new Answer.Choice(java.util.List.of(0))).correct()).isTrue();
        panel.next();
        panel.next();

        // a step: it points at the layer switch, waits, and passes the moment the student switches
        assertThat(panel.pageProperty().get()).isInstanceOfSatisfying(Step.class,
                s -> assertThat(s.id()).isEqualTo("switch-to-tcpip"));
        assertThat(panel.pointsAtProperty().get()).isEqualTo(ScreenPart.LAYER_SWITCH);
        assertThat(panel.passedProperty().get()).isFalse();
        panel.check();
        assertThat(panel.hints()).hasSize(1);
        models.session().layerModelProperty().set(LayerModel.TCP_IP);
        assertThat(panel.passedProperty().get()).isTrue();
        assertThat(panel.statusProperty().get()).startsWith("Done: ");
        panel.next();

        // selecting the server's Socket.IO "chat" in the session passes the next step
        var chat = models.session().run().timeline().query().node("server").direction(Direction.UP)
                .protocol(Protocol.SOCKETIO).list().stream().filter(e -> e.description().contains("chat"))
                .findFirst().orElseThrow();
        assertThat(panel.passedProperty().get()).isFalse();
        models.session().select(chat.index());
        assertThat(panel.passedProperty().get()).isTrue();
        int reached = panel.session().pageIndex();

        // restart: a new window, the same student, the same page
        AppModels again = AppModels.create();
        LessonPanelViewModel restarted = new LessonPanelViewModel(again, progress);
        restarted.studentProperty().set("Ana María");
        restarted.open(lesson);
        assertThat(restarted.session().pageIndex()).isEqualTo(reached);
        assertThat(restarted.session().isDone(lesson.pages().get(4))).isTrue();

        // the teacher's reset starts the lesson again
        restarted.resetLesson();
        assertThat(restarted.session().pageIndex()).isZero();
        assertThat(restarted.session().isDone(lesson.pages().get(4))).isFalse();
    }

    @Test
    void aBytesQuizShowsItsEventAndGradesTheHexSelection(@TempDir Path progress) {
        AppModels models = AppModels.create();
        LessonPanelViewModel panel = new LessonPanelViewModel(models, progress);
        Lesson lesson = panel.lessons().stream().filter(l -> l.id().equals("tcp-ip-suite")).findFirst().orElseThrow();
        panel.open(lesson);
        int quiz = lesson.indexOf("ethertype-bytes");
        for (int i = 0; i < quiz; i++) {
            panel.session().progress().done(lesson.pages().get(i).key());
        }
        assertThat(panel.goTo(quiz)).isTrue();
        assertThat(panel.pageProperty().get()).isInstanceOf(Quiz.Bytes.class);
        assertThat(panel.pointsAtProperty().get()).isEqualTo(ScreenPart.HEX);
        // the quiz's frame is selected, so the inspector shows its bytes
        assertThat(models.session().selectedEvent()).isNotNull();
        assertThat(panel.answerSelectedBytes()).isNull();
        assertThat(panel.feedbackProperty().get()).isEqualTo("Nothing is selected in the hex pane yet.");
        models.inspector().selectField("eth.dst");
        assertThat(panel.answerSelectedBytes().correct()).isFalse();
        assertThat(panel.feedbackProperty().get()).contains("bytes 12 and 13");
        models.inspector().selectField("eth.type");
        assertThat(panel.answerSelectedBytes().correct()).isTrue();
    }

    /**
     * A bytes quiz finds its event in the run the student sees, by the quiz's selector: after the student added an
     * emit early in lesson 7 every later event moved, and the ACK quiz must still show (and grade) the server's ACK.
     */
    @Test
    void aBytesQuizFindsItsEventInTheRunTheStudentEdited(@TempDir Path progress) {
        AppModels models = AppModels.create();
        LessonPanelViewModel panel = new LessonPanelViewModel(models, progress);
        Lesson lesson = panel.lessons().stream().filter(l -> l.id().equals("messaging")).findFirst().orElseThrow();
        panel.open(lesson);
        // the student's own emit at 50 ms, before the scenario's chat, question and picture
        assertThat(models.session().addAction(new org.netsim.scenario.Scenario.Action("50ms", "alice", "some-event",
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode().add("hello"), null, null,
                null, null, null, null, null, null, null, null))).isTrue();
        int quiz = lesson.indexOf("ack-id-bytes");
        for (int i = 0; i < quiz; i++) {
            panel.session().progress().done(lesson.pages().get(i).key());
        }
        assertThat(panel.goTo(quiz)).isTrue();
        var shown = models.session().selectedEvent();
        assertThat(shown.node()).isEqualTo("server");
        assertThat(shown.description()).startsWith("ACK id=0");
        // another event selected meanwhile: nothing is graded, the quiz's event comes back
        models.session().select(shown.index() - 1);
        models.inspector().selectField("socketio.type");
        assertThat(panel.answerSelectedBytes()).isNull();
        assertThat(panel.feedbackProperty().get()).startsWith("The hex pane showed another event");
        assertThat(models.session().selectedIndex()).isEqualTo(shown.index());
        // the student clicks the ack id in the inspector of the event shown: graded against that run
        models.inspector().selectField("socketio.ack_id");
        assertThat(panel.answerSelectedBytes().correct()).isTrue();
    }

    /**
     * Lesson 9's capture step is judged against what the Live capture tab decoded: nothing yet, then a real Node
     * capture opened there (no capture rights needed), which holds some-event "hello".
     */
    @Test
    void theCaptureStepPassesWhenTheLiveTabDecodesTheEmit(@TempDir Path progress) throws Exception {
        AppModels window = AppModels.create();
        // the live model hands its batches straight to this thread, there being no JavaFX thread in this test
        AppModels models = new AppModels(window.session(), window.playback(), window.events(), window.emit(),
                window.inspector(), window.stack(), window.topology(), new LiveViewModel(Runnable::run),
                window.comparison(), window.appearance());
        LessonPanelViewModel panel = new LessonPanelViewModel(models, progress);
        Lesson lesson = panel.lessons().stream().filter(l -> l.id().equals("live-capture")).findFirst().orElseThrow();
        panel.open(lesson);
        int step = lesson.indexOf("real-capture");
        for (int i = 0; i < step; i++) {
            panel.session().progress().done(lesson.pages().get(i).key());
        }
        assertThat(panel.goTo(step)).isTrue();
        assertThat(panel.passedProperty().get()).isFalse();
        assertThat(panel.statusProperty().get()).startsWith("Nothing is captured yet: in the Live capture tab");
        assertThat(panel.canNextProperty().get()).as("a capture step is not skipped").isFalse();
        Path pcap = progress.resolve("polling-upgrade.pcap");
        try (var in = getClass().getResourceAsStream("/captures/node-socketio-4.8.4/polling-upgrade.pcap")) {
            java.nio.file.Files.copy(in, pcap);
        }
        models.live().openCapture(pcap, Runnable::run).join();
        assertThat(panel.passedProperty().get()).isTrue();
        assertThat(panel.statusProperty().get()).startsWith("Done: The capture holds 1 such message: frame ")
                .endsWith("42[\"some-event\",\"hello\"].");
        assertThat(panel.canNextProperty().get()).isTrue();
    }

    /** A progress file that cannot be read is moved aside and the panel says where: nothing is lost. */
    @Test
    void unreadableProgressIsKeptAsideAndSaid(@TempDir Path progress) throws Exception {
        var store = new org.netsim.lessons.progress.ProgressStore(progress);
        java.nio.file.Files.writeString(store.fileOf("Ana"), "{ this is not json");
        AppModels models = AppModels.create();
        LessonPanelViewModel panel = new LessonPanelViewModel(models, progress);
        panel.studentProperty().set("Ana");
        panel.open(panel.lessons().get(0));
        assertThat(panel.messageProperty().get()).startsWith("Your saved progress could not be read (")
                .containsPattern("It is kept as Ana\\.unreadable-\\d{8}-\\d{6}\\.json in the same folder");
        try (var files = java.nio.file.Files.list(progress)) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.contains(".unreadable-"))
                    .toList()).singleElement().satisfies(n -> assertThat(java.nio.file.Files.readString(
                    progress.resolve(n))).isEqualTo("{ this is not json"));
        }
        panel.next();
        assertThat(store.load("Ana").lessons()).isNotEmpty();
    }

    /** The objectives head the lesson (open on its first page), and the list says how far the student got. */
    @Test
    void objectivesOnTheFirstPageAndProgressInTheList(@TempDir Path progress) {
        AppModels models = AppModels.create();
        LessonPanelViewModel panel = new LessonPanelViewModel(models, progress);
        panel.studentProperty().set("Ana");
        assertThat(panel.lessonList()).hasSize(9).allSatisfy(i -> {
            assertThat(i.state()).isEqualTo(LessonListItem.State.NOT_STARTED);
            assertThat(i.stateText()).isEqualTo("Not started");
        });
        Lesson lesson = panel.lessons().stream().filter(l -> l.id().equals("tcp-ip-suite")).findFirst().orElseThrow();
        panel.open(lesson);
        assertThat(panel.objectives()).containsExactly(
                "Describe: Name the four TCP/IP layers, what each does, and two example protocols for each.",
                "Describe: Map each OSI layer onto its TCP/IP layer and explain why TCP/IP has no session or "
                        + "presentation layer.",
                "Do: Switch netsim's views to the TCP/IP model and find Socket.IO, TCP and IPv4 in it.",
                "Do: Select the bytes of the Ethernet field that says what the frame carries.");
        assertThat(panel.objectivesExpandedProperty().get()).isTrue();
        panel.next();
        assertThat(panel.objectivesExpandedProperty().get()).isFalse();
        LessonListItem item = panel.lessonList().get(1);
        assertThat(item.lesson()).isSameAs(lesson);
        assertThat(item.stateText()).isEqualTo("In progress: 1 of 11 pages done");
        for (var p : lesson.pages()) {
            panel.session().progress().done(p.key());
        }
        panel.close();
        assertThat(panel.lessonList().get(1).state()).isEqualTo(LessonListItem.State.DONE);
        assertThat(panel.lessonList().get(1).stateText()).isEqualTo("Done");
        // another student on this computer has started nothing
        panel.studentProperty().set("Bo");
        assertThat(panel.lessonList().get(1).state()).isEqualTo(LessonListItem.State.NOT_STARTED);
    }

    /** Resumed after the step that opened another scenario, the lesson opens that scenario, not its own. */
    @Test
    void aResumedLessonOpensTheScenarioOfItsPage(@TempDir Path progress) throws Exception {
        var store = new org.netsim.lessons.progress.ProgressStore(progress);
        AppModels models = AppModels.create();
        LessonPanelViewModel panel = new LessonPanelViewModel(models, progress);
        Lesson lesson = panel.lessons().stream().filter(l -> l.id().equals("ip-ethernet")).findFirst().orElseThrow();
        var ana = new org.netsim.lessons.progress.StudentProgress("Ana");
        int step = lesson.indexOf("select-mf");
        lesson.pages().subList(0, step).forEach(p -> ana.lesson(lesson.id()).done(p.key()));
        ana.lesson(lesson.id()).currentPage("select-mf");
        store.save(ana);
        panel.studentProperty().set("Ana");
        panel.open(lesson);
        assertThat(panel.session().pageIndex()).isEqualTo(step);
        assertThat(models.session().sourceProperty().get()).isEqualTo("small-mtu.yaml");
        assertThat(panel.statusProperty().get()).isEqualTo("No field is selected in the inspector; first select the "
                + "event the step is about: no event is selected.");
    }
}
