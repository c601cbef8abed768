package org.netsim.lessons.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netsim.lessons.Lesson;
import org.netsim.lessons.load.LessonLoader;
import org.netsim.lessons.load.LessonSource;
import org.netsim.lessons.run.Answer;
import org.netsim.lessons.run.LessonSession;

class ProgressStoreTest {
    @TempDir
    Path dir;

    static Lesson sample() {
        return LessonLoader.loadAll(LessonSource.classPath(ProgressStoreTest.class.getClassLoader(), "sample-lessons"))
                .lessons().get(0);
    }

    /** A student who read the first page, tried a step and answered a quiz wrong, then right. */
    private StudentProgress someProgress(ProgressStore store, String name) throws IOException {
        StudentProgress p = store.load(name);
        Lesson l = sample();
        LessonSession s = new LessonSession(l, p.lesson(l.id()), () -> {
            try {
                store.save(p);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        s.next(null);
        s.hint();
        s.answer("pdu-name", Answer.choice(2));
        s.answer("pdu-name", Answer.choice(0));
        return p;
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void progressSurvivesARestart() throws IOException {
        ProgressStore store = new ProgressStore(dir);
        someProgress(store, "ada");
        // a new process: a new store and session read the file
        StudentProgress again = new ProgressStore(dir).load("ada");
        LessonProgress l = again.lesson("every-check");
        assertThat(l.currentPage()).isEqualTo("find-syn-ack");
        assertThat(l.pagesDone()).containsExactly("01-intro.md", "pdu-name");
        assertThat(l.step("find-syn-ack").hintsShown()).isEqualTo(1);
        assertThat(l.quiz("pdu-name").answers()).containsExactly(new LessonProgress.AnswerRecord("Packet", false),
                new LessonProgress.AnswerRecord("Segment", true));
        LessonSession resumed = new LessonSession(sample(), l);
        assertThat(resumed.page().key()).isEqualTo("find-syn-ack");
        assertThat(resumed.hintsShown()).containsExactly("The SYN-ACK is the second segment of the handshake.");
        String json = Files.readString(store.fileOf("ada"));
        assertThat(json).contains("\"student\" : \"ada\"", "\"format\" : 1", "\"currentPage\" : \"find-syn-ack\"");
        assertThat(files()).containsExactly(dir.resolve("ada.json"));
    }

    @Test
    void aCrashBetweenWriteAndRenameLeavesThePreviousProgress() throws IOException {
        someProgress(new ProgressStore(dir), "ada");
        byte[] before = Files.readAllBytes(dir.resolve("ada.json"));
        StudentProgress changed = new ProgressStore(dir).load("ada");
        changed.lesson("every-check").currentPage("pdu-name");
        changed.lesson("other").done("x");
        Path[] temp = new Path[1];
        ProgressStore crashing = new ProgressStore(dir, t -> {
            temp[0] = t;
            // the new text is wholly on disk in the temporary file when the process dies
            assertThat(Files.readString(t)).contains("\"other\"");
            throw new IOException("simulated crash before the rename");
        });
        assertThatThrownBy(() -> crashing.save(changed)).hasMessage("simulated crash before the rename");
        assertThat(Files.readAllBytes(dir.resolve("ada.json"))).isEqualTo(before);
        assertThat(temp[0]).doesNotExist();
        StudentProgress loaded = new ProgressStore(dir).load("ada");
        assertThat(loaded.lesson("every-check").currentPage()).isEqualTo("find-syn-ack");
        assertThat(loaded.lessons()).containsOnlyKeys("every-check");
    }

    @Test
    void aHalfWrittenTemporaryFileFromAKilledProcessIsIgnoredAndCleanedUp() throws IOException {
        ProgressStore store = new ProgressStore(dir);
        someProgress(store, "ada");
        // what kill -9 in the middle of a write leaves: a temporary file cut off mid-JSON
        Path torn = dir.resolve(".ada.123456789.tmp");
        Files.writeString(torn, "{\n  \"format\" : 1,\n  \"student\" : \"ada\",\n  \"lessons\" : { \"every-ch",
                StandardCharsets.UTF_8);
        StudentProgress loaded = new ProgressStore(dir).load("ada");
        assertThat(loaded.lesson("every-check").pagesDone()).containsExactly("01-intro.md", "pdu-name");
        assertThat(store.students()).containsExactly("ada");
        // the next save replaces the file and removes what the crash left
        store.save(loaded);
        assertThat(files()).containsExactly(dir.resolve("ada.json"));
    }

    @Test
    void resetOneLessonOrAll() throws IOException {
        ProgressStore store = new ProgressStore(dir);
        StudentProgress p = someProgress(store, "ada");
        p.lesson("tcp").done("handshake");
        store.save(p);
        store.resetLesson("ada", "every-check");
        assertThat(store.load("ada").lessons()).containsOnlyKeys("tcp");
        store.resetAll("ada");
        assertThat(store.fileOf("ada")).doesNotExist();
        assertThat(store.load("ada").lessons()).isEmpty();
        assertThat(new LessonSession(sample(), store.load("ada").lesson("every-check")).pageIndex()).isZero();
    }

    @Test
    void studentNamesBecomeSafeDistinctFileNames() throws IOException {
        assertThat(ProgressStore.fileName("ada")).isEqualTo("ada");
        assertThat(ProgressStore.fileName("Ana Mar\u00eda")).isEqualTo("Ana%20Mar%C3%ADa");
        assertThat(ProgressStore.fileName("../etc/passwd")).isEqualTo("%2E%2E%2Fetc%2Fpasswd");
        assertThat(ProgressStore.fileName("a.b")).isNotEqualTo(ProgressStore.fileName("a%2Eb"));
        assertThatThrownBy(() -> ProgressStore.fileName(" ")).hasMessage("a student needs a name");
        ProgressStore store = new ProgressStore(dir);
        store.save(new StudentProgress("Ana Mar\u00eda"));
        store.save(new StudentProgress("bob"));
        assertThat(store.students()).containsExactly("Ana Mar\u00eda", "bob");
        assertThat(store.load("Ana Mar\u00eda").student()).isEqualTo("Ana Mar\u00eda");
    }

    @Test
    void aFileThatIsNotProgressSaysSo() throws IOException {
        Files.writeString(dir.resolve("ada.json"), "not json");
        assertThatThrownBy(() -> new ProgressStore(dir).load("ada")).isInstanceOf(IOException.class)
                .hasMessageStartingWith(dir.resolve("ada.json") + ": not a progress file: ");
        Files.writeString(dir.resolve("ada.json"), "{\"format\": 2, \"student\": \"ada\"}");
        assertThatThrownBy(() -> new ProgressStore(dir).load("ada"))
                .hasMessage(dir.resolve("ada.json") + ": progress format 2 is newer than this netsim reads (1)");
    }

    /**
     * A progress file this netsim cannot read (damaged, or written by a newer netsim) is moved aside, not overwritten:
     * the student starts fresh, and the old file is kept, byte for byte, under a name that says why.
     */
    @Test
    void anUnreadableFileIsMovedAsideAndNothingIsLost() throws IOException {
        ProgressStore store = new ProgressStore(dir);
        byte[] broken = "{\"format\": 1, \"student\": \"ada\", \"lessons\": {".getBytes(StandardCharsets.UTF_8);
        Files.write(store.fileOf("ada"), broken);
        ProgressStore.Opened opened = store.open("ada");
        assertThat(opened.progress().lessons()).isEmpty();
        assertThat(opened.problem()).contains("not a progress file");
        assertThat(opened.saveable()).isTrue();
        Path aside = opened.setAside();
        assertThat(aside.getFileName().toString()).matches("ada\\.unreadable-\\d{8}-\\d{6}(-\\d+)?\\.json");
        assertThat(Files.readAllBytes(aside)).isEqualTo(broken);
        assertThat(store.fileOf("ada")).doesNotExist();
        // the next save writes a new file and leaves the old one alone; the old one is not a student of its own
        opened.progress().lesson("every-check").done("01-intro.md");
        store.save(opened.progress());
        assertThat(Files.readAllBytes(aside)).isEqualTo(broken);
        assertThat(store.load("ada").lesson("every-check").pagesDone()).containsExactly("01-intro.md");
        assertThat(store.students()).containsExactly("ada");

        // a newer format: the same, and twice in one second gets a second name
        String newer = "{\"format\": 99, \"student\": \"bo\", \"lessons\": {}}";
        Files.writeString(store.fileOf("bo"), newer);
        ProgressStore.Opened first = store.open("bo");
        assertThat(first.problem()).contains("progress format 99 is newer than this netsim reads");
        Files.writeString(store.fileOf("bo"), newer);
        ProgressStore.Opened second = store.open("bo");
        assertThat(second.setAside()).isNotEqualTo(first.setAside());
        assertThat(Files.readString(first.setAside())).isEqualTo(newer);
        assertThat(Files.readString(second.setAside())).isEqualTo(newer);
        // a readable file opens as it is
        ProgressStore.Opened fine = store.open("ada");
        assertThat(fine.setAside()).isNull();
        assertThat(fine.problem()).isNull();
        assertThat(fine.progress().lesson("every-check").pagesDone()).containsExactly("01-intro.md");
    }
}
