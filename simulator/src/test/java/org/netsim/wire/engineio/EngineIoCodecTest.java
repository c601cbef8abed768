package org.netsim.wire.engineio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netsim.pdu.Bytes;
import org.netsim.pdu.Coverage;
import org.netsim.pdu.Field;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.PayloadDissector;
import org.netsim.pdu.Protocol;

class EngineIoCodecTest {
    private static final PayloadDissector<EngineIoPacket> RAW = PayloadDissector.raw();

    /** The open packet body of a real Node socket.io 4.8.4 polling handshake (capture, frame 6). */
    private static final String CAPTURED_OPEN = "0{\"sid\":\"vZ176bRWp5f4hMPjAAAA\",\"upgrades\":[\"websocket\"],"
            + "\"pingInterval\":25000,\"pingTimeout\":20000,\"maxPayload\":1000000}";

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Records what the codec hands to the message dissector, and claims it as data. */
    private static final class Recorder implements PayloadDissector<EngineIoPacket> {
        final List<EngineIoPacket> packets = new ArrayList<>();
        final List<int[]> ranges = new ArrayList<>();

        @Override
        public List<Pdu> dissect(EngineIoPacket header, byte[] buf, int offset, int length) {
            packets.add(header);
            ranges.add(new int[] {offset, length});
            return List.of(Pdu.data(buf, offset, length));
        }
    }

    // ------------------------------------------------------------ WebSocket

    @Test
    void textPacketOverWebSocketIsTypeDigitThenData() {
        assertThat(EngineIoCodec.encodeWebSocket(EngineIoPacket.message("hello"))).isEqualTo(utf8("4hello"));
        assertThat(EngineIoCodec.encodeWebSocket(EngineIoPacket.PING_PROBE)).isEqualTo(utf8("2probe"));
        assertThat(EngineIoCodec.encodeWebSocket(EngineIoPacket.PING)).isEqualTo(utf8("2"));
        assertThat(EngineIoCodec.encodeWebSocket(EngineIoPacket.UPGRADE)).isEqualTo(utf8("5"));
        assertThat(EngineIoCodec.encodeWebSocket(EngineIoPacket.NOOP)).isEqualTo(utf8("6"));
        assertThat(EngineIoCodec.encodeWebSocket(EngineIoPacket.CLOSE)).isEqualTo(utf8("1"));
    }

    @Test
    void binaryPacketOverWebSocketIsTheRawContentWithoutTypeDigit() {
        // real capture: the server's binary frame 82 03 05 06 07 carries just 05 06 07
        EngineIoPacket p = EngineIoPacket.binary(Bytes.ofHex("050607"));
        assertThat(EngineIoCodec.encodeWebSocket(p)).containsExactly(5, 6, 7);
        EngineIoDecoded d = EngineIoCodec.decodeWebSocketMessage(new byte[] {5, 6, 7}, 0, 3, true);
        assertThat(d.isOk()).isTrue();
        assertThat(d.packets()).containsExactly(p);
    }

    @Test
    void webSocketRoundTripsBothWays() {
        List<EngineIoPacket> all = List.of(EngineIoPacket.message("42[\"chat\",\"hi\"]"), EngineIoPacket.PING,
                EngineIoPacket.PONG_PROBE, EngineIoPacket.open(OpenPacket.webSocket("dTqnSLJyRVvOLt2iAAAC")),
                EngineIoPacket.message("€"), EngineIoPacket.message(""), EngineIoPacket.binary(Bytes.EMPTY),
                EngineIoPacket.binary(Bytes.ofHex("00ff1e34")));
        for (EngineIoPacket p : all) {
            byte[] wire = EngineIoCodec.encodeWebSocket(p);
            EngineIoDecoded d = EngineIoCodec.decodeWebSocketMessage(wire, 0, wire.length, p.binary());
            assertThat(d.packets()).containsExactly(p);
            assertThat(EngineIoCodec.encodeWebSocket(d.packets().get(0))).isEqualTo(wire);
        }
    }

    @Test
    void dissectedTextMessageHandsTheDataAfterTheFourToTheMessageDissector() {
        // the client's text frame payload in the capture: 42["chat","hi"], here at offset 6 of a bigger buffer
        byte[] buf = new byte[6 + 15];
        System.arraycopy(utf8("42[\"chat\",\"hi\"]"), 0, buf, 6, 15);
        Recorder rec = new Recorder();
        Pdu pdu = EngineIoCodec.dissectWebSocketMessage(buf, 6, 15, false, rec);
        assertThat(pdu.isMalformed()).isFalse();
        assertThat(pdu.protocol()).isEqualTo(Protocol.ENGINEIO);
        Field type = pdu.field("engineio.type").orElseThrow();
        assertThat(type.byteStart()).isEqualTo(6);
        assertThat(type.value()).isEqualTo('4');
        assertThat(type.display()).isEqualTo("4 (message)");
        assertThat(rec.ranges).hasSize(1);
        assertThat(rec.ranges.get(0)).containsExactly(7, 14);
        assertThat(rec.packets.get(0)).isEqualTo(EngineIoPacket.message("2[\"chat\",\"hi\"]"));
        assertThat(pdu.summary()).isEqualTo("message 2[\"chat\",\"hi\"]");
        assertThat(pdu.header(EngineIoPacket.class)).contains(EngineIoPacket.message("2[\"chat\",\"hi\"]"));
        assertThat(Coverage.problems(pdu, 6, 15)).isEmpty();
    }

    @Test
    void bytesTheMessageDissectorLeavesBecomeData() {
        byte[] buf = utf8("4hello");
        PayloadDissector<EngineIoPacket> two = (h, b, off, len) -> List.of(Pdu.data(b, off, 2));
        Pdu pdu = EngineIoCodec.dissectWebSocketMessage(buf, 0, buf.length, false, two);
        Field rest = pdu.field("engineio.data").orElseThrow();
        assertThat(rest.byteStart()).isEqualTo(3);
        assertThat(rest.bytes()).isEqualTo(Bytes.ascii("llo"));
        assertThat(Coverage.problems(pdu, 0, buf.length)).isEmpty();
    }

    @Test
    void dissectedBinaryFrameGoesWholeToTheMessageDissector() {
        byte[] buf = {1, 2, 3, 4};
        Recorder rec = new Recorder();
        Pdu pdu = EngineIoCodec.dissectWebSocketMessage(buf, 0, 4, true, rec);
        assertThat(pdu.fields()).isEmpty();
        assertThat(rec.ranges.get(0)).containsExactly(0, 4);
        assertThat(rec.packets.get(0)).isEqualTo(EngineIoPacket.binary(Bytes.ofHex("01020304")));
        assertThat(pdu.summary()).isEqualTo("binary message, 4 bytes");
        assertThat(Coverage.problems(pdu, 0, 4)).isEmpty();
    }

    @Test
    void probeAndHandshakeAreShownAsFields() {
        byte[] probe = utf8("2probe");
        Pdu ping = EngineIoCodec.dissectWebSocketMessage(probe, 0, probe.length, false, RAW);
        assertThat(ping.field("engineio.data").orElseThrow().display()).isEqualTo("\"probe\"");
        assertThat(ping.summary()).isEqualTo("ping probe");
        assertThat(Coverage.problems(ping, 0, probe.length)).isEmpty();

        byte[] open = utf8(CAPTURED_OPEN);
        Pdu pdu = EngineIoCodec.dissectWebSocketMessage(open, 0, open.length, false, RAW);
        Field hs = pdu.field("engineio.handshake").orElseThrow();
        assertThat(hs.problem()).isNull();
        assertThat(hs.display()).endsWith("(sid vZ176bRWp5f4hMPjAAAA, ping every 25000 ms)");
        assertThat(Coverage.problems(pdu, 0, open.length)).isEmpty();

        byte[] bad = utf8("0{\"sid\":1}");
        Pdu badOpen = EngineIoCodec.dissectWebSocketMessage(bad, 0, bad.length, false, RAW);
        assertThat(badOpen.field("engineio.handshake").orElseThrow().problem())
                .isEqualTo("handshake has no string \"sid\"");
    }

    @Test
    void emptyTextFrameIsMalformed() {
        EngineIoDecoded d = EngineIoCodec.decodeWebSocketMessage(new byte[0], 0, 0, false);
        assertThat(d.malformed().reason()).isEqualTo("empty packet: no packet type digit");
        Pdu pdu = EngineIoCodec.dissectWebSocketMessage(new byte[0], 0, 0, false, RAW);
        assertThat(pdu.malformed().reason()).isEqualTo("empty packet: no packet type digit");
        assertThat(Coverage.problems(pdu, 0, 0)).isEmpty();
    }

    @Test
    void unknownTypeDigitIsMalformedButItsValueSurvives() {
        byte[] buf = utf8("9hello");
        EngineIoDecoded d = EngineIoCodec.decodeWebSocketMessage(buf, 0, buf.length, false);
        assertThat(d.packets()).isEmpty();
        assertThat(d.malformed().reason()).isEqualTo("unknown packet type '9'");
        assertThat(d.malformed().offset()).isZero();

        Pdu pdu = EngineIoCodec.dissectWebSocketMessage(buf, 0, buf.length, false, RAW);
        assertThat(pdu.malformed().reason()).isEqualTo("unknown packet type '9'");
        assertThat(pdu.field("engineio.type").orElseThrow().value()).isEqualTo('9');
        assertThat(pdu.field("engineio.type").orElseThrow().display()).isEqualTo("'9' (unknown)");
        assertThat(Coverage.problems(pdu, 0, buf.length)).isEmpty();

        byte[] control = {0x07};
        assertThat(EngineIoCodec.decodeWebSocketMessage(control, 0, 1, false).malformed().reason())
                .isEqualTo("unknown packet type 0x07");
    }

    @Test
    void serverWebSocketMessagesOfTheRealCaptureAreEngineIoPackets() throws java.io.IOException {
        // server-to-client frames are unmasked; all of these are single short frames: 81/82, length < 126, payload
        List<String> seen = new ArrayList<>();
        for (org.netsim.wire.http.NodeCapture.Segment s
                : org.netsim.wire.http.NodeCapture.segments("node-socketio-4.8.4-sessions.pcap")) {
            byte[] p = s.payload();
            if (s.srcPort() != 3107 || (p[0] & 0xff) < 0x81 || (p[0] & 0xff) > 0x82 || p.length < 2) {
                continue;
            }
            boolean binary = p[0] == (byte) 0x82;
            int len = p[1] & 0x7f;
            Pdu pdu = EngineIoCodec.dissectWebSocketMessage(p, 2, len, binary, RAW);
            assertThat(pdu.isMalformed()).isFalse();
            assertThat(Coverage.problems(pdu, 2, len)).isEmpty();
            EngineIoDecoded d = EngineIoCodec.decodeWebSocketMessage(p, 2, len, binary);
            assertThat(EngineIoCodec.encodeWebSocket(d.packets().get(0))).isEqualTo(Bytes.of(p, 2, 2 + len).toArray());
            seen.add(pdu.summary());
        }
        assertThat(seen).contains("pong probe", "message 2[\"chat\",\"hi\"]", "binary message, 3 bytes",
                "open {\"sid\":\"dTqnSLJyRVvOLt2iAAAC\",\"upgrades\"…");
    }

    // ------------------------------------------------------------ polling

    @Test
    void pollingPayloadExamplesOfTheProtocolDocument() {
        // engine.io-protocol v4 "HTTP long-polling": 4hello\x1e4€ and 4€\x1ebAQIDBA==
        byte[] twoTexts = EngineIoCodec.encodePollingPayload(List.of(EngineIoPacket.message("hello"),
                EngineIoPacket.message("€")));
        assertThat(Bytes.wrap(twoTexts).hexSpaced()).isEqualTo("34 68 65 6c 6c 6f 1e 34 e2 82 ac");
        byte[] mixed = EngineIoCodec.encodePollingPayload(List.of(EngineIoPacket.message("€"),
                EngineIoPacket.binary(Bytes.ofHex("01020304"))));
        assertThat(mixed).isEqualTo(utf8("4€\u001ebAQIDBA=="));
        byte[] hb = EngineIoCodec.encodePollingPayload(List.of(EngineIoPacket.message("hello"),
                EngineIoPacket.binary(Bytes.ofHex("01020304"))));
        assertThat(hb).isEqualTo(utf8("4hello\u001ebAQIDBA=="));
        assertThat(EngineIoCodec.encodePollingPayload(List.of(EngineIoPacket.open(OpenPacket.polling(
                "vZ176bRWp5f4hMPjAAAA"))))).isEqualTo(utf8(CAPTURED_OPEN));

        EngineIoDecoded d = EngineIoCodec.decodePollingPayload(mixed, 0, mixed.length);
        assertThat(d.isOk()).isTrue();
        assertThat(d.packets()).containsExactly(EngineIoPacket.message("€"),
                EngineIoPacket.binary(Bytes.ofHex("01020304")));
    }

    @Test
    void capturedPollingPayloadsDecodeAndEncodeBack() {
        // real capture, client POST body (51 bytes) and server poll answer (47 bytes)
        String post = "451-[\"bin\",{\"_placeholder\":true,\"num\":0}]\u001ebAQIDBA==";
        String answer = "451-[\"bin\",{\"_placeholder\":true,\"num\":0}]\u001ebBQYH";
        for (String s : List.of(post, answer, "40", "42[\"chat\",\"hi\"]", "6", CAPTURED_OPEN)) {
            byte[] wire = utf8(s);
            EngineIoDecoded d = EngineIoCodec.decodePollingPayload(wire, 0, wire.length);
            assertThat(d.isOk()).isTrue();
            assertThat(EngineIoCodec.encodePollingPayload(d.packets())).isEqualTo(wire);
        }
        byte[] wire = utf8(answer);
        assertThat(EngineIoCodec.decodePollingPayload(wire, 0, wire.length).packets().get(1))
                .isEqualTo(EngineIoPacket.binary(Bytes.ofHex("050607")));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 255, 256, 257})
    void binaryLengthsSweepThroughBase64Padding(int n) {
        byte[] content = new byte[n];
        for (int i = 0; i < n; i++) {
            content[i] = (byte) (i * 37 + 0xfb);
        }
        List<EngineIoPacket> packets = List.of(EngineIoPacket.binary(Bytes.of(content)), EngineIoPacket.message("x"));
        byte[] wire = EngineIoCodec.encodePollingPayload(packets);
        assertThat(wire.length).isEqualTo(1 + 4 * ((n + 2) / 3) + 1 + 2);
        EngineIoDecoded d = EngineIoCodec.decodePollingPayload(wire, 0, wire.length);
        assertThat(d.isOk()).isTrue();
        assertThat(d.packets()).isEqualTo(packets);
        Pdu pdu = EngineIoCodec.dissectPollingPayload(wire, 0, wire.length, RAW);
        assertThat(pdu.isMalformed()).isFalse();
        assertThat(Coverage.problems(pdu, 0, wire.length)).isEmpty();
    }

    @Test
    void dissectedPollingPayloadHasOneChildPerPacketAndSeparatorFields() {
        // a poll answer with three packets, at offset 3 of the buffer
        byte[] body = utf8("xyz4hello\u001ebAQIDBA==\u001e2");
        Recorder rec = new Recorder();
        Pdu pdu = EngineIoCodec.dissectPollingPayload(body, 3, body.length - 3, rec);
        assertThat(pdu.isMalformed()).isFalse();
        assertThat(pdu.summary()).isEqualTo("polling payload, 3 packets");
        assertThat(pdu.children()).hasSize(3);
        assertThat(pdu.fields()).extracting(Field::key).containsExactly("engineio.separator", "engineio.separator");
        assertThat(pdu.fields()).extracting(Field::byteStart).containsExactly(9, 19);

        Pdu text = pdu.children().get(0);
        assertThat(text.offset()).isEqualTo(3);
        assertThat(text.length()).isEqualTo(6);
        Pdu bin = pdu.children().get(1);
        assertThat(bin.field("engineio.base64_marker").orElseThrow().display())
                .isEqualTo("b (a base64-encoded binary message follows)");
        assertThat(bin.summary()).isEqualTo("binary message, 4 bytes in base64");
        Pdu ping = pdu.children().get(2);
        assertThat(ping.summary()).isEqualTo("ping");
        // the message dissector got "hello" and the base64 text, with the decoded bytes in the packet
        assertThat(rec.ranges).hasSize(2);
        assertThat(rec.ranges.get(0)).containsExactly(4, 5);
        assertThat(rec.ranges.get(1)).containsExactly(11, 8);
        assertThat(rec.packets.get(1)).isEqualTo(EngineIoPacket.binary(Bytes.ofHex("01020304")));
        assertThat(pdu.header(EngineIoDecoded.class).orElseThrow().packets()).hasSize(3);
        assertThat(Coverage.problems(pdu, 3, body.length - 3)).isEmpty();
    }

    @Test
    void withTheRawDissectorTheBase64TextIsStillOwned() {
        byte[] body = utf8("bAQIDBA==");
        PayloadDissector<EngineIoPacket> none = (h, b, off, len) -> List.of();
        Pdu pdu = EngineIoCodec.dissectPollingPayload(body, 0, body.length, none);
        Field b64 = pdu.children().get(0).field("engineio.base64").orElseThrow();
        assertThat(b64.display()).isEqualTo("\"AQIDBA==\"");
        assertThat(b64.explanation()).contains("base64");
        assertThat(Coverage.problems(pdu, 0, body.length)).isEmpty();
    }

    @Test
    void emptyPayloadIsMalformed() {
        EngineIoDecoded d = EngineIoCodec.decodePollingPayload(new byte[0], 0, 0);
        assertThat(d.malformed().reason()).isEqualTo("empty payload: a polling body holds at least one packet");
        Pdu pdu = EngineIoCodec.dissectPollingPayload(new byte[0], 0, 0, RAW);
        assertThat(pdu.malformed().reason()).isEqualTo("empty payload: a polling body holds at least one packet");
        assertThat(Coverage.problems(pdu, 0, 0)).isEmpty();
    }

    @Test
    void emptyPacketBetweenTwoSeparatorsIsMalformed() {
        byte[] body = utf8("4a\u001e\u001e4b");
        EngineIoDecoded d = EngineIoCodec.decodePollingPayload(body, 0, body.length);
        assertThat(d.packets()).containsExactly(EngineIoPacket.message("a"));
        assertThat(d.malformed().reason()).isEqualTo("empty packet: no packet type digit");
        assertThat(d.malformed().offset()).isEqualTo(3);
        Pdu pdu = EngineIoCodec.dissectPollingPayload(body, 0, body.length, RAW);
        assertThat(pdu.malformed().offset()).isEqualTo(3);
        assertThat(pdu.children()).hasSize(3);
        assertThat(Coverage.problems(pdu, 0, body.length)).isEmpty();
    }

    @Test
    void unknownTypeInPollingStopsDecodingButTheDissectorGoesOn() {
        byte[] body = utf8("4hello\u001e9oops\u001e3");
        EngineIoDecoded d = EngineIoCodec.decodePollingPayload(body, 0, body.length);
        assertThat(d.packets()).containsExactly(EngineIoPacket.message("hello"));
        assertThat(d.malformed().reason()).isEqualTo("unknown packet type '9'");
        assertThat(d.malformed().offset()).isEqualTo(7);
        Pdu pdu = EngineIoCodec.dissectPollingPayload(body, 0, body.length, RAW);
        assertThat(pdu.malformed().reason()).isEqualTo("unknown packet type '9'");
        assertThat(pdu.children().get(1).isMalformed()).isTrue();
        assertThat(pdu.children().get(2).header(EngineIoPacket.class)).contains(EngineIoPacket.PONG);
        assertThat(Coverage.problems(pdu, 0, body.length)).isEmpty();
    }

    @Test
    void badBase64IsMalformedWithTheExactReason() {
        assertBadBase64("b!AQI", "invalid base64: '!' is not in the base64 alphabet", 1);
        assertBadBase64("bAQ!I", "invalid base64: '!' is not in the base64 alphabet", 3);
        assertBadBase64("bAQI", "invalid base64: 3 characters, not a multiple of 4", 1);
        assertBadBase64("bAQ=I", "invalid base64: 'I' after '=' padding", 4);
        assertBadBase64("bA===", "invalid base64: more than two '=' padding characters", 4);
        assertBadBase64("bAQID_A=", "invalid base64: '_' is not in the base64 alphabet", 5);
    }

    private static void assertBadBase64(String text, String reason, int offset) {
        byte[] body = utf8("4x\u001e" + text);
        EngineIoDecoded d = EngineIoCodec.decodePollingPayload(body, 0, body.length);
        assertThat(d.packets()).containsExactly(EngineIoPacket.message("x"));
        assertThat(d.malformed().reason()).isEqualTo(reason);
        assertThat(d.malformed().offset()).isEqualTo(3 + offset);
        Pdu pdu = EngineIoCodec.dissectPollingPayload(body, 0, body.length, RAW);
        assertThat(pdu.malformed().reason()).isEqualTo(reason);
        assertThat(pdu.malformed().offset()).isEqualTo(3 + offset);
        assertThat(Coverage.problems(pdu, 0, body.length)).isEmpty();
    }

    @Test
    void everyTruncationOfACapturedPayloadIsCoveredAndNeverThrows() {
        byte[] wire = utf8("451-[\"bin\",{\"_placeholder\":true,\"num\":0}]\u001ebAQIDBA==\u001e" + CAPTURED_OPEN);
        for (int len = 0; len <= wire.length; len++) {
            Pdu pdu = EngineIoCodec.dissectPollingPayload(wire, 0, len, RAW);
            assertThat(Coverage.problems(pdu, 0, len)).as("length %d", len).isEmpty();
            EngineIoCodec.decodePollingPayload(wire, 0, len);
            Pdu ws = EngineIoCodec.dissectWebSocketMessage(wire, 0, len, false, RAW);
            assertThat(Coverage.problems(ws, 0, len)).as("ws length %d", len).isEmpty();
        }
    }

    @Test
    void onlyMessagesCanBeBinary() {
        assertThatThrownBy(() -> new EngineIoPacket(EngineIoType.PING, Bytes.EMPTY, true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void typeDigits() {
        for (EngineIoType t : EngineIoType.values()) {
            assertThat(EngineIoType.ofDigit(t.digit())).isSameAs(t);
            assertThat(t.code()).isEqualTo((byte) ('0' + t.ordinal()));
        }
        assertThat(EngineIoType.ofDigit('7')).isNull();
        assertThat(EngineIoType.ofDigit('/')).isNull();
    }
}
