package org.netsim.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.netsim.capture.decode.CaptureDecoder;
import org.netsim.capture.decode.CaptureMessage;

/** Which servers of a capture are not Node's socket.io, from their handshakes. */
class ServerLibrariesTest {
    private static final String SERVER = "127.0.0.1:3457";
    private static final String CLIENT = "127.0.0.1:48892";

    @Test
    void nodesOwnCapturesHaveNoVerdict() throws Exception {
        for (String name : List.of("websocket-only.pcap", "polling-only.pcap", "rooms-broadcast.pcap")) {
            ServerLibraries libraries = new ServerLibraries();
            List<CaptureMessage> all = CaptureDecoder.decodeAll(MessageComparisonTest.CAPTURES.resolve(name),
                    CaptureDecoder.Options.DEFAULT);
            all.forEach(libraries::observe);
            assertThat(all).as(name).allSatisfy(m -> assertThat(libraries.notNode(m)).isEmpty());
        }
    }

    /** netty-socketio 2.0 as the built-in peer sends it over WebSocket (the decoder rejects its open packet). */
    @Test
    void nettySocketioIsToldByItsHandshakeAndItsIds() {
        ServerLibraries libraries = new ServerLibraries();
        libraries.observe(malformed(SERVER, CLIENT, "Engine.IO: open packet: handshake has no integer \"maxPayload\""));
        libraries.observe(message(SERVER, CLIENT, "socket.io", "CONNECT", null,
                "{\"sid\":\"493f5a62-f726-4499-9df4-b21b8a302db5\"}", "40{\"sid\":\"493f5a62-f726-4499-9df4-b21b8a302db5\"}"));
        // a second session adds nothing new
        libraries.observe(message(SERVER, "127.0.0.1:50000", "socket.io", "CONNECT", null,
                "{\"sid\":\"11111111-f726-4499-9df4-b21b8a302db5\"}", "40{}"));
        CaptureMessage event = message(CLIENT, SERVER, "socket.io", "EVENT", "chat", "[\"hi\"]", "42[\"chat\",\"hi\"]");
        ServerLibraries.Verdict v = libraries.notNode(event).orElseThrow();
        assertThat(v.server()).isEqualTo(SERVER);
        assertThat(v.library()).isEqualTo("netty-socketio");
        assertThat(v.signs()).hasSize(2);
        assertThat(v.signs().get(0)).contains("open packet", "maxPayload");
        assertThat(v.signs().get(1)).contains("UUID", "493f5a62-f726-4499-9df4-b21b8a302db5");
        // the other direction too; and another server of the same capture is not judged by it
        assertThat(libraries.notNode(message(SERVER, CLIENT, "socket.io", "EVENT", "chat", "[]", "42[\"chat\"]")))
                .isPresent();
        assertThat(libraries.notNode(message("127.0.0.1:51000", "127.0.0.1:3000", "socket.io", "EVENT", "chat",
                "[]", "42[\"chat\"]"))).isEmpty();
    }

    @Test
    void anOpenPacketWithOtherKeysIsASignEvenWhenItDecodes() {
        ServerLibraries libraries = new ServerLibraries();
        libraries.observe(message(SERVER, CLIENT, "engine.io", "OPEN", null, null,
                "0{\"sid\":\"abc\",\"upgrades\":[],\"pingTimeout\":60000,\"pingInterval\":25000,\"maxPayload\":1}"));
        ServerLibraries.Verdict v = libraries.notNode(message(CLIENT, SERVER, "socket.io", "EVENT", "x", "[]",
                "42[\"x\"]")).orElseThrow();
        assertThat(v.library()).isNull();
        assertThat(v.signs()).anySatisfy(s -> assertThat(s).contains("sid, upgrades, pingTimeout, pingInterval"))
                .anySatisfy(s -> assertThat(s).contains("abc", "20-character"));
    }

    static CaptureMessage message(String src, String dst, String protocol, String type, String event, String args,
                                  String text) {
        return new CaptureMessage(CaptureMessage.Kind.MESSAGE, 1, 1, 0, src, dst, "websocket", protocol, type, "/",
                event, args, null, List.of(), text, 0, null, 0, null, List.of());
    }

    static CaptureMessage malformed(String src, String dst, String why) {
        return new CaptureMessage(CaptureMessage.Kind.MALFORMED, 1, 1, 0, src, dst, "websocket", null, null, null,
                null, null, null, List.of(), null, 0, null, 0, why, List.of());
    }
}
