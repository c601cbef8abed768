package org.netsim.lessons.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netsim.lessons.Lesson;
import org.netsim.lessons.load.LessonLoader;
import org.netsim.lessons.load.LessonSource;
import org.netsim.lessons.progress.LessonProgress;
import org.netsim.lessons.student.StudentDesk;
import org.netsim.scenario.ScenarioFile;

/** Pages, hints and quiz grading of the sample lesson, wrong answers and their feedback first. */
class LessonSessionTest {
    private Lesson lesson;
    private LessonProgress progress;
    private LessonSession session;
    private final List<String> saves = new ArrayList<>();

    @BeforeEach
    void load() {
        LessonLoader.Result r = LessonLoader.loadAll(LessonSource.classPath(getClass().getClassLoader(),
                "sample-lessons"));
        assertThat(r.problems()).isEmpty();
        lesson = r.lessons().get(0);
        progress = new LessonProgress();
        session = new LessonSession(lesson, progress, () -> saves.add(progress.currentPage()));
    }

    @Test
    void singleChoiceSaysWhyTheChosenOptionIsWrong() {
        QuizResult wrong = session.answer("pdu-name", Answer.choice(1));
        assertThat(wrong.correct()).isFalse();
        assertThat(wrong.feedback()).isEqualTo("\u201cFrame\u201d is wrong: A frame is the data-link layer's unit "
                + "(Ethernet); TCP rides two layers above it.");
        assertThat(wrong.hint()).isNull();
        assertThat(wrong.tries()).isEqualTo(1);
        QuizResult two = session.answer("pdu-name", Answer.choice(0, 2));
        assertThat(two.correct()).isFalse();
        assertThat(two.feedback()).isEqualTo("Choose one option only.");
        QuizResult right = session.answer("pdu-name", Answer.choice(0));
        assertThat(right.correct()).isTrue();
        assertThat(right.feedback()).isEqualTo("Right. TCP calls its unit a segment, a header plus a slice of the "
                + "byte stream.");
        assertThat(right.tries()).isEqualTo(3);
        LessonProgress.QuizRecord rec = progress.quiz("pdu-name");
        assertThat(rec.answers()).containsExactly(new LessonProgress.AnswerRecord("Frame", false),
                new LessonProgress.AnswerRecord("Segment | Packet", false),
                new LessonProgress.AnswerRecord("Segment", true));
        assertThat(progress.isDone("pdu-name")).isTrue();
        assertThat(saves).hasSize(3);
    }

    @Test
    void multipleChoiceNeedsEveryRightOptionAndHintsComeOneByOne() {
        QuizResult half = session.answer("handshake-flags", Answer.choice(0));
        assertThat(half.correct()).isFalse();
        assertThat(half.feedback()).isEqualTo("One more option is right as well: all the right ones are needed.");
        assertThat(half.hint()).isEqualTo("Its name says it.");
        QuizResult withFin = session.answer("handshake-flags", Answer.choice(0, 1, 2));
        assertThat(withFin.feedback()).isEqualTo("\u201cFIN\u201d is wrong: FIN closes a direction; the handshake "
                + "opens them.");
        assertThat(withFin.hint()).as("only one hint").isNull();
        assertThat(session.answer("handshake-flags", Answer.choice(1, 0)).feedback()).isEqualTo("Right. The server's "
                + "SYN opens its direction of the connection. The ACK acknowledges Alice's SYN.");
        assertThat(progress.quiz("handshake-flags").hintsShown()).isEqualTo(1);
    }

    @Test
    void shortAnswerIsTrimmedAndCaseInsensitive() {
        QuizResult wrong = session.answer("engineio-layer", Answer.text("transport"));
        assertThat(wrong.feedback()).isEqualTo("\u201ctransport\u201d is not it. Engine.IO keeps the session alive "
                + "(ids, heartbeats, upgrades), which is OSI layer 5's job.");
        assertThat(session.answer("engineio-layer", Answer.text("")).feedback()).startsWith("No answer given. ");
        assertThat(session.answer("engineio-layer", Answer.text("  Session   LAYER ")).correct()).isTrue();
    }

    @Test
    void numericAnswerComesFromTheLessonsRun() {
        // Alice's SYN in one-client.yaml (seed 1) has Seq=915146993; the SYN-ACK acknowledges 915146994
        QuizResult xx = session.answer("syn-ack-number", Answer.number(915146993));
        assertThat(xx.correct()).isFalse();
        assertThat(xx.feedback()).isEqualTo("915146993 is not it. The SYN-ACK acknowledges Alice's sequence number "
                + "plus one, since a SYN counts as one byte.");
        assertThat(session.answer("syn-ack-number", Answer.text("nine")).feedback())
                .isEqualTo("\u201cnine\u201d is not a number.");
        QuizResult right = session.answer("syn-ack-number", Answer.text(" 915146994 "));
        assertThat(right.correct()).isTrue();
        assertThat(right.feedback()).isEqualTo("Right: 915146994, the tcp.ack of event 34 (server down TCP).");
        assertThat(session.answer("server-port", Answer.number(3001)).feedback()).isEqualTo("3001 is not it. Look at "
                + "the destination port of Alice's first SYN.");
        assertThat(session.answer("server-port", Answer.number(3000)).correct()).isTrue();
    }

    @Test
    void bytesAnswerIsExactlyTheFieldsBytesInTheQuizEvent() {
        assertThat(session.quizEvent("masking-key-bytes").index()).isEqualTo(628);
        QuizResult wrong = session.answer("masking-key-bytes", Answer.bytes(2, 5));
        assertThat(wrong.correct()).isFalse();
        assertThat(wrong.feedback()).isEqualTo("The selected bytes 2\u20134 are not exactly the field: they cover "
                + "Masking key. The masking key is the 4 bytes right after the payload length, present only in "
                + "client-to-server frames.");
        assertThat(session.answer("masking-key-bytes", Answer.bytes(0, 2)).feedback()).startsWith("The selected bytes "
                + "0\u20131 are not exactly the field: they cover FIN, RSV1, RSV2, RSV3, Opcode, Mask, Payload length.");
        QuizResult right = session.answer("masking-key-bytes", Answer.bytes(2, 6));
        assertThat(right.feedback()).isEqualTo("Right: bytes 2\u20135 are the Masking key.");
        assertThat(progress.quiz("masking-key-bytes").answers()).extracting(LessonProgress.AnswerRecord::answer)
                .containsExactly("[2, 5)", "[0, 2)", "[2, 6)");
    }

    @Test
    void answersOfTheWrongKindAreProgrammingErrors() {
        assertThatThrownBy(() -> session.answer("pdu-name", Answer.text("Segment")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("quiz pdu-name takes chosen options, not "
                        + "Text[text=Segment]");
        assertThatThrownBy(() -> session.answer("pdu-name", Answer.choice(7)))
                .hasMessage("quiz pdu-name has no option 7");
        assertThatThrownBy(() -> session.answer("find-syn-ack", Answer.choice(0)))
                .hasMessage("every-check has no quiz find-syn-ack");
    }

    @Test
    void pagesAdvanceOnlyWhenDoneAndHintsFollowWrongTries() {
        StudentDesk desk = new StudentDesk().open("one-client.yaml", ScenarioFile.builtIn("one-client.yaml"));
        assertThat(session.page().key()).isEqualTo("01-intro.md");
        assertThat(session.next(desk)).isTrue();
        assertThat(session.page().key()).isEqualTo("find-syn-ack");
        assertThat(session.canAdvance(desk)).isFalse();
        assertThat(session.next(desk)).isFalse();
        assertThat(session.goTo(3)).isFalse();

        CheckResult first = session.check(desk);
        assertThat(first.status()).isEqualTo(CheckResult.Status.NOT_YET);
        assertThat(first.hint()).isEqualTo("The SYN-ACK is the second segment of the handshake.");
        assertThat(session.evaluate(desk).hint()).as("evaluate counts no try").isNull();
        assertThat(session.hint()).contains("Use the Right arrow key to step; watch the event list's Info column for "
                + "[SYN, ACK].");
        assertThat(session.check(desk).hint()).as("no hint left").isNull();
        assertThat(session.hint()).isEmpty();
        assertThat(session.hintsShown()).hasSize(2);
        assertThat(progress.step("find-syn-ack").tries()).isEqualTo(2);

        while (desk.stepForward() && !session.evaluate(desk).passed()) {
            // the student steps on
        }
        assertThat(desk.selectedEvent().index()).isEqualTo(34);
        assertThat(session.isDone(session.page())).isTrue();
        assertThat(session.next(desk)).isTrue();
        assertThat(session.previous()).isTrue();
        assertThat(session.page().key()).isEqualTo("find-syn-ack");
        assertThat(session.goTo(2)).isTrue();
        assertThat(progress.currentPage()).isEqualTo("select-dstport");
        assertThatThrownBy(() -> new LessonSession(lesson, progress).answer("x", Answer.text("")))
                .isInstanceOf(IllegalArgumentException.class);
        // a new session on the same progress resumes on the same page
        assertThat(new LessonSession(lesson, progress).page().key()).isEqualTo("select-dstport");
    }
}
