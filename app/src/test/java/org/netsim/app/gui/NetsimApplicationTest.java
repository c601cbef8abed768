package org.netsim.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.stage.Stage;
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
}
