package org.netsim.app.gui.lesson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.netsim.app.gui.Messages;
import org.netsim.lessons.Lesson;
import org.netsim.lessons.Page;
import org.netsim.lessons.Quiz;
import org.netsim.lessons.Step;
import org.netsim.lessons.TextPage;
import org.netsim.lessons.run.Answer;

/**
 * The lesson panel beside the simulation: the lesson list (with the student's name and how far they got in each
 * lesson) until a lesson is open, then the lesson with its objectives and its current page, Back and Next. A step
 * shows what to do, whether the window shows it done yet, Check and Hint; a quiz shows its question, the answer
 * controls and the feedback. The static layout is {@code LessonPanelView.fxml}; the page itself is drawn here.
 */
public final class LessonPanelView extends BorderPane {
    private final LessonPanelViewModel model;
    @FXML private VBox chooser;
    @FXML private TextField studentField;
    @FXML private ListView<LessonListItem> lessonList;
    @FXML private Button openButton;
    @FXML private VBox lessonBox;
    @FXML private Label titleLabel;
    @FXML private TitledPane objectivesPane;
    @FXML private VBox objectivesBox;
    @FXML private Label positionLabel;
    @FXML private VBox pageBox;
    @FXML private Button nextButton;
    @FXML private Label completeLabel;
    @FXML private Label messageLabel;

    public LessonPanelView(LessonPanelViewModel model) {
        this.model = model;
        load();
        chooser.visibleProperty().bind(model.openProperty().not());
        chooser.managedProperty().bind(chooser.visibleProperty());
        lessonBox.visibleProperty().bind(model.openProperty());
        lessonBox.managedProperty().bind(lessonBox.visibleProperty());
        studentField.textProperty().bindBidirectional(model.studentProperty());
        lessonList.setItems(model.lessonList());
        lessonList.setCellFactory(v -> new LessonCell());
        lessonList.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && lessonList.getSelectionModel().getSelectedItem() != null) {
                openSelected();
            }
        });
        openButton.disableProperty().bind(lessonList.getSelectionModel().selectedItemProperty().isNull());

        titleLabel.textProperty().bind(model.titleProperty());
        objectivesPane.expandedProperty().bindBidirectional(model.objectivesExpandedProperty());
        objectivesPane.visibleProperty().bind(Bindings.isNotEmpty(model.objectives()));
        objectivesPane.managedProperty().bind(objectivesPane.visibleProperty());
        Runnable fillObjectives = () -> objectivesBox.getChildren().setAll(model.objectives().stream()
                .map(o -> (Node) wrapped(new Label("\u2022 " + o))).toList());
        fillObjectives.run();
        model.objectives().addListener((javafx.collections.ListChangeListener<String>) c -> fillObjectives.run());
        positionLabel.textProperty().bind(model.positionProperty());
        nextButton.disableProperty().bind(model.canNextProperty().not());
        completeLabel.visibleProperty().bind(model.completeProperty());

        messageLabel.textProperty().bind(model.messageProperty());
        messageLabel.visibleProperty().bind(model.messageProperty().isNotEmpty());
        messageLabel.managedProperty().bind(messageLabel.visibleProperty());
        model.pageProperty().addListener((o, was, p) -> showPage(p));
    }

    /** Loads {@code LessonPanelView.fxml} with this view as root and controller, texts from {@link Messages}. */
    private void load() {
        FXMLLoader loader = new FXMLLoader(LessonPanelView.class.getResource("LessonPanelView.fxml"),
                Messages.bundle());
        loader.setRoot(this);
        loader.setController(this);
        // the default is the thread's context class loader, which a test runner may have replaced
        loader.setClassLoader(LessonPanelView.class.getClassLoader());
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load LessonPanelView.fxml", e);
        }
    }

    @FXML
    private void openSelected() {
        LessonListItem item = lessonList.getSelectionModel().getSelectedItem();
        if (item != null) {
            model.open(item.lesson());
        }
    }

    @FXML
    private void reset() {
        model.resetLesson();
    }

    @FXML
    private void close() {
        model.close();
    }

    @FXML
    private void previous() {
        model.previous();
    }

    @FXML
    private void next() {
        model.next();
    }

    /** A lesson in the list: its title and time, its summary, and how far the student got (in words). */
    private static final class LessonCell extends ListCell<LessonListItem> {
        @Override
        protected void updateItem(LessonListItem item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            Lesson l = item.lesson();
            Label title = wrapped(new Label(l.title() + (l.minutes() > 0 ? " (" + Messages.get("lesson.minutes",
                    l.minutes()) + ")" : "")));
            title.getStyleClass().add("lesson-list-title");
            Label summary = wrapped(new Label(l.summary()));
            Label state = new Label(item.stateText());
            state.getStyleClass().addAll("lesson-state", "lesson-state-" + item.state().name().toLowerCase(
                    java.util.Locale.ROOT).replace('_', '-'));
            VBox box = new VBox(title, summary, state);
            box.setPrefWidth(0);
            box.getStyleClass().add("lesson-list-item");
            setGraphic(box);
        }
    }

    private void showPage(Page p) {
        List<Node> nodes = new ArrayList<>();
        if (p instanceof TextPage t) {
            MarkdownView md = new MarkdownView();
            md.show(t.markdown());
            nodes.add(md);
        } else if (p instanceof Step s) {
            nodes.add(bold(s.prompt()));
            nodes.add(status());
            Button check = new Button(Messages.get("lesson.check"));
            check.setId("lessonCheck");
            check.setOnAction(e -> model.check());
            nodes.add(new HBox(check, hintButton()));
            nodes.add(hints());
        } else if (p instanceof Quiz q) {
            nodes.add(bold(q.question()));
            nodes.addAll(quizControls(q));
            Label feedback = wrapped(new Label());
            feedback.setId("lessonFeedback");
            feedback.textProperty().bind(model.feedbackProperty());
            feedback.getStyleClass().add("lesson-feedback");
            model.passedProperty().addListener((o, a, ok) -> mark(feedback, ok));
            nodes.add(feedback);
            nodes.add(hintButton());
            nodes.add(hints());
        }
        pageBox.getChildren().setAll(nodes);
    }

    private List<Node> quizControls(Quiz q) {
        List<Node> out = new ArrayList<>();
        Button answer = new Button(Messages.get(q instanceof Quiz.Bytes ? "lesson.answer.bytes" : "lesson.answer"));
        answer.setId("lessonAnswer");
        if (q instanceof Quiz.Choice c) {
            ToggleGroup group = new ToggleGroup();
            List<javafx.scene.control.ButtonBase> boxes = new ArrayList<>();
            for (String text : LessonPanelViewModel.choices(c)) {
                javafx.scene.control.ButtonBase b = c.multiple() ? new CheckBox(text) : new RadioButton(text);
                if (b instanceof RadioButton r) {
                    r.setToggleGroup(group);
                }
                b.getStyleClass().add("lesson-option");
                ((javafx.scene.control.Labeled) b).setWrapText(true);
                boxes.add(b);
                out.add(b);
            }
            answer.setOnAction(e -> {
                List<Integer> chosen = new ArrayList<>();
                for (int i = 0; i < boxes.size(); i++) {
                    var b = boxes.get(i);
                    if (b instanceof CheckBox cb && cb.isSelected() || b instanceof RadioButton r && r.isSelected()) {
                        chosen.add(i);
                    }
                }
                model.answer(new Answer.Choice(chosen));
            });
        } else if (q instanceof Quiz.Bytes) {
            out.add(wrapped(new Label(Messages.get("lesson.bytes.how"))));
            answer.setOnAction(e -> model.answerSelectedBytes());
        } else {
            TextField input = new TextField();
            input.setId("lessonInput");
            input.setOnAction(e -> answer.fire());
            answer.setOnAction(e -> model.answer(new Answer.Text(input.getText())));
            out.add(input);
        }
        out.add(answer);
        return out;
    }

    private Label status() {
        Label status = wrapped(new Label());
        status.setId("lessonStatus");
        status.textProperty().bind(model.statusProperty());
        mark(status, model.passedProperty().get());
        model.passedProperty().addListener((o, a, ok) -> mark(status, ok));
        return status;
    }

    private Button hintButton() {
        Button hint = new Button(Messages.get("lesson.hint"));
        hint.setId("lessonHint");
        hint.setOnAction(e -> model.hint());
        return hint;
    }

    private VBox hints() {
        VBox box = new VBox();
        box.getStyleClass().add("lesson-hints");
        Runnable fill = () -> box.getChildren().setAll(model.hints().stream()
                .map(h -> (Node) wrapped(new Label("\ud83d\udca1 " + h))).toList());
        fill.run();
        model.hints().addListener((javafx.collections.ListChangeListener<String>) c -> fill.run());
        return box;
    }

    private static void mark(Label l, boolean ok) {
        l.getStyleClass().removeAll("lesson-ok", "lesson-not-yet");
        l.getStyleClass().add(ok ? "lesson-ok" : "lesson-not-yet");
    }

    private static Label bold(String text) {
        Label l = wrapped(new Label(text));
        l.getStyleClass().add("lesson-prompt");
        return l;
    }

    private static Label wrapped(Label l) {
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }
}
