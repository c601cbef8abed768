package org.netsim.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The window opens headless (Monocle): the TestFX set-up every screen test builds on. */
@ExtendWith(ApplicationExtension.class)
class NetsimApplicationTest {
    @Start
    void start(Stage stage) throws Exception {
        new NetsimApplication().start(stage);
    }

    @Test
    void windowShowsTheTitle(FxRobot robot) {
        assertThat(FxToolkit.toolkitContext().getRegisteredStage().isShowing()).isTrue();
        assertThat(robot.lookup(".label").queryAll()).isNotEmpty();
    }
}
