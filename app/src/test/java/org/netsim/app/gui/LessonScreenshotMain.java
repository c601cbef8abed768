package org.netsim.app.gui;

import java.nio.file.Files;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The window with a lesson open at a page, for the README's screenshot under Xvfb (progress goes to a temporary
 * folder): {@code LessonScreenshotMain <lesson id> <page index> [dark]}.
 */
public final class LessonScreenshotMain {
    private LessonScreenshotMain() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("netsim.progress.dir", Files.createTempDirectory("netsim-progress").toString());
        Application.launch(Window.class, args);
    }

    /** The window. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            var args = getParameters().getRaw();
            AppModels models = AppModels.create();
            MainWindow window = ScreenshotMain.show(stage, models, getParameters().getRaw());
            var lessons = window.lessons();
            var lesson = lessons.lessons().stream().filter(l -> l.id().equals(args.get(0))).findFirst().orElseThrow();
            lessons.open(lesson);
            // as far as the pages allow without answers (a text page lets the student on, a step or quiz waits)
            for (int i = 0; i < Integer.parseInt(args.get(1)); i++) {
                lessons.next();
            }
        }
    }
}
