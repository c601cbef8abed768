package org.netsim.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.stage.Stage;
import org.netsim.app.gui.lesson.LessonPanelViewModel;
import org.netsim.lessons.Lesson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The application starts headless (Monocle) on its welcome screen, whose big button opens the first scenario. */
@ExtendWith(ApplicationExtension.class)
class NetsimApplicationTest {
    private NetsimApplication app;

    @Start
    void start(Stage stage) {
        app = new NetsimApplication();
        app.start(stage);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        app.stop();
    }

    @Test
    void theWelcomeScreenOffersTheFirstScenarioAndEveryShippedOne(FxRobot robot) {
        Button start = robot.lookup("#startButton").queryAs(Button.class);
        assertThat(start.isVisible()).isTrue();
        assertThat(start.getText()).isEqualTo("Start with: one client and a server");
        assertThat(robot.lookup(".hyperlink").queryAllAs(Hyperlink.class)).extracting(Hyperlink::getText)
                .contains("One client and a server", "Three clients and a broadcast", "Rooms",
                        "A lost segment and its retransmission", "A router between two subnets",
                        "A small MTU that fragments");
        robot.clickOn(start);
        assertThat(app.window().eventList().table().getItems()).isNotEmpty();
        assertThat(robot.lookup("#welcomePane").tryQuery()).isEmpty();
        assertThat(FxToolkit.toolkitContext().getRegisteredStage().getTitle()).isEqualTo(
                "netsim \u2013 One client and a server");
    }

    @Test
    void aLessonStartedOnTheWelcomeScreenBringsItsScenarioIntoTheWindow(FxRobot robot) {
        robot.clickOn("#lessonsButton");
        LessonPanelViewModel lessons = app.window().lessons();
        assertThat(robot.lookup("#welcomePane").tryQuery()).isPresent();
        Lesson withScenario = lessons.lessons().stream().filter(l -> l.scenarioAt(0) != null).findFirst()
                .orElseThrow();
        robot.interact(() -> lessons.open(withScenario));
        assertThat(robot.lookup("#welcomePane").tryQuery()).isEmpty();
        // the run's views, made before the run for the lesson's pointers, are now in the window and show it
        assertThat(app.window().eventList().getScene()).isNotNull();
        assertThat(app.window().eventList().table().getItems()).isNotEmpty();
        assertThat(app.window().topology().isVisible()).isTrue();
    }
}
