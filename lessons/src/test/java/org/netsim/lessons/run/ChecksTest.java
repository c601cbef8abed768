package org.netsim.lessons.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.netsim.capture.file.CaptureFileReader;
import org.netsim.capture.decode.CaptureDecoder;
import org.netsim.capture.decode.CaptureMessage;
import org.netsim.lessons.ByteRange;
import org.netsim.lessons.Check;
import org.netsim.lessons.EventFields;
import org.netsim.lessons.EventSelector;
import org.netsim.lessons.LayerModel;
import org.netsim.lessons.run.CheckResult.Status;
import org.netsim.lessons.student.StudentDesk;
import org.netsim.pdu.Protocol;
import org.netsim.scenario.Scenario;
import org.netsim.scenario.ScenarioFile;
import org.netsim.timeline.Direction;
import org.netsim.timeline.TimelineEvent;

/** Every check kind, passing and failing, against real runs of the shipped scenarios. */
class ChecksTest {
    private static final Check SYN_ACK = new Check.SelectedEvent(new EventSelector("server", Protocol.TCP,
            Direction.DOWN, Set.of("SYN", "ACK"), null, null));

    static StudentDesk open(String name) {
        return new StudentDesk().open(name, ScenarioFile.builtIn(name));
    }

    /** Steps forward from the start to event {@code index}. */
    static void stepTo(StudentDesk d, int index) {
        d.rewind();
        while (d.selectedEvent() == null || d.selectedEvent().index() < index) {
            assertThat(d.stepForward()).isTrue();
        }
    }

    static CheckResult eval(Check c, StudentDesk d) {
        return Checks.evaluate(c, d);
    }

    @Test
    void selectedEventIsTheServersSynAckOfOneClient() {
        StudentDesk d = open("one-client.yaml");
        CheckResult none = eval(SYN_ACK, d);
        assertThat(none.status()).isEqualTo(Status.NOT_YET);
        assertThat(none.message()).startsWith("No event is selected");
        // event 32: the server's TCP receives Alice's SYN
        stepTo(d, 32);
        CheckResult syn = eval(SYN_ACK, d);
        assertThat(syn.status()).isEqualTo(Status.NOT_YET);
        assertThat(syn.message()).isEqualTo("The selected event (server up TCP: 54282 \u2192 3000 [SYN] Seq=915146993 "
                + "Win=64240 Len=0 MSS=1460 SACK_PERM TSval=1190813650 TSecr=0 WS=128) "
                + "is not it: it goes up, not down; its TCP flags are [SYN], not [SYN, ACK].");
        stepTo(d, 34);
        assertThat(d.selectedEvent().toString()).contains("server down TCP 3000 \u2192 54282 [SYN, ACK]");
        CheckResult ok = eval(SYN_ACK, d);
        assertThat(ok.status()).isEqualTo(Status.PASSED);
        assertThat(ok.message()).isEqualTo("Event 34 (server down TCP) is the one.");
        // the SYN-ACK's frame leaving the server's card is a wire event: another protocol, and so not it
        stepTo(d, 37);
        assertThat(eval(SYN_ACK, d).message()).contains("its protocol is PHYSICAL, not TCP");
    }

    @Test
    void selectorTextLooksIntoTheLayersAnEventCarriesAndPeerIsTheOtherEnd() {
        StudentDesk d = open("one-client.yaml");
        EventSelector chatFrame = new EventSelector("alice", Protocol.WEBSOCKET, Direction.DOWN, null, "chat", null);
        List<TimelineEvent> all = d.run().timeline().events();
        // Alice's first WebSocket frame is the 2probe ping; her first one carrying "chat" is the emit at 300 ms
        assertThat(all.get(388).description()).isEqualTo("WebSocket Text [FIN] [MASKED]");
        assertThat(chatFrame.matches(all.get(388))).isFalse();
        assertThat(chatFrame.mismatches(all.get(388))).containsExactly("its info does not mention \"chat\"");
        assertThat(chatFrame.first(d.run().timeline()).orElseThrow().index()).isEqualTo(628);
        // the SYN-ACK's peer is Alice (the other end of its connection); its frame on lan1 travels to the switch
        assertThat(EventSelector.peerOf(all.get(34))).isEqualTo("alice");
        assertThat(EventSelector.peerOf(all.get(37))).isEqualTo("switch");
        assertThat(new EventSelector("server", null, Direction.WIRE, Set.of("SYN", "ACK"), null, "switch")
                .first(d.run().timeline()).orElseThrow().index()).isEqualTo(37);
        assertThat(EventSelector.tcpFlags(all.get(0))).isEmpty();
    }

    @Test
    void selectedFieldIsTheInspectorsSelection() {
        StudentDesk d = open("one-client.yaml");
        Check dstport = new Check.SelectedField("tcp.dstport", Protocol.TCP);
        stepTo(d, 34);
        assertThat(eval(dstport, d).message()).isEqualTo("No field is selected in the inspector.");
        assertThat(d.clickField("tcp.srcport")).isTrue();
        CheckResult wrong = eval(dstport, d);
        assertThat(wrong.status()).isEqualTo(Status.NOT_YET);
        assertThat(wrong.message()).isEqualTo("The selected field is tcp.srcport (a TCP field); that is not the one "
                + "asked for.");
        assertThat(d.clickField("tcp.dstport")).isTrue();
        assertThat(eval(dstport, d).passed()).isTrue();
    }

    @Test
    void selectedBytesAreExactlyTheMaskingKey() {
        StudentDesk d = open("one-client.yaml");
        Check key = new Check.SelectedBytes("websocket.masking_key");
        stepTo(d, 34);
        assertThat(eval(key, d).message()).isEqualTo("The selected event's bytes hold no websocket.masking_key: select "
                + "an event that carries it first.");
        // Alice's chat frame (a WebSocket message: 2 header bytes, then the 4-byte masking key)
        stepTo(d, 628);
        assertThat(eval(key, d).message()).isEqualTo("No bytes are highlighted in the hex pane.");
        d.highlight(new ByteRange(1, 5));
        CheckResult off = eval(key, d);
        assertThat(off.status()).isEqualTo(Status.NOT_YET);
        assertThat(off.message()).isEqualTo("The highlighted bytes 1\u20134 are not exactly the field's bytes: they "
                + "cover Mask, Payload length, Masking key.");
        d.highlight(new ByteRange(2, 6));
        assertThat(eval(key, d).message()).isEqualTo("The highlighted bytes 2\u20135 are exactly Masking key.");
        // on the wire the same key sits after preamble, Ethernet, IPv4, TCP headers: the inspector's offsets count
        stepTo(d, 629);
        TimelineEvent e = d.selectedEvent();
        assertThat(d.clickField("websocket.masking_key")).as("%s", e).isTrue();
        assertThat(d.highlightedBytes().start()).isGreaterThan(54);
        assertThat(eval(key, d).passed()).as("%s", e).isTrue();
    }

    /**
     * Alice's 90 KB upload in slow-reader crosses many segments: the event of its last segment shows the message in
     * the inspector's "Reassembled TCP" bytes, where its WebSocket fields are. Bytes highlighted there are judged
     * there; the same numbers in the frame's bytes are not the field, and the feedback says where it is.
     */
    @Test
    void selectedBytesOfAReassembledMessageAreJudgedInItsOwnByteArray() {
        StudentDesk d = open("slow-reader.yaml");
        TimelineEvent last = d.run().timeline().events().stream()
                .filter(e -> e.direction() == Direction.WIRE)
                .filter(e -> !EventFields.withKey(e, "websocket.opcode").isEmpty()
                        && EventFields.withKey(e, "websocket.opcode").stream().allMatch(p -> p.source() > 0))
                .findFirst().orElseThrow();
        stepTo(d, last.index());
        assertThat(d.selectedEvent().index()).isEqualTo(last.index());
        Check opcode = new Check.SelectedBytes("websocket.opcode");
        assertThat(d.clickField("websocket.opcode")).isTrue();
        ByteRange there = d.highlightedBytes();
        assertThat(there.source()).isPositive();
        assertThat(eval(opcode, d).message()).isEqualTo("The highlighted " + there + " are exactly Opcode.");

        d.highlight(new ByteRange(there.start(), there.end(), 0));
        CheckResult inFrame = eval(opcode, d);
        assertThat(inFrame.status()).isEqualTo(Status.NOT_YET);
        assertThat(inFrame.message()).startsWith("The highlighted " + there + " are not exactly the field's bytes: "
                + "they cover ").contains("; Opcode is in the Reassembled TCP (")
                .endsWith(" bytes) bytes, shown with their own button below the hex pane.");
        // a value read off the run finds the field in the reassembled bytes too
        assertThat(org.netsim.lessons.FromRun.fieldOf(last, "websocket.opcode")).isPresent();
    }

    @Test
    void emittedCountsOnlyEmitsTheStudentAddedAndChecksTheirArgs() {
        StudentDesk d = open("one-client.yaml");
        // the scenario's own chat is in the run, but the student did not add it
        Check chat = new Check.Emitted("alice", "chat", null, null);
        assertThat(eval(chat, d).message()).isEqualTo("You have not added an emit of \"chat\" from alice yet: use the "
                + "emit composer.");
        Check hello = new Check.Emitted("alice", "greeting", JsonNodeFactory.instance.arrayNode().add("hello"), null);
        d.add(action("350ms", "alice", "greeting", "bye"));
        CheckResult args = eval(hello, d);
        assertThat(args.status()).isEqualTo(Status.NOT_YET);
        assertThat(args.message()).isEqualTo("Your \"greeting\" carries [\"bye\"], not [\"hello\"].");
        d.undoAdd();
        d.add(action("350ms", "alice", "greeting", "hello"));
        CheckResult ok = eval(hello, d);
        assertThat(ok.message()).isEqualTo("alice emitted \"greeting\" [\"hello\"] at 350 ms.");
        // one argument may be written without the list; numbers compare by value (YAML 1 against JSON 1)
        assertThat(eval(new Check.Emitted(null, "greeting", JsonNodeFactory.instance.textNode("hello"), null), d)
                .passed()).isTrue();
        d.add(action("360ms", "alice", "count", 1));
        assertThat(eval(new Check.Emitted("alice", "count", JsonNodeFactory.instance.arrayNode()
                .add(new java.math.BigInteger("1")), null), d).passed()).isTrue();
    }

    @Test
    void emittedAfterTheClientLeftIsNeverSent() {
        StudentDesk d = open("one-client.yaml");
        d.add(action("700ms", "alice", "late", "x"));
        CheckResult r = eval(new Check.Emitted("alice", "late", null, null), d);
        assertThat(r.status()).isEqualTo(Status.NOT_YET);
        assertThat(r.message()).isEqualTo("You added an emit of \"late\" from alice, but the run never sends it: is "
                + "the client connected (to /) at that time?");
        assertThat(eval(new Check.Emitted("bob", "late", null, null), d).message())
                .isEqualTo("You have not added an emit of \"late\" from bob yet: use the emit composer. (You added "
                        + "\"late\" from alice.)");
    }

    @Test
    void receivedCountsTheClientsOneEmitReached() {
        StudentDesk d = open("broadcast-three-clients.yaml");
        // socket.broadcast.emit: everyone but Alice
        assertThat(eval(new Check.Received("chat", 2, List.of(), null), d).message())
                .isEqualTo("One \"chat\" emit reached bob, carol.");
        CheckResult three = eval(new Check.Received("chat", 3, List.of(), null), d);
        assertThat(three.status()).isEqualTo(Status.NOT_YET);
        assertThat(three.message()).isEqualTo("Your \"chat\" emit reached bob, carol; it must reach 3 clients.");
        assertThat(eval(new Check.Received("chat", 0, List.of("alice"), null), d).passed()).isFalse();
        assertThat(eval(new Check.Received("news", 0, List.of("alice", "bob", "carol"), null), d).passed()).isTrue();
        assertThat(eval(new Check.Received("shout", 1, List.of(), null), d).message())
                .isEqualTo("No client has received a \"shout\" event yet; it must reach 1 client.");
        assertThat(eval(new Check.Received("news", 1, List.of(), "/admin"), d).passed()).isFalse();
    }

    /** io.emit reaches everyone: at least Bob, yet not only Bob; socket.to(room) from Alice's socket is only Bob. */
    @Test
    void receivedOnlyAndNotByAreExact() {
        StudentDesk d = new StudentDesk().open("rooms.yaml", ScenarioFile.builtIn("rooms.yaml"));
        d.add(serverAction("200ms", "io.emit", null, null, "psst"));
        Check onlyBob = new Check.Received("psst", 0, List.of(), List.of("bob"), List.of(), null);
        assertThat(eval(new Check.Received("psst", 0, List.of("bob"), null), d).passed()).isTrue();
        CheckResult everyone = eval(onlyBob, d);
        assertThat(everyone.passed()).isFalse();
        assertThat(everyone.message()).isEqualTo("Your \"psst\" emit reached alice, bob, carol; it must reach only "
                + "bob, yet alice and carol got it too.");
        Check notAlice = new Check.Received("psst", 1, List.of(), List.of(), List.of("alice"), null);
        assertThat(eval(notAlice, d).message()).endsWith("it must reach 1 client, and not alice, yet alice got it.");
        // a second emit, to the room from Alice's socket: that one is only Bob (each emit is judged on its own)
        d.add(serverAction("210ms", "socket.to(room).emit", "alice", "maths", "psst"));
        assertThat(eval(onlyBob, d).message()).isEqualTo("One \"psst\" emit reached bob.");
        assertThat(eval(notAlice, d).passed()).isTrue();
    }

    /** A field selected in the event the step is about, not in any event that has it. */
    @Test
    void selectedFieldInTheEventAskedFor() {
        StudentDesk d = new StudentDesk().open("small-mtu.yaml", ScenarioFile.builtIn("small-mtu.yaml"));
        EventSelector fragment = new EventSelector("r1", Protocol.IPV4, Direction.DOWN, null, "Fragmented", null);
        Check mf = new Check.SelectedField("ip.flags.mf", null, fragment);
        assertThat(eval(mf, d).message()).isEqualTo("No field is selected in the inspector; first select the event "
                + "the step is about: no event is selected.");
        // Alice's SYN: an IPv4 packet with a More Fragments flag too, but no fragment
        stepTo(d, d.run().timeline().query().node("alice").protocol(Protocol.TCP).direction(Direction.DOWN).list()
                .get(0).index());
        assertThat(d.clickField("ip.flags.mf")).isTrue();
        CheckResult syn = eval(mf, d);
        assertThat(syn.passed()).isFalse();
        assertThat(syn.message()).startsWith("That is the right field, but in another event: the selected event "
                + "(alice down TCP: ").contains("it happens at alice, not r1");
        assertThat(eval(new Check.SelectedField("ip.flags.mf", null), d).passed()).isTrue();
        stepTo(d, fragment.first(d.run().timeline()).orElseThrow().index());
        assertThat(d.clickField("ip.flags.mf")).isTrue();
        assertThat(eval(mf, d).passed()).isTrue();
        // the bytes of a field, in the event asked for
        Check bytes = new Check.SelectedBytes("ip.id", new EventSelector("alice", null, null, null, null, null));
        assertThat(d.clickField("ip.id")).isTrue();
        assertThat(eval(bytes, d).message()).startsWith("The hex pane shows another event than the one asked for");
    }

    /** The field must be in the layer the step names: a row's layer is what the view reports. */
    @Test
    void selectedFieldInTheLayerAskedFor() {
        StudentDesk d = open("one-client.yaml");
        stepTo(d, 34);
        assertThat(d.clickField("tcp.dstport")).isTrue();
        StudentView elsewhere = new StudentView() {
            @Override public org.netsim.scenario.ScenarioRun run() { return d.run(); }
            @Override public String scenarioName() { return d.scenarioName(); }
            @Override public TimelineEvent selectedEvent() { return d.selectedEvent(); }
            @Override public String selectedFieldKey() { return d.selectedFieldKey(); }
            @Override public Protocol selectedFieldProtocol() { return Protocol.IPV4; }
            @Override public ByteRange highlightedBytes() { return d.highlightedBytes(); }
            @Override public LayerModel layerModel() { return d.layerModel(); }
            @Override public long currentTimeNanos() { return d.currentTimeNanos(); }
            @Override public List<Scenario.Action> addedActions() { return d.addedActions(); }
        };
        Check tcp = new Check.SelectedField("tcp.dstport", Protocol.TCP);
        assertThat(Checks.evaluate(tcp, d).passed()).isTrue();
        assertThat(Checks.evaluate(tcp, elsewhere).message()).isEqualTo("The selected tcp.dstport is in the IPv4 "
                + "layer of the tree; the one in the TCP layer is asked for.");
    }

    /** An emit that must travel over WebSocket: one sent while the client still polls is not it. */
    @Test
    void emittedOverTheTransportAskedFor() {
        StudentDesk d = open("one-client.yaml");
        Check overWebSocket = new Check.Emitted("alice", "early", null, null, "websocket");
        d.add(action("3ms", "alice", "early", "x"));
        CheckResult polling = eval(overWebSocket, d);
        assertThat(polling.passed()).isFalse();
        assertThat(polling.message()).isEqualTo("Your \"early\" went over HTTP long-polling, before the upgrade to "
                + "WebSocket was done; send it again later, when it goes over websocket.");
        assertThat(eval(new Check.Emitted("alice", "early", null, null, "polling"), d).passed()).isTrue();
        d.undoAdd();
        d.add(action("200ms", "alice", "early", "x"));
        assertThat(eval(overWebSocket, d).passed()).isTrue();
    }

    static Scenario.Action serverAction(String at, String form, String socket, String room, String event) {
        return new Scenario.Action(at, null, null, JsonNodeFactory.instance.arrayNode().add("hi"), null, null, null,
                form, socket, room, event, null, null, null);
    }

    @Test
    void layerModelTimeAndScenario() {
        StudentDesk d = open("one-client.yaml");
        Check tcpIp = new Check.LayerModelIs(LayerModel.TCP_IP);
        assertThat(eval(tcpIp, d).message()).isEqualTo("The views show the osi model; switch them to tcp-ip.");
        d.layerSwitch(LayerModel.TCP_IP);
        assertThat(eval(tcpIp, d).passed()).isTrue();

        Check at300 = new Check.ReachedTime("300ms", 300_000_000L);
        d.playTo(299_999_999L);
        assertThat(eval(at300, d).message()).isEqualTo("The time is 299.999999 ms; play or step on until 300ms.");
        d.playTo(300_000_000L);
        assertThat(eval(at300, d).passed()).isTrue();

        Check broadcast = new Check.OpenedScenario("broadcast-three-clients.yaml");
        assertThat(eval(broadcast, d).message()).isEqualTo("The open scenario is one-client.yaml; open "
                + "broadcast-three-clients.yaml.");
        StudentDesk other = new StudentDesk().open("/home/teacher/lessons/broadcast-three-clients.yaml",
                ScenarioFile.builtIn("broadcast-three-clients.yaml"));
        assertThat(eval(broadcast, other).passed()).isTrue();
    }

    /** A captured step is judged against the messages the live capture decoded: real Node traffic here. */
    @Test
    void capturedLooksAtTheDecodedMessagesOfTheLiveCapture() throws Exception {
        StudentDesk d = open("one-client.yaml");
        Check chat = new Check.Captured("chat", 1);
        CheckResult none = eval(chat, d);
        assertThat(none.status()).isEqualTo(Status.NOT_YET);
        assertThat(none.message()).isEqualTo("Nothing is captured yet: in the Live capture tab start a capture (or "
                + "open a capture file), then send a Socket.IO EVENT \"chat\" for real.");
        // real Node socket.io 4.8.4 traffic: 42["chat","hi"] once, client to server, over WebSocket
        List<CaptureMessage> messages = new java.util.ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("/captures/node-socketio-4.8.4/websocket-only.pcap");
             CaptureFileReader r = CaptureFileReader.open(in)) {
            CaptureDecoder.forMessages(messages::add).decode(r);
        }
        d.capture(messages);
        CheckResult one = eval(chat, d);
        assertThat(one.passed()).isTrue();
        assertThat(one.message()).startsWith("The capture holds 1 such message: frame ").endsWith(
                ", 42[\"chat\",\"hi\"].");
        CheckResult two = eval(new Check.Captured("chat", 2), d);
        assertThat(two.status()).isEqualTo(Status.NOT_YET);
        assertThat(two.message()).isEqualTo("The capture holds " + messages.size() + " messages, only 1 of them a "
                + "Socket.IO EVENT \"chat\"; it needs 2 of a Socket.IO EVENT \"chat\". Send it while capturing.");
        assertThat(eval(new Check.Captured("srv-bin", 1), d).passed()).isTrue();
        assertThat(eval(new Check.Captured("nope", 1), d).message()).contains("none of them a Socket.IO EVENT "
                + "\"nope\"");
        // the other keys: arguments, transport, a type of message, a namespace
        var hi = JsonNodeFactory.instance.arrayNode().add("hi");
        assertThat(eval(new Check.Captured("chat", null, "websocket", null, hi, 1), d).passed()).isTrue();
        assertThat(eval(new Check.Captured("chat", null, "polling", null, null, 1), d).passed()).isFalse();
        assertThat(eval(new Check.Captured("chat", null, null, null, JsonNodeFactory.instance.arrayNode().add("ho"),
                1), d).passed()).isFalse();
        assertThat(eval(new Check.Captured(null, "ACK", null, null, null, 3), d).passed()).isTrue();
        assertThat(eval(new Check.Captured(null, "PING", null, null, null, 1), d).passed()).isFalse();
        assertThat(eval(new Check.Captured("admin-event", null, "websocket", "/admin", null, 1), d).passed()).isTrue();
        assertThat(eval(new Check.Captured("admin-event", null, null, "/", null, 1), d).passed()).isFalse();
    }

    /** A view without live capture at all (not the app's) lets the student go on. */
    @Test
    void aViewWithoutLiveCaptureSaysSo() {
        StudentDesk d = open("one-client.yaml");
        StudentView noCapture = new StudentView() {
            @Override public org.netsim.scenario.ScenarioRun run() { return d.run(); }
            @Override public String scenarioName() { return d.scenarioName(); }
            @Override public TimelineEvent selectedEvent() { return null; }
            @Override public String selectedFieldKey() { return null; }
            @Override public ByteRange highlightedBytes() { return null; }
            @Override public LayerModel layerModel() { return LayerModel.OSI; }
            @Override public long currentTimeNanos() { return 0; }
            @Override public List<Scenario.Action> addedActions() { return List.of(); }
        };
        CheckResult r = Checks.evaluate(new Check.Captured("chat", 1), noCapture);
        assertThat(r.status()).isEqualTo(Status.NEEDS_LIVE_CAPTURE);
        assertThat(r.message()).startsWith("This step needs live capture, which this view does not have");
    }

    static Scenario.Action action(String at, String client, String event, String arg) {
        return action(at, client, event, JsonNodeFactory.instance.textNode(arg));
    }

    static Scenario.Action action(String at, String client, String event, int arg) {
        return action(at, client, event, JsonNodeFactory.instance.numberNode(arg));
    }

    static Scenario.Action action(String at, String client, String event, JsonNode arg) {
        return new Scenario.Action(at, client, event, JsonNodeFactory.instance.arrayNode().add(arg), null, null, null,
                null, null, null, null, null, null, null);
    }
}
