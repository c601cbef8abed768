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
import org.netsim.app.pcap.PcapFileWriter;
import org.netsim.app.testing.ExternalTool;
import org.netsim.capture.file.CaptureFileReader;
import org.netsim.capture.file.CapturedFrame;
import org.netsim.pdu.Bytes;
import org.netsim.pdu.Field;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.Protocol;
import org.netsim.stack.StackDissector;
import org.netsim.wire.ipv6.Ipv6Address;
import org.netsim.wire.ipv6.Ipv6Codec;
import org.netsim.wire.ipv6.Ipv6Extension;
import org.netsim.wire.ipv6.Ipv6Header;
import org.netsim.wire.ipv6.Ipv6Layout;
import org.netsim.wire.link.LinkLayer;
import org.netsim.wire.link.LinkType;
import org.netsim.wire.tcp.TcpCodec;
import org.netsim.wire.tcp.TcpFlags;
import org.netsim.wire.tcp.TcpHeader;

/**
 * The link types and IPv6 against tshark, the independent judge: real captures of Node's socket.io over IPv4 and over
 * IPv6 loopback, each frame's IP packet re-wrapped in every link type the decoders read and written as a pcap file
 * with that link type (through {@link PcapFileWriter}, which is how the live screen saves a capture on {@code any});
 * tshark must find the same WebSocket texts as {@code netsim decode}, and read each link header's and IPv6 header's
 * fields as our dissector does.
 */
class LinkTypesAgainstTsharkTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private record Frame(long time, byte[] packet, int etherType) {
    }

    /** The IP packets of a shipped Ethernet capture (the 14-byte header dropped). */
    private static List<Frame> packets(String name) throws IOException {
        List<Frame> out = new ArrayList<>();
        try (InputStream in = LinkTypesAgainstTsharkTest.class.getResourceAsStream(
                "/captures/node-socketio-4.8.4/" + name); CaptureFileReader r = CaptureFileReader.open(in)) {
            for (CapturedFrame f; (f = r.read()) != null; ) {
                byte[] b = f.data().toArray();
                out.add(new Frame(f.timestampNanos(), Arrays.copyOfRange(b, 14, b.length),
                        (b[12] & 0xff) << 8 | (b[13] & 0xff)));
            }
        }
        return out;
    }

    private Path write(String name, int linkType, List<Frame> frames) throws IOException {
        Path p = dir.resolve(name);
        try (PcapFileWriter w = PcapFileWriter.create(p, linkType)) {
            for (Frame f : frames) {
                w.write(f.time, LinkLayer.encode(linkType, f.etherType, f.packet));
            }
            w.commit();
        }
        try (CaptureFileReader r = CaptureFileReader.open(p)) {
            assertThat(r.read().linkType()).as("the file's link type").isEqualTo(linkType);
        }
        return p;
    }

    private static List<String> tshark(Path file, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("tshark", "-n", "-r", file.toString()));
        cmd.addAll(List.of(args));
        var t = run(cmd.toArray(String[]::new));
        assertThat(t.exitCode()).as(t.stderr()).isZero();
        return t.stdout().lines().toList();
    }

    /** tshark's WebSocket texts, "frame text", one per text frame (several in one segment are split). */
    private static List<String> tsharkTexts(Path file) throws Exception {
        List<String> out = new ArrayList<>();
        for (String line : tshark(file, "-Y", "websocket.payload.text", "-T", "fields", "-E", "aggregator=\u001f",
                "-e", "frame.number", "-e", "websocket.payload.text")) {
            String[] cols = line.split("\t", 2);
            for (String text : cols[1].split("\u001f")) {
                out.add(cols[0] + " " + text);
            }
        }
        return out;
    }

    /** Ours, from netsim decode --json, as DecodeCommandTest compares them (binary events left to their frames). */
    private static List<String> ourTexts(Path file) throws Exception {
        Cli.Result r = Cli.run("decode", "--json", file.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> out = new ArrayList<>();
        for (String line : r.out().lines().toList()) {
            JsonNode m = JSON.readTree(line);
            assertThat(m.has("malformed")).as(m.toString()).isFalse();
            if ("websocket".equals(m.get("transport").asText()) && m.get("attachments").isEmpty()
                    && !m.get("text").isNull() && !"websocket".equals(m.get("protocol").asText())) {
                out.add(m.get("frame").asLong() + " " + m.get("text").asText());
            }
        }
        return out;
    }

    @ParameterizedTest(name = "link type {0}")
    @ValueSource(ints = {LinkType.NULL, LinkType.LOOP, LinkType.RAW, LinkType.IPV4, LinkType.IPV6,
            LinkType.LINUX_SLL, LinkType.LINUX_SLL2})
    void tsharkAndNetsimFindTheSameTextsInEveryLinkType(int linkType) throws Exception {
        ExternalTool.requireTshark();
        for (String capture : new String[] {"polling-upgrade.pcap", "ipv6-polling-upgrade.pcap"}) {
            List<Frame> frames = packets(capture);
            boolean v6 = frames.get(0).etherType == 0x86dd;
            if (linkType == LinkType.IPV4 && v6 || linkType == LinkType.IPV6 && !v6) {
                continue;
            }
            Path file = write(linkType + "-" + capture, linkType, frames);
            List<String> expected = tsharkTexts(file);
            assertThat(expected).as("tshark's texts in %s", file).hasSize(6);
            assertThat(ourTexts(file)).as(file.toString()).containsExactlyElementsOf(expected);
        }
    }

    /** Per frame, the link header's fields as tshark reads them and as our dissector does. */
    @ParameterizedTest(name = "link type {0}")
    @ValueSource(ints = {LinkType.NULL, LinkType.LOOP, LinkType.LINUX_SLL, LinkType.LINUX_SLL2})
    void theLinkHeaderFieldsAreTsharks(int linkType) throws Exception {
        ExternalTool.requireTshark();
        Path file = write("fields.pcap", linkType, packets("ipv6-polling-upgrade.pcap"));
        List<String> theirs = tshark(file, "-T", "fields", "-e", "sll.pkttype", "-e", "sll.hatype", "-e",
                "sll.halen", "-e", "sll.etype", "-e", "sll.ifindex", "-e", "null.family");
        List<String> ours = new ArrayList<>();
        StackDissector d = new StackDissector();
        try (CaptureFileReader r = CaptureFileReader.open(file)) {
            for (CapturedFrame f; (f = r.read()) != null; ) {
                byte[] b = f.data().toArray();
                Pdu link = d.dissect(f.linkType(), b, 0, b.length);
                assertThat(link.firstMalformed()).isEmpty();
                String p = linkType == LinkType.LINUX_SLL ? "sll." : "sll2.";
                ours.add(switch (linkType) {
                    case LinkType.LINUX_SLL, LinkType.LINUX_SLL2 -> value(link, p + "pkttype") + "\t"
                            + value(link, p + "hatype") + "\t" + value(link, p + "halen") + "\t"
                            + String.format("0x%04x", value(link, p + "etype")) + "\t"
                            + (linkType == LinkType.LINUX_SLL2 ? value(link, "sll2.ifindex") : "") + "\t";
                    default -> "\t\t\t\t\t" + link.header(org.netsim.wire.link.NullHeader.class).orElseThrow()
                            .family();
                });
            }
        }
        assertThat(ours).containsExactlyElementsOf(theirs);
    }

    private static long value(Pdu p, String key) {
        return p.field(key).map(Field::value).orElseThrow(() -> new AssertionError("no " + key));
    }

    /** A packet with every extension header our codec walks, as tshark reads it, TCP's checksum included. */
    @Test
    void ipv6ExtensionHeadersAreReadAsTsharkReadsThem() throws Exception {
        ExternalTool.requireTshark();
        Ipv6Address src = Ipv6Address.parse("2001:db8::1");
        Ipv6Address dst = Ipv6Address.parse("2001:db8::2");
        Ipv6Address home = Ipv6Address.parse("2001:db8::99");
        Ipv6Header h = Ipv6Header.of(src, dst, 0, 64).withFlowLabel(0xabcde).withExtensions(List.of(
                new Ipv6Extension(Ipv6Layout.HOP_BY_HOP, Bytes.ofHex("2b00010400000000")),
                new Ipv6Extension(Ipv6Layout.ROUTING, Bytes.ofHex("2c02020100000000").concat(Bytes.wrap(
                        home.toBytes()))),
                new Ipv6Extension(Ipv6Layout.FRAGMENT_HEADER, Bytes.ofHex("3c00000012345678")),
                new Ipv6Extension(Ipv6Layout.DESTINATION_OPTIONS, Bytes.ofHex("0600000103000000"))));
        TcpHeader tcp = TcpHeader.builder().sourcePort(50000).destinationPort(3000).sequence(1).acknowledgement(1)
                .flags(TcpFlags.of((byte) 0x18)).window(512).build();
        byte[] packet = Ipv6Codec.encode(h, TcpCodec.encodeOverIpv6(tcp, "hello".getBytes(), src, home));
        Path file = write("ext.pcap", LinkType.IPV6, List.of(new Frame(1_000_000_000L, packet, 0x86dd)));
        List<String> theirs = tshark(file, "-o", "tcp.check_checksum:TRUE", "-T", "fields", "-E", "aggregator=,",
                "-e", "ipv6.flow", "-e", "ipv6.plen", "-e", "ipv6.nxt", "-e", "ipv6.hopopts.nxt", "-e",
                "ipv6.hopopts.len", "-e", "ipv6.routing.type", "-e", "ipv6.routing.segleft", "-e",
                "ipv6.fraghdr.ident", "-e", "ipv6.dstopts.nxt", "-e", "tcp.srcport", "-e", "tcp.checksum.status");
        Pdu ip = new StackDissector().dissect(LinkType.IPV6, packet, 0, packet.length);
        Pdu t = ip.find(Protocol.TCP).orElseThrow();
        String ours = String.format("0x%06x", value(ip, "ipv6.flow")) + "\t" + value(ip, "ipv6.plen") + "\t"
                + value(ip, "ipv6.nxt") + "\t" + value(ip, "ipv6.hopopts.nxt") + "\t" + value(ip, "ipv6.hopopts.len")
                + "\t" + value(ip, "ipv6.routing.type") + "\t" + value(ip, "ipv6.routing.segleft") + "\t"
                + String.format("0x%08x", value(ip, "ipv6.fraghdr.ident")) + "\t" + value(ip, "ipv6.dstopts.nxt") + "\t"
                + value(t, "tcp.srcport") + "\t"
                // tshark's checksum status 1 is "Good"; ours says correct, over the final destination's pseudo-header
                + (t.field("tcp.checksum").orElseThrow().display().endsWith("[correct]") ? "1" : "bad");
        assertThat(List.of(ours)).containsExactlyElementsOf(theirs);
    }
}
