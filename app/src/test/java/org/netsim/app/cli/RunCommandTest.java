package org.netsim.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netsim.app.testing.ExternalTool.run;
import static org.netsim.app.testing.ExternalTool.tshark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.netsim.app.testing.ExternalTool;
import org.netsim.pdu.Protocol;
import org.netsim.scenario.Scenario;
import org.netsim.scenario.ScenarioFile;
import org.netsim.scenario.ScenarioRun;
import org.netsim.scenario.ScenarioRunner;
import org.netsim.timeline.Direction;
import org.netsim.timeline.TimelineEvent;
import org.netsim.timeline.Unit;

/** Every shipped scenario, written as pcap by {@code netsim run}, judged by tshark. */
class RunCommandTest {
    @TempDir
    Path dir;

    /** Scenario, capture point whose Socket.IO texts are checked, and texts that must appear there in this order. */
    static Stream<Arguments> scenarios() {
        return Stream.of(
                // the server answers the GET still pending during the upgrade with a noop (6), then the client sends 5
                Arguments.of("one-client.yaml", "server", List.of("0{\"sid\"", "40", "40{\"sid\"", "2probe", "3probe",
                        "6", "5", "42[\"chat\",\"hi\"]", "42[\"chat\",\"hi\"]", "420[\"question\",\"the answer?\"]",
                        "430[\"42\"]", "41")),
                Arguments.of("broadcast-three-clients.yaml", "bob", List.of("40{\"sid\"",
                        "42[\"chat\",\"hello, everyone else\"]", "42[\"news\",\"for all three\"]", "41")),
                Arguments.of("rooms.yaml", "bob", List.of("42[\"lesson\",\"fractions\"]",
                        "42[\"whisper\",\"from alice\"]", "41")),
                Arguments.of("rooms.yaml", "carol", List.of("40/admin,{\"token\":\"teacher\"}",
                        "42/admin,[\"staff\",\"meeting at 4\"]", "42[\"private\",{\"grade\":17}]", "41/admin,")),
                Arguments.of("lossy-retransmission.yaml", "server", List.of("40",
                        "42[\"chat\",\"does this arrive?\"]", "42[\"chat\",\"does this arrive?\"]", "41")),
                Arguments.of("router-two-subnets.yaml", "server", List.of("40", "5",
                        "42[\"chat\",\"across the router\"]", "41")),
                Arguments.of("small-mtu.yaml", "server", List.of("40", "42[\"essay\",\"Fragmentation splits")),
                Arguments.of("slow-reader.yaml", "server", List.of("40", "420[\"upload\",\"0123456789",
                        "430[\"stored\"]", "41")));
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("scenarios")
    void tsharkFindsValidChecksumsCleanSequenceAnalysisAndTheMessagesInOrder(String scenario, String point,
                                                                           List<String> expected) throws Exception {
        ExternalTool.requireTshark();
        Cli.Result r = Cli.run("run", scenario, "--out", dir.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        judge(dir, scenario.startsWith("lossy"));
        assertInOrder(texts(dir.resolve(point + ".pcap")), expected);
    }

    /** Every pcap in {@code dir}: nothing malformed, every checksum valid, clean TCP sequence analysis. */
    static void judge(Path dir, boolean lossy) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path pcap : files.filter(f -> f.toString().endsWith(".pcap")).toList()) {
                String f = pcap.toString();
                var bad = run(tshark("-r", f, "-Y", "_ws.malformed or ip.checksum.status == 2 or "
                        + "tcp.checksum.status == 2 or tcp.analysis.ack_lost_segment"
                        + (lossy ? "" : " or tcp.analysis.lost_segment or tcp.analysis.retransmission"))
                        .toArray(String[]::new));
                assertThat(bad.exitCode()).as(bad.stderr()).isZero();
                assertThat(bad.stdout()).as(f).isEmpty();
                var sums = run(tshark("-r", f, "-Y", "ip", "-T", "fields", "-e", "ip.checksum.status")
                        .toArray(String[]::new));
                assertThat(sums.stdout().lines().toList()).as(f).isNotEmpty().allMatch("1"::equals);
            }
        }
    }

    /** The WebSocket texts and polling bodies tshark finds, each Engine.IO packet of a polling body on its own. */
    static List<String> texts(Path pcap) throws Exception {
        var texts = run(tshark("-r", pcap.toString(), "-Y",
                "websocket.payload.text or urlencoded-form or http.file_data", "-T", "fields",
                "-e", "websocket.payload.text", "-e", "http.file_data").toArray(String[]::new));
        List<String> seen = new ArrayList<>();
        for (String line : texts.stdout().lines().toList()) {
            for (String part : line.split("[\t,]?\u001e|\t")) {
                if (!part.isEmpty()) {
                    seen.add(part);
                }
            }
        }
        return seen;
    }

    static void assertInOrder(List<String> seen, List<String> expected) {
        int at = 0;
        for (String want : expected) {
            int found = -1;
            for (int i = at; i < seen.size(); i++) {
                if (seen.get(i).startsWith(want)) {
                    found = i;
                    break;
                }
            }
            assertThat(found).as("%s after position %d in %s", want, at, seen).isGreaterThanOrEqualTo(0);
            at = found + 1;
        }
    }

    @Test
    void lossyScenarioHasItsRetransmissionMarkedByTshark() throws Exception {
        ExternalTool.requireTshark();
        Cli.Result r = Cli.run("run", "lossy-retransmission.yaml", "--out", dir.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        var re = run(tshark("-r", dir.resolve("alice.pcap").toString(), "-Y", "tcp.analysis.retransmission",
                "-T", "fields", "-e", "ip.src", "-e", "tcp.len").toArray(String[]::new));
        // the emit (6-byte masked WebSocket header + 30 bytes: 42["chat","does this arrive?"]) goes again from Alice
        assertThat(re.stdout().lines().toList()).contains("192.168.1.2\t36");
    }

    @Test
    void slowReaderScenarioHasTsharkMarkTheZeroWindowTheProbesAndTheWindowUpdates() throws Exception {
        ExternalTool.requireTshark();
        Cli.Result r = Cli.run("run", "slow-reader.yaml", "--out", dir.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        for (String point : List.of("alice", "server")) {
            var marks = run(tshark("-r", dir.resolve(point + ".pcap").toString(), "-Y", "tcp.analysis.zero_window "
                    + "or tcp.analysis.window_update or tcp.analysis.keep_alive or tcp.analysis.zero_window_probe",
                    "-T", "fields", "-e", "ip.src", "-e", "tcp.len", "-e", "tcp.analysis.zero_window",
                    "-e", "tcp.analysis.window_update", "-e", "tcp.analysis.keep_alive",
                    "-e", "tcp.analysis.zero_window_probe").toArray(String[]::new));
            assertThat(marks.exitCode()).as(marks.stderr()).isZero();
            List<String[]> rows = marks.stdout().lines().map(l -> l.split("\t", -1)).toList();
            // the server (192.168.1.1) advertises the zero window and the updates; Alice sends the probes
            List<String[]> zero = rows.stream().filter(f -> !f[2].isEmpty()).toList();
            List<String[]> updates = rows.stream().filter(f -> !f[3].isEmpty()).toList();
            List<String[]> probes = rows.stream().filter(f -> !f[4].isEmpty()).toList();
            assertThat(zero).as(point).hasSizeGreaterThan(3).allMatch(f -> f[0].equals("192.168.1.1"));
            assertThat(updates).as(point).hasSizeGreaterThan(3).allMatch(f -> f[0].equals("192.168.1.1"));
            // Linux probes with no data one byte before SND.UNA: Wireshark calls that a keep-alive; its
            // "zero window probe" is the other style, one byte of new data at SND.NXT, which Linux does not send
            assertThat(probes).as(point).hasSizeGreaterThan(3)
                    .allMatch(f -> f[0].equals("192.168.1.2") && f[1].equals("0"));
            assertThat(rows).as(point).noneMatch(f -> !f[5].isEmpty());
        }
    }

    @Test
    void smallMtuScenarioFragmentsOnTheNarrowLinkOnly() throws Exception {
        ExternalTool.requireTshark();
        Cli.Result r = Cli.run("run", "small-mtu.yaml", "--out", dir.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        var narrow = run(tshark("-r", dir.resolve("r1.eth1.pcap").toString(), "-Y", "ip.flags.mf == 1",
                "-T", "fields", "-e", "ip.len").toArray(String[]::new));
        assertThat(narrow.stdout().lines().toList()).isNotEmpty().allMatch(l -> Integer.parseInt(l) <= 576);
        var lan = run(tshark("-r", dir.resolve("alice.pcap").toString(), "-Y", "ip.flags.mf == 1 or "
                + "ip.frag_offset > 0").toArray(String[]::new));
        assertThat(lan.stdout()).isEmpty();
    }

    /**
     * The server's cable loses ten frames in a row (about 2 s) from the ping of 1.2 s: both heartbeats time out, the
     * client disconnects ("ping timeout"), reconnects after its back-off with a new handshake, and sends the emit it
     * buffered. The capture is still clean: TCP retransmits what was lost, tshark marks it, nothing is malformed.
     */
    static final String OUTAGE = """
            name: An outage and a reconnection
            seed: 8
            hosts:
              - {name: server, ip: 192.168.1.1/24}
              - {name: alice, ip: 192.168.1.2/24}
            switches: [{name: switch}]
            links:
              - {name: lan1, between: [server, switch], drop: [%s]}
              - {name: lan2, between: [alice, switch]}
            server:
              host: server
              pingInterval: 300
              pingTimeout: 200
              on: [{event: chat, emit: socket.emit}]
            clients: [{host: alice}]
            script:
              - {at: 500ms, client: alice, emit: chat, args: ["before"]}
              - {at: 1600ms, client: alice, emit: chat, args: ["while away"]}
              - {at: 5s, client: alice, disconnect: true}
            """;

    /** The ten frame numbers on lan1 from the first frame sent there at 1.2 s or later, found by a run without loss. */
    static String outageDrops() {
        Scenario s = ScenarioFile.read(new java.io.ByteArrayInputStream(OUTAGE.formatted("")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)), "outage.yaml");
        ScenarioRun run = ScenarioRunner.run(s);
        int n = 0;
        for (TimelineEvent e : run.timeline().query().direction(Direction.WIRE).protocol(Protocol.PHYSICAL).list()) {
            if (((Unit.Hop) e.unit()).link().equals("lan1")) {
                n++;
                if (e.timeNanos() >= ScenarioRunner.START_NANOS + 1_200_000_000L) {
                    int first = n;
                    return String.join(", ", IntStream.range(first, first + 10).mapToObj(Integer::toString).toList());
                }
            }
        }
        throw new AssertionError("lan1 carries nothing after 1.2 s");
    }

    @Test
    void anOutageAndTheReconnectionAfterItAreCleanInTshark() throws Exception {
        ExternalTool.requireTshark();
        Path file = dir.resolve("outage.yaml");
        Files.writeString(file, OUTAGE.formatted(outageDrops()));
        Path out = dir.resolve("out");
        Cli.Result r = Cli.run("run", file.toString(), "--out", out.toString(), "--timeline");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("no ping for 500 ms", "disconnected from namespace / (ping timeout)",
                "reconnect attempt 1", "reconnected after 1 attempt");
        judge(out, true);
        var re = run(tshark("-r", out.resolve("server.pcap").toString(), "-Y", "tcp.analysis.retransmission",
                "-T", "fields", "-e", "ip.src").toArray(String[]::new));
        assertThat(re.stdout().lines().toList()).contains("192.168.1.1");
        // two sessions, each with its CONNECT; the emit made while disconnected follows the second, and is echoed
        assertInOrder(texts(out.resolve("alice.pcap")), List.of("0{\"sid\"", "40", "40{\"sid\"", "2probe",
                "3probe", "5", "42[\"chat\",\"before\"]", "42[\"chat\",\"before\"]", "0{\"sid\"", "40",
                "40{\"sid\"", "42[\"chat\",\"while away\"]", "42[\"chat\",\"while away\"]", "41"));
    }

    @Test
    void aShippedScenarioRunsByItsBareName() throws Exception {
        Cli.Result r = Cli.run("run", "one-client", "--out", dir.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(dir.resolve("server.pcap")).exists();
        assertThat(dir.resolve("alice.pcap")).exists();
        assertThat(Files.readAllBytes(dir.resolve("server.pcap"))).hasSizeGreaterThan(1000);
    }

    @Test
    void badScenarioGivesOneLine() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "name: x\nhostz: []\n");
        Cli.Result r = Cli.run("run", bad.toString(), "--out", dir.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().strip()).startsWith("netsim: bad.yaml: unknown key \"hostz\"").doesNotContain("\n");
        Cli.Result missing = Cli.run("run", "no-such.yaml");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("no scenario file no-such.yaml");
    }
}
