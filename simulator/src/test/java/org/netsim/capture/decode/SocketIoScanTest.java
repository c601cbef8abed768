package org.netsim.capture.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netsim.wire.socketio.DecodeResult;
import org.netsim.wire.socketio.SocketIoCodec;
import org.netsim.wire.socketio.SocketIoPacket;

/** The fast path says what the full path (SocketIoCodec and JsJson) says, or leaves the packet to it. */
class SocketIoScanTest {
    /** What the full path makes of a packet text: type, namespace, event, args, ack id; or its error. */
    static String full(String text) {
        DecodeResult r = SocketIoCodec.decode(text);
        if (!r.isOk()) {
            return "error " + r.error();
        }
        SocketIoPacket p = r.packet();
        return p.type() + " " + p.namespace() + " " + SocketIoSessions.eventName(p) + " "
                + SocketIoSessions.argumentsText(p) + " " + p.ackId();
    }

    static String fast(String text) {
        SocketIoScan s = new SocketIoScan();
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        if (!s.scan(b, 0, b.length)) {
            return null;
        }
        String args = s.argsFrom < 0 ? null : (s.argsBracket ? "[" : "") + SocketIoScan.text(b, s.argsFrom, s.argsTo);
        return new String[] {"CONNECT", "DISCONNECT", "EVENT", "ACK"}[s.type] + " " + s.namespace + " " + s.event
                + " " + args + " " + (s.hasAckId ? s.ackId : null);
    }

    static final List<String> TEXTS = List.of("0", "0/admin,", "0{\"token\":\"123\"}", "0/admin,{\"sid\":\"x\"}",
            "1", "1/admin,", "2[\"chat\",\"hi\"]", "2[\"chat\"]", "2/admin,[\"admin-event\",\"hi admin\"]",
            "20[\"x\",1]", "2123[\"x\",1,2,3]", "3[\"ok\",2]", "30[\"ok\",2]", "3/a,7[]", "2[\"n\",-12,0,true,false,null]",
            "2[\"n\",1.5]", "2[\"n\",-0]", "2[\"n\",1e21]", "2[\"n\",01]", "2[\"n\",1234567890123456]",
            "2[\"s\",\"a\\\"b\\\\c\\n\\t\\u0001\"]", "2[\"s\",\"\\u000a\"]", "2[\"s\",\"\\u0041\"]", "2[\"s\",\"\\/\"]",
            "2[\"s\",\"\\u001F\"]", "2[\"e\u00e9\",\"\u20ac\u2028\ud83d\ude00\"]", "2[\"o\",{\"a\":1,\"b\":[true,null]}]",
            "2[\"o\",{\"1\":1,\"a\":2}]", "2[\"o\",{\"a\":1,\"a\":2}]", "2[\"o\",{\"__proto__\":1}]",
            "2[\"connect\"]", "2[\"disconnecting\",1]", "2[1,2]", "2[]", "2{}", "2\"x\"", "2", "3", "3{}",
            "1{}", "0[]", "0 ", "2 [\"x\"]", "2[\"x\" ]", "2[\"x\",]", "2[\"x\"", "2[\"x\",1]]", "0/admin",
            "20 [\"x\"]", "2[\"x\",{\"k\":[{\"k\":[1,{\"z\":\"\"}]}]}]", "2[\"\\u00e9\"]", "2[\"a\\nb\",1]",
            "5", "51-[\"bin\",{\"_placeholder\":true,\"num\":0}]", "4{\"message\":\"no\"}", "9", "x", "",
            "2[\"x\",\"\u0007\"]", "2[\"x\",true,false,null,\"\",[],{}]");

    @Test
    void whereTheFastPathAnswersItAgreesWithTheFullPath() {
        int answered = 0;
        List<String> left = new ArrayList<>();
        for (String t : TEXTS) {
            String f = fast(t);
            if (f != null) {
                answered++;
                assertThat(f).as(t).isEqualTo(full(t));
            } else {
                left.add(t);
            }
        }
        // the usual packets are answered; the doubtful ones go the full way
        assertThat(answered).isGreaterThanOrEqualTo(20);
        assertThat(left).contains("2[\"n\",1.5]", "2[\"s\",\"\\u0041\"]", "2[\"o\",{\"1\":1,\"a\":2}]",
                "2[\"o\",{\"a\":1,\"a\":2}]", "2[\"connect\"]", "2[1,2]", "2 [\"x\"]", "5", "");
        assertThat(fast("2[\"chat\",\"hi\"]")).isEqualTo("EVENT / chat [\"hi\"] null");
        assertThat(fast("2[\"s\",\"a\\\"b\\\\c\\n\\t\\u0001\"]")).isNotNull();
    }
}
