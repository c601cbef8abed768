package org.netsim.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netsim.app.testing.ExternalTool.run;
import static org.netsim.app.testing.ExternalTool.tshark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netsim.app.testing.ExternalTool;

/** {@code netsim emit}, judged by tshark: the pcap must dissect cleanly and carry our exact bytes. */
class EmitCommandTest {
    @TempDir
    Path dir;

    @Test
    void pcapOpensInTsharkWithEveryChecksumValidAndNoExpertWarning() throws Exception {
        ExternalTool.requireTshark();
        Path pcap = dir.resolve("emit.pcap");
        Cli.Result r = Cli.run("emit", "--event", "chat", "--args", "[\"hi\"]", "--pcap", pcap.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("wrote 22 frames to").contains("the emit is frame 13");

        // nothing at warning level or above, nothing malformed, with IPv4 and TCP checksums verified
        var bad = run(tshark("-r", pcap.toString(), "-Y", "_ws.malformed or _ws.expert.severity >= \"Warning\"")
                .toArray(String[]::new));
        assertThat(bad.exitCode()).as(bad.stderr()).isZero();
        assertThat(bad.stdout()).isEmpty();

        // every checksum verified good (status 1), on all 22 frames
        var sums = run(tshark("-r", pcap.toString(), "-T", "fields", "-e", "ip.checksum.status",
                "-e", "tcp.checksum.status").toArray(String[]::new));
        List<String> lines = sums.stdout().lines().toList();
        assertThat(lines).hasSize(22).allMatch(l -> l.equals("1\t1"), "IPv4 and TCP checksum good");

        // tshark decodes the WebSocket conversation with no hints and finds our exact Engine.IO + Socket.IO text
        var ws = run(tshark("-r", pcap.toString(), "-Y", "frame.number == 13", "-T", "fields",
                "-e", "websocket.mask", "-e", "websocket.payload.text").toArray(String[]::new));
        assertThat(ws.stdout().strip()).isEqualTo("1\t42[\"chat\",\"hi\"]");
    }

    @Test
    void serverToClientEmitIsNotMaskedAndCarriesNamespaceAndAckId() throws Exception {
        ExternalTool.requireTshark();
        Path pcap = dir.resolve("emit.pcap");
        Cli.Result r = Cli.run("emit", "--event", "news", "--args", "[{\"title\":\"é€😀\",\"n\":1e21}]",
                "--namespace", "/admin", "--ack-id", "7", "--direction", "server-to-client", "--pcap",
                pcap.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        var texts = run(tshark("-r", pcap.toString(), "-Y", "websocket.payload.text", "-T", "fields",
                "-e", "websocket.mask", "-e", "websocket.payload.text").toArray(String[]::new));
        assertThat(texts.stdout().lines().toList()).contains(
                "1\t40/admin,",
                "0\t42/admin,7[\"news\",{\"title\":\"é€😀\",\"n\":1e+21}]",
                "1\t41/admin,");
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherBytes() throws Exception {
        Path a = dir.resolve("a.pcap");
        Path b = dir.resolve("b.pcap");
        Path c = dir.resolve("c.pcap");
        assertThat(Cli.run("emit", "--event", "x", "--seed", "42", "--pcap", a.toString()).exitCode()).isZero();
        assertThat(Cli.run("emit", "--event", "x", "--seed", "42", "--pcap", b.toString()).exitCode()).isZero();
        assertThat(Cli.run("emit", "--event", "x", "--seed", "43", "--pcap", c.toString()).exitCode()).isZero();
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        assertThat(Files.readAllBytes(a)).isNotEqualTo(Files.readAllBytes(c));
    }

    @Test
    void explainPrintsEveryLayerWithExplanations() throws Exception {
        Cli.Result r = Cli.run("emit", "--event", "chat", "--args", "[\"hi\"]", "--explain");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .startsWith("Frame 13 of 22, client → server: 99 bytes on the wire (792 bits")
                .contains("Physical, ").contains("Ethernet II, ").contains("IPv4, ").contains("TCP, ")
                .contains("WebSocket, ").contains("Engine.IO, ").contains("Socket.IO, ")
                .contains("0100 .... = Version: 4")
                .contains("Frame check sequence: ")
                .contains("[OSI 7 Application | TCP/IP Application")
                .contains("[5b 22 63 68 61 74 22 2c 22 68 69 22 5d] (masked on the wire: ")
                .contains("\n10101010 10101010 10101010 10101010 10101010 10101010 10101010 10101011\n");
        assertThat(r.out().lines().filter(l -> l.startsWith("        ")).count())
                .as("one explanation line per field").isGreaterThan(30);
    }

    /**
     * The whole printout against a stored copy, so any change to a field, a value or an explanation shows up in review.
     * After an intended change: {@code java -jar app/target/netsim.jar emit --event chat --args '["hi"]' --explain >
     * app/src/test/resources/org/netsim/app/cli/emit-chat-hi-explain.txt}.
     */
    @Test
    void explainOutputEqualsTheStoredCopy() throws Exception {
        Cli.Result r = Cli.run("emit", "--event", "chat", "--args", "[\"hi\"]", "--explain");
        String expected;
        try (var in = EmitCommandTest.class.getResourceAsStream("emit-chat-hi-explain.txt")) {
            expected = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(r.out().lines().toList()).isEqualTo(expected.lines().toList());
    }

    /**
     * A 70 KB emit leaves in 49 segments of at most 1448 bytes (a full 1514-byte frame); tshark reassembles the
     * WebSocket frame where netsim does, and {@code --explain} prints the frame that completes it, the reassembled
     * bytes with their own offsets, labelled as tshark labels its "Reassembled TCP" tab.
     */
    @Test
    void aSeventyKilobyteEmitIsReassembledWhereTsharkReassemblesItAndExplainedFromTheReassembledBytes()
            throws Exception {
        ExternalTool.requireTshark();
        String args = "[\"" + "a".repeat(70_000) + "\"]";
        Path pcap = dir.resolve("big.pcap");
        Cli.Result r = Cli.run("emit", "--event", "big", "--args", args, "--pcap", pcap.toString(), "--explain");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("(the emit is frames 13 to 61, reassembled in frame 61)")
                .contains("Frame 61 of 70, client → server: ")
                .contains("TCP, [49 reassembled TCP segments (70,026 bytes): a WebSocket frame]")
                .contains("    [Reassembled TCP segments: 49 segments, 70,026 bytes: frame 13 (1,448), frame 14 "
                        + "(1,448), ")
                .contains("WebSocket, WebSocket Text [FIN] [MASKED]  [OSI 5 Session | TCP/IP Application; Reassembled"
                        + " TCP (70026 bytes) bytes 0–70025]")
                .contains("        Reassembled TCP (70026 bytes) 2–9 [00 00 00 00 00 01 11 7c]: ");
        var bad = run(tshark("-r", pcap.toString(), "-Y", "_ws.malformed or _ws.expert.severity >= \"Warning\"")
                .toArray(String[]::new));
        assertThat(bad.stdout()).isEmpty();
        var reassembly = run(tshark("-2", "-r", pcap.toString(), "-Y", "tcp.reassembled_in or tcp.segments", "-T",
                "fields", "-e", "frame.len", "-e", "tcp.reassembled_in", "-e", "tcp.reassembled.length")
                .toArray(String[]::new));
        List<String> lines = reassembly.stdout().lines().toList();
        assertThat(lines).hasSize(49);
        assertThat(lines.subList(0, 48)).allMatch(l -> l.equals("1514\t61\t"), "a full frame, reassembled in 61");
        assertThat(lines.get(48)).endsWith("\t\t70026");
    }

    @Test
    void badJsonIsOneClearLineAndNonZeroExit() {
        Cli.Result r = Cli.run("emit", "--event", "chat", "--args", "[\"hi\",]");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().lines().toList()).hasSize(1);
        assertThat(r.err()).startsWith("netsim: --args is not valid JSON: ").contains("column");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void argsThatAreNotAnArrayAreRefused() {
        Cli.Result r = Cli.run("emit", "--event", "chat", "--args", "{\"a\":1}");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("netsim: --args must be a JSON array, like '[\"hi\"]'");
    }

    @Test
    void unknownDirectionIsRefused() {
        Cli.Result r = Cli.run("emit", "--event", "chat", "--direction", "sideways");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("'sideways' is not a direction: use client-to-server or server-to-client");
    }
}
