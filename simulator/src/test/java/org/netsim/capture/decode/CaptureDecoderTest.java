package org.netsim.capture.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netsim.capture.file.CaptureFileReader;
import org.netsim.capture.file.CapturedFrame;
import org.netsim.pdu.Bytes;
import org.netsim.pdu.Coverage;
import org.netsim.pdu.Pdu;
import org.netsim.random.SeededRandom;

/**
 * The decoder on real captures of Node's socket.io 4.8.4 (assets/src/main/resources/captures/node-socketio-4.8.4,
 * recorded on loopback; each .pcap has a .txt listing every frame and what it carries), on the same captures with
 * segments reordered, duplicated, overlapping, lost, cut short or garbled, and on random bytes.
 */
class CaptureDecoderTest {
    static final Path CAPTURES = Path.of("../assets/src/main/resources/captures/node-socketio-4.8.4");
    static final String[] ALL = {"polling-upgrade.pcap", "polling-upgrade-noop.pcap", "polling-only.pcap",
            "websocket-only.pcap", "rooms-broadcast.pcap", "heartbeat.pcap", "heartbeat-polling.pcap",
            "large-payload.pcap", "json-edge.pcap"};

    record Frame(long time, byte[] bytes) {
    }

    static List<Frame> frames(String name) throws IOException {
        List<Frame> out = new ArrayList<>();
        try (CaptureFileReader r = CaptureFileReader.open(CAPTURES.resolve(name))) {
            for (CapturedFrame f; (f = r.read()) != null; ) {
                out.add(new Frame(f.timestampNanos(), f.data().toArray()));
            }
        }
        return out;
    }

    static List<CaptureMessage> decode(List<Frame> frames, CaptureDecoder.Options options) {
        List<CaptureMessage> out = new ArrayList<>();
        CaptureDecoder d = CaptureDecoder.forMessages(out::add, options);
        long i = 0;
        for (Frame f : frames) {
            byte[] copy = f.bytes.clone();
            d.frame(++i, f.time, CapturedFrame.LINKTYPE_ETHERNET, copy, 0, copy.length);
        }
        d.finish();
        return out;
    }

    static List<CaptureMessage> decode(List<Frame> frames) {
        return decode(frames, CaptureDecoder.Options.DEFAULT);
    }

    // ------------------------------------------------------------------------------- what the .txt says was sent

    /** A text packet of the .txt (the frame that carried its first byte, its text) or a binary attachment's hex. */
    record Expected(List<String> texts, List<String> binaries) {
    }

    private static final Pattern FRAME = Pattern.compile("^#(\\d+)\\s");
    private static final Pattern RUN = Pattern.compile("<(.) x (\\d+)>");
    private static final Pattern ESCAPE = Pattern.compile("\\\\u\\{([0-9A-F]+)\\}");

    /** Undoes the .txt's shorthand: runs written {@code <c x n>}, characters written {@code \\u{XXXX}}. */
    static String expand(String s) {
        Matcher m = RUN.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1).repeat(Integer.parseInt(m.group(2)))));
        }
        m.appendTail(sb);
        Matcher e = ESCAPE.matcher(sb.toString());
        StringBuilder out = new StringBuilder();
        while (e.find()) {
            e.appendReplacement(out, Matcher.quoteReplacement(new String(Character.toChars(
                    Integer.parseInt(e.group(1), 16)))));
        }
        e.appendTail(out);
        return out.toString();
    }

    static Expected expected(String pcap) throws IOException {
        List<String> lines = Files.readAllLines(CAPTURES.resolve(pcap.replace(".pcap", ".txt")));
        List<String> texts = new ArrayList<>();
        List<String> binaries = new ArrayList<>();
        long frame = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher f = FRAME.matcher(line);
            if (f.find()) {
                frame = Long.parseLong(f.group(1));
                continue;
            }
            String t = line.strip();
            String next = i + 1 < lines.size() ? lines.get(i + 1).strip() : "";
            if (t.startsWith("payload text: ")) {
                texts.add(frame + " " + expand(t.substring("payload text: ".length())));
            } else if (t.matches("body \\d+ bytes: .*") && next.startsWith("Engine.IO")) {
                String body = expand(t.substring(t.indexOf(": ") + 2));
                for (String packet : body.split("\u001e")) {
                    if (packet.startsWith("b")) {
                        binaries.add(HexFormat.of().formatHex(Base64.getDecoder().decode(packet.substring(1))));
                    } else {
                        texts.add(frame + " " + packet);
                    }
                }
            } else if (t.startsWith("Engine.IO binary message (no type prefix over WebSocket): ")) {
                binaries.add(t.substring(t.indexOf(": ") + 2).replace(" ", ""));
            }
        }
        return new Expected(texts, binaries);
    }

    static List<String> texts(List<CaptureMessage> messages) {
        List<CaptureMessage> sorted = new ArrayList<>(messages);
        sorted.sort(Comparator.comparingLong(CaptureMessage::firstFrame));
        List<String> out = new ArrayList<>();
        for (CaptureMessage m : sorted) {
            if (m.kind() == CaptureMessage.Kind.MESSAGE && m.text() != null && !"websocket".equals(m.protocol())) {
                out.add(m.firstFrame() + " " + m.text());
            }
        }
        return out;
    }

    static List<String> binaries(List<CaptureMessage> messages) {
        List<String> out = new ArrayList<>();
        for (CaptureMessage m : messages) {
            for (Bytes a : m.attachments()) {
                out.add(a.hex());
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"polling-upgrade.pcap", "polling-upgrade-noop.pcap", "polling-only.pcap",
            "websocket-only.pcap", "rooms-broadcast.pcap", "heartbeat.pcap", "heartbeat-polling.pcap",
            "large-payload.pcap", "json-edge.pcap"})
    void everyPacketTheNotesListIsDecodedWithItsExactTextInItsFrame(String name) throws IOException {
        List<CaptureMessage> ms = decode(frames(name));
        assertThat(ms).noneMatch(m -> m.kind() != CaptureMessage.Kind.MESSAGE);
        Expected e = expected(name);
        assertThat(e.texts()).isNotEmpty();
        assertThat(texts(ms)).containsExactlyElementsOf(e.texts());
        assertThat(binaries(ms)).containsExactlyInAnyOrderElementsOf(e.binaries());
    }

    @Test
    void theSeventyKilobyteMessagesDecodeAsOneEachAtTheFrameThatCompletesThem() throws IOException {
        List<CaptureMessage> big = decode(frames("large-payload.pcap")).stream()
                .filter(m -> "big".equals(m.event())).toList();
        assertThat(big).hasSize(2);
        assertThat(big.get(0).firstFrame()).isEqualTo(16);
        assertThat(big.get(0).frame()).isEqualTo(19);
        assertThat(big.get(0).args()).isEqualTo("[\"" + "a".repeat(70_000) + "\"]");
        assertThat(big.get(0).src()).isEqualTo("127.0.0.1:41564");
        assertThat(big.get(1).firstFrame()).isEqualTo(20);
        assertThat(big.get(1).frame()).isEqualTo(24);
        assertThat(big.get(1).args()).isEqualTo("[\"" + "b".repeat(70_000) + "\"]");
    }

    @Test
    void acksAreJoinedToTheEmitTheyAnswerAndBinaryToItsEvent() throws IOException {
        List<CaptureMessage> ms = decode(frames("websocket-only.pcap"));
        CaptureMessage ack = ms.stream().filter(m -> "ACK".equals(m.type()) && m.frame() == 24).findFirst()
                .orElseThrow();
        assertThat(ack.answersFrame()).isEqualTo(22);
        assertThat(ack.answersEvent()).isEqualTo("srv-q");
        assertThat(ack.args()).isEqualTo("[\"a\",3]");
        CaptureMessage nested = ms.stream().filter(m -> "nested".equals(m.event())).findFirst().orElseThrow();
        assertThat(nested.type()).isEqualTo("BINARY_EVENT");
        assertThat(nested.attachments()).containsExactly(Bytes.ofHex("05"), Bytes.ofHex("0607"));
        assertThat(nested.frame()).isEqualTo(34);
        // polling: the binary event and its base64 attachment share a POST body, on another TCP connection
        List<CaptureMessage> polling = decode(frames("polling-only.pcap"));
        CaptureMessage bin = polling.stream().filter(m -> "bin".equals(m.event())).findFirst().orElseThrow();
        assertThat(bin.transport()).isEqualTo("polling");
        assertThat(bin.attachments()).containsExactly(Bytes.ofHex("01020304"));
        assertThat(bin.args()).isEqualTo("[{\"_placeholder\":true,\"num\":0}]");
    }

    // ------------------------------------------------------------------------------- damaged captures

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
            if (hasPayload(f.bytes)) {
                duplicated.add(f);
            }
        }
        assertThat(content(decode(duplicated))).as("every data segment twice").isEqualTo(reference);

        List<Frame> overlapping = new ArrayList<>();
        for (Frame f : frames) {
            int n = f.bytes.length - payloadStart(f.bytes);
            if (n >= 4) {
                // the segment's first three quarters, then (as a retransmission would) its second half again, then all
                overlapping.add(new Frame(f.time, slice(f.bytes, 0, n * 3 / 4)));
                overlapping.add(new Frame(f.time, slice(f.bytes, n / 2, n)));
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
        byte[] chat = frames.get(12).bytes.clone();
        Arrays.fill(chat, payloadStart(chat), chat.length, (byte) 0xff);
        frames.set(12, new Frame(frames.get(12).time, chat));
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
        byte[] chat = frames.get(12).bytes;
        frames.set(12, new Frame(frames.get(12).time, Arrays.copyOf(chat, chat.length - 10)));
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
                    byte[] b = f.bytes.clone();
                    int kind = random.nextInt(10);
                    if (kind == 0 && b.length > 1) {
                        b = Arrays.copyOf(b, random.nextInt(b.length));
                    } else if (kind == 1) {
                        b[random.nextInt(b.length)] ^= (byte) (1 + random.nextInt(255));
                    } else if (kind == 2) {
                        continue;
                    }
                    damaged.add(new Frame(f.time, b));
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

    @Test
    void aMessageFragmentedIntoContinuationFramesIsJoined() {
        // 42["chat","hello"] as a masked text frame without FIN, then two continuation frames, one of them FIN
        byte[] text = "42[\"chat\",\"hello\"]".getBytes(StandardCharsets.US_ASCII);
        byte[] key = {1, 2, 3, 4};
        byte[] stream = org.netsim.pdu.Bytes.join(frame(0x01, key, text, 0, 5), frame(0x00, key, text, 5, 12),
                frame(0x80, key, text, 12, text.length));
        List<CaptureMessage> ms = new ArrayList<>();
        CaptureDecoder d = CaptureDecoder.forMessages(ms::add);
        feedTcp(d, stream, 7);
        d.finish();
        assertThat(ms).filteredOn(m -> m.kind() == CaptureMessage.Kind.MESSAGE).singleElement().satisfies(m -> {
            assertThat(m.event()).isEqualTo("chat");
            assertThat(m.args()).isEqualTo("[\"hello\"]");
            assertThat(m.transport()).isEqualTo("websocket");
        });
    }

    static byte[] frame(int b0, byte[] key, byte[] data, int from, int to) {
        int n = to - from;
        byte[] f = new byte[2 + 4 + n];
        f[0] = (byte) b0;
        f[1] = (byte) (0x80 | n);
        System.arraycopy(key, 0, f, 2, 4);
        for (int i = 0; i < n; i++) {
            f[6 + i] = (byte) (data[from + i] ^ key[i % 4]);
        }
        return f;
    }


    /** Sends {@code stream} from 10.0.0.2:50000 to 10.0.0.1:3000 in segments of {@code size} bytes, no handshake. */
    static void feedTcp(CaptureDecoder d, byte[] stream, int size) {
        long frame = 0;
        for (byte[] f : framesOf(stream, size)) {
            d.frame(++frame, frame * 1000, CapturedFrame.LINKTYPE_ETHERNET, f, 0, f.length);
        }
    }

    /** The Ethernet frames {@link #feedTcp} sends. */
    static List<byte[]> framesOf(byte[] stream, int size) {
        List<byte[]> out = new ArrayList<>();
        for (int at = 0; at < stream.length; at += size) {
            int n = Math.min(size, stream.length - at);
            byte[] f = new byte[14 + 20 + 20 + n];
            f[12] = 0x08;
            f[14] = 0x45;
            f[16] = (byte) ((40 + n) >>> 8);
            f[17] = (byte) (40 + n);
            f[23] = 6;
            byte[] src = {10, 0, 0, 2};
            byte[] dst = {10, 0, 0, 1};
            System.arraycopy(src, 0, f, 26, 4);
            System.arraycopy(dst, 0, f, 30, 4);
            f[34] = (byte) (50000 >>> 8);
            f[35] = (byte) 50000;
            f[36] = (byte) (3000 >>> 8);
            f[37] = (byte) 3000;
            long seq = 1000 + at;
            f[38] = (byte) (seq >>> 24);
            f[39] = (byte) (seq >>> 16);
            f[40] = (byte) (seq >>> 8);
            f[41] = (byte) seq;
            f[46] = 0x50;
            f[47] = 0x18;
            System.arraycopy(stream, at, f, 54, n);
            out.add(f);
        }
        return out;
    }
}
