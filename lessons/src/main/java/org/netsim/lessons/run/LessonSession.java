package org.netsim.lessons.run;

import java.util.List;
import java.util.Optional;
import org.netsim.lessons.Lesson;
import org.netsim.lessons.Page;
import org.netsim.lessons.Quiz;
import org.netsim.lessons.Step;
import org.netsim.lessons.TextPage;
import org.netsim.lessons.progress.LessonProgress;
import org.netsim.scenario.Scenario;
import org.netsim.scenario.ScenarioRun;
import org.netsim.scenario.ScenarioRunner;
import org.netsim.timeline.TimelineEvent;

/**
 * One student working through one lesson: the current page, the judging of steps against what the student did in the
 * simulator, the grading of quizzes, and hints. Every change is recorded in the student's {@link LessonProgress} and
 * reported to the listener given at construction (the app saves the progress file there), so a restart resumes on
 * the same page with the same tries and hints.
 *
 * <p>A text page is done once the student moves past it; a step once its check passes (or, for a step that needs
 * live capture the app lacks, once the student moves past it); a quiz once it is answered right. The student can go
 * back to any page, and forward past a page only when it is done.
 */
public final class LessonSession {
    private final Lesson lesson;
    private final LessonProgress progress;
    private final Runnable changed;
    private int page;
    private ScenarioRun lessonRun;

    /**
     * @param progress the student's progress in this lesson (empty for a new start); resumed at its current page
     * @param changed  called after every change of {@code progress}
     */
    public LessonSession(Lesson lesson, LessonProgress progress, Runnable changed) {
        this.lesson = lesson;
        this.progress = progress;
        this.changed = changed;
        int at = progress.currentPage() == null ? -1 : lesson.indexOf(progress.currentPage());
        this.page = at < 0 ? 0 : at;
        if (at < 0) {
            progress.currentPage(lesson.pages().get(0).key());
        }
    }

    public LessonSession(Lesson lesson, LessonProgress progress) {
        this(lesson, progress, () -> { });
    }

    public Lesson lesson() {
        return lesson;
    }

    public LessonProgress progress() {
        return progress;
    }

    // ---------------------------------------------------------------- pages

    public int pageIndex() {
        return page;
    }

    public int pageCount() {
        return lesson.pages().size();
    }

    public Page page() {
        return lesson.pages().get(page);
    }

    public boolean isDone(Page p) {
        return progress.isDone(p.key());
    }

    /** Whether every page is done. */
    public boolean isComplete() {
        for (Page p : lesson.pages()) {
            if (!progress.isDone(p.key())) {
                return false;
            }
        }
        return true;
    }

    /** Whether the student may go on: the page is text, done, or a step that needs live capture the app lacks. */
    public boolean canAdvance(StudentView view) {
        Page p = page();
        if (p instanceof TextPage || progress.isDone(p.key())) {
            return true;
        }
        return p instanceof Step s && view != null
                && Checks.evaluate(s.expect(), view).status() == CheckResult.Status.NEEDS_LIVE_CAPTURE;
    }

    /**
     * Moves to the next page if the student may (see {@link #canAdvance}); a text page, or a live-capture step the
     * app cannot judge, counts as done when left. Returns whether it moved.
     */
    public boolean next(StudentView view) {
        if (!canAdvance(view)) {
            return false;
        }
        Page p = page();
        if (!progress.isDone(p.key())) {
            progress.done(p.key());
        }
        if (page + 1 == pageCount()) {
            changed.run();
            return false;
        }
        page++;
        progress.currentPage(page().key());
        changed.run();
        return true;
    }

    public boolean previous() {
        if (page == 0) {
            return false;
        }
        page--;
        progress.currentPage(page().key());
        changed.run();
        return true;
    }

    /** Moves to page {@code index} if every page before it is done. */
    public boolean goTo(int index) {
        if (index < 0 || index >= pageCount()) {
            return false;
        }
        for (int i = 0; i < index; i++) {
            if (!progress.isDone(lesson.pages().get(i).key())) {
                return false;
            }
        }
        page = index;
        progress.currentPage(page().key());
        changed.run();
        return true;
    }

    // ---------------------------------------------------------------- steps

    /** Judges the current step without counting a try (the app can call it on every change to notice success). */
    public CheckResult evaluate(StudentView view) {
        CheckResult r = Checks.evaluate(currentStep().expect(), view);
        if (r.passed() && !progress.isDone(currentStep().id())) {
            progress.step(currentStep().id());
            progress.done(currentStep().id());
            changed.run();
        }
        return r;
    }

    /** The student asks "is this right?": judges the current step, counts a try, and after a wrong try reveals the
     * next hint. */
    public CheckResult check(StudentView view) {
        Step s = currentStep();
        CheckResult r = Checks.evaluate(s.expect(), view);
        LessonProgress.StepRecord rec = progress.step(s.id());
        rec.tried(r.passed());
        if (r.passed()) {
            progress.done(s.id());
        } else if (r.status() == CheckResult.Status.NOT_YET) {
            r = r.withHint(nextHint(s.hints(), rec.hintsShown(), rec::hintShown));
        }
        changed.run();
        return r;
    }

    /** Reveals the next hint of the current step or quiz on request; empty when none is left. */
    public Optional<String> hint() {
        Page p = page();
        String h = null;
        if (p instanceof Step s) {
            LessonProgress.StepRecord rec = progress.step(s.id());
            h = nextHint(s.hints(), rec.hintsShown(), rec::hintShown);
        } else if (p instanceof Quiz q) {
            LessonProgress.QuizRecord rec = progress.quiz(q.id());
            h = nextHint(q.hints(), rec.hintsShown(), rec::hintShown);
        }
        if (h != null) {
            changed.run();
        }
        return Optional.ofNullable(h);
    }

    /** The hints of the current step or quiz shown so far, in order. */
    public List<String> hintsShown() {
        Page p = page();
        if (p instanceof Step s) {
            return s.hints().subList(0, Math.min(s.hints().size(), progress.step(s.id()).hintsShown()));
        } else if (p instanceof Quiz q) {
            return q.hints().subList(0, Math.min(q.hints().size(), progress.quiz(q.id()).hintsShown()));
        }
        return List.of();
    }

    private static String nextHint(List<String> hints, int shown, Runnable count) {
        if (shown >= hints.size()) {
            return null;
        }
        count.run();
        return hints.get(shown);
    }

    private Step currentStep() {
        if (!(page() instanceof Step s)) {
            throw new IllegalStateException("page " + (page + 1) + " of " + lesson.id() + " is not a step");
        }
        return s;
    }

    // ---------------------------------------------------------------- quizzes

    /** Grades an answer to quiz {@code quizId}; a wrong answer reveals the quiz's next hint. */
    public QuizResult answer(String quizId, Answer answer) {
        Quiz q = lesson.page(quizId).filter(Quiz.class::isInstance).map(Quiz.class::cast)
                .orElseThrow(() -> new IllegalArgumentException(lesson.id() + " has no quiz " + quizId));
        Grader.Graded g = Grader.grade(q, answer, needsRun(q) ? lessonRun() : null);
        LessonProgress.QuizRecord rec = progress.quiz(q.id());
        rec.answered(g.recorded(), g.correct());
        String hint = null;
        if (g.correct()) {
            progress.done(q.id());
        } else {
            hint = nextHint(q.hints(), rec.hintsShown(), rec::hintShown);
        }
        changed.run();
        return new QuizResult(g.correct(), g.feedback(), hint, rec.tries());
    }

    /** For a bytes quiz, the event whose bytes the hex pane shows (from the lesson's scenario run). */
    public TimelineEvent quizEvent(String quizId) {
        Quiz q = lesson.page(quizId).filter(Quiz.Bytes.class::isInstance).map(Quiz.class::cast)
                .orElseThrow(() -> new IllegalArgumentException(lesson.id() + " has no bytes quiz " + quizId));
        return Grader.event(quizId, ((Quiz.Bytes) q).event(), lessonRun());
    }

    private static boolean needsRun(Quiz q) {
        return q instanceof Quiz.Bytes || q instanceof Quiz.Numeric n && n.from() != null;
    }

    /** The run of the lesson's own scenario (made once, on first use), or {@code null} if the lesson has none. */
    public ScenarioRun lessonRun() {
        if (lessonRun == null) {
            Optional<Scenario> s = lesson.baseScenario();
            if (s.isEmpty()) {
                return null;
            }
            lessonRun = ScenarioRunner.run(s.get());
        }
        return lessonRun;
    }
}
