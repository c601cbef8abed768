package org.netsim.app.gui.lesson;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.netsim.app.gui.AppModels;
import org.netsim.app.gui.MainWindow;
import org.netsim.lessons.Lesson;
import org.netsim.lessons.progress.ProgressStore;
import org.netsim.lessons.progress.StudentProgress;

/**
 * The window with the lesson panel, for screenshots of the panel under Xvfb (progress in a temporary folder, for a
 * student "Ana" who finished lesson 1 and is half-way through lesson 3):
 * {@code LessonPanelScreenshotMain list [dark]} shows the lesson list; {@code LessonPanelScreenshotMain <lesson id>
 * <page key> [field key] [dark]} opens the lesson at that page (every page before it done), and with a field key
 * clicks that field in the inspector, as a student answering a bytes quiz does.
 */
public final class LessonPanelScreenshotMain {
    private LessonPanelScreenshotMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("netsim-progress");
        System.setProperty("netsim.progress.dir", dir.toString());
        System.setProperty("user.name", "Ana");
        Application.launch(Window.class, args);
    }

    /** The window. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) throws Exception {
            set(stage);
            // a script waiting to take the screenshot watches for this line
            javafx.animation.PauseTransition settle = new javafx.animation.PauseTransition(
                    javafx.util.Duration.seconds(3));
            settle.setOnFinished(e -> System.out.println("READY"));
            settle.play();
        }

        private void set(Stage stage) throws Exception {
            var args = getParameters().getRaw();
            AppModels models = AppModels.create();
            models.appearance().themeProperty().set(args.contains("dark") ? org.netsim.app.gui.theme.Theme.DARK
                    : org.netsim.app.gui.theme.Theme.LIGHT);
            MainWindow window = new MainWindow(models, stage);
            javafx.scene.Scene scene = new javafx.scene.Scene(window, 1280, 800);
            window.attach(scene);
            stage.setScene(scene);
            LessonPanelViewModel lessons = window.lessons();
            ProgressStore store = new ProgressStore(ProgressStore.defaultFolder());
            StudentProgress ana = new StudentProgress("Ana");
            Lesson first = lessons.lessons().get(0);
            first.pages().forEach(p -> ana.lesson(first.id()).done(p.key()));
            Lesson third = lessons.lessons().get(2);
            third.pages().subList(0, 6).forEach(p -> ana.lesson(third.id()).done(p.key()));
            ana.lesson(third.id()).currentPage(third.pages().get(6).key());
            Lesson lesson = args.get(0).equals("list") ? null : lessons.lessons().stream()
                    .filter(l -> l.id().equals(args.get(0))).findFirst().orElseThrow();
            if (lesson != null) {
                // Ana stopped at that page, every page before it done: the panel resumes there
                int at = lesson.indexOf(args.get(1));
                lesson.pages().subList(0, at).forEach(p -> ana.lesson(lesson.id()).done(p.key()));
                ana.lesson(lesson.id()).currentPage(args.get(1));
            }
            store.save(ana);
            // the list read the progress folder when the window opened, before Ana's file was written
            lessons.studentProperty().set("");
            lessons.studentProperty().set("Ana");
            stage.show();
            if (lesson == null) {
                window.showLessons(true);
                return;
            }
            lessons.open(lesson);
            if (args.size() > 2 && args.get(2).contains(".")) {
                String field = args.get(2);
                Platform.runLater(() -> models.inspector().selectField(field));
            }
        }
    }
}
