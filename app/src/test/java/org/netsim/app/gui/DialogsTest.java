package org.netsim.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.netsim.app.gui.theme.Theme;
import org.netsim.scenario.Scenario;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The dialogs in the window: the link settings check what is typed inside the dialog (the reason under the field, OK
 * disabled, nothing typed lost) and change the link on OK; every dialog wears the window's theme and projector size;
 * the emit composer marks a wrong field and says why right under it.
 */
@ExtendWith(ApplicationExtension.class)
class DialogsTest {
    private AppModels models;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        models = AppModels.create();
        models.appearance().themeProperty().set(Theme.DARK);
        models.appearance().projectorProperty().set(true);
        window = TestWindow.show(stage, models);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        window.dispose();
    }

    private DialogPane dialog(FxRobot robot, String id) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#" + id).queryAs(DialogPane.class);
    }

    private static void assertThemed(DialogPane pane) {
        assertThat(pane.getStylesheets()).anyMatch(s -> s.endsWith("/theme/dark.css"))
                .anyMatch(s -> s.endsWith("/theme/projector.css"));
        // projector mode: the dialog's text is as large as the window's
        Label any = (Label) pane.lookup(".label");
        assertThat(any.getFont().getSize()).isGreaterThan(javafx.scene.text.Font.getDefault().getSize() * 1.4);
    }

    @Test
    void badLinkSettingsAreShownInTheDialogKeptAndOkWaitsUntilTheyAreRight(FxRobot robot) {
        robot.interact(() -> assertThat(models.session().openShipped("one-client.yaml")).isTrue());
        robot.press(KeyCode.CONTROL).type(KeyCode.L).release(KeyCode.CONTROL);
        DialogPane pane = dialog(robot, "linkSettings");
        assertThemed(pane);
        Node ok = pane.lookupButton(javafx.scene.control.ButtonType.OK);
        assertThat(ok.isDisabled()).isFalse();
        TextField loss = robot.lookup("#loss").queryAs(TextField.class);
        robot.doubleClickOn(loss).write("0.5x");
        assertThat(ok.isDisabled()).isTrue();
        Label lossProblem = robot.lookup("#lossProblem").queryAs(Label.class);
        assertThat(lossProblem.isVisible()).isTrue();
        assertThat(lossProblem.getText()).isEqualTo("loss \u201c0.5x\u201d is not a number from 0 to 1");
        assertThat(loss.getStyleClass()).contains(FieldProblem.STYLE);
        // the reason sits right under its field
        assertThat(lossProblem.localToScene(0, 0).getY()).isGreaterThan(loss.localToScene(0, 0).getY());
        assertThat(lossProblem.localToScene(0, 0).getY())
                .isLessThan(robot.lookup("#mtu").query().localToScene(0, 0).getY());
        TextField rate = robot.lookup("#rate").queryAs(TextField.class);
        robot.doubleClickOn(rate).eraseText(12).write("10 Mbit");
        assertThat(robot.lookup("#rateProblem").queryAs(Label.class).getText())
                .isEqualTo("\u201c10 Mbit\u201d is not a rate like 100Mbps, 10Mbps or 1Gbps");
        robot.doubleClickOn(rate).eraseText(12).write("10Mbps");
        assertThat(robot.lookup("#rateProblem").queryAs(Label.class).isVisible()).isFalse();
        assertThat(ok.isDisabled()).isTrue(); // the loss is still wrong, and still there
        assertThat(loss.getText()).isEqualTo("0.5x");
        robot.clickOn(loss).type(KeyCode.BACK_SPACE);
        assertThat(ok.isDisabled()).isFalse();
        assertThat(loss.getStyleClass()).doesNotContain(FieldProblem.STYLE);
        robot.clickOn(ok);
        Scenario.LinkSpec link = models.session().scenario().links().get(0);
        assertThat(link.rate()).isEqualTo("10Mbps");
        assertThat(link.loss()).isEqualTo(0.5);
        assertThat(models.session().messageProperty().get()).startsWith("Changed the link");
    }

    @Test
    void theShortcutsAndAboutDialogsWearTheWindowsTheme(FxRobot robot) {
        robot.clickOn("#timeLabel").type(KeyCode.F1);
        assertThemed(dialog(robot, "shortcutDialog"));
        robot.type(KeyCode.ESCAPE);
        javafx.scene.control.MenuItem item = robot.lookup("#mainMenu").queryAs(javafx.scene.control.MenuBar.class)
                .getMenus().stream().filter(m -> "helpMenu".equals(m.getId())).findFirst().orElseThrow().getItems()
                .stream().filter(i -> "aboutItem".equals(i.getId())).findFirst().orElseThrow();
        javafx.application.Platform.runLater(item::fire);
        DialogPane about = dialog(robot, "aboutDialog");
        assertThemed(about);
        assertThat(robot.lookup("#aboutVersions").queryAs(Label.class).getText())
                .contains("Java " + System.getProperty("java.version"));
        Window owner = ((Stage) about.getScene().getWindow()).getOwner();
        assertThat(owner).isSameAs(window.getScene().getWindow());
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void theComposerMarksBadJsonAndSaysWhyUnderTheArguments(FxRobot robot) {
        robot.interact(() -> assertThat(models.session().openShipped("one-client.yaml")).isTrue());
        robot.interact(() -> models.session().select(400));
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        TextField args = robot.lookup("#emitArgs").queryAs(TextField.class);
        Label problem = robot.lookup("#emitArgsProblem").queryAs(Label.class);
        assertThat(problem.isVisible()).isFalse();
        robot.clickOn(args).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write("[1,");
        assertThat(problem.isVisible()).isTrue();
        assertThat(problem.getText()).startsWith("Unexpected end of input");
        assertThat(args.getStyleClass()).contains(FieldProblem.STYLE);
        assertThat(args.getAccessibleHelp()).isEqualTo(problem.getText());
        double argsBottom = args.localToScene(args.getLayoutBounds()).getMaxY();
        double problemTop = problem.localToScene(problem.getLayoutBounds()).getMinY();
        assertThat(problemTop).isBetween(argsBottom - 1, argsBottom + 30);
        assertThat(problem.localToScene(0, 0).getX()).isEqualTo(args.localToScene(0, 0).getX(),
                org.assertj.core.data.Offset.offset(1.0));
        assertThat(robot.lookup("#emitSend").query().isDisabled()).isTrue();
        robot.write("2]");
        assertThat(problem.isVisible()).isFalse();
        assertThat(args.getStyleClass()).doesNotContain(FieldProblem.STYLE);
    }
}
