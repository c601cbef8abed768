package org.netsim.wire.socketio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.netsim.wire.socketio.SocketIoDissecting.dissect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.netsim.json.JsJson;
import org.netsim.pdu.Bytes;
import org.netsim.pdu.Pdu;

/**
 * The examples of socket.io-protocol v5 ("Packet encoding"), and socket.io-parser 4.2.4's behaviour (the parser of
 * socket.io 4.8.4) as printed by node v20.20.2 with {@code new Decoder().add(text)} and {@code new Encoder().encode(p)}.
 */
class SocketIoCodecTest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Bytes B1234 = Bytes.ofHex("01020304");

    private static ObjectNode obj(String key, String value) {
        ObjectNode o = F.objectNode();
        o.put(key, value);
        return o;
    }

    /** {packet, its text}: the spec's tables, plus the emits the lessons use. */
    static Stream<Arguments> specExamples() {
        return Stream.of(
                Arguments.of(SocketIoPacket.connect("/"), "0"),
                Arguments.of(SocketIoPacket.connected("/", "wZX3oN0bSVIhsaknAAAI"), "0{\"sid\":\"wZX3oN0bSVIhsaknAAAI\"}"),
                Arguments.of(SocketIoPacket.connect("/admin"), "0/admin,"),
                Arguments.of(SocketIoPacket.connected("/admin", "oSO0OpakMV_3jnilAAAA"),
                        "0/admin,{\"sid\":\"oSO0OpakMV_3jnilAAAA\"}"),
                Arguments.of(SocketIoPacket.connect("/", obj("token", "123")), "0{\"token\":\"123\"}"),
                Arguments.of(SocketIoPacket.connectError("/", "Not authorized"), "4{\"message\":\"Not authorized\"}"),
                Arguments.of(SocketIoPacket.event("/", "foo"), "2[\"foo\"]"),
                Arguments.of(SocketIoPacket.event("/admin", "bar"), "2/admin,[\"bar\"]"),
                Arguments.of(SocketIoPacket.eventWithAck("/", 12, "foo"), "212[\"foo\"]"),
                Arguments.of(SocketIoPacket.ack("/", 12), "312[]"),
                Arguments.of(SocketIoPacket.eventWithAck("/admin", 13, "foo"), "2/admin,13[\"foo\"]"),
                Arguments.of(SocketIoPacket.ack("/admin", 13, "bar"), "3/admin,13[\"bar\"]"),
                Arguments.of(SocketIoPacket.ack("/", 14, "bar"), "314[\"bar\"]"),
                Arguments.of(SocketIoPacket.eventWithAck("/", 15, "foo"), "215[\"foo\"]"),
                Arguments.of(SocketIoPacket.disconnect("/"), "1"),
                Arguments.of(SocketIoPacket.disconnect("/admin"), "1/admin,"),
                // the spec's sample session: socket.emit('hey', 'Jude') → 42["hey","Jude"] (after the Engine.IO 4)
                Arguments.of(SocketIoPacket.event("/", "hey", "Jude"), "2[\"hey\",\"Jude\"]"),
                // node: new Encoder().encode({type:2,nsp:"/",data:["some-event","hello"]})
                Arguments.of(SocketIoPacket.event("/", "some-event", "hello"), "2[\"some-event\",\"hello\"]"),
                Arguments.of(SocketIoPacket.event("/", "chat", "hi"), "2[\"chat\",\"hi\"]"),
                Arguments.of(SocketIoPacket.event("/", "n", 1, 2.5, 0, 1e21, 1e-7, true, null),
                        "2[\"n\",1,2.5,0,1e+21,1e-7,true,null]"),
                Arguments.of(SocketIoPacket.eventWithAck("/", 0, "x"), "20[\"x\"]"),
                Arguments.of(SocketIoPacket.connectError("/", TextNode.valueOf("oops")), "4\"oops\""));
    }

    @ParameterizedTest
    @MethodSource("specExamples")
    void encodesTheSpecExamplesAndDecodesThemBack(SocketIoPacket p, String text) {
        assertThat(SocketIoCodec.encode(p)).isEqualTo(text);
        DecodeResult r = SocketIoCodec.decode(text);
        assertThat(r.error()).isNull();
        assertThat(r.packet()).isEqualTo(p);
        assertThat(SocketIoCodec.encode(r.packet())).isEqualTo(text);
        Pdu pdu = dissect(text);
        assertThat(pdu.isMalformed()).isFalse();
        assertThat(pdu.header(SocketIoPacket.class)).contains(r.packet());
    }

    @Test
    void numbersAreWrittenAsJavaScriptWritesThem() {
        // node: new Encoder().encode({type:2,nsp:"/",data:["n",-0,NaN,0.1+0.2,2**60]})
        //       → 2["n",0,null,0.30000000000000004,1152921504606847000]
        assertThat(SocketIoCodec.encode(SocketIoPacket.event("/", "n", -0.0, Double.NaN, 0.1 + 0.2, 1L << 60)))
                .isEqualTo("2[\"n\",0,null,0.30000000000000004,1152921504606847000]");
    }

    @Test
    void binaryEventFromTheSpec() {
        SocketIoPacket p = SocketIoPacket.event("/", "baz", B1234);
        assertThat(p.type()).isEqualTo(SocketIoType.BINARY_EVENT);
        EncodedSocketIo e = SocketIoCodec.encodeWithAttachments(p);
        assertThat(e.text()).isEqualTo("51-[\"baz\",{\"_placeholder\":true,\"num\":0}]");
        assertThat(e.attachments()).containsExactly(B1234);

        SocketIoPacket two = SocketIoPacket.event("/admin", "baz", Bytes.ofHex("0102"), Bytes.ofHex("0304"));
        EncodedSocketIo e2 = SocketIoCodec.encodeWithAttachments(two);
        assertThat(e2.text()).isEqualTo(
                "52-/admin,[\"baz\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
        assertThat(e2.attachments()).containsExactly(Bytes.ofHex("0102"), Bytes.ofHex("0304"));

        assertThat(SocketIoCodec.encode(SocketIoPacket.eventWithAck("/", 14, "foo", B1234)))
                .isEqualTo("51-14[\"foo\",{\"_placeholder\":true,\"num\":0}]");
        assertThat(SocketIoCodec.encode(SocketIoPacket.ack("/", 15, "bar", B1234)))
                .isEqualTo("61-15[\"bar\",{\"_placeholder\":true,\"num\":0}]");
        SocketIoPacket binaryAck = SocketIoPacket.ack("/admin", 15, B1234);
        assertThat(binaryAck.type()).isEqualTo(SocketIoType.BINARY_ACK);
        assertThat(SocketIoCodec.encode(binaryAck)).isEqualTo("61-/admin,15[{\"_placeholder\":true,\"num\":0}]");
    }

    @Test
    void decodingABinaryEventWaitsForItsAttachmentsThenPutsThemBack() {
        String text = "51-[\"baz\",{\"_placeholder\":true,\"num\":0}]";
        SocketIoPacket textOnly = SocketIoCodec.decode(text).orThrow();
        assertThat(textOnly.type()).isEqualTo(SocketIoType.BINARY_EVENT);
        assertThat(textOnly.attachmentCount()).isEqualTo(1);
        assertThat(textOnly.isComplete()).isFalse();
        assertThat(textOnly.event()).isEqualTo("baz");
        // without the buffer the placeholder stays
        assertThat(textOnly.args().get(0).get("_placeholder").booleanValue()).isTrue();

        SocketIoPacket full = SocketIoCodec.decode(text, List.of(B1234)).orThrow();
        assertThat(full.isComplete()).isTrue();
        assertThat(full.args()).containsExactly(BinaryNode.valueOf(new byte[] {1, 2, 3, 4}));
        assertThat(full).isEqualTo(SocketIoPacket.event("/", "baz", B1234));
        assertThat(full).isEqualTo(textOnly.withAttachments(List.of(B1234)));
        assertThat(SocketIoCodec.encodeWithAttachments(full)).isEqualTo(new EncodedSocketIo(text, List.of(B1234)));
    }

    @Test
    void placeholdersAreNumberedDepthFirstInJavaScriptKeyOrder() {
        // node: new Encoder().encode({type:2, nsp:"/", id:7, data:["x", {b: Buffer.from([2]),
        //   "1": [Buffer.from([1]), {z: Buffer.from([3])}], a: Buffer.from([4])}, Buffer.from([5])]})
        // → 55-7["x",{"1":[{..num:0},{"z":{..num:1}}],"b":{..num:2},"a":{..num:3}},{..num:4}] + 01 03 02 04 05
        ObjectNode inner = F.objectNode();
        inner.set("b", BinaryNode.valueOf(new byte[] {2}));
        inner.set("1", F.arrayNode().add(BinaryNode.valueOf(new byte[] {1}))
                .add(F.objectNode().set("z", BinaryNode.valueOf(new byte[] {3}))));
        inner.set("a", BinaryNode.valueOf(new byte[] {4}));
        SocketIoPacket p = SocketIoPacket.eventWithAck("/", 7, "x", inner, Bytes.ofHex("05"));
        EncodedSocketIo e = SocketIoCodec.encodeWithAttachments(p);
        assertThat(e.text()).isEqualTo("55-7[\"x\",{\"1\":[{\"_placeholder\":true,\"num\":0},{\"z\":{\"_placeholder\":true,"
                + "\"num\":1}}],\"b\":{\"_placeholder\":true,\"num\":2},\"a\":{\"_placeholder\":true,\"num\":3}},"
                + "{\"_placeholder\":true,\"num\":4}]");
        assertThat(e.attachments()).containsExactly(Bytes.ofHex("01"), Bytes.ofHex("03"), Bytes.ofHex("02"), Bytes.ofHex("04"), Bytes.ofHex("05"));

        SocketIoPacket back = SocketIoCodec.decode(e.text(), e.attachments()).orThrow();
        assertThat(back).isEqualTo(p);
        JsonNode rebuilt = back.args().get(0);
        assertThat(rebuilt.get("1").get(1).get("z")).isEqualTo(BinaryNode.valueOf(new byte[] {3}));
        assertThat(rebuilt.get("a")).isEqualTo(BinaryNode.valueOf(new byte[] {4}));
        assertThat(back.args().get(1)).isEqualTo(BinaryNode.valueOf(new byte[] {5}));
        assertThat(back.dataWithBinary().get(0)).isEqualTo(TextNode.valueOf("x"));
    }

    @Test
    void binaryOutsideEventsAndAcksIsWrittenAsNodeWritesABuffer() {
        // node: new Encoder().encode({type:0, nsp:"/", data:{token: Buffer.from([1])}}) → 0{"token":{"type":"Buffer","data":[1]}}
        ObjectNode auth = F.objectNode();
        auth.set("token", BinaryNode.valueOf(new byte[] {1}));
        SocketIoPacket p = SocketIoPacket.connect("/", auth);
        assertThat(p.type()).isEqualTo(SocketIoType.CONNECT);
        assertThat(SocketIoCodec.encode(p)).isEqualTo("0{\"token\":{\"type\":\"Buffer\",\"data\":[1]}}");
    }

    @Test
    void accessorsGiveTheEventNameAndArguments() {
        SocketIoPacket p = SocketIoPacket.eventWithAck("/chat", 3, "msg", "hi", 2);
        assertThat(p.event()).isEqualTo("msg");
        assertThat(p.args()).containsExactly(TextNode.valueOf("hi"), DoubleNode.valueOf(2));
        assertThat(p.ackId()).isEqualTo(3L);
        SocketIoPacket a = SocketIoPacket.ack("/", 3, "ok");
        assertThat(a.event()).isNull();
        assertThat(a.args()).containsExactly(TextNode.valueOf("ok"));
        assertThat(SocketIoPacket.connect("/").args()).isEmpty();
        assertThat(SocketIoCodec.decode("2[1,\"x\"]").orThrow().event()).isNull();
    }

    /** Texts socket.io-parser accepts although no encoder writes them: the decoder must accept them too. */
    static Stream<Arguments> parserQuirks() {
        return Stream.of(
                // node: "" => {"type":0,"nsp":"/"}  (Number("") is 0)
                Arguments.of("", SocketIoPacket.connect("/")),
                // node: " " => {"type":0,"nsp":"/"}; "\u00a0{}" => {"type":0,"nsp":"/","data":{}}
                Arguments.of(" ", SocketIoPacket.connect("/")),
                Arguments.of("\u00a0{}", SocketIoPacket.connect("/", F.objectNode())),
                // node: "2" => {"type":2,"nsp":"/"}; "3" => {"type":3,"nsp":"/"}
                Arguments.of("2", SocketIoPacket.of(SocketIoType.EVENT, "/", null, null)),
                Arguments.of("3", SocketIoPacket.of(SocketIoType.ACK, "/", null, null)),
                // node: "2[1]" => {"type":2,"nsp":"/","data":[1]}  (a number is a valid event name)
                Arguments.of("2[1]", SocketIoPacket.of(SocketIoType.EVENT, "/", null, F.arrayNode().add(1.0))),
                // node: "2 [\"a\"]" => {"type":2,"nsp":"/","id":0,"data":["a"]}  (Number(" ") is 0)
                Arguments.of("2 [\"a\"]", SocketIoPacket.eventWithAck("/", 0, "a")),
                // node: "2007[\"x\"]" => id 7
                Arguments.of("2007[\"x\"]", SocketIoPacket.eventWithAck("/", 7, "x")),
                // node: "212[\"foo\"] " => id 12, data ["foo"]
                Arguments.of("212[\"foo\"] ", SocketIoPacket.eventWithAck("/", 12, "foo")),
                // node: "2/admin" => {"type":2,"nsp":"/admin"}; "2/admin[\"x\"]" => {"type":2,"nsp":"/admin[\"x\"]"}
                Arguments.of("2/admin", SocketIoPacket.of(SocketIoType.EVENT, "/admin", null, null)),
                Arguments.of("2/admin[\"x\"]", SocketIoPacket.of(SocketIoType.EVENT, "/admin[\"x\"]", null, null)),
                // node: "2/,[\"x\"]" => nsp "/"
                Arguments.of("2/,[\"x\"]", SocketIoPacket.event("/", "x")),
                // node: "0/é," => nsp "/é"
                Arguments.of("0/\u00e9,", SocketIoPacket.connect("/\u00e9")),
                // node: "5-[\"a\"]" => attachments 0 (Number("") is 0), emitted at once
                Arguments.of("5-[\"a\"]", new SocketIoPacket(SocketIoType.BINARY_EVENT, "/", null,
                        F.arrayNode().add("a"), 0, List.of())),
                // node: "50-[\"a\",{\"_placeholder\":true,\"num\":0}]" => emitted as is, placeholder and all
                Arguments.of("50-[\"a\",{\"_placeholder\":true,\"num\":0}]", new SocketIoPacket(
                        SocketIoType.BINARY_EVENT, "/", null, JsJson.parse("[\"a\",{\"_placeholder\":true,\"num\":0}]"),
                        0, List.of())),
                // Number("+2") is 2
                Arguments.of("5+2-[\"a\"]", new SocketIoPacket(SocketIoType.BINARY_EVENT, "/", null,
                        F.arrayNode().add("a"), 2, List.of())));
    }

    @ParameterizedTest
    @MethodSource("parserQuirks")
    void acceptsWhatSocketIoParserAccepts(String text, SocketIoPacket expected) {
        assertThat(SocketIoCodec.decode(text).packet()).isEqualTo(expected);
        Pdu pdu = dissect(text);
        assertThat(pdu.isMalformed()).isFalse();
        assertThat(pdu.header(SocketIoPacket.class)).contains(expected);
    }

    /** {text, reason, offset}: node's socket.io-parser rejects each of these (its message in the comment). */
    static Stream<Arguments> malformed() {
        return Stream.of(
                // unknown packet type 9 / NaN / 7
                Arguments.of("9", "unknown packet type '9'", 0),
                Arguments.of("a", "unknown packet type 'a'", 0),
                Arguments.of("7[]", "unknown packet type '7'", 0),
                Arguments.of("\u0001", "unknown packet type U+0001", 0),
                // invalid payload
                Arguments.of("2[]", "invalid payload: EVENT data must not be empty: its first element is the event name",
                        1),
                Arguments.of("2{}", "invalid payload: EVENT data must be an array", 1),
                Arguments.of("2[null]", "invalid payload: the event name must be a string (or a number)", 1),
                Arguments.of("2[\"connect\"]", "invalid payload: \"connect\" is a reserved event name", 1),
                Arguments.of("2[\"disconnecting\",1]", "invalid payload: \"disconnecting\" is a reserved event name", 1),
                Arguments.of("2/admin,[\"removeListener\"]",
                        "invalid payload: \"removeListener\" is a reserved event name", 8),
                Arguments.of("0[]", "invalid payload: CONNECT data must be an object", 1),
                Arguments.of("0\"x\"", "invalid payload: CONNECT data must be an object", 1),
                Arguments.of("1{}", "invalid payload: DISCONNECT carries no data", 1),
                Arguments.of("3{}", "invalid payload: ACK data must be an array", 1),
                Arguments.of("4[]", "invalid payload: CONNECT_ERROR data must be a string or an object", 1),
                Arguments.of("51-{}", "invalid payload: BINARY_EVENT data must be an array", 3),
                Arguments.of("0x1", "invalid payload: Unexpected character 'x' at line 1, column 1: expected a value", 1),
                Arguments.of("2[\"a\",]", "invalid payload: Unexpected character ']' at line 1, column 6: expected a value",
                        1),
                Arguments.of("2[\"foo\"]x",
                        "invalid payload: Unexpected character 'x' at line 1, column 8: expected the end of the JSON text",
                        1),
                Arguments.of("2/a,b,[\"x\"]",
                        "invalid payload: Unexpected character 'b' at line 1, column 1: expected a value", 4),
                // Illegal attachments
                Arguments.of("5[\"a\"]", "illegal attachments: no '-' after the attachment count", 1),
                Arguments.of("6", "illegal attachments: no '-' after the attachment count", 1),
                Arguments.of("5x-[\"a\"]", "illegal attachments: 'x' is not a number", 1),
                Arguments.of("51[\"a\"]", "illegal attachments: no '-' after the attachment count", 1),
                // accepted by the parser, which then waits forever for one and a half buffers
                Arguments.of("51.5-[\"a\"]", "illegal attachments: 1.5 is not a whole number of buffers", 1),
                // would fail in reconstructPacket ("illegal attachments") once the one buffer arrived
                Arguments.of("51-[\"a\",{\"_placeholder\":true,\"num\":1}]",
                        "illegal attachments: placeholder num 1, but the packet declares 1 attachment", 3),
                Arguments.of("62-[{\"_placeholder\":true,\"num\":\"0\"}]",
                        "illegal attachments: placeholder num \"0\", but the packet declares 2 attachments", 3),
                // node: "21 2[\"a\"]" => id NaN (printed as null): a Long cannot hold it
                Arguments.of("21 2[\"a\"]", "ack id '1 2' is not a number", 1),
                Arguments.of("299999999999999999999[\"a\"]", "ack id 99999999999999999999 is too large", 1));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void rejectsWhatSocketIoParserRejectsWithTheReason(String text, String reason, int offset) {
        DecodeResult r = SocketIoCodec.decode(text);
        assertThat(r.isOk()).isFalse();
        assertThat(r.error()).isEqualTo(reason);
        assertThat(r.errorOffset()).isEqualTo(offset);
        assertThatThrownBy(r::orThrow).isInstanceOf(IllegalStateException.class).hasMessageStartingWith(reason);

        Pdu pdu = dissect(text);
        assertThat(pdu.isMalformed()).isTrue();
        assertThat(pdu.malformed().reason()).isEqualTo(reason);
        assertThat(pdu.malformed().offset()).isEqualTo(offset);
        assertThat(pdu.summary()).isEqualTo("Malformed: " + reason);
        if (offset < text.length()) {
            assertThat(pdu.field("socketio.malformed").orElseThrow().byteStart()).isEqualTo(offset);
        }
    }

    @Test
    void decodeWithAttachmentsChecksTheirNumber() {
        String text = "52-[\"a\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]";
        assertThat(SocketIoCodec.decode(text, List.of(B1234)).error())
                .isEqualTo("illegal attachments: the packet declares 2 but 1 arrived");
        assertThat(SocketIoCodec.decode("2[\"a\"]", List.of(B1234)).error())
                .isEqualTo("got binary data when not reconstructing a packet: EVENT has no attachments");
        assertThat(SocketIoCodec.decode(text, List.of(Bytes.ofHex("01"), Bytes.ofHex("02"))).orThrow().args())
                .containsExactly(BinaryNode.valueOf(new byte[] {1}), BinaryNode.valueOf(new byte[] {2}));
        assertThat(SocketIoCodec.decode("9", List.of()).error()).isEqualTo("unknown packet type '9'");
    }

    @Test
    void packetsRefuseWhatTheWireCannotCarry() {
        assertThatThrownBy(() -> SocketIoPacket.event("admin", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a namespace starts with '/' and holds no ',': admin");
        assertThatThrownBy(() -> SocketIoPacket.event("/a,b", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SocketIoPacket(SocketIoType.EVENT, "/", null, null, 1, List.of()))
                .hasMessage("only BINARY_EVENT and BINARY_ACK carry attachments, not EVENT");
        assertThatThrownBy(() -> new SocketIoPacket(SocketIoType.BINARY_EVENT, "/", null, null, 0, List.of(B1234)))
                .hasMessage("1 attachments for a packet that declares 0");
        assertThatThrownBy(() -> SocketIoPacket.ack("/", -1)).hasMessage("negative ack id -1");
        assertThatThrownBy(() -> SocketIoPacket.event("/", "x", new Object())).isInstanceOf(IllegalArgumentException.class);
        assertThat(SocketIoPacket.event(null, "x").namespace()).isEqualTo("/");
        assertThat(SocketIoPacket.event("", "x").namespace()).isEqualTo("/");
    }
}
