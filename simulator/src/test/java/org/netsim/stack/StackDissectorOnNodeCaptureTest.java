package org.netsim.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netsim.json.JsJson;
import org.netsim.pdu.Coverage;
import org.netsim.pdu.Pdu;

/**
 * Decodes a real capture of Node's socket.io 4.8.4 (three clients on loopback: polling only, polling then upgrade,
 * WebSocket only; see the README beside the file) through the whole stack.
 */
class StackDissectorOnNodeCaptureTest {
    static final String CAPTURE = "/org/netsim/wire/http/node-socketio-4.8.4-sessions.pcap";

    /** The frames of a little-endian microsecond pcap file (the format tshark wrote it in). */
    static List<byte[]> frames(String resource) throws Exception {
        byte[] all;
        try (InputStream in = StackDissectorOnNodeCaptureTest.class.getResourceAsStream(resource)) {
            all = in.readAllBytes();
        }
        ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getInt(0)).isEqualTo(0xa1b2c3d4);
        List<byte[]> out = new ArrayList<>();
        int at = 24;
        while (at < all.length) {
            int incl = b.getInt(at + 8);
            byte[] f = new byte[incl];
            System.arraycopy(all, at + 16, f, 0, incl);
            out.add(f);
            at += 16 + incl;
        }
        return out;
    }

    @Test
    void everyFrameDecodesWithEveryByteOwned() throws Exception {
        StackDissector d = new StackDissector();
        for (byte[] f : frames(CAPTURE)) {
            Pdu p = d.dissect(f);
            assertThat(Coverage.problems(p, 0, f.length)).isEmpty();
            assertThat(p.firstMalformed()).isEmpty();
        }
    }

    @Test
    void theSocketIoMessagesComeOutInOrderWithBinaryAttachmentsJoined() throws Exception {
        StackDissector d = new StackDissector();
        MessageExtractor x = new MessageExtractor();
        List<String> socketIo = new ArrayList<>();
        long n = 0;
        for (byte[] f : frames(CAPTURE)) {
            for (DecodedMessage m : x.accept(++n, 0, d.dissect(f))) {
                if ("socket.io".equals(m.protocol())) {
                    socketIo.add(m.transport() + " " + m.type() + " " + m.event() + " " + (m.args() == null ? null : JsJson.stringify(m.args())) + " "
                            + m.attachments());
                }
            }
        }
        // the same three exchanges, on polling, then upgraded, then WebSocket-only
        assertThat(socketIo).containsSubsequence(
                "polling CONNECT null null []",
                "polling EVENT chat [\"hi\"] []",
                "polling BINARY_EVENT bin [{\"_placeholder\":true,\"num\":0}] [01 02 03 04]",
                "websocket EVENT chat [\"hi\"] []",
                "websocket BINARY_EVENT bin [{\"_placeholder\":true,\"num\":0}] [01 02 03 04]");
        // sessions-server.js echoes every "chat" back, so each WebSocket session carries one each way
        assertThat(socketIo.stream().filter(s -> s.startsWith("websocket EVENT chat"))).hasSize(4);
        assertThat(socketIo.stream().filter(s -> s.startsWith("polling EVENT chat"))).hasSize(2);
    }
}
