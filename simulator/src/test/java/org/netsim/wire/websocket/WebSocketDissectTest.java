package org.netsim.wire.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netsim.wire.websocket.WebSocketTestBytes.HELLO;
import static org.netsim.wire.websocket.WebSocketTestBytes.KEY;
import static org.netsim.wire.websocket.WebSocketTestBytes.NODE_CLIENT;
import static org.netsim.wire.websocket.WebSocketTestBytes.NODE_SERVER;
import static org.netsim.wire.websocket.WebSocketTestBytes.coverage;
import static org.netsim.wire.websocket.WebSocketTestBytes.dissectRaw;
import static org.netsim.wire.websocket.WebSocketTestBytes.hex;

import static org.assertj.core.api.Assertions.assertThat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netsim.pdu.Bytes;
import org.netsim.pdu.Coverage;
import org.netsim.pdu.Field;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.PayloadDissector;
import org.netsim.pdu.Protocol;

/** Dissecting frames into fields; malformed input stops decoding with a reason, problems are recorded and decoding goes on. */
class WebSocketDissectTest {
    // ------------------------------------------------------------------ dissect

    @Test
    void dissectShowsEveryHeaderFieldAtItsBits() {
        Pdu pdu = dissectRaw(NODE_CLIENT).get(0);
        List<String> keys = new ArrayList<>();
        for (Field f : pdu.fields()) {
            keys.add(f.key() + "@" + f.bitOffset() + "+" + f.bitLength());
        }
        assertThat(keys).containsExactly("websocket.fin@0+1", "websocket.rsv1@1+1", "websocket.rsv2@2+1",
                "websocket.rsv3@3+1", "websocket.opcode@4+4", "websocket.mask@8+1", "websocket.payload_length@9+7",
                "websocket.masking_key@16+32", "websocket.payload@48+120");
        assertThat(pdu.field("websocket.opcode").orElseThrow().display()).isEqualTo("Text (1)");
        assertThat(pdu.field("websocket.payload_length").orElseThrow().value()).isEqualTo(15);
        assertThat(pdu.field("websocket.fin").orElseThrow().display()).isEqualTo("Set");
        assertThat(pdu.offset()).isZero();
        assertThat(pdu.length()).isEqualTo(21);
    }

    @Test
    void payloadDissectorSeesUnmaskedBytesAtWireOffsets() {
        byte[] seg = new byte[5 + NODE_CLIENT.length];
        System.arraycopy(NODE_CLIENT, 0, seg, 5, NODE_CLIENT.length);
        List<String> seen = new ArrayList<>();
        PayloadDissector<WebSocketFrame> inner = (frame, buf, off, len) -> {
            seen.add(off + ":" + len + ":" + Bytes.of(buf, off, off + len).utf8() + ":" + frame.opcode().label());
            return List.of(Pdu.data(buf, off, len));
        };
        // a DATA child spanning the payload is treated like raw(); use a child of another protocol to keep it
        PayloadDissector<WebSocketFrame> engine = (frame, buf, off, len) -> {
            inner.dissect(frame, buf, off, len);
            return List.of(Pdu.builder(Protocol.ENGINEIO, off)
                    .field(Pdu.dataField(Protocol.ENGINEIO, buf, off, len)).build());
        };
        List<Pdu> pdus = WebSocketCodec.dissect(seg, 5, NODE_CLIENT.length, engine);
        assertThat(seen).containsExactly("11:15:42[\"chat\",\"hi\"]:Text");
        Pdu ws = pdus.get(0);
        assertThat(ws.children()).hasSize(1);
        assertThat(ws.children().get(0).protocol()).isEqualTo(Protocol.ENGINEIO);
        assertThat(ws.field("websocket.payload")).isEmpty();
        assertThat(ws.children().get(0).fields().get(0).bytes()).isEqualTo(Bytes.utf8("42[\"chat\",\"hi\"]"));
        // the caller's buffer is untouched: still masked
        assertThat(Arrays.copyOfRange(seg, 5, seg.length)).isEqualTo(NODE_CLIENT);
        assertThat(coverage(pdus, 5, NODE_CLIENT.length)).isEmpty();
    }

    @Test
    void emptyListFromThePayloadDissectorLeavesThePayloadToTheFrame() {
        List<Pdu> pdus = WebSocketCodec.dissect(NODE_CLIENT, 0, NODE_CLIENT.length, (f, b, o, l) -> List.of());
        assertThat(pdus.get(0).field("websocket.payload").orElseThrow().bytes())
                .isEqualTo(Bytes.utf8("42[\"chat\",\"hi\"]"));
        assertThat(coverage(pdus, 0, NODE_CLIENT.length)).isEmpty();
    }

    @Test
    void severalFramesInOneSegment() {
        byte[] close = WebSocketCodec.encode(WebSocketFrame.close(1000, "bye").withMask(KEY));
        byte[] seg = org.netsim.pdu.Bytes.join(NODE_CLIENT, hex("818537fa213d7f9f4d5158"), WebSocketCodec.encode(
                WebSocketFrame.ping(Bytes.EMPTY)), close);
        List<Pdu> pdus = dissectRaw(seg);
        assertThat(pdus).extracting(Pdu::summary).containsExactly("WebSocket Text [FIN] [MASKED]",
                "WebSocket Text [FIN] [MASKED]", "WebSocket Ping [FIN]", "WebSocket Connection Close [FIN] [MASKED]");
        assertThat(pdus).noneMatch(Pdu::isMalformed);
        assertThat(pdus.get(1).offset()).isEqualTo(21);
        assertThat(pdus.get(1).field("websocket.payload").orElseThrow().display()).isEqualTo("\"Hello\"");
        Pdu c = pdus.get(3);
        assertThat(c.field("websocket.close.code").orElseThrow().display()).isEqualTo("1000 (Normal Closure)");
        assertThat(c.field("websocket.close.code").orElseThrow().problem()).isNull();
        assertThat(c.field("websocket.close.reason").orElseThrow().display()).isEqualTo("\"bye\"");
        assertThat(c.header(WebSocketFrame.class).orElseThrow().closeCode()).isEqualTo(1000);
        assertThat(c.header(WebSocketFrame.class).orElseThrow().closeReason()).isEqualTo("bye");
        assertThat(coverage(pdus, 0, seg.length)).isEmpty();
        for (Pdu p : pdus) {
            assertThat(Coverage.problems(p, p.offset(), p.length())).isEmpty();
        }
    }

    @Test
    void truncatedLastFrame() {
        byte[] seg = org.netsim.pdu.Bytes.join(NODE_SERVER, Arrays.copyOf(NODE_CLIENT, 10));
        List<Pdu> pdus = dissectRaw(seg);
        assertThat(pdus).hasSize(2);
        assertThat(pdus.get(0).isMalformed()).isFalse();
        Pdu cut = pdus.get(1);
        assertThat(cut.malformed().reason()).isEqualTo("truncated: frame needs 21 bytes, 10 available");
        assertThat(cut.malformed().offset()).isEqualTo(17 + 6);
        assertThat(cut.field("websocket.masking_key")).isPresent();
        assertThat(cut.summary()).isEqualTo("WebSocket Text [FIN] [MASKED]");
        assertThat(cut.end()).isEqualTo(seg.length);
        assertThat(coverage(pdus, 0, seg.length)).isEmpty();
    }

    @Test
    void truncatedAtEveryLength() {
        byte[] big = WebSocketCodec.encode(WebSocketFrame.binary(Bytes.wrap(new byte[300])).withMask(KEY));
        for (byte[] wire : List.of(NODE_CLIENT, NODE_SERVER, big)) {
            for (int cut = 1; cut < wire.length; cut++) {
                List<Pdu> pdus = WebSocketCodec.dissect(wire, 0, cut, PayloadDissector.raw());
                assertThat(pdus).hasSize(1);
                Pdu p = pdus.get(0);
                assertThat(p.malformed().reason()).startsWith("truncated: frame needs ").endsWith(", " + cut
                        + " available");
                assertThat(coverage(pdus, 0, cut)).as("cut %d", cut).isEmpty();
            }
        }
        assertThat(WebSocketCodec.dissect(big, 0, 1, null).get(0).malformed().reason())
                .isEqualTo("truncated: frame needs 2 bytes, 1 available");
        assertThat(WebSocketCodec.dissect(big, 0, 3, null).get(0).malformed().reason())
                .isEqualTo("truncated: frame needs 8 bytes, 3 available");
        assertThat(WebSocketCodec.dissect(big, 0, 8, null).get(0).malformed().reason())
                .isEqualTo("truncated: frame needs 308 bytes, 8 available");
    }

    @Test
    void emptyRangeHasNoFrames() {
        assertThat(WebSocketCodec.dissect(NODE_CLIENT, 3, 0, PayloadDissector.raw())).isEmpty();
    }

    // ------------------------------------------------------------------ malformed: decoding stops

    private static void assertMalformed(String wireHex, String reason, int stoppedAt) {
        byte[] wire = hex(wireHex);
        WebSocketDecoded d = WebSocketCodec.decode(wire, 0, wire.length);
        assertThat(d.isMalformed()).as("decode %s", wireHex).isTrue();
        assertThat(d.isComplete()).isFalse();
        assertThat(d.needsMore()).isFalse();
        assertThat(d.malformed().reason()).isEqualTo(reason);
        assertThat(d.malformed().offset()).isEqualTo(stoppedAt);

        // after a good frame, in a segment: the good one decodes, the bad one is marked and owns the rest
        byte[] seg = org.netsim.pdu.Bytes.join(NODE_SERVER, wire);
        List<Pdu> pdus = dissectRaw(seg);
        assertThat(pdus).hasSize(2);
        assertThat(pdus.get(0).isMalformed()).isFalse();
        assertThat(pdus.get(1).malformed().reason()).isEqualTo(reason);
        assertThat(pdus.get(1).malformed().offset()).isEqualTo(NODE_SERVER.length + stoppedAt);
        assertThat(pdus.get(1).end()).isEqualTo(seg.length);
        assertThat(coverage(pdus, 0, seg.length)).isEmpty();
    }

    @Test
    void sixteenBitLengthMustBeMinimal() {
        assertMalformed("827e0064" + "00".repeat(100),
                "invalid payload length: 16-bit length 100 is not minimal (RFC 6455 §5.2)", 4);
        assertMalformed("827e007d", "invalid payload length: 16-bit length 125 is not minimal (RFC 6455 §5.2)", 4);
    }

    @Test
    void sixtyFourBitLengthMustBeMinimalAndPositive() {
        assertMalformed("827f000000000000ffff",
                "invalid payload length: 64-bit length 65535 is not minimal (RFC 6455 §5.2)", 10);
        assertMalformed("827f0000000000000005aabbccddee",
                "invalid payload length: 64-bit length 5 is not minimal (RFC 6455 §5.2)", 10);
        assertMalformed("827f8000000000000000",
                "invalid payload length: the most significant bit of the 64-bit length MUST be 0 (RFC 6455 §5.2)", 10);
    }

    @Test
    void controlFrameRules() {
        assertMalformed("897e00c8" + "00".repeat(200), "control frame payload length 200 exceeds 125 (RFC 6455 §5.5)",
                4);
        assertMalformed("0900", "control frame is fragmented (RFC 6455 §5.5)", 2);
        assertMalformed("0a8537fa213d7f9f4d5158", "control frame is fragmented (RFC 6455 §5.5)", 2);
        assertMalformed("880103", WebSocketCodec.CLOSE_ONE_BYTE, 2);
        assertMalformed("888137fa213d03", WebSocketCodec.CLOSE_ONE_BYTE, 6);
        assertThat(WebSocketCodec.CLOSE_ONE_BYTE).isEqualTo("close frame payload of 1 byte: a Close body starts "
                + "with a 2-byte status code (RFC 6455 §5.5.1)");
    }

    @Test
    void hugeLengthIsRefusedNotAllocated() {
        assertMalformed("827f7fffffffffffffff",
                "payload length 9223372036854775807 is larger than this decoder can hold", 10);
    }

    @Test
    void decodeRejectsARangeOutsideTheBuffer() {
        assertThat(WebSocketCodec.decode(NODE_CLIENT, 15, 10).isMalformed()).isTrue();
        assertThat(WebSocketCodec.decode(NODE_CLIENT, -1, 2).isMalformed()).isTrue();
        assertThat(WebSocketCodec.dissect(NODE_CLIENT, 15, 10, null).get(0).isMalformed()).isTrue();
    }

    // ------------------------------------------------------------------ problems: recorded, decoding goes on

    @Test
    void reservedBitsAreRecordedNotFatal() {
        byte[] wire = WebSocketCodec.encode(WebSocketFrame.text("hi").withRsv(true, false, true));
        Pdu pdu = dissectRaw(wire).get(0);
        assertThat(pdu.isMalformed()).isFalse();
        assertThat(pdu.field("websocket.rsv1").orElseThrow().problem())
                .isEqualTo("reserved bit set, but it MUST be 0 unless an extension is negotiated (RFC 6455 §5.2)");
        assertThat(pdu.field("websocket.rsv2").orElseThrow().problem()).isNull();
        assertThat(pdu.field("websocket.rsv3").orElseThrow().problem()).isNotNull();
        assertThat(Coverage.problems(pdu, 0, wire.length)).isEmpty();
    }

    @Test
    void invalidUtf8TextIsRecordedNotFatal() {
        byte[] wire = WebSocketCodec.encode(WebSocketFrame.text(Bytes.ofHex("48c328")).withMask(KEY));
        Pdu pdu = dissectRaw(wire).get(0);
        assertThat(pdu.isMalformed()).isFalse();
        assertThat(pdu.field("websocket.payload").orElseThrow().problem()).isEqualTo(WebSocketCodec.NOT_UTF8);
        assertThat(WebSocketCodec.NOT_UTF8).isEqualTo("text frame payload is not valid UTF-8: the endpoint MUST "
                + "_Fail the WebSocket Connection_ (RFC 6455 §8.1)");
        assertThat(Coverage.problems(pdu, 0, wire.length)).isEmpty();

        // with a dissector owning the payload, the opcode carries the problem
        Pdu owned = WebSocketCodec.dissect(wire, 0, wire.length, (f, b, o, l) -> List.of(Pdu.builder(
                Protocol.ENGINEIO, o).field(Pdu.dataField(Protocol.ENGINEIO, b, o, l)).build())).get(0);
        assertThat(owned.field("websocket.opcode").orElseThrow().problem()).isEqualTo(WebSocketCodec.NOT_UTF8);

        // a fragment may end inside a character: not checked
        byte[] frag = WebSocketCodec.encode(WebSocketFrame.text(Bytes.ofHex("48c3")).withFin(false));
        assertThat(dissectRaw(frag).get(0).field("websocket.payload").orElseThrow().problem()).isNull();
        // valid multi-byte text is fine
        byte[] ok = WebSocketCodec.encode(WebSocketFrame.text("grüße €𝄞"));
        assertThat(dissectRaw(ok).get(0).field("websocket.payload").orElseThrow().problem()).isNull();
    }

    @Test
    void reservedOpcodeIsRecorded() {
        byte[] wire = hex("830101");
        Pdu pdu = dissectRaw(wire).get(0);
        assertThat(pdu.isMalformed()).isFalse();
        assertThat(pdu.summary()).isEqualTo("WebSocket Reserved (0x3) [FIN]");
        assertThat(pdu.field("websocket.opcode").orElseThrow().problem()).startsWith("reserved opcode");
        assertThat(Coverage.problems(pdu, 0, wire.length)).isEmpty();
    }

    @Test
    void closeFrames() {
        Pdu empty = dissectRaw(WebSocketCodec.encode(WebSocketFrame.closeEmpty())).get(0);
        assertThat(empty.fields()).extracting(Field::key).doesNotContain("websocket.close.code");
        assertThat(empty.length()).isEqualTo(2);

        byte[] onlyCode = WebSocketCodec.encode(WebSocketFrame.close(1001, ""));
        assertThat(hex(onlyCode)).isEqualTo("88 02 03 e9");
        Pdu p = dissectRaw(onlyCode).get(0);
        assertThat(p.field("websocket.close.code").orElseThrow().value()).isEqualTo(1001);
        assertThat(p.field("websocket.close.reason")).isEmpty();
        assertThat(Coverage.problems(p, 0, onlyCode.length)).isEmpty();

        byte[] forbidden = WebSocketCodec.encode(WebSocketFrame.close(1005, ""));
        assertThat(dissectRaw(forbidden).get(0).field("websocket.close.code").orElseThrow().problem())
                .isEqualTo("status code 1005 MUST NOT be set as a status code in a Close control frame by an endpoint "
                        + "(RFC 6455 §7.4.1)");
        byte[] badReason = hex("880403e8c328");
        assertThat(dissectRaw(badReason).get(0).field("websocket.close.reason").orElseThrow().problem())
                .isEqualTo("close reason is not valid UTF-8 (RFC 6455 §5.5.1)");
    }

    @Test
    void controlFramesAreNotHandedToThePayloadDissector() {
        byte[] wire = WebSocketCodec.encode(WebSocketFrame.ping(HELLO).withMask(KEY));
        List<Pdu> pdus = WebSocketCodec.dissect(wire, 0, wire.length, (f, b, o, l) -> {
            throw new AssertionError("called for a ping");
        });
        assertThat(pdus.get(0).field("websocket.payload").orElseThrow().bytes()).isEqualTo(HELLO);
    }

    @Test
    void malformedPdusCoverEveryByteForEveryPrefixOfMixedInput() {
        byte[] seg = org.netsim.pdu.Bytes.join(NODE_CLIENT, WebSocketCodec.encode(WebSocketFrame.close(1000, "done")),
                hex("897e00c8"), new byte[20]);
        for (int len = 0; len <= seg.length; len++) {
            List<Pdu> pdus = dissectRaw(Arrays.copyOf(seg, len));
            assertThat(coverage(pdus, 0, len)).as("length %d", len).isEmpty();
        }
    }

}
