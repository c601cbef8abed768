package org.netsim.capture.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netsim.pdu.Bytes;

/**
 * Files written by Wireshark's editcap, tshark and dumpcap (see captures/README.txt), read and compared with what
 * tshark itself reports for them (the {@code .tshark.txt} next to each file).
 */
class ToolWrittenCapturesTest {

    private static List<CapturedFrame> read(String name) throws IOException {
        try (CaptureFileReader r = CaptureFileReader.open(resource(name))) {
            List<CapturedFrame> out = new ArrayList<>();
            r.forEachRemaining(out::add);
            return out;
        }
    }

    private static InputStream resource(String name) {
        InputStream in = ToolWrittenCapturesTest.class.getResourceAsStream("/captures/" + name);
        assertThat(in).as(name).isNotNull();
        return in;
    }

    /** One line of {@code tshark -T fields -e frame.number -e frame.time_epoch -e frame.len -e frame.cap_len}. */
    private record TsharkLine(long number, long epochNanos, int length, int capturedLength) {
        static TsharkLine parse(String line) {
            String[] f = line.split("\t");
            long nanos = new BigDecimal(f[1]).movePointRight(9).longValueExact();
            return new TsharkLine(Long.parseLong(f[0]), nanos, Integer.parseInt(f[2]), Integer.parseInt(f[3]));
        }
    }

    private static List<TsharkLine> tshark(String name) throws IOException {
        try (InputStream in = resource(name + ".tshark.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().map(TsharkLine::parse).toList();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"hand-made.pcap", "editcap.pcapng", "editcap-nsec.pcap", "editcap-nsec.pcapng",
            "editcap-snap50.pcapng", "tshark.pcapng", "two-sections.pcapng", "dumpcap-lo.pcapng"})
    void agreesWithTshark(String name) throws IOException {
        List<CapturedFrame> frames = read(name);
        List<TsharkLine> expected = tshark(name);
        assertThat(frames).hasSameSizeAs(expected);
        for (int i = 0; i < frames.size(); i++) {
            CapturedFrame f = frames.get(i);
            TsharkLine t = expected.get(i);
            assertThat(new TsharkLine(f.index(), f.timestampNanos(), f.originalLength(), f.capturedLength()))
                    .as("%s frame %d", name, i + 1).isEqualTo(t);
            assertThat(f.linkType()).isEqualTo(CapturedFrame.LINKTYPE_ETHERNET);
        }
    }

    @Test
    void everyFormatHoldsTheSameFrameBytes() throws IOException {
        List<Bytes> original = read("hand-made.pcap").stream().map(CapturedFrame::data).toList();
        assertThat(original.get(0).hexSpaced()).isEqualTo(
                "ff ff ff ff ff ff 02 00 00 00 00 01 08 06 00 01 08 00 06 04 00 01 02 00 00 00 00 01 0a 00 00 01 "
                        + "00 00 00 00 00 00 0a 00 00 02");
        for (String name : List.of("editcap.pcapng", "editcap-nsec.pcap", "editcap-nsec.pcapng", "tshark.pcapng")) {
            assertThat(read(name).stream().map(CapturedFrame::data).toList()).as(name).isEqualTo(original);
        }
        List<CapturedFrame> twoSections = read("two-sections.pcapng");
        assertThat(twoSections.stream().map(CapturedFrame::data).toList())
                .isEqualTo(List.of(original.get(0), original.get(1), original.get(2), original.get(0), original.get(1),
                        original.get(2)));
        List<CapturedFrame> snap = read("editcap-snap50.pcapng");
        assertThat(snap.get(2).data()).isEqualTo(original.get(2).slice(0, 50));
        assertThat(snap.get(2).isCutShort()).isTrue();
    }

    @Test
    void dumpcapOnLoopbackCarriesTheTwoDatagrams() throws IOException {
        List<CapturedFrame> frames = read("dumpcap-lo.pcapng");
        assertThat(frames).hasSize(2);
        // loopback: all-zero MACs, IPv4; the UDP payload is the last 21 bytes
        for (int i = 0; i < 2; i++) {
            Bytes d = frames.get(i).data();
            assertThat(d.slice(0, 14).hexSpaced()).isEqualTo("00 00 00 00 00 00 00 00 00 00 00 00 08 00");
            assertThat(d.slice(d.length() - 21, d.length()).latin1()).isEqualTo("netsim dumpcap test " + (i + 1));
        }
    }

    @Test
    void readsTheNodeSocketIoLoopbackCaptures() throws IOException {
        // tshark -r ... | wc -l gives 168 and 12 frames; the last frame's time and length from -e frame.time_epoch
        try (CaptureFileReader r = CaptureFileReader.open(ToolWrittenCapturesTest.class.getResourceAsStream(
                "/org/netsim/wire/http/node-socketio-4.8.4-sessions.pcap"))) {
            List<CapturedFrame> frames = r.stream().toList();
            assertThat(frames).hasSize(168);
            assertThat(frames.get(167).timestampNanos()).isEqualTo(1_795_580_217_607_647_000L);
            assertThat(frames.get(167).originalLength()).isEqualTo(66);
        }
        try (CaptureFileReader r = CaptureFileReader.open(ToolWrittenCapturesTest.class.getResourceAsStream(
                "/org/netsim/wire/http/node-socketio-4.8.4-curl.pcap"))) {
            assertThat(r.stream().count()).isEqualTo(12);
        }
    }
}
