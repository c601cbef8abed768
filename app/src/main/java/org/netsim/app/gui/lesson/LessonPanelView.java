package org.netsim.app.gui.lesson;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
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
 * The lesson panel beside the simulation: the lesson list (with the student's name) until a lesson is open, then the
 * lesson's current page with Back and Next. A step shows what to do, whether the window shows it done yet, Check and
 * Hint; a quiz shows its question, the answer controls and the feedback.
 */
public final class LessonPanelView extends BorderPane {
    private final LessonPanelViewModel model;
    private final VBox pageBox = new VBox();

    public LessonPanelView(LessonPanelViewModel model) {
        this.model = model;
        setId("lessonPanel");
        getStyleClass().addAll("ns-panel", "lesson-panel");
        Node chooser = chooser();
        Node lesson = lesson();
        centerProperty().bind(Bindings.when(model.openProperty()).then(lesson).otherwise(chooser));
        Label message = wrapped(new Label());
        message.getStyleClass().add("ns-error");
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        setBottom(message);
        model.pageProperty().addListener((o, was, p) -> showPage(p));
    }

    private Node chooser() {
        Label title = new Label(Messages.get("lesson.choose"));
        title.getStyleClass().add("ns-panel-title");
        Label lead = wrapped(new Label(Messages.get("lesson.choose.lead")));
        TextField student = new TextField();
        student.setId("lessonStudent");
        student.textProperty().bindBidirectional(model.studentProperty());
        ListView<Lesson> list = new ListView<>(model.lessons());
        list.setId("lessonList");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Lesson l, boolean empty) {
                super.updateItem(l, empty);
                setText(empty || l == null ? null : l.title() + (l.minutes() > 0 ? " (" + Messages.get("lesson.minutes",
                        l.minutes()) + ")" : "") + "\n" + l.summary());
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                model.open(list.getSelectionModel().getSelectedItem());
            }
        });
        Button open = new Button(Messages.get("lesson.open"));
        open.setId("lessonOpen");
        open.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(e -> model.open(list.getSelectionModel().getSelectedItem()));
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox box = new VBox(title, lead, new Label(Messages.get("lesson.student")), student, list, open);
        box.getStyleClass().add("lesson-chooser");
        return box;
    }

    private Node lesson() {
        Label title = wrapped(new Label());
        title.getStyleClass().add("ns-panel-title");
        title.textProperty().bind(model.titleProperty());
        Label position = new Label();
        position.setId("lessonPosition");
        position.textProperty().bind(model.positionProperty());
        Button close = new Button(Messages.get("lesson.close"));
        close.setId("lessonClose");
        close.setOnAction(e -> model.close());
        Button reset = new Button(Messages.get("lesson.reset"));
        reset.setOnAction(e -> model.resetLesson());
        javafx.scene.layout.FlowPane top = new javafx.scene.layout.FlowPane(position, reset, close);
        top.getStyleClass().add("ns-row");
        for (Button b : List.of(reset, close)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }

        ScrollPane scroll = new ScrollPane(pageBox);
        scroll.setFitToWidth(true);
        pageBox.getStyleClass().add("lesson-page");
        VBox.setVgrow(scroll, Priority.ALWAYS);

        Button previous = new Button(Messages.get("lesson.previous"));
        previous.setId("lessonPrevious");
        previous.setOnAction(e -> model.previous());
        Button next = new Button(Messages.get("lesson.next"));
        next.setId("lessonNext");
        next.setOnAction(e -> model.next());
        next.disableProperty().bind(model.canNextProperty().not());
        Label complete = new Label(Messages.get("lesson.complete"));
        complete.setId("lessonComplete");
        complete.getStyleClass().add("lesson-complete");
        complete.visibleProperty().bind(model.completeProperty());
        previous.setMinWidth(Region.USE_PREF_SIZE);
        next.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.layout.FlowPane nav = new javafx.scene.layout.FlowPane(previous, next, complete);
        nav.getStyleClass().add("ns-row");
        return new VBox(title, top, scroll, nav);
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
