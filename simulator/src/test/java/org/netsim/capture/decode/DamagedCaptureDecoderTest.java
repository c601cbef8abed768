package org.netsim.capture.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netsim.capture.decode.CaptureDecoderTest.ALL;
import static org.netsim.capture.decode.CaptureDecoderTest.decode;
import static org.netsim.capture.decode.CaptureDecoderTest.frames;
import static org.netsim.capture.decode.CaptureDecoderTest.texts;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netsim.capture.decode.CaptureDecoderTest.Frame;
import org.netsim.capture.file.CapturedFrame;
import org.netsim.pdu.Coverage;
import org.netsim.pdu.Pdu;
import org.netsim.random.SeededRandom;

/**
 * The decoder on the real captures damaged: segments reordered, duplicated, overlapping, lost, cut short or garbled,
 * and random bytes. The same messages come out, or the damage is a gap or a malformed PDU with its reason; nothing
 * throws.
 */
class DamagedCaptureDecoderTest {
    /**
     * Each message without its frame numbers, to compare decodes of differently ordered captures. Without the emit an
     * ACK answers: an ACK captured before its emit (frames swapped across directions) cannot be joined to it.
     */
    static List<String> content(List<CaptureMessage> ms) {
        List<String> out = new ArrayList<>();
        for (CaptureMessage m : ms) {
            out.add(m.kind() + " " + m.src() + ">" + m.dst() + " " + m.protocol() + " " + m.type() + " "
                    + m.namespace() + " " + m.event() + " " + m.args() + " " + m.ackId() + " " + m.attachments()
                    + " " + m.text() + " " + m.malformed());
        }
        out.sort(null);
        return out;
    }

    static int ipStart(byte[] f) {
        return 14;
    }

    static int payloadStart(byte[] f) {
        int ihl = (f[14] & 0x0f) * 4;
        return 14 + ihl + ((f[14 + ihl + 12] & 0xf0) >>> 4) * 4;
    }

    static boolean hasPayload(byte[] f) {
        return f.length > payloadStart(f);
    }

    /** The same segment carrying only payload bytes [from, to): sequence number and IPv4 total length adjusted. */
    static byte[] slice(byte[] f, int from, int to) {
        int p = payloadStart(f);
        byte[] out = new byte[p + (to - from)];
        System.arraycopy(f, 0, out, 0, p);
        System.arraycopy(f, p + from, out, p, to - from);
        int total = out.length - 14;
        out[16] = (byte) (total >>> 8);
        out[17] = (byte) total;
        int tcp = 14 + (f[14] & 0x0f) * 4;
        long seq = ((f[tcp + 4] & 0xffL) << 24 | (f[tcp + 5] & 0xffL) << 16 | (f[tcp + 6] & 0xffL) << 8
                | (f[tcp + 7] & 0xffL)) + from;
        out[tcp + 4] = (byte) (seq >>> 24);
        out[tcp + 5] = (byte) (seq >>> 16);
        out[tcp + 6] = (byte) (seq >>> 8);
        out[tcp + 7] = (byte) seq;
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"polling-upgrade.pcap", "polling-only.pcap", "websocket-only.pcap", "large-payload.pcap",
            "rooms-broadcast.pcap", "heartbeat-polling.pcap"})
    void reorderedDuplicatedAndOverlappingSegmentsGiveTheSameMessages(String name) throws IOException {
        List<Frame> frames = frames(name);
        List<String> reference = content(decode(frames));

        List<Frame> swapped = new ArrayList<>(frames);
        for (int i = 0; i + 1 < swapped.size(); i += 2) {
            Frame a = swapped.get(i);
            swapped.set(i, swapped.get(i + 1));
            swapped.set(i + 1, a);
        }
        assertThat(content(decode(swapped))).as("adjacent frames swapped").isEqualTo(reference);

        List<Frame> reversed = new ArrayList<>();
        for (int i = 0; i < frames.size(); i += 5) {
            List<Frame> window = new ArrayList<>(frames.subList(i, Math.min(i + 5, frames.size())));
            java.util.Collections.reverse(window);
            reversed.addAll(window);
        }
        assertThat(content(decode(reversed))).as("windows of five reversed").isEqualTo(reference);

        List<Frame> duplicated = new ArrayList<>();
        for (Frame f : frames) {
            duplicated.add(f);
            if (hasPayload(f.bytes())) {
                duplicated.add(f);
            }
        }
        assertThat(content(decode(duplicated))).as("every data segment twice").isEqualTo(reference);

        List<Frame> overlapping = new ArrayList<>();
        for (Frame f : frames) {
            int n = f.bytes().length - payloadStart(f.bytes());
            if (n >= 4) {
                // the segment's first three quarters, then (as a retransmission would) its second half again, then all
                overlapping.add(new Frame(f.time(), slice(f.bytes(), 0, n * 3 / 4)));
                overlapping.add(new Frame(f.time(), slice(f.bytes(), n / 2, n)));
            } else {
                overlapping.add(f);
            }
        }
        assertThat(content(decode(overlapping))).as("segments split with overlaps").isEqualTo(reference);
    }

    @Test
    void aLostSegmentIsAGapWithItsByteCountAndTheMessagesAfterItStillDecode() throws IOException {
        List<Frame> frames = new ArrayList<>(frames("large-payload.pcap"));
        frames.remove(16); // frame 17: the second 32768 bytes of the client's 70 KB frame
        List<CaptureMessage> ms = decode(frames);
        CaptureMessage gap = ms.stream().filter(CaptureMessage::isGap).findFirst().orElseThrow();
        assertThat(gap.missing()).isEqualTo(32768);
        assertThat(gap.src()).isEqualTo("127.0.0.1:41564");
        // numbered in the damaged capture: the old frame 19 is now 18
        assertThat(gap.frame()).isEqualTo(18);
        assertThat(ms).filteredOn(CaptureMessage::isMalformed).extracting(CaptureMessage::malformed)
                .containsExactly("WebSocket: frame of 70026 bytes incomplete: 32768 bytes of it not captured");
        assertThat(ms).filteredOn(m -> "127.0.0.1:41564".equals(m.src()) && m.kind() == CaptureMessage.Kind.MESSAGE)
                .extracting(CaptureMessage::type).containsExactly("CONNECT", "EVENT", "DISCONNECT", "CONNECTION CLOSE");
        assertThat(ms).filteredOn(m -> "big".equals(m.event())).extracting(CaptureMessage::src)
                .containsExactly("127.0.0.1:3000");
    }

    @Test
    void aLostSegmentBetweenMessagesIsAGapAndDecodingResumesAtTheNextFrame() throws IOException {
        List<Frame> frames = new ArrayList<>(frames("websocket-only.pcap"));
        frames.remove(12); // frame 13: 42["chat","hi"]
        List<CaptureMessage> ms = decode(frames);
        assertThat(ms).filteredOn(CaptureMessage::isGap).extracting(CaptureMessage::missing).containsExactly(21L);
        assertThat(ms).noneMatch(CaptureMessage::isMalformed);
        assertThat(ms).noneMatch(m -> "chat".equals(m.event()));
        assertThat(texts(ms)).hasSize(texts(decode(frames("websocket-only.pcap"))).size() - 1);
    }

    @Test
    void garbageInTheMiddleOfAWebSocketStreamIsMalformedWithItsReasonAndTheNextFrameDecodes() throws IOException {
        List<Frame> frames = new ArrayList<>(frames("websocket-only.pcap"));
        byte[] chat = frames.get(12).bytes().clone();
        Arrays.fill(chat, payloadStart(chat), chat.length, (byte) 0xff);
        frames.set(12, new Frame(frames.get(12).time(), chat));
        List<CaptureMessage> ms = decode(frames);
        assertThat(ms).filteredOn(CaptureMessage::isMalformed).singleElement().satisfies(m -> {
            assertThat(m.frame()).isEqualTo(13);
            assertThat(m.malformed()).isEqualTo("WebSocket: invalid payload length: the most significant bit of the "
                    + "64-bit length MUST be 0 (RFC 6455 §5.2)");
        });
        assertThat(ms).anyMatch(m -> "x".equals(m.event()) && m.frame() == 15);
    }

    @Test
    void aFrameCutShortByTheCaptureIsMalformedAndNothingBreaks() throws IOException {
        List<Frame> frames = new ArrayList<>(frames("websocket-only.pcap"));
        byte[] chat = frames.get(12).bytes();
        frames.set(12, new Frame(frames.get(12).time(), Arrays.copyOf(chat, chat.length - 10)));
        List<CaptureMessage> ms = decode(frames);
        CaptureMessage cut = ms.stream().filter(m -> m.frame() == 13).findFirst().orElseThrow();
        assertThat(cut.malformed()).isEqualTo("IPv4: total length 73 exceeds the 63 bytes available");
        assertThat(cut.src()).isEqualTo("127.0.0.1");
        assertThat(ms).anyMatch(m -> "x".equals(m.event()));
        assertThat(ms).anyMatch(m -> "WebSocket: frame of 21 bytes incomplete: 10 bytes of it not captured"
                .equals(m.malformed()));
    }

    @Test
    void everyPduKeptForAMessageOwnsEachOfItsBytes() throws IOException {
        for (String name : ALL) {
            for (CaptureMessage m : decode(frames(name), CaptureDecoder.Options.DEFAULT.withPdus())) {
                if (m.kind() == CaptureMessage.Kind.MESSAGE) {
                    assertThat(m.pdus()).as(name + " " + m).isNotEmpty();
                }
                for (Pdu p : m.pdus()) {
                    assertThat(Coverage.problems(p, p.offset(), p.length())).as(name + " " + m).isEmpty();
                }
            }
        }
    }

    @Test
    void randomDamageNeverThrows() throws IOException {
        SeededRandom random = new SeededRandom(5);
        for (String name : ALL) {
            List<Frame> frames = frames(name);
            for (int round = 0; round < 20; round++) {
                List<Frame> damaged = new ArrayList<>();
                for (Frame f : frames) {
                    byte[] b = f.bytes().clone();
                    int kind = random.nextInt(10);
                    if (kind == 0 && b.length > 1) {
                        b = Arrays.copyOf(b, random.nextInt(b.length));
                    } else if (kind == 1) {
                        b[random.nextInt(b.length)] ^= (byte) (1 + random.nextInt(255));
                    } else if (kind == 2) {
                        continue;
                    }
                    damaged.add(new Frame(f.time(), b));
                }
                List<CaptureMessage> ms = decode(damaged, CaptureDecoder.Options.DEFAULT.withPdus());
                assertThat(ms).allSatisfy(m -> assertThat(m.kind() != CaptureMessage.Kind.MALFORMED
                        || !m.malformed().isEmpty()).isTrue());
            }
        }
        byte[] noise = new byte[2000];
        for (int i = 0; i < 200; i++) {
            for (int k = 0; k < noise.length; k++) {
                noise[k] = (byte) random.nextInt(256);
            }
            CaptureDecoder d = CaptureDecoder.forMessages(m -> { });
            d.frame(i + 1, 0, CapturedFrame.LINKTYPE_ETHERNET, noise.clone(), 0, random.nextInt(noise.length));
            d.finish();
        }
    }
}
