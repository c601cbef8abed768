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
 * <p>A text page is done once the student moves past it; a step once its check passes (or, for a live-capture step
 * in a view that has no live capture at all, once the student moves past it); a quiz once it is answered right. The
 * student can go back to any page, and forward past a page only when it is done.
 */
public final class LessonSession {
    private final Lesson lesson;
    private final LessonProgress progress;
    private final Runnable changed;
    private int page;
    private final java.util.Map<String, ScenarioRun> runs = new java.util.HashMap<>();

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

    /** Whether the student may go on: the page is text, done, or a step that needs live capture in a view without one (the app always has it). */
    public boolean canAdvance(StudentView view) {
        Page p = page();
        if (p instanceof TextPage || progress.isDone(p.key())) {
            return true;
        }
        return p instanceof Step s && view != null
                && Checks.evaluate(s.expect(), view).status() == CheckResult.Status.NEEDS_LIVE_CAPTURE;
    }

    /**
     * Moves to the next page if the student may (see {@link #canAdvance}); a text page, or a live-capture step a view
     * without live capture cannot judge, counts as done when left. Returns whether it moved.
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

    /** Grades an answer to quiz {@code quizId} against the lesson's own run (see {@link #answer(String, Answer,
     * ScenarioRun)}). */
    public QuizResult answer(String quizId, Answer answer) {
        return answer(quizId, answer, null);
    }

    /**
     * Grades an answer to quiz {@code quizId}; a wrong answer reveals the quiz's next hint. A quiz about an event of
     * the run (its bytes, or a value read off it) is graded against {@code seen}, the run the student has in front
     * of them, when its event is there (the student may have added emits, so every event after them has moved);
     * otherwise against a run of the scenario the lesson has open on that page.
     */
    public QuizResult answer(String quizId, Answer answer, ScenarioRun seen) {
        Quiz q = quiz(quizId);
        Grader.Graded g = Grader.grade(q, answer, q.aboutEvent() == null ? null : runFor(q, seen));
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

    /** For a bytes quiz, the event whose bytes the hex pane shows, in a run of the scenario open on its page. */
    public TimelineEvent quizEvent(String quizId) {
        Quiz q = bytesQuiz(quizId);
        return Grader.event(quizId, q.aboutEvent(), runFor(q, null));
    }

    /**
     * For a bytes quiz, its event in {@code seen} (the first the quiz's selector matches), or empty when the run the
     * student has open holds none (another scenario is open): then {@link #quizScenario} names the one to open.
     */
    public Optional<TimelineEvent> quizEvent(String quizId, ScenarioRun seen) {
        Quiz q = bytesQuiz(quizId);
        return seen == null ? Optional.empty() : q.aboutEvent().first(seen.timeline());
    }

    /** The scenario the lesson has open on the quiz's page (a name {@link Lesson#scenario(String)} knows). */
    public String quizScenario(String quizId) {
        return lesson.scenarioAt(lesson.indexOf(quiz(quizId).id()));
    }

    private Quiz quiz(String quizId) {
        return lesson.page(quizId).filter(Quiz.class::isInstance).map(Quiz.class::cast)
                .orElseThrow(() -> new IllegalArgumentException(lesson.id() + " has no quiz " + quizId));
    }

    private Quiz bytesQuiz(String quizId) {
        Quiz q = quiz(quizId);
        if (!(q instanceof Quiz.Bytes)) {
            throw new IllegalArgumentException(lesson.id() + " has no bytes quiz " + quizId);
        }
        return q;
    }

    /** {@code seen} if the quiz's event is in it, else the run of the scenario open on the quiz's page. */
    private ScenarioRun runFor(Quiz q, ScenarioRun seen) {
        if (seen != null && q.aboutEvent().first(seen.timeline()).isPresent()) {
            return seen;
        }
        return scenarioRun(lesson.scenarioAt(lesson.indexOf(q.id())));
    }

    /** The run of the lesson's own scenario (made once, on first use), or {@code null} if the lesson has none. */
    public ScenarioRun lessonRun() {
        return scenarioRun(lesson.scenario());
    }

    /** A run of a scenario the lesson names (each made once, on first use), or {@code null} for none. */
    public ScenarioRun scenarioRun(String name) {
        if (name == null) {
            return null;
        }
        ScenarioRun r = runs.get(name);
        if (r == null) {
            Optional<Scenario> s = lesson.scenario(name);
            if (s.isEmpty()) {
                return null;
            }
            r = ScenarioRunner.run(s.get());
            runs.put(name, r);
        }
        return r;
    }
}
