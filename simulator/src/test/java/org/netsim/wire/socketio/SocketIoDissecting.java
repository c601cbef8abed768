package org.netsim.wire.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.netsim.pdu.Coverage;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.Protocol;

/** The Socket.IO tests' way to dissect a packet's text: inside other bytes, every byte covered. */
final class SocketIoDissecting {
    private SocketIoDissecting() {
    }

    /** The PDU of {@code text}; a malformed one dissected again at offset 0, so tests state offsets in the packet. */
    static Pdu dissect(String text) {
        // the packet sits after an Engine.IO "4" and before bytes that are not its own, to prove offsets are absolute
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] buf = new byte[body.length + 3];
        buf[0] = '4';
        System.arraycopy(body, 0, buf, 1, body.length);
        buf[buf.length - 2] = (byte) 0xee;
        buf[buf.length - 1] = (byte) 0xee;
        Pdu pdu = SocketIoCodec.dissect(buf, 1, body.length);
        assertThat(pdu.protocol()).isEqualTo(Protocol.SOCKETIO);
        assertThat(pdu.offset()).isEqualTo(1);
        assertThat(pdu.length()).isEqualTo(body.length);
        assertThat(Coverage.problems(pdu, 1, body.length)).isEmpty();
        // shift malformed offsets back so the tests can state them relative to the packet
        if (pdu.isMalformed()) {
            return SocketIoCodec.dissect(body, 0, body.length);
        }
        return pdu;
    }
}
