package org.netsim.app.gui;

import java.util.function.Consumer;
import javafx.fxml.FXML;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import org.netsim.app.gui.session.ShippedScenario;

/**
 * The first screen ({@code WelcomePane.fxml}): one big button for the simplest scenario (one client and a server),
 * then every shipped scenario with its description, so the next step is obvious to a student who has never seen the
 * app. The big button has the focus: Enter (or Space) starts.
 */
final class WelcomePane extends ScrollPane {
    private final Consumer<String> open;
    private final Runnable openFile;
    private final Runnable lessons;

    @FXML private VBox scenarios;

    WelcomePane(Consumer<String> open, Runnable openFile, Runnable lessons) {
        this.open = open;
        this.openFile = openFile;
        this.lessons = lessons;
        Fxml.load(this);
        for (ShippedScenario s : ShippedScenario.all()) {
            Hyperlink name = new Hyperlink(s.name());
            name.setMnemonicParsing(false);
            name.setOnAction(e -> open.accept(s.fileName()));
            name.setWrapText(true);
            Label description = new Label(s.description());
            description.getStyleClass().add("ns-scenario-description");
            description.setWrapText(true);
            VBox card = new VBox(name, description);
            card.getStyleClass().add("ns-scenario-card");
            scenarios.getChildren().add(card);
        }
    }

    @FXML
    private void start() {
        open.accept(ShippedScenario.FIRST);
    }

    @FXML
    private void startLesson() {
        lessons.run();
    }

    @FXML
    private void openFile() {
        openFile.run();
    }
}
