package org.netsim.capture.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netsim.capture.file.CaptureFileReader;
import org.netsim.capture.file.CapturedFrame;
import org.netsim.pdu.Coverage;
import org.netsim.pdu.Pdu;
import org.netsim.stack.DecodedMessage;
import org.netsim.stack.MessageExtractor;
import org.netsim.stack.StackDissector;
import org.netsim.wire.link.LinkLayer;
import org.netsim.wire.link.LinkType;

/**
 * Captures that are not IPv4 over Ethernet: real ones of Node's socket.io 4.8.4 over IPv6 loopback ([::1]) and on
 * Linux's {@code any} device (cooked capture v1 and v2), each checked against what tshark found in it (the
 * {@code .txt} beside it), and the same traffic re-wrapped in every other link type the decoders read (BSD loopback in
 * both byte orders, LOOP, raw IP), which must decode to exactly the same messages. Before, such captures gave nothing,
 * or one "[Malformed] link type ... is not Ethernet" per frame.
 */
class LinkTypesAndIpv6Test {
    static final Path DIR = CaptureDecoderTest.CAPTURES;

    record Frame(long time, int linkType, byte[] bytes) {
    }

    static List<Frame> frames(Path file) throws IOException {
        List<Frame> out = new ArrayList<>();
        try (CaptureFileReader r = CaptureFileReader.open(file)) {
            for (CapturedFrame f; (f = r.read()) != null; ) {
                out.add(new Frame(f.timestampNanos(), f.linkType(), f.data().toArray()));
            }
        }
        return out;
    }

    static List<CaptureMessage> decode(List<Frame> frames) {
        List<CaptureMessage> out = new ArrayList<>();
        CaptureDecoder d = CaptureDecoder.forMessages(out::add);
        long i = 0;
        for (Frame f : frames) {
            byte[] copy = f.bytes.clone();
            d.frame(++i, f.time, f.linkType, copy, 0, copy.length);
        }
        d.finish();
        return out;
    }

    /** The texts of the WebSocket messages, as tshark's -Y websocket.payload.text finds them (the .txt's list). */
    static List<String> tsharkTexts(String capture) throws IOException {
        List<String> lines = Files.readAllLines(DIR.resolve(capture.replace(".pcap", ".txt")));
        int at = lines.indexOf("tshark -r " + capture + " -Y websocket.payload.text -T fields -e frame.number -e "
                + "websocket.payload.text");
        assertThat(at).as("the tshark section of the notes").isPositive();
        List<String> out = new ArrayList<>();
        for (String l : lines.subList(at + 1, lines.size())) {
            if (!l.isEmpty()) {
                out.add(l.substring(l.indexOf('\t') + 1));
            }
        }
        return out;
    }

    /** Our WebSocket texts: the messages on the WebSocket transport, an attachment's BINARY aside. */
    static List<String> ourTexts(List<CaptureMessage> ms) {
        return ms.stream().filter(m -> "websocket".equals(m.transport()) && m.text() != null
                && !"websocket".equals(m.protocol())).map(CaptureMessage::text).sorted().toList();
    }

    static String line(CaptureMessage m) {
        return m.frame() + " " + m.src() + " " + m.dst() + " " + m.transport() + " " + m.protocol() + " " + m.type()
                + " " + m.text() + " " + m.attachments();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ipv6-polling-upgrade.pcap", "any-websocket-only.pcap", "any-sll2-polling-upgrade.pcap"})
    void everyWebSocketTextTsharkFindsIsDecodedAndNothingIsMalformed(String capture) throws IOException {
        List<CaptureMessage> ms = decode(frames(DIR.resolve(capture)));
        assertThat(ms).noneMatch(CaptureMessage::isMalformed).noneMatch(CaptureMessage::isGap);
        List<String> expected = new ArrayList<>(tsharkTexts(capture));
        expected.sort(null);
        assertThat(ourTexts(ms)).isEqualTo(expected);
    }

    @Test
    void ipv6EndpointsArePrintedInBrackets() throws IOException {
        List<CaptureMessage> ms = decode(frames(DIR.resolve("ipv6-polling-upgrade.pcap")));
        assertThat(ms).filteredOn(m -> "some-event".equals(m.event())).singleElement().satisfies(m -> {
            assertThat(m.src()).isEqualTo("[::1]:52782");
            assertThat(m.dst()).isEqualTo("[::1]:3591");
            assertThat(m.args()).isEqualTo("[\"hello\"]");
        });
        // the polling handshake is there too: the open packet in the first GET's answer
        assertThat(ms.get(0).type()).isEqualTo("OPEN");
        assertThat(ms.get(0).transport()).isEqualTo("polling");
        assertThat(ms.get(0).src()).isEqualTo("[::1]:3591");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ipv6-polling-upgrade.pcap", "any-websocket-only.pcap", "any-sll2-polling-upgrade.pcap"})
    void theFrameByFrameDissectorOwnsEveryByteAndFindsTheSameMessages(String capture) throws IOException {
        StackDissector d = new StackDissector();
        MessageExtractor x = new MessageExtractor();
        List<String> found = new ArrayList<>();
        long n = 0;
        for (Frame f : frames(DIR.resolve(capture))) {
            Pdu root = d.dissect(f.linkType, f.bytes, 0, f.bytes.length);
            assertThat(Coverage.problems(root, 0, f.bytes.length)).as("frame %d", n + 1).isEmpty();
            for (DecodedMessage m : x.accept(++n, f.time, root)) {
                assertThat(m.malformed()).as("frame %d", n).isNull();
                found.add(m.frame() + " " + m.src() + " " + m.dst() + " " + m.text());
            }
        }
        List<String> reassembled = decode(frames(DIR.resolve(capture))).stream()
                .filter(m -> m.attachments().isEmpty() && !"BINARY_EVENT".equals(m.type()))
                .map(m -> m.frame() + " " + m.src() + " " + m.dst() + " " + m.text()).toList();
        assertThat(found).containsAll(reassembled);
    }

    /** The IPv4 and the IPv6 capture, each frame's IP packet put in every other link type, decode the same. */
    @ParameterizedTest
    @ValueSource(ints = {LinkType.NULL, LinkType.LOOP, LinkType.RAW, LinkType.IPV4, LinkType.IPV6, LinkType.LINUX_SLL,
            LinkType.LINUX_SLL2})
    void theSameTrafficInEveryLinkTypeDecodesToTheSameMessages(int linkType) throws IOException {
        for (String capture : new String[] {"polling-upgrade.pcap", "websocket-only.pcap",
                "ipv6-polling-upgrade.pcap"}) {
            List<Frame> ethernet = frames(DIR.resolve(capture));
            int etherType = (ethernet.get(0).bytes[12] & 0xff) << 8 | (ethernet.get(0).bytes[13] & 0xff);
            if (linkType == LinkType.IPV4 && etherType != 0x0800 || linkType == LinkType.IPV6 && etherType != 0x86dd) {
                continue;
            }
            List<Frame> rewrapped = new ArrayList<>();
            for (Frame f : ethernet) {
                byte[] packet = java.util.Arrays.copyOfRange(f.bytes, 14, f.bytes.length);
                rewrapped.add(new Frame(f.time, linkType, LinkLayer.encode(linkType, etherType, packet)));
            }
            List<String> expected = decode(ethernet).stream().map(LinkTypesAndIpv6Test::line).toList();
            assertThat(expected).isNotEmpty();
            assertThat(decode(rewrapped).stream().map(LinkTypesAndIpv6Test::line).toList()).as(capture)
                    .isEqualTo(expected);
        }
    }

    @Test
    void anUnknownLinkTypeIsSaidOnceNotPerFrame() throws IOException {
        List<Frame> frames = new ArrayList<>();
        for (Frame f : frames(DIR.resolve("websocket-only.pcap"))) {
            frames.add(new Frame(f.time, 105, f.bytes));
        }
        List<CaptureMessage> ms = decode(frames);
        assertThat(ms).singleElement().satisfies(m -> {
            assertThat(m.isMalformed()).isTrue();
            assertThat(m.frame()).isEqualTo(1);
            assertThat(m.malformed()).isEqualTo("link type 105 (IEEE802_11) is not decoded; netsim reads Ethernet "
                    + "(1), Linux cooked capture (113, 276: the any device), BSD loopback (0, 108: macOS's lo0) and "
                    + "raw IP (101, 228, 229): its frames are skipped");
        });
    }

    @Test
    void anIpv6FragmentIsReportedOnceAndABrokenPacketWithItsReason() throws IOException {
        List<Frame> frames = new ArrayList<>(frames(DIR.resolve("ipv6-polling-upgrade.pcap")));
        byte[] probe = frames.get(30).bytes; // frame 31, the client's 2probe
        // the same TCP bytes as the first of two fragments (next header 44, offset 0, M set), then the second
        byte[] first = fragment(probe, 0, true);
        byte[] second = fragment(probe, 8, false);
        frames.add(new Frame(0, 1, first));
        frames.add(new Frame(0, 1, second));
        frames.add(new Frame(0, 1, java.util.Arrays.copyOf(probe, 64)));
        frames.add(new Frame(0, 1, java.util.Arrays.copyOf(probe, 50)));
        List<CaptureMessage> ms = decode(frames);
        assertThat(ms).filteredOn(CaptureMessage::isMalformed).extracting(m -> m.frame() + " " + m.src() + " "
                + m.malformed()).containsExactly(
                "67 ::1 IPv6: fragmented packet (identification 0x0000abcd) is not reassembled (netsim reassembles "
                        + "IPv4 fragments only)",
                "69 ::1 IPv6: payload length 44 exceeds the 10 bytes available after the header",
                "70  IPv6: truncated: 36 bytes, the IPv6 header needs 40");
    }

    /** {@code frame} (Ethernet, IPv6, TCP) with a Fragment header put before its TCP header. */
    private static byte[] fragment(byte[] frame, int offset, boolean more) {
        int ip = 14;
        byte[] out = new byte[frame.length + 8];
        System.arraycopy(frame, 0, out, 0, ip + 40);
        System.arraycopy(frame, ip + 40, out, ip + 48, frame.length - ip - 40);
        int plen = ((frame[ip + 4] & 0xff) << 8 | (frame[ip + 5] & 0xff)) + 8;
        out[ip + 4] = (byte) (plen >>> 8);
        out[ip + 5] = (byte) plen;
        out[ip + 6] = 44;
        out[ip + 40] = 6;
        int field = offset << 3 | (more ? 1 : 0);
        out[ip + 42] = (byte) (field >>> 8);
        out[ip + 43] = (byte) field;
        out[ip + 46] = (byte) 0xab;
        out[ip + 47] = (byte) 0xcd;
        return out;
    }
}
