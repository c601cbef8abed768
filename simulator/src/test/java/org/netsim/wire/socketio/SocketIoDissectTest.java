package org.netsim.wire.socketio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netsim.wire.socketio.SocketIoDissecting.dissect;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netsim.pdu.Bytes;
import org.netsim.pdu.Coverage;
import org.netsim.pdu.Field;
import org.netsim.pdu.Pdu;

/**
 * Dissecting Socket.IO packet text into fields (type, namespace, ack id, attachments, data) at their UTF-8 bytes, with
 * summaries like an Info column; every truncation dissected with full coverage.
 */
class SocketIoDissectTest {
    @Test
    void dissectGivesEveryPartItsOwnField() {
        String text = "2/admin,13[\"foo\",{\"a\":1}]";
        Pdu pdu = dissect(text);
        List<Field> f = pdu.fields();
        assertThat(f).extracting(Field::key)
                .containsExactly("socketio.type", "socketio.nsp", "socketio.ack_id", "socketio.data");
        assertThat(f.get(0).byteStart()).isEqualTo(1);
        assertThat(f.get(0).byteEnd()).isEqualTo(2);
        assertThat(f.get(0).display()).isEqualTo("EVENT (2)");
        assertThat(f.get(0).value()).isEqualTo(2);
        assertThat(f.get(1).byteStart()).isEqualTo(2);
        assertThat(f.get(1).byteEnd()).isEqualTo(9);
        assertThat(f.get(1).display()).isEqualTo("/admin");
        assertThat(f.get(1).bytes()).isEqualTo(Bytes.ascii("/admin,"));
        assertThat(f.get(2).byteStart()).isEqualTo(9);
        assertThat(f.get(2).byteEnd()).isEqualTo(11);
        assertThat(f.get(2).value()).isEqualTo(13);
        assertThat(f.get(2).display()).isEqualTo("13");
        assertThat(f.get(3).byteStart()).isEqualTo(11);
        assertThat(f.get(3).byteEnd()).isEqualTo(1 + text.length());
        assertThat(f.get(3).display()).isEqualTo("\"foo\" [{\"a\":1}]");
        assertThat(f.get(3).explanation()).contains("JSON.stringify");
        assertThat(pdu.summary()).isEqualTo("EVENT /admin id=13 \"foo\" [{\"a\":1}]");
    }

    @Test
    void dissectShowsAttachmentCountAndPlaceholders() {
        Pdu pdu = dissect("61-/admin,15[{\"_placeholder\":true,\"num\":0}]");
        assertThat(pdu.fields()).extracting(Field::key).containsExactly("socketio.type", "socketio.attachments",
                "socketio.nsp", "socketio.ack_id", "socketio.data");
        Field att = pdu.field("socketio.attachments").orElseThrow();
        assertThat(att.byteStart()).isEqualTo(2);
        assertThat(att.byteEnd()).isEqualTo(4);
        assertThat(att.display()).isEqualTo("1 attachment");
        assertThat(pdu.field("socketio.type").orElseThrow().display()).isEqualTo("BINARY_ACK (6)");
        assertThat(pdu.field("socketio.data").orElseThrow().display()).isEqualTo("[<attachment 0>]");
        assertThat(pdu.summary()).isEqualTo("BINARY_ACK /admin id=15 [<attachment 0>] +1 attachment");
    }

    @Test
    void summariesReadLikeAnInfoColumn() {
        assertThat(dissect("2[\"chat\",\"hi\"]").summary()).isEqualTo("EVENT \"chat\" [\"hi\"]");
        assertThat(dissect("30[\"ok\"]").summary()).isEqualTo("ACK id=0 [\"ok\"]");
        assertThat(dissect("0").summary()).isEqualTo("CONNECT /");
        assertThat(dissect("0/admin,{\"token\":\"123\"}").summary()).isEqualTo("CONNECT /admin {\"token\":\"123\"}");
        assertThat(dissect("40{\"sid\":\"x\"}".substring(1)).summary()).isEqualTo("CONNECT / {\"sid\":\"x\"}");
        assertThat(dissect("1/admin,").summary()).isEqualTo("DISCONNECT /admin");
        assertThat(dissect("4{\"message\":\"Not authorized\"}").summary())
                .isEqualTo("CONNECT_ERROR {\"message\":\"Not authorized\"}");
        assertThat(dissect("52-[\"x\",{\"_placeholder\":true,\"num\":0},[{\"_placeholder\":true,\"num\":1}]]")
                .summary()).isEqualTo("BINARY_EVENT \"x\" [<attachment 0>,[<attachment 1>]] +2 attachments");
        // a text event with an object that only looks like a placeholder shows it as JSON
        assertThat(dissect("2[\"x\",{\"_placeholder\":true,\"num\":0}]").summary())
                .isEqualTo("EVENT \"x\" [{\"_placeholder\":true,\"num\":0}]");
        assertThat(dissect("").summary()).isEqualTo("CONNECT / (empty text, which socket.io-parser reads as a CONNECT)");
        String longArg = "y".repeat(300);
        String summary = dissect("2[\"x\",\"" + longArg + "\"]").summary();
        assertThat(summary).hasSize(160).endsWith("…").startsWith("EVENT \"x\" [\"yyy");
    }

    @Test
    void dissectMapsCharactersToUtf8Bytes() {
        // "2/é,3[\"€\",\"😀\"]": é is 2 bytes, € 3, 😀 4
        String text = "2/\u00e9,3[\"\u20ac\",\"\uD83D\uDE00\"]";
        Pdu pdu = dissect(text);
        Field ns = pdu.field("socketio.nsp").orElseThrow();
        assertThat(ns.byteStart()).isEqualTo(2);
        assertThat(ns.byteEnd()).isEqualTo(6);
        assertThat(ns.display()).isEqualTo("/\u00e9");
        Field id = pdu.field("socketio.ack_id").orElseThrow();
        assertThat(id.byteStart()).isEqualTo(6);
        assertThat(id.byteEnd()).isEqualTo(7);
        Field data = pdu.field("socketio.data").orElseThrow();
        assertThat(data.byteStart()).isEqualTo(7);
        assertThat(data.byteEnd()).isEqualTo(1 + text.getBytes(StandardCharsets.UTF_8).length);
        assertThat(data.display()).isEqualTo("\"\u20ac\" [\"\uD83D\uDE00\"]");
        // a malformed packet after non-ASCII text: the offset is in bytes
        Pdu bad = dissect("2/\u00e9,[\"connect\"]");
        assertThat(bad.malformed().offset()).isEqualTo(5);
    }

    @Test
    void dissectRefusesTextThatIsNotUtf8() {
        byte[] buf = {'2', '[', '"', (byte) 0xc3, '"', ']'};
        Pdu pdu = SocketIoCodec.dissect(buf, 0, buf.length);
        assertThat(pdu.malformed().reason()).isEqualTo("packet text is not valid UTF-8 (byte 3 of the packet)");
        assertThat(pdu.malformed().offset()).isZero();
        assertThat(Coverage.problems(pdu, 0, buf.length)).isEmpty();
    }

    @Test
    void whiteSpaceTypeIsShownForWhatItIs() {
        assertThat(dissect(" {}").field("socketio.type").orElseThrow().display())
                .isEqualTo("CONNECT (0): socket.io-parser reads U+0020 as 0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0/admin,", "2[\"foo\"]", "212[\"foo\"]", "3/admin,13[\"bar\"]",
            "51-[\"baz\",{\"_placeholder\":true,\"num\":0}]", "61-/admin,15[{\"_placeholder\":true,\"num\":0}]",
            "4{\"message\":\"Not authorized\"}", "1/admin,", "2[\"x\",{\"2\":2,\"10\":1,\"a\":3},\"\\u0000\\n\u2028/\"]",
            "2[\"n\",1e+21,1e-7,0.30000000000000004,-5]", "50-[\"a\"]", "212345678901234[\"x\"]"})
    void canonicalTextsSurviveDecodeThenEncode(String text) {
        assertThat(SocketIoCodec.encode(SocketIoCodec.decode(text).orThrow())).isEqualTo(text);
    }

    @Test
    void everyTruncationOfAPacketIsDissectedWithFullCoverage() {
        String[] texts = {"61-/admin,15[{\"_placeholder\":true,\"num\":0}]", "2/admin,13[\"foo\",{\"a\":[1,2]}]",
                "0/\u00e9,{\"token\":\"\u20ac\"}"};
        for (String text : texts) {
            byte[] all = text.getBytes(StandardCharsets.UTF_8);
            for (int len = 0; len <= all.length; len++) {
                Pdu pdu = SocketIoCodec.dissect(all, 0, len);
                assertThat(Coverage.problems(pdu, 0, len)).as("%s cut at %d", text, len).isEmpty();
                assertThat(pdu.length()).isEqualTo(len);
            }
        }
    }
}
