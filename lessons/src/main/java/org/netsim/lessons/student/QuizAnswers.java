package org.netsim.lessons.student;

import static org.netsim.lessons.student.AutomatedStudent.require;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.netsim.lessons.ByteRange;
import org.netsim.lessons.EventFields;
import org.netsim.lessons.FromRun;
import org.netsim.lessons.Lesson;
import org.netsim.lessons.Quiz;
import org.netsim.lessons.run.Answer;
import org.netsim.lessons.run.LessonSession;
import org.netsim.lessons.run.QuizResult;
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
            QuizResult r = session.answer(q.id(), wrong.get(), desk.run());
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
        QuizResult r = session.answer(q.id(), right, desk.run());
        require(r.correct(), where + ": the right answer was graded wrong: " + right + " -> " + r.feedback());
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
            // a fact of the run is read off the screen, not taken from the lesson file
            String text = s.from() != null ? read(s, s.from()).text() : s.accept().get(0);
            return Answer.text("  " + text.toUpperCase(Locale.ROOT) + " ");
        } else if (q instanceof Quiz.Numeric n) {
            return Answer.number(readNumber(n));
        }
        Quiz.Bytes b = (Quiz.Bytes) q;
        // the hex pane shows the quiz's event; the student clicks the field's row in the tree
        TimelineEvent e = session.quizEvent(q.id(), desk.run()).orElseGet(() -> session.quizEvent(q.id()));
        List<EventFields.Placed> fields = EventFields.withKey(e, b.field());
        if (!fields.isEmpty()) {
            return Answer.bytes(fields.get(0).range());
        }
        throw new AutomatedStudent.StudentFailure("quiz " + q.id() + ": event " + e + " has no " + b.field());
    }

    /**
     * A numeric answer: read off the run as a student reads it off the screen when the quiz says where (so a wrong
     * number in the lesson file is found out), else the number the lesson file gives (a fact that is not in the run).
     */
    private double readNumber(Quiz.Numeric n) {
        if (n.from() == null) {
            return n.answer();
        }
        FromRun.Reading r = read(n, n.from());
        require(r.number() != null, "quiz " + n.id() + ": " + r.where(n.from()) + " is \"" + r.text()
                + "\", not a number");
        return r.number();
    }

    /** Reads the answer off the run on the desk, or off the run of the scenario the lesson has open there. */
    private FromRun.Reading read(Quiz q, FromRun from) {
        ScenarioRun run = desk.run();
        if (run == null || from.selector().first(run.timeline()).isEmpty()) {
            run = session.scenarioRun(lesson.scenarioAt(lesson.indexOf(q.id())));
        }
        require(run != null, "quiz " + q.id() + ": no run to read the answer off");
        FromRun.Reading r = from.read(run.timeline());
        require(r.ok(), "quiz " + q.id() + ": " + r.problem());
        return r;
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
