package org.netsim.lessons.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netsim.lessons.Check;
import org.netsim.lessons.EventSelector;
import org.netsim.lessons.LayerModel;
import org.netsim.lessons.Lesson;
import org.netsim.lessons.Quiz;
import org.netsim.lessons.ScreenPart;
import org.netsim.lessons.Step;
import org.netsim.lessons.TextPage;
import org.netsim.pdu.Protocol;
import org.netsim.timeline.Direction;

class LessonLoaderTest {
    @TempDir
    Path tmp;

    static Path resource(String name) throws URISyntaxException {
        return Path.of(LessonLoaderTest.class.getResource("/" + name).toURI());
    }

    static List<String> problems(LessonLoader.Result r) {
        return r.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void sampleLessonReadsIntoTheModel() throws Exception {
        LessonLoader.Result r = LessonLoader.validate(resource("sample-lessons"));
        assertThat(problems(r)).isEmpty();
        assertThat(r.isValid()).isTrue();
        Lesson l = r.lessons().get(0);
        assertThat(l.folder()).isEqualTo("01-every-check");
        assertThat(l.id()).isEqualTo("every-check");
        assertThat(l.minutes()).isEqualTo(15);
        assertThat(l.objectives()).extracting(Lesson.Objective::kind)
                .containsExactly(Lesson.Objective.Kind.DESCRIBE, Lesson.Objective.Kind.EXECUTE);
        assertThat(l.scenario()).isEqualTo("one-client.yaml");
        assertThat(l.scenarios()).containsOnlyKeys("one-client.yaml", "broadcast-three-clients.yaml");
        assertThat(l.pages()).hasSize(17);
        assertThat(((TextPage) l.pages().get(0)).markdown()).startsWith("# A handshake, an emit and a broadcast");
        Step first = (Step) l.pages().get(1);
        assertThat(first.pointsAt()).isEqualTo(ScreenPart.TIME_CONTROLS);
        assertThat(first.expect()).isEqualTo(new Check.SelectedEvent(new EventSelector("server", Protocol.TCP,
                Direction.DOWN, java.util.Set.of("SYN", "ACK"), null, null)));
        assertThat(first.hints()).hasSize(2);
        assertThat(((Step) l.page("tcp-ip-view").orElseThrow()).expect())
                .isEqualTo(new Check.LayerModelIs(LayerModel.TCP_IP));
        assertThat(((Step) l.page("play-to-chat").orElseThrow()).expect())
                .isEqualTo(new Check.ReachedTime("300ms", 300_000_000L));
        assertThat(((Step) l.page("shout-to-all").orElseThrow()).expect())
                .isEqualTo(new Check.Received("shout", 0, List.of("alice", "bob", "carol"), null));
        Quiz.Numeric n = (Quiz.Numeric) l.page("syn-ack-number").orElseThrow();
        assertThat(n.answer()).isNull();
        assertThat(n.from().field()).isEqualTo("tcp.ack");
        Quiz.Choice c = (Quiz.Choice) l.page("handshake-flags").orElseThrow();
        assertThat(c.multiple()).isTrue();
        assertThat(c.options()).extracting(Quiz.Choice.Option::correct).containsExactly(true, true, false);
    }

    @Test
    void oneLessonFolderValidatesOnItsOwnWithNamesRelativeToItsParent() throws Exception {
        LessonLoader.Result r = LessonLoader.validate(resource("broken-lessons/04-run-checks"));
        assertThat(problems(r)).hasSize(4).allMatch(p -> p.startsWith("04-run-checks/lesson.yaml:"));
        assertThat(LessonLoader.validate(resource("sample-lessons/01-every-check")).problems()).isEmpty();
    }

    /** Every kind of error, each with its file, line and column. */
    @Test
    void brokenFolderReportsEveryProblemWithItsLine() throws Exception {
        LessonLoader.Result r = LessonLoader.validate(resource("broken-lessons"));
        assertThat(r.lessons()).isEmpty();
        String shipped = "(shipped: broadcast-three-clients.yaml, lossy-retransmission.yaml, one-client.yaml, "
                + "rooms.yaml, router-two-subnets.yaml, slow-reader.yaml, small-mtu.yaml)";
        String checks = "(known: selected-event, selected-field, selected-bytes, emitted, received, layer-model, "
                + "reached-time, opened-scenario, captured)";
        assertThat(problems(r)).containsExactly(
                "01-bad-lesson/01-there.md:4:10: images are not part of lesson format version 1",
                "01-bad-lesson/01-there.md:5:5: raw HTML (<b>) is not part of lesson format version 1: use Markdown, "
                        + "or `code` to show a tag",
                "01-bad-lesson/01-there.md:5:16: raw HTML (</b>) is not part of lesson format version 1: use "
                        + "Markdown, or `code` to show a tag",
                "01-bad-lesson/lesson.yaml:3:11: unknown scenario \"one-clint.yaml\": no file one-clint.yaml in "
                        + "01-bad-lesson/ and no shipped scenario of that name " + shipped
                        + "; did you mean \"one-client.yaml\"?",
                "01-bad-lesson/lesson.yaml:6:11: text page: no Markdown file 02-not-there.md in 01-bad-lesson/",
                "01-bad-lesson/lesson.yaml:11:9: step \"find-syn-ack\": unknown check \"selected-evnt\" " + checks
                        + "; did you mean \"selected-event\"?",
                "01-bad-lesson/lesson.yaml:14:11: step id \"find-syn-ack\" is used twice in this lesson (first at "
                        + "line 8)",
                "01-bad-lesson/lesson.yaml:17:50: step \"find-syn-ack\": selected-event: unknown protocol \"TPC\" "
                        + "(known: PHYSICAL, ETHERNET, ARP, IPV4, TCP, HTTP, WEBSOCKET, ENGINEIO, SOCKETIO, DATA, IPV6, "
                        + "LINUX_SLL, LINUX_SLL2, NULL_LOOPBACK)",
                "01-bad-lesson/lesson.yaml:17:62: step \"find-syn-ack\": selected-event: unknown TCP flag \"ACKK\" "
                        + "(known: CWR, ECE, URG, ACK, PSH, RST, SYN, FIN)",
                "01-bad-lesson/lesson.yaml:20:7: step \"port\": needs \"hints\": at least one, shown after a wrong try",
                "01-bad-lesson/lesson.yaml:23:33: step \"port\": selected-field: no dissector defines a field "
                        + "\"tcp.dstprot\"; did you mean \"tcp.dstport\"?",
                "01-bad-lesson/lesson.yaml:29:9: quiz \"unit\": no option is correct: mark the right one with "
                        + "correct: true",
                "01-bad-lesson/lesson.yaml:33:13: quiz \"odd\": unknown quiz type \"essay\" (known: choice, short, "
                        + "numeric, bytes)",
                "01-bad-lesson/lesson.yaml:38:29: step \"layers\": layer-model: unknown layer model \"osi7\" (known: "
                        + "osi, tcp-ip)",
                "01-bad-lesson/lesson.yaml:40:7: step \"layers\": unknown key \"colour\" (known: id, prompt, "
                        + "points-at, expect, hints)",
                "03-same-id/lesson.yaml:1:5: lesson id \"tcp\" is already used by 01-bad-lesson/lesson.yaml",
                "04-run-checks/lesson.yaml:9:21: quiz \"no-such-event\": from: no node carol in one-client.yaml "
                        + "(nodes: server, alice, switch)",
                "04-run-checks/lesson.yaml:16:14: quiz \"no-such-field\": the first event matching {node: server, "
                        + "protocol: TCP, flags: [SYN, ACK]} is event 34 (server down TCP: 3000 \u2192 54282 "
                        + "[SYN, ACK] Seq=1698920163 Ack=915146994 Win=65160 Len=0 MSS=1460 SACK_PERM "
                        + "TSval=2023773757 TSecr=1190813650 WS=128), which has no field websocket.masking_key",
                "04-run-checks/lesson.yaml:19:7: quiz \"short-without-why\": needs \"why-wrong\": the feedback that "
                        + "says why a wrong answer is wrong",
                "04-run-checks/lesson.yaml:27:31: step \"later\": reached-time: unknown time unit \"parsecs\" in "
                        + "\"3 parsecs\" (use ns, us, ms, s or min)",
                "05-bad-scenario/lesson.yaml:9:26: step \"open\": opened-scenario: unknown scenario "
                        + "\"no-such-scenario.yaml\": no file no-such-scenario.yaml in 05-bad-scenario/ and no shipped "
                        + "scenario of that name " + shipped,
                "05-bad-scenario/scenario.yaml:4:1: this scenario does not read: unknown key \"switchez\" at "
                        + "org.netsim.scenario.Scenario[\"switchez\"] (known keys: [seed, switches, server, duration, "
                        + "capture, clients, links, routers, name, description, hosts, script])",
                "06-run-selectors/lesson.yaml:9:25: step \"find-rto\": selected-event: no event of "
                        + "lossy-retransmission.yaml matches {node: alice, protocol: TCP, direction: state, text: "
                        + "retransmision}; the events matching {node: alice, protocol: TCP, direction: state} say "
                        + "\"SYN_SENT\", \"ESTABLISHED\", \"retransmission timeout: nothing acknowledged for 200 ms, "
                        + "...\", \"CLOSE_WAIT\", \"LAST_ACK\" and 1 more",
                "06-run-selectors/lesson.yaml:15:33: step \"no-binary-here\": selected-field: no event of "
                        + "lossy-retransmission.yaml carries a field socketio.attachments",
                "06-run-selectors/lesson.yaml:21:25: step \"dave-emits\": emitted: dave is not a client of "
                        + "lossy-retransmission.yaml (clients: alice)",
                "06-run-selectors/lesson.yaml:27:37: step \"zed-receives\": received: zed is not a client of "
                        + "lossy-retransmission.yaml (clients: alice)",
                "06-run-selectors/lesson.yaml:27:62: step \"zed-receives\": received: the server of "
                        + "lossy-retransmission.yaml has no namespace /nope (it has: /)",
                // after the student's own emit a selector may match events the scenario lacks, but not a node
                "06-run-selectors/lesson.yaml:39:25: step \"no-bob\": selected-event: no node bob in "
                        + "lossy-retransmission.yaml (nodes: server, alice, switch)",
                // a SYN's header is 40 bytes (MSS, SACK permitted, timestamps, window scale), not 32
                "06-run-selectors/lesson.yaml:45:15: quiz \"header-size\": answer 32, but the run shows 40 (the "
                        + "tcp.hdr_len of event 2 (alice down TCP))",
                "06-run-selectors/lesson.yaml:52:15: quiz \"server-port\": accept does not hold \"3000\", which the "
                        + "run shows (the tcp.dstport of event 2 (alice down TCP))",
                "06-run-selectors/lesson.yaml:58:17: quiz \"one-byte\": the question asks for one byte, but "
                        + "tcp.srcport is 2 bytes (59096) in event 2 (alice down TCP: 59096 \u2192 3000 [SYN] "
                        + "Seq=3018746635 Win=64240 Len=0 MSS=1460 SACK_PERM TSval=2343791701 TSecr=0 WS=128)",
                "06-run-selectors/lesson.yaml:66:72: quiz \"bad-match\": from: match is not a regular expression: "
                        + "Unclosed group",
                // checked against the scenario the lesson has open by then: small-mtu.yaml
                "06-run-selectors/lesson.yaml:84:15: quiz \"fragments\": answer 3, but the run shows 2 (the info of "
                        + "event 286 (r1 state IPv4))",
                "index.yaml:1:26: no lesson folder 02-missing (no 02-missing/lesson.yaml)",
                "index.yaml:1:38: lesson folder 01-bad-lesson is listed twice");
    }

    @Test
    void yamlSyntaxErrorNamesWhereTheFileStopsMakingSense() throws Exception {
        assertThat(problems(LessonLoader.validate(resource("syntax-lessons")))).containsExactly(
                "01-bad-yaml/lesson.yaml:5:1: not valid YAML: found unexpected end of stream (while scanning a quoted "
                        + "scalar that starts at line 2, column 8)");
    }

    private LessonLoader.Result one(String lessonYaml, String... files) throws Exception {
        Path d = tmp.resolve("01-x");
        Files.createDirectories(d);
        Files.writeString(d.resolve("lesson.yaml"), lessonYaml);
        for (int i = 0; i < files.length; i += 2) {
            Files.writeString(d.resolve(files[i]), files[i + 1]);
        }
        return LessonLoader.validate(d);
    }

    @Test
    void smallerMistakesOfSteps() throws Exception {
        LessonLoader.Result r = one("""
                id: x
                title: X
                pages:
                  - step:
                      id: two
                      prompt: Two checks.
                      expect: {layer-model: osi, opened-scenario: rooms.yaml}
                      hints: [h]
                  - step:
                      id: none
                      prompt: No check.
                      expect: {}
                      hints: []
                  - step:
                      id: bytes
                      prompt: P
                      points-at: toolbar
                      expect: {selected-bytes: {}}
                      hints: [h]
                  - step:
                      id: recv
                      prompt: P
                      expect: {received: {event: chat, by: [alice], by-at-least: 2}}
                      hints: [h]
                  - step:
                      id: sel
                      prompt: P
                      expect: {selected-event: {}}
                      hints: [h]
                  - step:
                      id: field
                      prompt: P
                      expect: {selected-field: {field: tcp.dstport, protocol: IPV4}}
                      hints: [h]
                  - step:
                      id: emit
                      prompt: P
                      expect: {emitted: {event: chat, namespace: admin}}
                      hints: [h]
                  - {text: a.md, quiz: {id: q}}
                """);
        assertThat(problems(r)).containsExactly(
                "01-x/lesson.yaml:7:15: step \"two\": expect has 2 checks (layer-model, opened-scenario): a step has "
                        + "exactly one",
                "01-x/lesson.yaml:12:15: step \"none\": expect is empty: give one check (known: selected-event, "
                        + "selected-field, selected-bytes, emitted, received, layer-model, reached-time, "
                        + "opened-scenario, captured)",
                "01-x/lesson.yaml:13:14: step \"none\": hints is empty: a step has at least one hint",
                "01-x/lesson.yaml:17:18: step \"bytes\": unknown screen part \"toolbar\" (known: topology, event-list, "
                        + "time-controls, stack, inspector-tree, hex, emit-composer, scenario-menu, layer-switch, live-capture)",
                "01-x/lesson.yaml:18:32: step \"bytes\": selected-bytes: needs \"field\"",
                "01-x/lesson.yaml:23:40: step \"recv\": received: give by (these clients) or by-at-least (how many), "
                        + "not both",
                "01-x/lesson.yaml:28:32: step \"sel\": selected-event: an empty selector matches every event: give at "
                        + "least one of node, protocol, direction, flags, text, peer",
                "01-x/lesson.yaml:33:63: step \"field\": selected-field: field tcp.dstport belongs to TCP, not IPV4",
                "01-x/lesson.yaml:38:50: step \"emit\": emitted: namespace \"admin\" must start with '/' and hold no ','",
                "01-x/lesson.yaml:40:5: page 8 has text and quiz: each page has exactly one of text, step, quiz");
    }

    @Test
    void capturedStepsSayWhatTheCaptureMustHold() throws Exception {
        LessonLoader.Result r = one("""
                id: x
                title: X
                pages:
                  - step:
                      id: anything
                      prompt: P
                      expect: {captured: {at-least: 2}}
                      hints: [h]
                  - step:
                      id: two-counts
                      prompt: P
                      expect: {captured: {event: chat, at-least: 2, min-frames: 2}}
                      hints: [h]
                  - step:
                      id: by-sea
                      prompt: P
                      expect: {captured: {transport: pigeon}}
                      hints: [h]
                  - step:
                      id: good
                      prompt: P
                      expect: {captured: {event: chat, args: [hi], transport: websocket, namespace: /admin, type: event}}
                      hints: [h]
                """);
        assertThat(problems(r)).containsExactly(
                "01-x/lesson.yaml:7:26: step \"anything\": captured: say what the capture must hold: an \"event\" (its "
                        + "name), a \"type\" or a \"transport\"",
                "01-x/lesson.yaml:12:53: step \"two-counts\": captured: min-frames is the old name of at-least: give one "
                        + "of them",
                "01-x/lesson.yaml:17:38: step \"by-sea\": captured: unknown transport \"pigeon\" (known: websocket, "
                        + "polling)");
    }

    @Test
    void smallerMistakesOfQuizzes() throws Exception {
        LessonLoader.Result r = one("""
                id: Bad_Id
                title: X
                minutes: soon
                objectives:
                  - understand: TCP
                pages:
                  - quiz:
                      id: two-right
                      type: choice
                      question: Q
                      options:
                        - {text: A, correct: true}
                        - {text: B, correct: true}
                  - quiz:
                      id: no-why
                      type: choice
                      question: Q
                      options:
                        - {text: A, correct: true}
                        - {text: B}
                  - quiz:
                      id: neither
                      type: numeric
                      question: Q
                      hints: [h]
                      tolerance: 1
                      why-wrong: W
                  - quiz:
                      id: from-without-scenario
                      type: numeric
                      question: Q
                      from: {event: {node: server}, field: tcp.ack}
                      tolerance: -1
                      why-wrong: W
                  - quiz:
                      type: short
                      question: Q
                      accept: [a]
                      why-wrong: W
                """);
        assertThat(problems(r)).containsExactly(
                "01-x/lesson.yaml:1:5: lesson id \"Bad_Id\" may hold only a-z, 0-9 and '-'",
                "01-x/lesson.yaml:3:10: minutes must be a whole number of at least 1",
                "01-x/lesson.yaml:5:5: objective: unknown key \"understand\" (known: describe, execute)",
                "01-x/lesson.yaml:12:9: quiz \"two-right\": 2 options are correct, and a single-answer choice has one "
                        + "(say multiple: true if all of them are required)",
                "01-x/lesson.yaml:20:11: quiz \"no-why\": option 2: a wrong option needs \"why\": the feedback that "
                        + "says why it is wrong",
                "01-x/lesson.yaml:22:7: quiz \"neither\": give \"answer\" (a number), \"from\" (where the run shows "
                        + "it) or both",
                "01-x/lesson.yaml:32:21: quiz \"from-without-scenario\": from: needs the lesson's scenario (the "
                        + "\"scenario\" key): the event is looked up in its run",
                "01-x/lesson.yaml:33:18: quiz \"from-without-scenario\": tolerance cannot be negative",
                "01-x/lesson.yaml:36:7: a quiz needs an \"id\", unique in the lesson");
    }

    @Test
    void missingIndexAndEmptyFile() throws Exception {
        assertThat(problems(LessonLoader.loadAll(LessonSource.folder(tmp))))
                .containsExactly("index.yaml: no index.yaml in " + tmp);
        Files.writeString(tmp.resolve("index.yaml"), "");
        assertThat(problems(LessonLoader.validate(tmp))).containsExactly("index.yaml:1:1: the file is empty");
        assertThat(problems(LessonLoader.validate(tmp.resolve("nowhere"))))
                .containsExactly(tmp.resolve("nowhere") + ": no such folder");
    }
}
