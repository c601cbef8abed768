package org.netsim.capture.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

/**
 * The decoder on real captures of Node's socket.io 4.8.4 (assets/src/main/resources/captures/node-socketio-4.8.4,
 * recorded on loopback; each .pcap has a .txt listing every frame and what it carries), and on WebSocket messages
 * fragmented into continuation frames. The same captures damaged: {@link DamagedCaptureDecoderTest}.
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
