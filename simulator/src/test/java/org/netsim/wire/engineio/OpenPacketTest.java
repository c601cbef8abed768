package org.netsim.wire.engineio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OpenPacketTest {
    @Test
    void jsonIsExactlyWhatNodeWrites() {
        // real capture, frame 6 (polling) and frame 154 (WebSocket-only session)
        assertThat(OpenPacket.polling("vZ176bRWp5f4hMPjAAAA").toJson()).isEqualTo(
                "{\"sid\":\"vZ176bRWp5f4hMPjAAAA\",\"upgrades\":[\"websocket\"],\"pingInterval\":25000,"
                        + "\"pingTimeout\":20000,\"maxPayload\":1000000}");
        assertThat(OpenPacket.webSocket("dTqnSLJyRVvOLt2iAAAC").toJson()).isEqualTo(
                "{\"sid\":\"dTqnSLJyRVvOLt2iAAAC\",\"upgrades\":[],\"pingInterval\":25000,"
                        + "\"pingTimeout\":20000,\"maxPayload\":1000000}");
    }

    @Test
    void parsesBackAndIgnoresKeyOrderWhenReading() {
        OpenPacket p = new OpenPacket("abc", List.of("websocket", "webtransport"), 300, 200, 1000);
        assertThat(OpenPacket.parse(p.toJson())).isEqualTo(p);
        assertThat(OpenPacket.parse("{\"upgrades\":[],\"maxPayload\":5,\"sid\":\"x\",\"pingTimeout\":2,"
                + "\"pingInterval\":1}")).isEqualTo(new OpenPacket("x", List.of(), 1, 2, 5));
    }

    @Test
    void stringsAreEscapedLikeJsonStringify() {
        OpenPacket p = new OpenPacket("a\"b\\c\n\u0001é/\ud800", List.of(), 1, 2, 3);
        assertThat(p.toJson()).startsWith("{\"sid\":\"a\\\"b\\\\c\\n\\u0001é/\\ud800\",");
    }

    @Test
    void badHandshakesSayWhatIsMissing() {
        assertThatThrownBy(() -> OpenPacket.parse("{")).hasMessage("handshake is not valid JSON");
        assertThatThrownBy(() -> OpenPacket.parse("[]")).hasMessage("handshake is not a JSON object");
        assertThatThrownBy(() -> OpenPacket.parse("{\"sid\":\"x\"}")).hasMessage("handshake has no array \"upgrades\"");
        assertThatThrownBy(() -> OpenPacket.parse("{\"sid\":\"x\",\"upgrades\":[],\"pingInterval\":1.5}"))
                .hasMessage("handshake has no integer \"pingInterval\"");
        assertThat(OpenPacket.tryParse("nope")).isNull();
    }

    /** netty-socketio 2.0 (the built-in peer) sends no maxPayload; engine.io-client and socket.io-client-java accept that. */
    @Test
    void aHandshakeWithoutMaxPayloadIsAHandshake() {
        String netty = "{\"sid\":\"53df98ca-147b-43e0-9fd2-b2ef13498ceb\",\"upgrades\":[\"websocket\"],"
                + "\"pingInterval\":25000,\"pingTimeout\":60000}";
        OpenPacket p = OpenPacket.parse(netty);
        assertThat(p.sid()).isEqualTo("53df98ca-147b-43e0-9fd2-b2ef13498ceb");
        assertThat(p.maxPayload()).isEqualTo(OpenPacket.NO_MAX_PAYLOAD);
        assertThat(p.toJson()).isEqualTo(netty);
        assertThatThrownBy(() -> OpenPacket.parse(netty.replace("}", ",\"maxPayload\":\"big\"}")))
                .hasMessage("handshake has no integer \"maxPayload\"");
    }
}
