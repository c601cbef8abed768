package org.netsim.app.gui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.netsim.app.gui.AppModels;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The panel as laid out by its FXML: the list with each lesson's progress, the objectives, the page. */
@ExtendWith(ApplicationExtension.class)
class LessonPanelViewTest {
    @TempDir
    static Path progress;

    private LessonPanelViewModel model;

    @Start
    void start(Stage stage) {
        model = new LessonPanelViewModel(AppModels.create(), progress);
        model.studentProperty().set("Ana");
        stage.setScene(new Scene(new LessonPanelView(model), 420, 760));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void theListShowsProgressAndALessonShowsItsObjectives(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ListView<LessonListItem> list = robot.lookup("#lessonList").queryAs(ListView.class);
        assertThat(robot.lookup(".lesson-state").queryAllAs(Label.class)).isNotEmpty()
                .allSatisfy(l -> assertThat(l.getText()).isEqualTo("Not started"));
        robot.interact(() -> list.getSelectionModel().select(1));
        robot.clickOn("#lessonOpen");
        TitledPane objectives = robot.lookup("#lessonObjectives").queryAs(TitledPane.class);
        assertThat(objectives.isVisible()).isTrue();
        assertThat(objectives.isExpanded()).isTrue();
        assertThat(objectives.getText()).isEqualTo("You will be able to:");
        assertThat(robot.from(objectives).lookup(".label").queryAllAs(Label.class)).extracting(Label::getText)
                .anyMatch(t -> t.startsWith("\u2022 Describe: Name the four TCP/IP layers"))
                .anyMatch(t -> t.startsWith("\u2022 Do: Switch netsim's views to the TCP/IP model"));
        robot.clickOn("#lessonNext");
        assertThat(objectives.isExpanded()).isFalse();
        assertThat(robot.lookup("#lessonPosition").queryAs(Label.class).getText()).isEqualTo("Page 2 of 11");
        robot.clickOn("#lessonClose");
        assertThat(robot.lookup(".lesson-state-in-progress").queryAs(Label.class).getText())
                .isEqualTo("In progress: 1 of 11 pages done");
    }
}
