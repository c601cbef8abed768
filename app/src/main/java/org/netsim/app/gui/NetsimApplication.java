package org.netsim.app.gui;

import java.util.ResourceBundle;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/** The classroom window. */
public final class NetsimApplication extends Application {
    private static final ResourceBundle TEXT = ResourceBundle.getBundle("org.netsim.app.messages");

    @Override
    public void start(Stage stage) {
        Label title = new Label(TEXT.getString("app.title"));
        title.setStyle("-fx-font-size: 22px; -fx-font-weight: bold;");
        Label next = new Label(TEXT.getString("app.welcome"));
        next.setWrapText(true);
        VBox root = new VBox(12, title, next);
        root.setPadding(new Insets(24));
        stage.setTitle(TEXT.getString("app.title"));
        stage.setScene(new Scene(root, 960, 600));
        stage.show();
    }
}
