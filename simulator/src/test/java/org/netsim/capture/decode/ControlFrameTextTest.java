package org.netsim.capture.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netsim.pdu.Bytes;
import org.netsim.stack.DecodedMessage;
import org.netsim.stack.MessageExtractor;
import org.netsim.stack.StackDissector;
import org.netsim.wire.websocket.WebSocketCodec;
import org.netsim.wire.websocket.WebSocketFrame;

/**
 * WebSocket control frames print what they say (RFC 6455 §5.5): a Close frame's status code with its registered name
 * and its reason (§5.5.1, §7.4), not the raw bytes of the code. socket.io-client-java closes with 1000, which printed
 * as {@code CONNECTION CLOSE \u03e8} before.
 */
class ControlFrameTextTest {
    private static final byte[] KEY = {1, 2, 3, 4};

    /** A client's masked text frame "2" (so the stream is recognised as Engine.IO over WebSocket), then the frames. */
    private static byte[] stream(WebSocketFrame... frames) {
        List<byte[]> parts = new ArrayList<>();
        parts.add(WebSocketCodec.encode(WebSocketFrame.text("2").withMask(Bytes.wrap(KEY))));
        for (WebSocketFrame f : frames) {
            parts.add(WebSocketCodec.encode(f.withMask(Bytes.wrap(KEY))));
        }
        return Bytes.join(parts.toArray(byte[][]::new));
    }

    private static List<String> captured(byte[] stream) {
        List<CaptureMessage> ms = new ArrayList<>();
        CaptureDecoder d = CaptureDecoder.forMessages(ms::add);
        CaptureDecoderTest.feedTcp(d, stream, 1000);
        d.finish();
        assertThat(ms).noneMatch(CaptureMessage::isMalformed);
        return ms.stream().filter(m -> "websocket".equals(m.protocol())).map(m -> m.type() + " " + m.text()).toList();
    }

    @Test
    void aCloseFrameShowsItsStatusCodeNameAndReason() {
        byte[] s = stream(WebSocketFrame.close(1000, "bye"));
        assertThat(captured(s)).containsExactly("CONNECTION CLOSE 1000 (Normal Closure) \"bye\"");
    }

    @Test
    void aCodeWithoutReasonAnEmptyCloseAndAPingWithData() {
        assertThat(captured(stream(WebSocketFrame.close(1001, "")))).containsExactly("CONNECTION CLOSE 1001 (Going Away)");
        assertThat(captured(stream(WebSocketFrame.closeEmpty()))).containsExactly("CONNECTION CLOSE (no status code)");
        assertThat(captured(stream(WebSocketFrame.close(4000, "")))).containsExactly("CONNECTION CLOSE 4000 (Private use)");
        assertThat(captured(stream(WebSocketFrame.ping(Bytes.ascii("probe"))))).containsExactly("PING probe");
        assertThat(captured(stream(WebSocketFrame.ping(Bytes.of((byte) 0xff, (byte) 0x01)))))
                .containsExactly("PING ff 01");
    }

    @Test
    void aReasonThatIsNotTextIsShownAsHex() {
        byte[] body = {0x03, (byte) 0xe8, (byte) 0xc3};
        WebSocketFrame f = WebSocketFrame.of(org.netsim.wire.websocket.Opcode.CLOSE, true, Bytes.wrap(body));
        assertThat(captured(stream(f))).containsExactly("CONNECTION CLOSE 1000 (Normal Closure) <c3>");
    }

    @Test
    void theFrameByFrameViewSaysTheSame() {
        byte[] s = stream(WebSocketFrame.close(1000, "bye"));
        List<byte[]> frames = new ArrayList<>();
        // the same segments as feedTcp builds, taken before the decoder unmasks them in place
        CaptureDecoderTest.framesOf(s, 1000).forEach(frames::add);
        StackDissector dissector = new StackDissector();
        MessageExtractor x = new MessageExtractor();
        List<String> out = new ArrayList<>();
        long n = 0;
        for (byte[] f : frames) {
            for (DecodedMessage m : x.accept(++n, 0, dissector.dissect(f))) {
                if ("websocket".equals(m.protocol())) {
                    out.add(m.type() + " " + m.text());
                }
            }
        }
        assertThat(out).containsExactly("CONNECTION CLOSE 1000 (Normal Closure) \"bye\"");
    }
}
