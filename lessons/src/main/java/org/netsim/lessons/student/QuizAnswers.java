package org.netsim.lessons.student;

import static org.netsim.lessons.student.AutomatedStudent.require;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.netsim.lessons.ByteRange;
import org.netsim.lessons.Lesson;
import org.netsim.lessons.Quiz;
import org.netsim.lessons.run.Answer;
import org.netsim.lessons.run.LessonSession;
import org.netsim.lessons.run.QuizResult;
import org.netsim.pdu.Field;
import org.netsim.scenario.ScenarioRun;
import org.netsim.timeline.TimelineEvent;

/**
 * How the automated student answers quizzes: once wrong (the feedback must say why), then right.
 */
final class QuizAnswers {
    private final Lesson lesson;
    private final LessonSession session;
    private final StudentDesk desk;
    private final AutomatedStudent.Tally tally;

    QuizAnswers(Lesson lesson, LessonSession session, StudentDesk desk, AutomatedStudent.Tally tally) {
        this.lesson = lesson;
        this.session = session;
        this.desk = desk;
        this.tally = tally;
    }

    void quiz(Quiz q) {
        tally.quizzes++;
        String where = "quiz \"" + q.id() + "\" (" + q.type() + ")";
        Optional<Answer> wrong = wrongAnswer(q);
        if (wrong.isPresent()) {
            QuizResult r = session.answer(q.id(), wrong.get());
            tally.wrongTries++;
            require(!r.correct(), where + ": a wrong answer was graded right: " + wrong.get());
            require(!r.feedback().isBlank(), where + ": a wrong answer gets feedback");
            String why = whyOf(q, wrong.get());
            require(why == null || r.feedback().contains(why), where + ": the feedback says why (" + why
                    + "), got: " + r.feedback());
            if (!q.hints().isEmpty()) {
                require(q.hints().get(0).equals(r.hint()), where + ": a wrong answer shows the first hint");
                tally.hints++;
            }
        }
        Answer right = rightAnswer(q);
        QuizResult r = session.answer(q.id(), right);
        require(r.correct(), where + ": the answer from the lesson file was graded wrong: " + right + " -> "
                + r.feedback());
        tally.log.add("  answered " + right + ": " + r.feedback());
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
            return Answer.text("  " + s.accept().get(0).toUpperCase(Locale.ROOT) + " ");
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
        throw new AutomatedStudent.StudentFailure("quiz " + q.id() + ": event " + e + " has no " + b.field());
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
        throw new AutomatedStudent.StudentFailure("quiz " + n.id() + ": no event carries " + n.from().field());
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
}
