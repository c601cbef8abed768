package org.netsim.app.gui;

import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import org.netsim.app.gui.session.ShippedScenario;

/**
 * The first screen: one big button for the simplest scenario (one client and a server), then every shipped scenario
 * with its description, so the next step is obvious to a student who has never seen the app.
 */
final class WelcomePane extends ScrollPane {
    WelcomePane(Consumer<String> open, Runnable openFile, Runnable lessons) {
        Label title = new Label(Messages.get("app.welcome.title"));
        title.getStyleClass().add("ns-welcome-title");
        title.setWrapText(true);
        Label lead = new Label(Messages.get("app.welcome.lead"));
        lead.getStyleClass().add("ns-welcome-lead");
        lead.setWrapText(true);
        Button start = new Button(Messages.get("app.welcome.start"));
        start.setId("startButton");
        start.getStyleClass().add("ns-start-button");
        start.setOnAction(e -> open.accept(ShippedScenario.FIRST));
        start.setWrapText(true);
        Button lesson = new Button(Messages.get("lesson.welcome"));
        lesson.setId("lessonsButton");
        lesson.setOnAction(e -> lessons.run());
        Label more = new Label(Messages.get("app.welcome.more"));
        more.getStyleClass().add("ns-panel-title");
        VBox box = new VBox(title, lead, start, lesson, more);
        box.getStyleClass().add("ns-welcome");
        for (ShippedScenario s : ShippedScenario.all()) {
            Hyperlink name = new Hyperlink(s.name());
            name.setOnAction(e -> open.accept(s.fileName()));
            name.setWrapText(true);
            Label description = new Label(s.description());
            description.getStyleClass().add("ns-scenario-description");
            description.setWrapText(true);
            VBox card = new VBox(name, description);
            card.getStyleClass().add("ns-scenario-card");
            box.getChildren().add(card);
        }
        Hyperlink file = new Hyperlink(Messages.get("app.welcome.file"));
        file.setOnAction(e -> openFile.run());
        box.getChildren().add(file);
        setContent(box);
        setFitToWidth(true);
        getStyleClass().add("ns-welcome");
    }
}
