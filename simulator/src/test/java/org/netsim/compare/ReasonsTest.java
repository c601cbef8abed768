package org.netsim.compare;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.netsim.pdu.Bytes;
import org.netsim.pdu.Field;
import org.netsim.pdu.FieldFormat;
import org.netsim.pdu.FieldSpec;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.Protocol;
import org.netsim.stack.StackDissector;
import org.netsim.wire.websocket.WebSocketCodec;
import org.netsim.wire.websocket.WebSocketFrame;

/** The reasons that depend on more than the key: the TTL, a WebSocket payload masked or not, HTTP header lines. */
class ReasonsTest {
    @Test
    void theTimeToLiveIsExplainedByRouters() {
        FieldDifference d = explain(field(Protocol.IPV4, "ip.ttl", 64), field(Protocol.IPV4, "ip.ttl", 63), null);
        assertThat(d.why()).contains("router", "64");
        assertThat(d.expected()).isTrue();
    }

    @Test
    void aWebSocketPayloadIsDataAsSentWhetherOrNotTheFrameIsMasked() {
        Pdu unmasked = StackDissector.dissectWebSocketMessage(WebSocketCodec.encode(
                WebSocketFrame.binary(Bytes.of((byte) 1))));
        FieldDifference server = Reasons.explain(payload("aa"), payload("ab"), new Reasons.Layers(null, unmasked));
        assertThat(server.why()).startsWith("The server does not mask its frames").doesNotContain("key");
        assertThat(server.expected()).isFalse();

        Pdu masked = StackDissector.dissectWebSocketMessage(WebSocketCodec.encode(
                WebSocketFrame.binary(Bytes.of((byte) 1)).masked(new org.netsim.random.SeededRandom(1))));
        FieldDifference client = Reasons.explain(payload("aa"), payload("ab"), new Reasons.Layers(null, masked));
        assertThat(client.why()).contains("unmasked", "different data");
        assertThat(client.expected()).isFalse();

        FieldDifference length = explain(field(Protocol.WEBSOCKET, "websocket.payload_length", 5),
                field(Protocol.WEBSOCKET, "websocket.payload_length", 6), masked);
        assertThat(length.why()).startsWith("A length follows");
        assertThat(length.expected()).isTrue();
    }

    @Test
    void headerLinesDifferForTheClockTheLengthAndTheAddressOnly() {
        assertThat(explain(header("Date: Thu, 01 Jan 2026 00:00:00 GMT"), header("Date: Wed, 25 Nov 2026 06:15:28 GMT"),
                null).expected()).isTrue();
        assertThat(explain(header("Content-Length: 9"), header("Content-Length: 61"), null).why())
                .startsWith("A length follows");
        FieldDifference other = explain(header("Connection: close"), header("Connection: keep-alive"), null);
        assertThat(other.expected()).isFalse();
        FieldDifference mixed = explain(header("Date: x"), header("Server: y"), null);
        assertThat(mixed.expected()).as("two different headers at the same place").isFalse();
    }

    private static FieldDifference explain(Field sim, Field cap, Pdu layer) {
        return Reasons.explain(sim, cap, new Reasons.Layers(null, layer));
    }

    private static Field field(Protocol p, String key, long value) {
        return new Field(FieldSpec.fixed(p, key, key, 0, 8, FieldFormat.DECIMAL, "test", "test"), 0, 8, value,
                null, null, null);
    }

    private static Field payload(String hex) {
        Bytes b = Bytes.ofHex(hex);
        return new Field(FieldSpec.variable(Protocol.WEBSOCKET, "websocket.payload", "Payload data",
                FieldFormat.BYTES, "test", "test"), 0, b.length() * 8L, 0, b, null, null);
    }

    private static Field header(String line) {
        Bytes b = Bytes.ascii(line);
        return new Field(FieldSpec.variable(Protocol.HTTP, "http.header", "Header", FieldFormat.TEXT, "test",
                "test"), 0, b.length() * 8L, 0, b, line, null);
    }
}
