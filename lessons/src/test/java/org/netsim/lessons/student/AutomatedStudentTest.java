package org.netsim.lessons.student;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.netsim.lessons.Lesson;
import org.netsim.lessons.load.LessonLoader;
import org.netsim.lessons.load.LessonSource;
import org.netsim.lessons.load.Problem;
import org.netsim.lessons.progress.ProgressStore;
import org.netsim.lessons.progress.StudentProgress;
import org.netsim.lessons.run.LessonSession;

/** An automated student completes lessons through the runner against the real simulator, saving as it goes. */
class AutomatedStudentTest {
    /** The real Node captures of the assets module (a test dependency). */
    static final ReferenceCaptures CAPTURES = ReferenceCaptures.classPath(AutomatedStudentTest.class.getClassLoader());

    @TempDir
    Path dir;

    static LessonLoader.Result sample() {
        return LessonLoader.loadAll(LessonSource.classPath(AutomatedStudentTest.class.getClassLoader(),
                "sample-lessons"));
    }

    @Test
    void completesTheSampleLessonThatAsksForEveryCheckAndQuizType() throws IOException {
        assertThat(CAPTURES.all()).extracting(ReferenceCaptures.Recorded::name)
                .containsExactlyElementsOf(ReferenceCaptures.NODE_CAPTURES);
        LessonLoader.Result r = sample();
        assertThat(r.problems()).isEmpty();
        Lesson lesson = r.lessons().get(0);
        AutomatedStudent.Report report = completeSaving(lesson, new ProgressStore(dir), "ada");
        assertThat(report.steps()).isEqualTo(9);
        assertThat(report.quizzes()).isEqualTo(6);
        // every step was tried wrong first (the live-capture one before a capture is opened), and every quiz
        assertThat(report.wrongTries()).isEqualTo(9 + 6);
        assertThat(report.log()).anyMatch(l -> l.startsWith("  opened the recorded capture captures/"));
        assertThat(lesson.pages()).hasSize(report.pages());
    }

    @TestFactory
    Stream<DynamicTest> completesEveryShippedLesson() {
        LessonLoader.Result r = LessonLoader.shipped();
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("every shipped lesson validates", () ->
                assertThat(r.problems()).extracting(Problem::toString).isEmpty()));
        for (Lesson lesson : r.lessons()) {
            tests.add(DynamicTest.dynamicTest(lesson.folder(), () -> {
                AutomatedStudent.Report report = completeSaving(lesson, new ProgressStore(dir.resolve(lesson.id())),
                        "automated student");
                assertThat(report.pages()).isEqualTo(lesson.pages().size());
            }));
        }
        return tests.stream();
    }

    /** A copy of the shipped lessons in a folder of the test's, to change. */
    Path shippedCopy() throws Exception {
        Path from = Path.of(AutomatedStudentTest.class.getResource("/lessons/index.yaml").toURI()).getParent();
        Path to = dir.resolve("lessons");
        try (Stream<Path> files = java.nio.file.Files.walk(from)) {
            for (Path f : files.toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                if (java.nio.file.Files.isDirectory(f)) {
                    java.nio.file.Files.createDirectories(t);
                } else {
                    java.nio.file.Files.copy(f, t);
                }
            }
        }
        return to;
    }

    static void replace(Path file, String old, String now) throws IOException {
        String text = java.nio.file.Files.readString(file);
        assertThat(text).contains(old);
        java.nio.file.Files.writeString(file, text.replace(old, now));
    }

    /** A fact of the run stated wrong in a lesson is found: by the validator where it can read the run itself. */
    @Test
    void aWrongNumberInALessonFileIsFoundByTheValidator() throws Exception {
        Path lessons = shippedCopy();
        replace(lessons.resolve("01-osi-model/lesson.yaml"), "      answer: 32\n", "      answer: 40\n");
        assertThat(LessonLoader.validate(lessons).problems()).extracting(Problem::toString).singleElement()
                .asString().startsWith("01-osi-model/lesson.yaml:").contains("quiz \"tcp-header-size\": answer 40, "
                        + "but the run shows 32 (the tcp.hdr_len of event ");
    }

    /**
     * ... and by the automated student where the run holds it only after the student's own emit: the student reads
     * the frame's size off its own run, and the lesson's wrong number grades that answer wrong.
     */
    @Test
    void aWrongNumberTheValidatorCannotReadIsFoundByTheStudent() throws Exception {
        Path lessons = shippedCopy();
        replace(lessons.resolve("09-live-capture/lesson.yaml"), "      answer: 96\n", "      answer: 100\n");
        LessonLoader.Result r = LessonLoader.validate(lessons);
        assertThat(r.problems()).isEmpty();
        Lesson live = r.lessons().stream().filter(l -> l.id().equals("live-capture")).findFirst().orElseThrow();
        AutomatedStudent.Report report = new AutomatedStudent(live, new org.netsim.lessons.progress.LessonProgress(),
                () -> { }, CAPTURES).complete();
        assertThat(report.failures()).extracting(AutomatedStudent.Failure::toString).singleElement().asString()
                .startsWith("frame-size: quiz \"frame-size\" (numeric): the right answer was graded wrong: ")
                .contains("96 is not it.");
    }

    /** Completes the lesson saving after every change; the saved progress then resumes as complete. */
    static AutomatedStudent.Report completeSaving(Lesson lesson, ProgressStore store, String name) throws IOException {
        StudentProgress progress = store.load(name);
        AutomatedStudent student = new AutomatedStudent(lesson, progress.lesson(lesson.id()), () -> {
            try {
                store.save(progress);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, CAPTURES);
        AutomatedStudent.Report report = student.complete();
        assertThat(report.failures()).as("what the student could not do in %s", lesson.id()).isEmpty();
        LessonSession resumed = new LessonSession(lesson, store.load(name).lesson(lesson.id()));
        assertThat(resumed.isComplete()).as("saved progress of %s is complete", lesson.id()).isTrue();
        assertThat(resumed.pageIndex()).isEqualTo(lesson.pages().size() - 1);
        return report;
    }
}
