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
}
