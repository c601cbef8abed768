package org.netsim.app.gui;

import javafx.scene.Scene;
import javafx.stage.Stage;

/** The main window as the app shows it (1280×800, the appearance's stylesheets and shortcuts), on a test's stage. */
public final class TestWindow {
    private TestWindow() {
    }

    public static MainWindow show(Stage stage, AppModels models) {
        MainWindow window = new MainWindow(models, stage);
        Scene scene = new Scene(window, 1280, 800);
        window.attach(scene);
        stage.setScene(scene);
        stage.show();
        return window;
    }
}
