package org.netsim.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.netsim.lessons.Lesson;
import org.netsim.lessons.Page;
import org.netsim.lessons.Quiz;
import org.netsim.lessons.Step;
import org.netsim.lessons.load.LessonLoader;
import org.netsim.lessons.load.Problem;
import org.netsim.lessons.student.AutomatedStudent;
import org.netsim.lessons.student.ReferenceCaptures;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code netsim lessons}: checks a teacher's lesson folder, lists lessons. */
@Command(name = "lessons", mixinStandardHelpOptions = true,
        description = "Guided lessons: check a lesson folder, or list the lessons.",
        subcommands = {LessonsCommand.Validate.class, LessonsCommand.ListLessons.class, LessonsCommand.Progress.class,
                LessonsCommand.Reset.class})
public final class LessonsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /**
     * {@code netsim lessons validate DIR}: every problem as file:line:col, or a one-line summary. After the files, an
     * automated student works through every lesson that reads, against the real simulator, and every page it cannot
     * do is a problem too: a teacher learns that the lesson can be completed as written.
     */
    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = {"Check a lessons folder (with index.yaml) or one lesson folder (with lesson.yaml) the way",
                    "netsim reads it, then have an automated student work through every lesson in the simulator.",
                    "Prints every problem as FILE:LINE:COLUMN: message and exits with 1;",
                    "prints one line and exits with 0 when the lessons are valid and can be completed."})
    static final class Validate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "The lessons folder, or one lesson's folder.")
        Path dir;

        @picocli.CommandLine.Option(names = "--files-only",
                description = "Check the files only; do not work through the lessons.")
        boolean filesOnly;

        @Override
        public Integer call() {
            LessonLoader.Result r = LessonLoader.validate(dir);
            if (!filesOnly && !r.lessons().isEmpty()) {
                ReferenceCaptures captures = ReferenceCaptures.classPath(LessonsCommand.class.getClassLoader());
                java.util.List<Problem> all = new java.util.ArrayList<>(r.problems());
                for (Lesson l : r.lessons()) {
                    all.addAll(AutomatedStudent.rehearse(l, captures));
                }
                r = new LessonLoader.Result(r.lessons(), all);
            }
            return report(spec.commandLine(), r, dir.toString(), !filesOnly);
        }
    }

    /** {@code netsim lessons list [DIR]}: the lessons in order, shipped ones without a folder. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the lessons of a folder in order, or without a folder the lessons netsim ships.")
    static final class ListLessons implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "A lessons folder.")
        Path dir;

        @Override
        public Integer call() {
            LessonLoader.Result r = dir == null ? LessonLoader.shipped() : LessonLoader.validate(dir);
            PrintWriter out = spec.commandLine().getOut();
            if (dir == null && r.lessons().isEmpty() && r.problems().size() == 1
                    && r.problems().get(0).file().equals(LessonLoader.INDEX) && r.problems().get(0).line() == 0) {
                out.println("This build of netsim ships no lessons.");
                return 0;
            }
            for (Lesson l : r.lessons()) {
                out.println(l.folder() + "  " + l.title() + (l.minutes() > 0 ? "  (" + l.minutes() + " min)" : "")
                        + "  " + counts(l));
                if (!l.summary().isBlank()) {
                    out.println("    " + l.summary().strip());
                }
            }
            if (r.isValid()) {
                return 0;
            }
            PrintWriter err = spec.commandLine().getErr();
            r.problems().forEach(err::println);
            err.println("netsim: " + plural(r.problems().size(), "problem") + " in "
                    + (dir == null ? "the shipped lessons" : dir.toString()) + "; only valid lessons are listed");
            return 1;
        }
    }

    /** The {@code --dir} option of the progress commands: where the app keeps progress unless told otherwise. */
    static final class ProgressFolder {
        @picocli.CommandLine.Option(names = "--dir", paramLabel = "DIR",
                description = "Where progress is kept (default: ~/.netsim/progress).")
        Path dir;

        org.netsim.lessons.progress.ProgressStore store() {
            return new org.netsim.lessons.progress.ProgressStore(
                    dir == null ? org.netsim.lessons.progress.ProgressStore.defaultFolder() : dir);
        }
    }

    /** {@code netsim lessons progress}: for a teacher, every student's lessons and the pages done. */
    @Command(name = "progress", mixinStandardHelpOptions = true,
            description = "List the students with saved progress and how far each got in each lesson.")
    static final class Progress implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        ProgressFolder folder;

        @Override
        public Integer call() throws java.io.IOException {
            org.netsim.lessons.progress.ProgressStore store = folder.store();
            PrintWriter out = spec.commandLine().getOut();
            java.util.Map<String, Lesson> byId = new java.util.HashMap<>();
            LessonLoader.shipped().lessons().forEach(l -> byId.put(l.id(), l));
            for (String student : store.students()) {
                out.println(student);
                store.load(student).lessons().forEach((id, p) -> {
                    Lesson l = byId.get(id);
                    out.println("    " + id + ": " + p.pagesDone().size() + (l == null ? "" : " of "
                            + l.pages().size()) + " pages done");
                });
            }
            return 0;
        }
    }

    /** {@code netsim lessons reset STUDENT [--lesson ID]}: a teacher starts a student's lesson (or all) again. */
    @Command(name = "reset", mixinStandardHelpOptions = true,
            description = "Reset a student's progress: one lesson with --lesson, else every lesson.")
    static final class Reset implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "STUDENT", description = "The student's name as typed in the app.")
        String student;

        @picocli.CommandLine.Option(names = "--lesson", paramLabel = "ID", description = "Only this lesson.")
        String lesson;

        @picocli.CommandLine.Mixin
        ProgressFolder folder;

        @Override
        public Integer call() throws java.io.IOException {
            org.netsim.lessons.progress.ProgressStore store = folder.store();
            if (!store.students().contains(student)) {
                throw new UserError("no saved progress for " + student + " in " + store.folder());
            }
            if (lesson == null) {
                store.resetAll(student);
            } else {
                store.resetLesson(student, lesson);
            }
            spec.commandLine().getOut().println("reset " + (lesson == null ? "every lesson" : "lesson " + lesson)
                    + " of " + student);
            return 0;
        }
    }

    static int report(CommandLine cl, LessonLoader.Result r, String where, boolean rehearsed) {
        if (!r.isValid()) {
            PrintWriter err = cl.getErr();
            for (Problem p : r.problems()) {
                err.println(p);
            }
            err.println("netsim: " + plural(r.problems().size(), "problem") + " in " + where);
            return 1;
        }
        int pages = 0;
        for (Lesson l : r.lessons()) {
            pages += l.pages().size();
        }
        int[] c = {0, 0};
        r.lessons().forEach(l -> l.pages().forEach(p -> {
            if (p instanceof Step) {
                c[0]++;
            } else if (p instanceof Quiz) {
                c[1]++;
            }
        }));
        cl.getOut().println(where + ": " + plural(r.lessons().size(), "lesson") + ", " + plural(pages, "page") + " ("
                + plural(c[0], "step") + ", " + plural(c[1], "quiz") + "), valid"
                + (rehearsed ? "; an automated student completed " + (r.lessons().size() == 1 ? "it" : "every one")
                : ""));
        return 0;
    }

    private static String counts(Lesson l) {
        int steps = 0;
        int quizzes = 0;
        for (Page p : l.pages()) {
            steps += p instanceof Step ? 1 : 0;
            quizzes += p instanceof Quiz ? 1 : 0;
        }
        return plural(l.pages().size(), "page") + ", " + plural(steps, "step") + ", " + plural(quizzes, "quiz");
    }

    private static String plural(int n, String word) {
        return n + " " + (n == 1 ? word : word.equals("quiz") ? "quizzes" : word + "s");
    }
}
