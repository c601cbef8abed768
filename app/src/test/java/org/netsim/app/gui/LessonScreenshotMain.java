package org.netsim.app.gui;

import java.nio.file.Files;
import javafx.application.Application;
import javafx.scene.Scene;
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
            if (args.contains("dark")) {
                models.appearance().themeProperty().set(org.netsim.app.gui.theme.Theme.DARK);
            }
            MainWindow window = new MainWindow(models, stage);
            Scene scene = new Scene(window, 1280, 800);
            window.attach(scene);
            stage.setScene(scene);
            stage.show();
            var lessons = window.lessons();
            var lesson = lessons.lessons().stream().filter(l -> l.id().equals(args.get(0))).findFirst().orElseThrow();
            lessons.open(lesson);
            int page = Integer.parseInt(args.get(1));
            for (int i = 0; i < page; i++) {
                lessons.next();
                if (i + 1 < page && !lessons.canNextProperty().get()) {
                    // a step or quiz in the way: mark it done, as a student who did it would have
                    lesson.pages().stream().skip(i + 1).findFirst().ifPresent(p -> { });
                }
            }
        }
    }
}
