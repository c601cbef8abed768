package org.netsim.capture.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netsim.capture.decode.CaptureDecoder;
import org.netsim.capture.decode.CaptureMessage;
import org.netsim.wire.link.LinkType;

/**
 * A pcapng file's interfaces each have their own link type (dumpcap writes one Interface Description Block per device,
 * so a capture on lo and any together mixes Ethernet and cooked frames): every frame carries its interface's, and the
 * decoder reads each frame by it.
 */
class InterfaceLinkTypesTest {
    private static final Path DIR = Path.of("../assets/src/main/resources/captures/node-socketio-4.8.4");

    private static List<CapturedFrame> frames(String name) throws IOException {
        List<CapturedFrame> out = new ArrayList<>();
        try (CaptureFileReader r = CaptureFileReader.open(DIR.resolve(name))) {
            r.forEachRemaining(out::add);
        }
        return out;
    }

    private static List<String> texts(List<CaptureMessage> ms) {
        return ms.stream().map(m -> m.src() + " " + m.type() + " " + m.text()).toList();
    }

    @Test
    void eachFrameHasItsInterfacesLinkTypeAndDecodesByIt() throws IOException {
        List<CapturedFrame> lo = frames("websocket-only.pcap");
        List<CapturedFrame> any = frames("any-websocket-only.pcap");
        CaptureBytes w = CaptureBytes.littleEndian().sectionHeader();
        w.interfaceDescription(LinkType.ETHERNET, 262144, null);
        w.interfaceDescription(LinkType.LINUX_SLL, 262144, null);
        for (CapturedFrame f : lo) {
            w.enhancedPacket(0, f.timestampNanos() / 1000, f.data().toArray(), f.originalLength());
        }
        for (CapturedFrame f : any) {
            w.enhancedPacket(1, f.timestampNanos() / 1000, f.data().toArray(), f.originalLength());
        }
        List<CapturedFrame> both = new ArrayList<>();
        try (CaptureFileReader r = CaptureFileReader.open(new ByteArrayInputStream(w.toArray()))) {
            r.forEachRemaining(both::add);
        }
        assertThat(both).hasSize(lo.size() + any.size());
        assertThat(both.subList(0, lo.size())).allMatch(f -> f.linkType() == LinkType.ETHERNET);
        assertThat(both.subList(lo.size(), both.size())).allMatch(f -> f.linkType() == LinkType.LINUX_SLL);

        List<CaptureMessage> mixed = new ArrayList<>();
        CaptureDecoder d = CaptureDecoder.forMessages(mixed::add);
        both.forEach(d::frame);
        d.finish();
        List<String> expected = new ArrayList<>(texts(decode(lo)));
        expected.addAll(texts(decode(any)));
        assertThat(mixed).noneMatch(CaptureMessage::isMalformed);
        assertThat(texts(mixed)).containsExactlyInAnyOrderElementsOf(expected);
    }

    private static List<CaptureMessage> decode(List<CapturedFrame> frames) {
        List<CaptureMessage> out = new ArrayList<>();
        CaptureDecoder d = CaptureDecoder.forMessages(out::add);
        frames.forEach(d::frame);
        d.finish();
        return out;
    }
}
