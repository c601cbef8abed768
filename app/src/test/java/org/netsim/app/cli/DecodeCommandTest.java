package org.netsim.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netsim.app.testing.ExternalTool.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netsim.app.testing.ExternalTool;

/** {@code netsim decode} on real captures of Node's socket.io 4.8.4, with tshark as the judge of the text frames. */
class DecodeCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path capture(String name) throws IOException {
        Path p = dir.resolve(name);
        try (InputStream in = DecodeCommandTest.class.getResourceAsStream("/captures/node-socketio-4.8.4/" + name)) {
            assertThat(in).as(name).isNotNull();
            Files.copy(in, p);
        }
        return p;
    }

    private static List<JsonNode> decodeJson(Path file) throws IOException {
        Cli.Result r = Cli.run("decode", "--json", file.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<JsonNode> out = new ArrayList<>();
        for (String line : r.out().lines().toList()) {
            out.add(JSON.readTree(line));
        }
        return out;
    }

    /**
     * Every WebSocket text frame tshark finds, we find with the same text, in the same frame. (tshark joins several
     * frames of one segment with the aggregator; 0x1f never occurs in these captures' text.)
     */
    @ParameterizedTest
    @ValueSource(strings = {"websocket-only.pcap", "polling-upgrade.pcap", "polling-upgrade-noop.pcap",
            "heartbeat.pcap", "json-edge.pcap", "rooms-broadcast.pcap", "large-payload.pcap",
            // IPv6 loopback, and Linux's any device (cooked capture v1 and v2)
            "ipv6-polling-upgrade.pcap", "any-websocket-only.pcap", "any-sll2-polling-upgrade.pcap"})
    void theTextFramesAreExactlyTheOnesTsharkFinds(String name) throws Exception {
        ExternalTool.requireTshark();
        Path file = capture(name);
        // without checksum checks: Linux leaves loopback TCP checksums to offload, and tshark would not look inside
        var t = run(List.of("tshark", "-n", "-r", file.toString(), "-Y", "websocket.payload.text", "-T", "fields",
                "-E", "aggregator=\u001f", "-e", "frame.number", "-e", "websocket.payload.text")
                .toArray(String[]::new));
        assertThat(t.exitCode()).as(t.stderr()).isZero();
        List<String> expected = new ArrayList<>();
        for (String line : t.stdout().lines().toList()) {
            String[] cols = line.split("\t", 2);
            for (String text : cols[1].split("\u001f")) {
                expected.add(cols[0] + " " + text);
            }
        }
        List<String> ours = new ArrayList<>();
        for (JsonNode m : decodeJson(file)) {
            assertThat(m.has("malformed")).as(m.toString()).isFalse();
            // binary events complete in their last attachment's frame: their text frame is the one tshark shows
            if ("websocket".equals(m.get("transport").asText()) && m.get("attachments").isEmpty()
                    && !m.get("text").isNull() && !"websocket".equals(m.get("protocol").asText())) {
                ours.add(m.get("frame").asLong() + " " + m.get("text").asText());
            }
        }
        List<String> binaryTexts = expected.stream().filter(s -> s.matches("\\d+ 4[56].*")).toList();
        List<String> plain = new ArrayList<>(expected);
        plain.removeAll(binaryTexts);
        assertThat(ours).containsExactlyElementsOf(plain);
    }

    @Test
    void jsonLinesCarryEveryFieldOfEventsAcksAndBinary() throws Exception {
        List<JsonNode> all = decodeJson(capture("websocket-only.pcap"));
        JsonNode chat = find(all, 13);
        assertThat(chat.get("src").asText()).isEqualTo("127.0.0.1:54508");
        assertThat(chat.get("dst").asText()).isEqualTo("127.0.0.1:3000");
        assertThat(chat.get("transport").asText()).isEqualTo("websocket");
        assertThat(chat.get("namespace").asText()).isEqualTo("/");
        assertThat(chat.get("type").asText()).isEqualTo("EVENT");
        assertThat(chat.get("event").asText()).isEqualTo("chat");
        assertThat(chat.get("args").toString()).isEqualTo("[\"hi\"]");
        assertThat(chat.get("ackId").isNull()).isTrue();
        assertThat(chat.get("time").decimalValue()).isPositive();

        JsonNode ack = find(all, 17);
        assertThat(ack.get("type").asText()).isEqualTo("ACK");
        assertThat(ack.get("ackId").asLong()).isZero();
        assertThat(ack.get("args").toString()).isEqualTo("[\"ok\",2]");

        JsonNode nested = find(all, 34);
        assertThat(nested.get("type").asText()).isEqualTo("BINARY_EVENT");
        assertThat(nested.get("event").asText()).isEqualTo("nested");
        assertThat(nested.get("attachments").toString()).isEqualTo("[\"05\",\"0607\"]");

        JsonNode admin = find(all, 43);
        assertThat(admin.get("namespace").asText()).isEqualTo("/admin");
        assertThat(admin.get("event").asText()).isEqualTo("admin-event");
    }

    @Test
    void pollingMessagesAreFoundInHttpBodies() throws Exception {
        List<JsonNode> all = decodeJson(capture("polling-only.pcap"));
        assertThat(all).anySatisfy(m -> {
            assertThat(m.get("transport").asText()).isEqualTo("polling");
            assertThat(m.get("type").asText()).isEqualTo("EVENT");
        });
        assertThat(all).allSatisfy(m -> assertThat(m.get("transport").asText()).isEqualTo("polling"));
    }

    @Test
    void aSeventyKilobyteMessageSplitAcrossTcpSegmentsDecodesAsOne() throws Exception {
        Path file = capture("large-payload.pcap");
        List<JsonNode> all = decodeJson(file);
        assertThat(all).noneMatch(m -> m.has("malformed") || "GAP".equals(m.get("type").asText()));
        JsonNode big = find(all, 19);
        assertThat(big.get("firstFrame").asLong()).isEqualTo(16);
        assertThat(big.get("event").asText()).isEqualTo("big");
        assertThat(big.get("args").get(0).asText()).isEqualTo("a".repeat(70_000));
        assertThat(all.get(all.size() - 1).get("type").asText()).isEqualTo("CONNECTION CLOSE");

        Cli.Result text = Cli.run("decode", file.toString());
        assertThat(text.out().lines().filter(l -> l.startsWith("19  ")).findFirst().orElseThrow())
                .startsWith("19  0.115662  127.0.0.1:41564 → 127.0.0.1:3000  websocket  socket.io EVENT \"big\" [\"aaa")
                .endsWith("aaa\"]  [frames 16-19]");
    }

    @Test
    void aLostSegmentIsAGapLineWithItsByteCountAndTheMessagesAfterItAreDecoded() throws Exception {
        byte[] file = Files.readAllBytes(capture("websocket-only.pcap"));
        // drop the 13th record, the client's 42["chat","hi"]
        int at = 24;
        for (int i = 0; i < 12; i++) {
            at += 16 + readLe32(file, at + 8);
        }
        int len = 16 + readLe32(file, at + 8);
        byte[] lost = new byte[file.length - len];
        System.arraycopy(file, 0, lost, 0, at);
        System.arraycopy(file, at + len, lost, at, file.length - at - len);
        Path p = dir.resolve("lost.pcap");
        Files.write(p, lost);
        Cli.Result r = Cli.run("decode", p.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines().filter(l -> l.contains("[Gap]"))).singleElement().asString()
                .startsWith("14  ").endsWith("127.0.0.1:54508 → 127.0.0.1:3000  [Gap] 21 bytes not captured "
                        + "(previous segment not captured)");
        assertThat(r.out()).contains("socket.io EVENT \"x\" [1] ack=0").doesNotContain("\"chat\"");
    }

    @Test
    void theHelpSaysTheStreamsAreReassembled() {
        Cli.Result r = Cli.run("decode", "--help");
        assertThat(r.out()).contains("TCP connections are reassembled first").contains("[Gap]")
                .contains("[Malformed]");
    }

    @Test
    void aBrokenFrameIsOneMalformedLineAndDecodingGoesOn() throws Exception {
        Path pcap = dir.resolve("emit.pcap");
        assertThat(Cli.run("emit", "--event", "chat", "--pcap", pcap.toString()).exitCode()).isZero();
        byte[] file = Files.readAllBytes(pcap);
        // the emit frame is the 13th record; its WebSocket header starts after 14+20+32 bytes of headers
        int at = 24;
        for (int i = 0; i < 12; i++) {
            at += 16 + readLe32(file, at + 8);
        }
        int ws = at + 16 + 66;
        assertThat(file[ws] & 0xff).isEqualTo(0x81);
        file[ws] = (byte) 0x83; // FIN + opcode 3, reserved for future data frames
        Path broken = dir.resolve("broken.pcap");
        Files.write(broken, file);

        Cli.Result r = Cli.run("decode", broken.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.stream().filter(l -> l.contains("[Malformed]")).toList()).singleElement()
                .asString().startsWith("13  ").endsWith("[Malformed] WebSocket: Opcode Reserved (0x3): reserved opcode: "
                        + "the endpoint MUST _Fail the WebSocket Connection_ (RFC 6455 §5.2)");
        assertThat(lines.get(lines.size() - 1)).contains("CONNECTION CLOSE");
    }

    private static int readLe32(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }

    @Test
    void notAPcapFileIsOneClearLine() throws Exception {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "hello, not a capture\n");
        Cli.Result r = Cli.run("decode", text.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().lines().toList()).containsExactly(
                "netsim: " + text + ": not a pcap or pcapng file (magic 0x68656c6c)");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aMissingFileAndAFolderAreOneClearLineEach() {
        Cli.Result missing = Cli.run("decode", dir.resolve("nope.pcap").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err().lines().toList()).containsExactly(
                "netsim: cannot read " + dir.resolve("nope.pcap") + ": no such file");
        Cli.Result folder = Cli.run("decode", dir.toString());
        assertThat(folder.exitCode()).isEqualTo(1);
        assertThat(folder.err().lines().toList()).containsExactly("netsim: cannot read " + dir + ": it is a directory");
    }

    @Test
    void aCutOffFilePrintsWhatItHoldsThenSaysWhereItEnds() throws Exception {
        byte[] whole = Files.readAllBytes(capture("websocket-only.pcap"));
        Path cut = dir.resolve("cut.pcap");
        Files.write(cut, Arrays.copyOf(whole, whole.length - 10));
        Cli.Result r = Cli.run("decode", cut.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("socket.io EVENT \"chat\" [\"hi\"]");
        assertThat(r.err().lines().toList()).singleElement().asString().startsWith("netsim: " + cut + ": truncated");
    }

    private static JsonNode find(List<JsonNode> all, long frame) {
        return all.stream().filter(m -> m.get("frame").asLong() == frame).findFirst().orElseThrow();
    }
}
