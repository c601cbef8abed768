package org.netsim.wire.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netsim.pdu.Bytes;
import org.netsim.random.SeededRandom;

/** Opcode, the frame factories, the fragmenter and the message assembler. */
class FramingTest {

    @Test
    void opcodes() {
        assertThat(Opcode.TEXT.label()).isEqualTo("Text");
        assertThat(Opcode.BINARY.label()).isEqualTo("Binary");
        assertThat(Opcode.CLOSE.label()).isEqualTo("Connection Close");
        assertThat(Opcode.PING.label()).isEqualTo("Ping");
        assertThat(Opcode.PONG.label()).isEqualTo("Pong");
        assertThat(Opcode.CONTINUATION.label()).isEqualTo("Continuation");
        assertThat(Opcode.of(3).label()).isEqualTo("Reserved (0x3)");
        assertThat(Opcode.of(0xF).label()).isEqualTo("Reserved (0xF)");
        assertThat(new Opcode(0xA)).isEqualTo(Opcode.PONG);
        assertThat(Opcode.of(9)).isSameAs(Opcode.PING);
        assertThat(Opcode.PONG.toString()).isEqualTo("Pong (10)");
        for (int v = 0; v < 16; v++) {
            assertThat(Opcode.of(v).isControl()).isEqualTo(v >= 8);
            assertThat(Opcode.of(v).value()).isEqualTo(v);
        }
        assertThatThrownBy(() -> new Opcode(16)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void factories() {
        assertThat(WebSocketFrame.text("hi")).isEqualTo(WebSocketFrame.text(Bytes.utf8("hi")));
        WebSocketFrame close = WebSocketFrame.close(1000, "bye");
        assertThat(close.payload()).isEqualTo(Bytes.ofHex("03e8627965"));
        assertThat(close.closeCode()).isEqualTo(1000);
        assertThat(WebSocketFrame.closeEmpty().closeCode()).isEqualTo(-1);
        assertThat(WebSocketFrame.binary(Bytes.EMPTY).masked()).isFalse();
        WebSocketFrame m = WebSocketFrame.binary(Bytes.EMPTY).masked(new SeededRandom(1));
        assertThat(m.masked()).isTrue();
        assertThat(m.maskingKey()).isEqualTo(Bytes.wrap(new SeededRandom(1).bytes(4)));
        assertThat(m.withMask(null).masked()).isFalse();
        assertThat(WebSocketFrame.text("x").withFin(false).fin()).isFalse();
        assertThatThrownBy(() -> WebSocketFrame.ping(Bytes.wrap(new byte[126])))
                .hasMessageContaining("at most 125 (RFC 6455 §5.5)");
        assertThatThrownBy(() -> WebSocketFrame.close(1000, "x".repeat(124)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WebSocketFrame.text("x").withMask(Bytes.ofHex("0102")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sameSeedSameKeys() {
        List<WebSocketFrame> a = WebSocketFragmenter.fragment(Opcode.BINARY, Bytes.wrap(new byte[10]), 3,
                new SeededRandom(42));
        List<WebSocketFrame> b = WebSocketFragmenter.fragment(Opcode.BINARY, Bytes.wrap(new byte[10]), 3,
                new SeededRandom(42));
        assertThat(a).isEqualTo(b).hasSize(4);
        assertThat(a.get(0).maskingKey()).isNotEqualTo(a.get(1).maskingKey());
        assertThat(a).extracting(f -> f.payload().length()).containsExactly(3, 3, 3, 1);
        assertThat(a).extracting(WebSocketFrame::fin).containsExactly(false, false, false, true);
        assertThat(a).extracting(WebSocketFrame::opcode).containsExactly(Opcode.BINARY, Opcode.CONTINUATION,
                Opcode.CONTINUATION, Opcode.CONTINUATION);
    }

    @Test
    void fragmenterEdges() {
        assertThat(WebSocketFragmenter.fragment(Opcode.TEXT, Bytes.EMPTY, 10, null))
                .containsExactly(WebSocketFrame.text(""));
        assertThat(WebSocketFragmenter.fragment(Opcode.TEXT, Bytes.utf8("abc"), 3, null))
                .containsExactly(WebSocketFrame.text("abc"));
        assertThat(WebSocketFragmenter.fragment(Opcode.PING, Bytes.utf8("abc"), 125, null))
                .containsExactly(WebSocketFrame.ping(Bytes.utf8("abc")));
        assertThatThrownBy(() -> WebSocketFragmenter.fragment(Opcode.PING, Bytes.utf8("abc"), 2, null))
                .hasMessageContaining("MUST NOT be fragmented");
        assertThatThrownBy(() -> WebSocketFragmenter.fragment(Opcode.CONTINUATION, Bytes.utf8("abc"), 2, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WebSocketFragmenter.fragment(Opcode.TEXT, Bytes.utf8("abc"), 0, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fragmentThenAssembleWithAnInterleavedPing() {
        Bytes message = Bytes.utf8("42[\"chat\",\"a longer message than one frame holds\"]");
        List<WebSocketFrame> frames = new ArrayList<>(WebSocketFragmenter.fragment(Opcode.TEXT, message, 7,
                new SeededRandom(3)));
        // "Control frames MAY be injected in the middle of a fragmented message" (RFC 6455 §5.4)
        frames.add(2, WebSocketFrame.ping(Bytes.utf8("p")));
        // and every frame survives the wire
        MessageAssembler a = new MessageAssembler();
        List<MessageAssembler.Result> results = new ArrayList<>();
        for (WebSocketFrame f : frames) {
            byte[] wire = WebSocketCodec.encode(f);
            WebSocketDecoded d = WebSocketCodec.decode(wire, 0, wire.length);
            assertThat(d.frame()).isEqualTo(f);
            results.add(a.accept(d.frame()));
        }
        assertThat(results.get(0)).isEqualTo(new MessageAssembler.Partial(Opcode.TEXT, 1, 7));
        assertThat(results.get(2)).isEqualTo(new MessageAssembler.Control(WebSocketFrame.ping(Bytes.utf8("p"))));
        assertThat(a.inProgress()).isFalse();
        MessageAssembler.Result last = results.get(results.size() - 1);
        assertThat(last).isInstanceOf(MessageAssembler.Message.class);
        MessageAssembler.Message m = (MessageAssembler.Message) last;
        assertThat(m.opcode()).isEqualTo(Opcode.TEXT);
        assertThat(m.data()).isEqualTo(message);
        assertThat(m.frames()).isEqualTo(frames.size() - 1);
        assertThat(m.text()).startsWith("42[\"chat\"");
    }

    @Test
    void assemblerErrors() {
        MessageAssembler a = new MessageAssembler();
        WebSocketFrame cont = WebSocketFrame.continuation(Bytes.utf8("lo"), true);
        assertThat(a.accept(cont)).isEqualTo(new MessageAssembler.Error(
                "continuation frame without a message in progress", cont));

        assertThat(a.accept(WebSocketFrame.text("Hel").withFin(false))).isInstanceOf(MessageAssembler.Partial.class);
        WebSocketFrame intruder = WebSocketFrame.binary(Bytes.ofHex("00"));
        assertThat(a.accept(intruder)).isEqualTo(new MessageAssembler.Error(
                "new data frame while a fragmented message is in progress", intruder));
        assertThat(a.inProgress()).isFalse();

        WebSocketFrame fragmentedPing = WebSocketFrame.ping(Bytes.EMPTY).withFin(false);
        assertThat(a.accept(fragmentedPing)).isEqualTo(new MessageAssembler.Error(
                "control frame is fragmented (RFC 6455 §5.5)", fragmentedPing));

        // a character split across fragments is fine once joined; a broken one is not
        assertThat(a.accept(WebSocketFrame.text(Bytes.ofHex("48c3")).withFin(false)))
                .isInstanceOf(MessageAssembler.Partial.class);
        assertThat(a.accept(WebSocketFrame.continuation(Bytes.ofHex("a9"), true)))
                .isEqualTo(new MessageAssembler.Message(Opcode.TEXT, Bytes.utf8("Hé"), 2));
        WebSocketFrame bad = WebSocketFrame.text(Bytes.ofHex("c328"));
        assertThat(a.accept(bad)).isEqualTo(new MessageAssembler.Error(
                "text message is not valid UTF-8 (RFC 6455 §8.1)", bad));
        // compressed (RSV1, permessage-deflate) text is not checked before inflating
        assertThat(a.accept(bad.withRsv(true, false, false))).isInstanceOf(MessageAssembler.Message.class);
    }

    @Test
    void utf8Validation() {
        String[] good = {"", "616263", "c3a9", "e282ac", "f09d849e", "efbfbf", "f48fbfbf"};
        String[] bad = {"80", "c0af", "c1bf", "e080af", "eda080", "f08f8f8f", "f4908080", "f5", "c3", "e282",
            "f09d84", "ff", "c328"};
        for (String h : good) {
            byte[] b = Bytes.ofHex(h).toArray();
            assertThat(Utf8.isValid(b, 0, b.length)).as(h).isTrue();
        }
        for (String h : bad) {
            byte[] b = Bytes.ofHex(h).toArray();
            assertThat(Utf8.isValid(b, 0, b.length)).as(h).isFalse();
        }
        byte[] framed = Bytes.ofHex("ff61c3a9ff").toArray();
        assertThat(Utf8.isValid(framed, 1, 4)).isTrue();
        assertThat(Utf8.isValid(framed, 1, 3)).isFalse();
    }
}
