package org.netsim.app.gui.lesson;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.netsim.app.gui.AppModels;
import org.netsim.app.gui.Messages;
import org.netsim.lessons.Check;
import org.netsim.lessons.Lesson;
import org.netsim.lessons.Page;
import org.netsim.lessons.Quiz;
import org.netsim.lessons.ScreenPart;
import org.netsim.lessons.Step;
import org.netsim.lessons.TextPage;
import org.netsim.lessons.load.LessonLoader;
import org.netsim.lessons.progress.ProgressStore;
import org.netsim.lessons.progress.StudentProgress;
import org.netsim.lessons.run.Answer;
import org.netsim.lessons.run.CheckResult;
import org.netsim.lessons.run.LessonSession;
import org.netsim.lessons.run.QuizResult;

/**
 * The lesson panel: the shipped lessons, the student's progress (saved after every change, resumed on the next
 * start), and the current page: a text, a step judged against what the student does in the window (checked again on
 * every change, so success shows the moment it happens; "Check" counts a try and reveals a hint after a wrong one),
 * or a quiz with feedback that says why.
 */
public final class LessonPanelViewModel {
    private final AppModels models;
    private final AppStudentView view;
    private final ProgressStore store;
    private final ObservableList<Lesson> lessons = FXCollections.observableArrayList();
    private final StringProperty student = new SimpleStringProperty(this, "student",
            System.getProperty("user.name", "student"));
    private final BooleanProperty open = new SimpleBooleanProperty(this, "open");
    private final ObjectProperty<Page> page = new SimpleObjectProperty<>(this, "page");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper position = new ReadOnlyStringWrapper(this, "position", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper feedback = new ReadOnlyStringWrapper(this, "feedback", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final BooleanProperty passed = new SimpleBooleanProperty(this, "passed");
    private final BooleanProperty canNext = new SimpleBooleanProperty(this, "canNext");
    private final BooleanProperty complete = new SimpleBooleanProperty(this, "complete");
    private final ObjectProperty<ScreenPart> pointsAt = new SimpleObjectProperty<>(this, "pointsAt");
    private final ObservableList<String> hints = FXCollections.observableArrayList();
    private final ObservableList<String> objectives = FXCollections.observableArrayList();
    private final BooleanProperty objectivesExpanded = new SimpleBooleanProperty(this, "objectivesExpanded");
    private final ObservableList<LessonListItem> lessonList = FXCollections.observableArrayList();
    private StudentProgress progress;
    /** False when an unreadable progress file could not be moved aside: saving would overwrite it. */
    private boolean saveable = true;
    private LessonSession session;

    public LessonPanelViewModel(AppModels models) {
        this(models, ProgressStore.defaultFolder());
    }

    LessonPanelViewModel(AppModels models, Path progressDir) {
        this.models = models;
        this.view = new AppStudentView(models);
        this.store = new ProgressStore(progressDir);
        LessonLoader.Result shipped = LessonLoader.shipped();
        lessons.setAll(shipped.lessons());
        refreshList();
        student.addListener(o -> refreshList());
        if (!shipped.problems().isEmpty()) {
            message.set(shipped.problems().get(0).toString());
        }
        // what the student does in the window may complete the step on screen
        models.session().selectedEventProperty().addListener(o -> judge());
        models.session().runProperty().addListener(o -> judge());
        models.session().layerModelProperty().addListener(o -> judge());
        models.session().sourceProperty().addListener(o -> judge());
        models.inspector().selectedProperty().addListener(o -> judge());
        models.inspector().highlightEndProperty().addListener(o -> judge());
        // a captured step passes the moment the Live capture tab decodes the message (captured, or read from a file)
        models.live().messages().addListener((javafx.collections.ListChangeListener<Object>) c -> {
            if (page.get() instanceof Step s && s.expect() instanceof Check.Captured) {
                judge();
            }
        });
        models.session().currentTimeProperty().addListener(o -> {
            if (page.get() instanceof Step s && s.expect() instanceof Check.ReachedTime) {
                judge();
            }
        });
    }

    /**
     * Opens a lesson where the student left it (a new one at its first page) with the scenario it has open there
     * loaded: its own, or the one a step before that page had the student open.
     */
    public void open(Lesson lesson) {
        ProgressStore.Opened opened = store.open(student.get());
        progress = opened.progress();
        saveable = opened.saveable();
        if (opened.setAside() != null) {
            message.set(Messages.get("lesson.progress.setAside", opened.problem(), opened.setAside().getFileName()));
        } else if (opened.problem() != null) {
            message.set(Messages.get("lesson.progress.unmovable", opened.problem()));
        } else {
            message.set("");
        }
        session = new LessonSession(lesson, progress.lesson(lesson.id()), this::save);
        // the scenario the lesson has open on the page it resumes at (a step may have had the student open another)
        String name = lesson.scenarioAt(session.pageIndex());
        if (name != null) {
            lesson.scenario(name).ifPresent(s -> {
                models.session().load(s, name);
                view.rebase();
            });
        }
        title.set(lesson.title());
        objectives.setAll(lesson.objectives().stream().map(o -> Messages.get(o.kind() == Lesson.Objective.Kind.DESCRIBE
                ? "lesson.objective.describe" : "lesson.objective.execute", o.text())).toList());
        open.set(true);
        show();
        refreshList();
    }

    public void close() {
        session = null;
        open.set(false);
        page.set(null);
        pointsAt.set(null);
        refreshList();
    }

    public void next() {
        if (session != null && session.next(view)) {
            show();
        } else if (session != null) {
            show();
        }
    }

    /** Goes to page {@code index} if every page before it is done. */
    public boolean goTo(int index) {
        if (session != null && session.goTo(index)) {
            show();
            return true;
        }
        return false;
    }

    public void previous() {
        if (session != null && session.previous()) {
            show();
        }
    }

    /** "Is this right?" for the current step: counts a try; a wrong one reveals the next hint. */
    public void check() {
        if (session == null || !(page.get() instanceof Step)) {
            return;
        }
        CheckResult r = session.check(view);
        showResult(r);
        hints.setAll(session.hintsShown());
    }

    /** The next hint of the current step or quiz. */
    public void hint() {
        if (session != null && session.hint().isPresent()) {
            hints.setAll(session.hintsShown());
        }
    }

    /** Grades an answer to the current quiz; a bytes quiz takes the bytes highlighted in the hex pane. */
    public QuizResult answer(Answer answer) {
        if (session == null || !(page.get() instanceof Quiz q)) {
            return null;
        }
        QuizResult r = session.answer(q.id(), answer, models.session().run());
        feedback.set(r.feedback());
        passed.set(r.correct());
        hints.setAll(session.hintsShown());
        updateNavigation();
        return r;
    }

    /**
     * The bytes quiz's answer: what the student highlighted in the hex pane, in the quiz's event. If the student
     * selected another event meanwhile, the quiz's event is shown again and nothing is graded.
     */
    public QuizResult answerSelectedBytes() {
        if (session != null && page.get() instanceof Quiz.Bytes b) {
            var event = session.quizEvent(b.id(), models.session().run());
            var selected = models.session().selectedEvent();
            if (event.isPresent() && (selected == null || selected.index() != event.get().index())) {
                models.session().select(event.get().index());
                feedback.set(Messages.get("lesson.bytes.reselected"));
                passed.set(false);
                return null;
            }
        }
        var range = view.highlightedBytes();
        if (range == null) {
            feedback.set(Messages.get("lesson.bytes.none"));
            passed.set(false);
            return null;
        }
        return answer(new Answer.Bytes(range));
    }

    /** Starts the current lesson again from its first page (a teacher's reset, or the student's own). */
    public void resetLesson() {
        if (session == null) {
            return;
        }
        Lesson lesson = session.lesson();
        try {
            store.resetLesson(student.get(), lesson.id());
        } catch (IOException e) {
            message.set(Messages.get("lesson.progress.unwritable", e.getMessage()));
        }
        open(lesson);
    }

    private void show() {
        Page p = session.page();
        // the objectives open on the first page, where the lesson starts; later they stay a click away
        objectivesExpanded.set(session.pageIndex() == 0);
        page.set(p);
        position.set(Messages.get("lesson.position", session.pageIndex() + 1, session.pageCount()));
        feedback.set("");
        status.set("");
        passed.set(session.isDone(p));
        hints.setAll(session.hintsShown());
        // a bytes quiz is answered in the hex pane: bring it to the front and outline it
        pointsAt.set(p instanceof Step s ? s.pointsAt() : p instanceof Quiz.Bytes ? ScreenPart.HEX : null);
        if (p instanceof Quiz.Bytes b) {
            showQuizEvent(b);
        }
        judge();
        updateNavigation();
    }

    /**
     * Selects the bytes quiz's event so the hex pane holds its bytes: found by the quiz's selector in the run the
     * student has open (with the student's own emits every later event has moved), or, when another scenario is
     * open, in the scenario the lesson has open on this page, which is opened again.
     */
    private void showQuizEvent(Quiz.Bytes b) {
        var event = session.quizEvent(b.id(), models.session().run());
        if (event.isEmpty()) {
            String name = session.quizScenario(b.id());
            var scenario = name == null ? java.util.Optional.<org.netsim.scenario.Scenario>empty()
                    : session.lesson().scenario(name);
            if (scenario.isEmpty() || !models.session().load(scenario.get(), name)) {
                return;
            }
            view.rebase();
            event = session.quizEvent(b.id(), models.session().run());
        }
        event.ifPresent(e -> models.session().select(e.index()));
    }

    /** Judges the current step against the window as it is now (no try counted). */
    private void judge() {
        // the session's page, not the one on screen: opening a lesson loads its scenario before the page is shown
        if (session == null || !(session.page() instanceof Step) || session.page() != page.get()) {
            return;
        }
        showResult(session.evaluate(view));
        updateNavigation();
    }

    private void showResult(CheckResult r) {
        passed.set(r.passed() || session.isDone(page.get()));
        status.set(r.passed() ? Messages.get("lesson.step.done", r.message()) : r.message());
    }

    private void updateNavigation() {
        canNext.set(session != null && session.canAdvance(view) && session.pageIndex() + 1 < session.pageCount());
        complete.set(session != null && session.isComplete());
    }

    private void save() {
        if (!saveable) {
            return;
        }
        try {
            store.save(progress);
        } catch (IOException e) {
            message.set(Messages.get("lesson.progress.unwritable", e.getMessage()));
        }
        refreshList();
    }

    /** The lesson list with how far the student got in each (see {@link LessonListItem#list}). */
    private void refreshList() {
        lessonList.setAll(LessonListItem.list(lessons, store, student.get(), progress));
    }

    public ObservableList<Lesson> lessons() {
        return lessons;
    }

    public StringProperty studentProperty() {
        return student;
    }

    public ReadOnlyBooleanProperty openProperty() {
        return open;
    }

    public ReadOnlyObjectProperty<Page> pageProperty() {
        return page;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    /** What the current step is waiting for, or that it is done. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty feedbackProperty() {
        return feedback.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty passedProperty() {
        return passed;
    }

    public ReadOnlyBooleanProperty canNextProperty() {
        return canNext;
    }

    public ReadOnlyBooleanProperty completeProperty() {
        return complete;
    }

    public ReadOnlyObjectProperty<ScreenPart> pointsAtProperty() {
        return pointsAt;
    }

    public ObservableList<String> hints() {
        return hints;
    }

    /** The open lesson's objectives, one line each ("Describe: …", "Do: …"). */
    public ObservableList<String> objectives() {
        return objectives;
    }

    /** Whether the objectives are shown open: on the lesson's first page. */
    public BooleanProperty objectivesExpandedProperty() {
        return objectivesExpanded;
    }

    /** The lessons with the student's progress in each, for the lesson list. */
    public ObservableList<LessonListItem> lessonList() {
        return lessonList;
    }

    /** The open lesson's session, for tests and the view. */
    LessonSession session() {
        return session;
    }

    static boolean isText(Page p) {
        return p instanceof TextPage;
    }

    static List<String> choices(Quiz.Choice q) {
        return q.options().stream().map(Quiz.Choice.Option::text).toList();
    }
}
