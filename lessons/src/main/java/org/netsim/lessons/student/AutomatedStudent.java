package org.netsim.lessons.student;

import java.util.ArrayList;
import java.util.List;
import org.netsim.lessons.Lesson;
import org.netsim.lessons.Page;
import org.netsim.lessons.Quiz;
import org.netsim.lessons.Step;
import org.netsim.lessons.TextPage;
import org.netsim.lessons.load.Problem;
import org.netsim.lessons.progress.LessonProgress;
import org.netsim.lessons.run.LessonSession;

/**
 * Works through a lesson as a student would, through {@link LessonSession} against the real simulator: steps through
 * the timeline until the selected event is the one asked for, clicks fields in the inspector's tree, adds emits with
 * the composer (one script step, then the scenario runs again), switches the layer model, plays to a time, opens
 * scenarios, captures ({@link StepHands}). Before doing a step it asks once "is this right?" and expects a hint when
 * it is not; it answers each quiz wrong once (expecting feedback that says why) and then right ({@link QuizAnswers}).
 *
 * <p>A page it cannot do as the lesson says is a {@link Failure} naming the page and what the runner said; the
 * student then skips the page as a teacher would and goes on, so one run finds every such page. That is the point:
 * every step of a lesson must be achievable in the simulator, and every answer the lesson gives must be right.
 * {@code netsim lessons validate} runs it on a teacher's folder; the tests run it on every shipped lesson.
 */
public final class AutomatedStudent {
    /** What the student did. A lesson is completed as written when {@link #failures()} is empty. */
    public record Report(String lesson, int pages, int steps, int quizzes, int wrongTries, int hintsSeen,
                         int scenarioRuns, List<String> log, List<Failure> failures) {
        public Report {
            log = List.copyOf(log);
            failures = List.copyOf(failures);
        }

        public boolean completed() {
            return failures.isEmpty();
        }
    }

    /** A page the student could not do as the lesson says: its key and why, in the runner's words. */
    public record Failure(String page, String message) {
        @Override
        public String toString() {
            return page + ": " + message;
        }
    }

    private final Lesson lesson;
    private final LessonSession session;
    private final StudentDesk desk = new StudentDesk();
    private final Tally tally = new Tally();
    private final StepHands hands;
    private final QuizAnswers answers;
    private final List<Failure> failures = new ArrayList<>();

    /**
     * @param progress  the student's progress in the lesson (empty to start at the first page)
     * @param saved     called after every change of the progress
     * @param captures  the recorded captures a {@code captured} step is answered with
     */
    public AutomatedStudent(Lesson lesson, LessonProgress progress, Runnable saved, ReferenceCaptures captures) {
        this.lesson = lesson;
        this.session = new LessonSession(lesson, progress, saved);
        this.hands = new StepHands(lesson, session, desk, tally, captures);
        this.answers = new QuizAnswers(lesson, session, desk, tally);
        lesson.baseScenario().ifPresent(s -> hands.open(lesson.scenario(), s));
    }

    public LessonSession session() {
        return session;
    }

    public StudentDesk desk() {
        return desk;
    }

    /** Does every page from the current one to the end; returns what it did and what it could not do. */
    public Report complete() {
        int guard = 0;
        while (true) {
            Page p = session.page();
            if (!session.isDone(p)) {
                try {
                    if (p instanceof Step s) {
                        hands.step(s);
                    } else if (p instanceof Quiz q) {
                        answers.quiz(q);
                    }
                } catch (StudentFailure f) {
                    failures.add(new Failure(p.key(), f.getMessage()));
                    // skipped as a teacher would, so that the pages after it are tried too
                    session.progress().done(p.key());
                } catch (RuntimeException e) {
                    // the runner failed on this page: a teacher's lesson must get a message, not a stack trace
                    failures.add(new Failure(p.key(), describe(p) + ": the runner failed: " + e));
                    session.progress().done(p.key());
                }
            }
            tally.log.add((session.pageIndex() + 1) + "/" + session.pageCount() + " " + describe(p) + ": done");
            if (!session.next(desk)) {
                break;
            }
            if (++guard > 10_000) {
                failures.add(new Failure(p.key(), "the session does not end"));
                break;
            }
        }
        if (failures.isEmpty() && !session.isComplete()) {
            failures.add(new Failure(session.page().key(), "every page was done, yet the session is not complete: "
                    + session.progress().pagesDone()));
        }
        return new Report(lesson.id(), session.pageCount(), tally.steps, tally.quizzes, tally.wrongTries, tally.hints,
                tally.runs, tally.log, failures);
    }

    /**
     * Works through the lesson from its first page (progress kept in memory) and names every page it could not do,
     * at the page's place in {@code lesson.yaml}, as {@code netsim lessons validate} prints problems.
     */
    public static List<Problem> rehearse(Lesson lesson, ReferenceCaptures captures) {
        Report r = new AutomatedStudent(lesson, new LessonProgress(), () -> { }, captures).complete();
        List<Problem> out = new ArrayList<>();
        for (Failure f : r.failures()) {
            Lesson.Place at = lesson.placeOf(f.page());
            out.add(new Problem(at.file(), at.line(), at.column(), "automated student: " + f.message()));
        }
        return out;
    }

    private static String describe(Page p) {
        if (p instanceof TextPage t) {
            return "text " + t.file();
        }
        return (p instanceof Step ? "step " : "quiz ") + p.key();
    }

    /** What the student did, counted by its hands and its answers. */
    static final class Tally {
        int steps;
        int quizzes;
        int wrongTries;
        int hints;
        int runs;
        final List<String> log = new ArrayList<>();
    }

    /** A page the student cannot do; caught by {@link #complete()} and reported as a {@link Failure}. */
    static final class StudentFailure extends RuntimeException {
        StudentFailure(String message) {
            super(message, null, false, false);
        }
    }

    static void require(boolean ok, String message) {
        if (!ok) {
            throw new StudentFailure(message);
        }
    }
}
