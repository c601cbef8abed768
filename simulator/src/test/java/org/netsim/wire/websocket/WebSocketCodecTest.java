package org.netsim.wire.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netsim.wire.websocket.WebSocketTestBytes.HELLO;
import static org.netsim.wire.websocket.WebSocketTestBytes.KEY;
import static org.netsim.wire.websocket.WebSocketTestBytes.NODE_CLIENT;
import static org.netsim.wire.websocket.WebSocketTestBytes.NODE_SERVER;
import static org.netsim.wire.websocket.WebSocketTestBytes.coverage;
import static org.netsim.wire.websocket.WebSocketTestBytes.decodeAll;
import static org.netsim.wire.websocket.WebSocketTestBytes.dissectRaw;
import static org.netsim.wire.websocket.WebSocketTestBytes.hex;

import static org.assertj.core.api.Assertions.assertThat;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netsim.pdu.Bytes;
import org.netsim.pdu.Coverage;
import org.netsim.pdu.Field;
import org.netsim.pdu.Pdu;
import org.netsim.random.SeededRandom;

/** Encoding and decoding: RFC 6455 §5.7's examples, every length boundary, real frames from Node socket.io 4.8.4. */
class WebSocketCodecTest {
    // ------------------------------------------------------------------ RFC 6455 §5.7 examples

    @Test
    void rfcUnmaskedHello() {
        WebSocketFrame f = WebSocketFrame.text("Hello");
        assertThat(hex(WebSocketCodec.encode(f))).isEqualTo("81 05 48 65 6c 6c 6f");
        assertThat(decodeAll(hex("810548656c6c6f"))).isEqualTo(f);
    }

    @Test
    void rfcMaskedHello() {
        WebSocketFrame f = WebSocketFrame.text("Hello").withMask(KEY);
        assertThat(hex(WebSocketCodec.encode(f))).isEqualTo("81 85 37 fa 21 3d 7f 9f 4d 51 58");
        WebSocketFrame back = decodeAll(hex("818537fa213d7f9f4d5158"));
        assertThat(back).isEqualTo(f);
        assertThat(back.payload()).isEqualTo(HELLO);
        assertThat(back.masked()).isTrue();
        assertThat(back.wirePayload()).isEqualTo(Bytes.ofHex("7f9f4d5158"));
    }

    @Test
    void rfcFragmentedHello() {
        List<WebSocketFrame> frames = WebSocketFragmenter.fragment(Opcode.TEXT, HELLO, 3, null);
        assertThat(frames).hasSize(2);
        assertThat(hex(WebSocketCodec.encode(frames.get(0)))).isEqualTo("01 03 48 65 6c");
        assertThat(hex(WebSocketCodec.encode(frames.get(1)))).isEqualTo("80 02 6c 6f");
        WebSocketFrame first = decodeAll(hex("010348656c"));
        WebSocketFrame second = decodeAll(hex("80026c6f"));
        assertThat(first.fin()).isFalse();
        assertThat(first.opcode()).isEqualTo(Opcode.TEXT);
        assertThat(second.fin()).isTrue();
        assertThat(second.opcode()).isEqualTo(Opcode.CONTINUATION);
        assertThat(List.of(first, second)).isEqualTo(frames);
    }

    @Test
    void rfcPingAndMaskedPong() {
        assertThat(hex(WebSocketCodec.encode(WebSocketFrame.ping(HELLO)))).isEqualTo("89 05 48 65 6c 6c 6f");
        assertThat(hex(WebSocketCodec.encode(WebSocketFrame.pong(HELLO).withMask(KEY))))
                .isEqualTo("8a 85 37 fa 21 3d 7f 9f 4d 51 58");
        assertThat(decodeAll(hex("890548656c6c6f"))).isEqualTo(WebSocketFrame.ping(HELLO));
        assertThat(decodeAll(hex("8a8537fa213d7f9f4d5158"))).isEqualTo(WebSocketFrame.pong(HELLO).withMask(KEY));
    }

    @Test
    void rfc256BytesBinaryUsesThe16BitLength() {
        byte[] data = new byte[256];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        byte[] wire = WebSocketCodec.encode(WebSocketFrame.binary(Bytes.of(data)));
        assertThat(wire).hasSize(4 + 256);
        assertThat(hex(Arrays.copyOf(wire, 4))).isEqualTo("82 7e 01 00");
        assertThat(Arrays.copyOfRange(wire, 4, wire.length)).isEqualTo(data);
        assertThat(decodeAll(wire).payload()).isEqualTo(Bytes.of(data));
    }

    @Test
    void rfc64KiBBinaryUsesThe64BitLength() {
        byte[] data = new byte[65536];
        Arrays.fill(data, (byte) 0x5a);
        byte[] wire = WebSocketCodec.encode(WebSocketFrame.binary(Bytes.of(data)));
        assertThat(wire).hasSize(10 + 65536);
        assertThat(hex(Arrays.copyOf(wire, 10))).isEqualTo("82 7f 00 00 00 00 00 01 00 00");
        assertThat(decodeAll(wire).payload()).isEqualTo(Bytes.of(data));
    }

    // ------------------------------------------------------------------ boundaries and round trips

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 4, 5, 125, 126, 127, 65535, 65536, 70000})
    void lengthSweepMaskedAndUnmasked(int n) {
        byte[] data = new byte[n];
        for (int i = 0; i < n; i++) {
            data[i] = (byte) (i * 31 + 7);
        }
        int ext = n <= 125 ? 0 : n <= 65535 ? 2 : 8;
        for (Bytes key : Arrays.asList(null, KEY)) {
            WebSocketFrame f = WebSocketFrame.binary(Bytes.of(data)).withMask(key);
            int header = 2 + ext + (key == null ? 0 : 4);
            assertThat(WebSocketCodec.encodedLength(f)).isEqualTo(header + n);

            // every byte written: encode over a marker-filled buffer and compare with the plain encoding
            byte[] marked = new byte[header + n + 3];
            Arrays.fill(marked, (byte) 0xEE);
            assertThat(WebSocketCodec.encode(f, marked, 1)).isEqualTo(header + n);
            byte[] wire = WebSocketCodec.encode(f);
            assertThat(Arrays.copyOfRange(marked, 1, 1 + wire.length)).isEqualTo(wire);
            assertThat(marked[0]).isEqualTo((byte) 0xEE);
            assertThat(marked[marked.length - 1]).isEqualTo((byte) 0xEE);

            assertThat(wire[0] & 0xff).isEqualTo(0x82);
            int len7 = wire[1] & 0x7f;
            assertThat(len7).isEqualTo(n <= 125 ? n : n <= 65535 ? 126 : 127);
            assertThat((wire[1] & 0x80) != 0).isEqualTo(key != null);
            if (key != null) {
                for (int i = 0; i < n; i++) {
                    assertThat(wire[header + i]).isEqualTo((byte) (data[i] ^ KEY.get(i % 4)));
                }
            }
            // decode(encode(x)) == x and encode(decode(bytes)) == bytes
            WebSocketFrame back = decodeAll(wire);
            assertThat(back).isEqualTo(f);
            assertThat(WebSocketCodec.encode(back)).isEqualTo(wire);

            // every shorter prefix asks for more bytes, never more than the frame has
            for (int cut : new int[] {0, 1, 2, header - 1, header, header + n - 1}) {
                if (cut < 0 || cut >= wire.length) {
                    continue;
                }
                WebSocketDecoded d = WebSocketCodec.decode(wire, 0, cut);
                assertThat(d.needsMore()).as("cut %d", cut).isTrue();
                assertThat(d.needed()).isGreaterThan(cut).isLessThanOrEqualTo(wire.length);
            }
            List<Pdu> pdus = dissectRaw(wire);
            assertThat(pdus).hasSize(1);
            assertThat(pdus.get(0).isMalformed()).isFalse();
            assertThat(coverage(pdus, 0, wire.length)).isEmpty();
        }
    }

    @Test
    void decodeAtAnOffsetInsideALargerBuffer() {
        byte[] wire = hex("ffff818537fa213d7f9f4d5158ffff");
        WebSocketDecoded d = WebSocketCodec.decode(wire, 2, 11);
        assertThat(d.isComplete()).isTrue();
        assertThat(d.consumed()).isEqualTo(11);
        assertThat(d.frame().text()).isEqualTo("Hello");
    }

    @Test
    void needsMoreReportsTheWholeFrameOnceTheHeaderIsThere() {
        byte[] wire = hex("818537fa213d7f9f4d5158");
        assertThat(WebSocketCodec.decode(wire, 0, 0).needed()).isEqualTo(2);
        assertThat(WebSocketCodec.decode(wire, 0, 1).needed()).isEqualTo(2);
        assertThat(WebSocketCodec.decode(wire, 0, 2).needed()).isEqualTo(6);
        assertThat(WebSocketCodec.decode(wire, 0, 6).needed()).isEqualTo(11);
        assertThat(WebSocketCodec.decode(wire, 0, 10).needed()).isEqualTo(11);
        byte[] ext = hex("827e0100");
        assertThat(WebSocketCodec.decode(ext, 0, 3).needed()).isEqualTo(4);
        assertThat(WebSocketCodec.decode(ext, 0, 4).needed()).isEqualTo(260);
    }

    @Test
    void reservedBitsAndUnknownOpcodesSurvive() {
        WebSocketFrame f = new WebSocketFrame(false, true, false, true, Opcode.of(0xB), KEY, Bytes.ofHex("0102"));
        byte[] wire = WebSocketCodec.encode(f);
        assertThat(hex(wire)).startsWith("5b 82 37 fa 21 3d");
        // a control opcode without FIN is a fragmented control frame, malformed; the final one decodes
        assertThat(WebSocketCodec.decode(wire, 0, wire.length).isMalformed()).isTrue();
        WebSocketFrame fin = f.withFin(true);
        WebSocketFrame back = decodeAll(WebSocketCodec.encode(fin));
        assertThat(back).isEqualTo(fin);
        assertThat(back.opcode().label()).isEqualTo("Reserved (0xB)");
        WebSocketFrame data = new WebSocketFrame(true, false, true, false, Opcode.of(3), null, HELLO);
        assertThat(decodeAll(WebSocketCodec.encode(data))).isEqualTo(data);
    }

    // ------------------------------------------------------------------ real frames from Node socket.io 4.8.4

    @Test
    void nodeEmitClientToServerIs30Bytes() {
        WebSocketFrame f = WebSocketFrame.text("42[\"some-event\",\"hello\"]").masked(new SeededRandom(7));
        byte[] wire = WebSocketCodec.encode(f);
        assertThat(wire).hasSize(30);
        assertThat(wire[0] & 0xff).isEqualTo(0x81);
        assertThat(wire[1] & 0xff).isEqualTo(0x80 | 24);
        assertThat(decodeAll(wire)).isEqualTo(f);
    }


    @Test
    void realNodeClientFrame() {
        WebSocketFrame f = decodeAll(NODE_CLIENT);
        assertThat(f.text()).isEqualTo("42[\"chat\",\"hi\"]");
        assertThat(f.maskingKey()).isEqualTo(Bytes.ofHex("d33c99da"));
        assertThat(f).isEqualTo(WebSocketFrame.text("42[\"chat\",\"hi\"]").withMask(Bytes.ofHex("d33c99da")));
        assertThat(WebSocketCodec.encode(f)).isEqualTo(NODE_CLIENT);

        Pdu pdu = dissectRaw(NODE_CLIENT).get(0);
        assertThat(pdu.summary()).isEqualTo("WebSocket Text [FIN] [MASKED]");
        assertThat(pdu.header(WebSocketFrame.class)).contains(f);
        assertThat(pdu.field("websocket.masking_key").orElseThrow().display()).isEqualTo("0xd33c99da");
        Field payload = pdu.field("websocket.payload").orElseThrow();
        assertThat(payload.display()).isEqualTo("\"42[\\\"chat\\\",\\\"hi\\\"]\"".replace("\\", ""));
        assertThat(payload.bytes()).isEqualTo(Bytes.utf8("42[\"chat\",\"hi\"]"));
        assertThat(payload.byteStart()).isEqualTo(6);
        assertThat(payload.problem()).isNull();
        assertThat(Coverage.problems(pdu, 0, NODE_CLIENT.length)).isEmpty();
    }

    @Test
    void realNodeServerFrame() {
        WebSocketFrame f = decodeAll(NODE_SERVER);
        assertThat(f).isEqualTo(WebSocketFrame.text("42[\"chat\",\"hi\"]"));
        assertThat(WebSocketCodec.encode(f)).isEqualTo(NODE_SERVER);
        Pdu pdu = dissectRaw(NODE_SERVER).get(0);
        assertThat(pdu.summary()).isEqualTo("WebSocket Text [FIN]");
        assertThat(pdu.field("websocket.masking_key")).isEmpty();
        assertThat(Coverage.problems(pdu, 0, NODE_SERVER.length)).isEmpty();
    }
}
