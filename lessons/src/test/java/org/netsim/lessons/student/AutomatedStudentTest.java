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
        // every step but the live-capture one was tried wrong first, and every quiz answered wrong first
        assertThat(report.wrongTries()).isEqualTo(8 + 6);
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
