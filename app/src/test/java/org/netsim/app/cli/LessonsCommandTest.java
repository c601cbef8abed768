package org.netsim.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code netsim lessons validate} and {@code list} on a teacher's folders. */
class LessonsCommandTest {
    @TempDir
    Path dir;

    private Path write(String path, String text) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private void goodFolder() throws IOException {
        write("index.yaml", "lessons: [01-handshake]\n");
        write("01-handshake/lesson.yaml", """
                id: handshake
                title: The TCP handshake
                summary: Three segments open a connection.
                minutes: 10
                scenario: one-client.yaml
                pages:
                  - text: intro.md
                  - step:
                      id: find-syn-ack
                      prompt: Step to the server's SYN-ACK.
                      expect:
                        selected-event: {node: server, protocol: TCP, direction: down, flags: [SYN, ACK]}
                      hints: [It is the second segment.]
                  - quiz:
                      id: ack
                      type: numeric
                      question: What does the SYN-ACK acknowledge?
                      from: {event: {node: server, protocol: TCP, flags: [SYN, ACK]}, field: tcp.ack}
                      why-wrong: Alice's sequence number plus one.
                """);
        write("01-handshake/intro.md", "# The handshake\n\nSYN, SYN-ACK, ACK.\n");
    }

    @Test
    void validFolderGivesOneLineAndExitZero() throws IOException {
        goodFolder();
        Cli.Result r = Cli.run("lessons", "validate", dir.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo(dir + ": 1 lesson, 3 pages (1 step, 1 quiz), valid; an automated student "
                + "completed it" + System.lineSeparator());
        assertThat(Cli.run("lessons", "validate", "--files-only", dir.toString()).out())
                .isEqualTo(dir + ": 1 lesson, 3 pages (1 step, 1 quiz), valid" + System.lineSeparator());
        // one lesson's folder on its own
        Cli.Result one = Cli.run("lessons", "validate", dir.resolve("01-handshake").toString());
        assertThat(one.exitCode()).isZero();
        assertThat(one.out()).contains("1 lesson, 3 pages");
    }

    @Test
    void brokenFolderGivesEveryProblemWithItsLineAndExitOne() throws IOException {
        goodFolder();
        write("01-handshake/lesson.yaml", """
                id: handshake
                title: The TCP handshake
                scenario: one-client.yml
                pages:
                  - text: intro.md
                  - text: missing.md
                  - step:
                      id: find-syn-ack
                      prompt: Step to the server's SYN-ACK.
                      expect:
                        selected-evnt: {node: server}
                      hints: [It is the second segment.]
                  - step:
                      id: port
                      prompt: Select the destination port.
                      expect:
                        selected-field: {field: tcp.dst_port}
                      hints: [TCP's second field.]
                """);
        Cli.Result r = Cli.run("lessons", "validate", dir.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().toList()).containsExactly(
                "01-handshake/lesson.yaml:3:11: unknown scenario \"one-client.yml\": no file one-client.yml in "
                        + "01-handshake/ and no shipped scenario of that name (shipped: broadcast-three-clients.yaml, "
                        + "lossy-retransmission.yaml, one-client.yaml, rooms.yaml, router-two-subnets.yaml, "
                        + "slow-reader.yaml, small-mtu.yaml); did you mean \"one-client.yaml\"?",
                "01-handshake/lesson.yaml:6:11: text page: no Markdown file missing.md in 01-handshake/",
                "01-handshake/lesson.yaml:11:9: step \"find-syn-ack\": unknown check \"selected-evnt\" (known: "
                        + "selected-event, selected-field, selected-bytes, emitted, received, layer-model, "
                        + "reached-time, opened-scenario, captured); did you mean \"selected-event\"?",
                "01-handshake/lesson.yaml:17:33: step \"port\": selected-field: no dissector defines a field "
                        + "\"tcp.dst_port\"; did you mean \"tcp.dstport\"?",
                "netsim: 4 problems in " + dir);
    }

    /**
     * Files that read, and a lesson that cannot be completed as written: the step after the student's own emit asks
     * for an echo the server program never sends. The automated student finds it, at the step's line.
     */
    @Test
    void aLessonThatCannotBeCompletedIsAProblemAtTheStep() throws IOException {
        goodFolder();
        write("01-handshake/lesson.yaml", """
                id: handshake
                title: The TCP handshake
                scenario: one-client.yaml
                pages:
                  - step:
                      id: emit-hello
                      prompt: Emit hello from Alice.
                      expect:
                        emitted: {from: alice, event: hello}
                      hints: [Use the composer.]
                  - step:
                      id: echo
                      prompt: Find where Alice receives its echo.
                      expect:
                        selected-event: {node: alice, protocol: SOCKETIO, direction: up, text: hello}
                      hints: [The server echoes chat only.]
                """);
        assertThat(Cli.run("lessons", "validate", "--files-only", dir.toString()).exitCode()).isZero();
        Cli.Result r = Cli.run("lessons", "validate", dir.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().lines().toList()).containsExactly(
                "01-handshake/lesson.yaml:11:5: automated student: step \"echo\" (selected-event): stepped "
                        + "through all " + r.err().replaceAll("(?s).*all (\\d+) events.*", "$1")
                        + " events of one-client.yaml and none passed",
                "netsim: 1 problem in " + dir);
    }

    @Test
    void missingFolderAndFolderWithoutLessons() throws IOException {
        Cli.Result none = Cli.run("lessons", "validate", dir.resolve("nope").toString());
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.err()).startsWith(dir.resolve("nope") + ": no such folder");
        Cli.Result empty = Cli.run("lessons", "validate", dir.toString());
        assertThat(empty.exitCode()).isEqualTo(1);
        assertThat(empty.err()).startsWith(dir + ": neither index.yaml (a lessons folder) nor lesson.yaml (one "
                + "lesson) is here");
        assertThat(Cli.run("lessons", "validate").exitCode()).isEqualTo(2);
    }

    @Test
    void listShowsTheLessonsInOrder() throws IOException {
        goodFolder();
        Cli.Result r = Cli.run("lessons", "list", dir.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines().toList()).containsExactly(
                "01-handshake  The TCP handshake  (10 min)  3 pages, 1 step, 1 quiz",
                "    Three segments open a connection.");
        // the shipped lessons: whatever is there must be valid
        Cli.Result shipped = Cli.run("lessons", "list");
        assertThat(shipped.exitCode()).as(shipped.err()).isZero();
        assertThat(shipped.out()).isNotBlank();
    }

    /** A teacher sees how far a student got and starts a lesson again for them. */
    @Test
    void aTeacherListsProgressAndResetsALesson(@org.junit.jupiter.api.io.TempDir Path progressDir) throws Exception {
        var store = new org.netsim.lessons.progress.ProgressStore(progressDir);
        var p = new org.netsim.lessons.progress.StudentProgress("Ana");
        p.lesson("tcp").done("01-handshake.md");
        p.lesson("tcp").done("find-syn-ack");
        p.lesson("osi-model").done("01-seven-layers.md");
        store.save(p);
        Cli.Result list = Cli.run("lessons", "progress", "--dir", progressDir.toString());
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains("Ana", "    tcp: 2 of ", "    osi-model: 1 of ");
        Cli.Result reset = Cli.run("lessons", "reset", "Ana", "--lesson", "tcp", "--dir", progressDir.toString());
        assertThat(reset.exitCode()).isZero();
        assertThat(reset.out()).contains("reset lesson tcp of Ana");
        assertThat(store.load("Ana").lesson("tcp").pagesDone()).isEmpty();
        assertThat(store.load("Ana").lesson("osi-model").pagesDone()).containsExactly("01-seven-layers.md");
        Cli.Result nobody = Cli.run("lessons", "reset", "Bob", "--dir", progressDir.toString());
        assertThat(nobody.exitCode()).isEqualTo(1);
        assertThat(nobody.err()).contains("no saved progress for Bob");
    }
}
