package org.netsim.wire.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.netsim.pdu.Bytes;
import org.netsim.pdu.Coverage;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.PayloadDissector;
import org.netsim.pdu.Protocol;

/** What the WebSocket codec tests share: RFC 6455's masking key and "Hello", hex both ways, whole-range checks. */
final class WebSocketTestBytes {
    static final Bytes KEY = Bytes.ofHex("37fa213d");
    static final Bytes HELLO = Bytes.ascii("Hello");

    /*
     * node-socketio-4.8.4-sessions.pcap frame 131, client (port 44398) to server, WebSocket layer only:
     *   81 8f d3 3c 99 da e7 0e c2 f8 b0 54 f8 ae f1 10 bb b2 ba 1e c4
     * Unmasked (tshark): 42["chat","hi"]
     */
    static final byte[] NODE_CLIENT = Bytes.ofHex("818fd33c99dae70ec2f8b054f8aef110bbb2ba1ec4").toArray();
    /*
     * Frame 137, server (port 3107) to client, WebSocket layer only:
     *   81 0f 34 32 5b 22 63 68 61 74 22 2c 22 68 69 22 5d
     */
    static final byte[] NODE_SERVER = Bytes.ofHex("810f34325b2263686174222c226869225d").toArray();

    private WebSocketTestBytes() {
    }

    static byte[] hex(String h) {
        return Bytes.ofHex(h).toArray();
    }

    static String hex(byte[] b) {
        return Bytes.wrap(b).hexSpaced();
    }

    /** Every frame of a dissected range under one root, so Coverage can check the whole range at once. */
    static List<String> coverage(List<Pdu> pdus, int offset, int length) {
        Pdu root = Pdu.builder(Protocol.TCP, offset).children(pdus).end(offset + length).build();
        return Coverage.problems(root, offset, length);
    }

    static List<Pdu> dissectRaw(byte[] buf) {
        return WebSocketCodec.dissect(buf, 0, buf.length, PayloadDissector.raw());
    }

    static WebSocketFrame decodeAll(byte[] buf) {
        WebSocketDecoded d = WebSocketCodec.decode(buf, 0, buf.length);
        assertThat(d.isComplete()).as("decoded %s", d).isTrue();
        assertThat(d.consumed()).isEqualTo(buf.length);
        return d.frame();
    }
}
