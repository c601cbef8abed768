package org.netsim.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netsim.pdu.Coverage;
import org.netsim.pdu.Field;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.Protocol;
import org.netsim.wire.socketio.SocketIoPacket;
import org.netsim.wire.tcp.TcpHeader;
import org.netsim.wire.websocket.WebSocketFrame;

class EmitSessionTest {
    private static final SocketIoPacket CHAT = SocketIoPacket.event("/", "chat", "hi");

    private static List<Pdu> dissectAll(EmitSession.Result r) {
        StackDissector d = new StackDissector();
        List<Pdu> out = new ArrayList<>();
        for (WireFrame f : r.frames()) {
            out.add(d.dissect(f.frame().toArray()));
        }
        return out;
    }

    @Test
    void everyFrameDecodesWithEveryByteOwnedAndNoProblem() {
        EmitSession.Result r = EmitSession.run(EmitSession.Config.defaults(1), CHAT, true);
        List<Pdu> pdus = dissectAll(r);
        for (int i = 0; i < pdus.size(); i++) {
            Pdu p = pdus.get(i);
            int len = r.frames().get(i).frame().length();
            assertThat(p.firstMalformed()).as("frame %d", i + 1).isEmpty();
            assertThat(Coverage.problems(p, 0, len)).as("frame %d", i + 1).isEmpty();
            assertThat(p.allFields().stream().map(Field::problem).filter(x -> x != null).toList())
                    .as("frame %d", i + 1).isEmpty();
        }
    }

    @Test
    void theEmitFrameCarries42ChatHiMaskedFromTheClient() {
        EmitSession.Result r = EmitSession.run(EmitSession.Config.defaults(1), CHAT, true);
        Pdu emit = dissectAll(r).get(r.emitFrameIndex());
        WebSocketFrame ws = emit.find(Protocol.WEBSOCKET).orElseThrow().header(WebSocketFrame.class).orElseThrow();
        assertThat(ws.masked()).isTrue();
        assertThat(ws.payload().utf8()).isEqualTo("42[\"chat\",\"hi\"]");
        assertThat(emit.find(Protocol.SOCKETIO).orElseThrow().header(SocketIoPacket.class)).contains(CHAT);
        // 14 Ethernet + 20 IPv4 + 32 TCP (timestamps) + 2 WebSocket header + 4 masking key + 15 payload
        assertThat(r.emitFrame().frame().length()).isEqualTo(87);
    }

    @Test
    void serverToClientFramesAreNotMasked() {
        EmitSession.Result r = EmitSession.run(EmitSession.Config.defaults(1), CHAT, false);
        Pdu emit = dissectAll(r).get(r.emitFrameIndex());
        assertThat(emit.find(Protocol.WEBSOCKET).orElseThrow().header(WebSocketFrame.class).orElseThrow().masked())
                .isFalse();
        assertThat(r.emitFrame().clientToServer()).isFalse();
    }

    @Test
    void sequenceAndAcknowledgementNumbersFollowTheBytesSent() {
        EmitSession.Result r = EmitSession.run(EmitSession.Config.defaults(7), CHAT, true);
        List<Pdu> pdus = dissectAll(r);
        long[] next = new long[2];      // next expected sequence number from client (0) and server (1)
        boolean[] known = new boolean[2];
        for (int i = 0; i < pdus.size(); i++) {
            Pdu tcp = pdus.get(i).find(Protocol.TCP).orElseThrow();
            TcpHeader h = tcp.header(TcpHeader.class).orElseThrow();
            int side = r.frames().get(i).clientToServer() ? 0 : 1;
            if (known[side]) {
                assertThat(h.sequence()).as("frame %d seq", i + 1).isEqualTo(next[side]);
            }
            if (h.flags().ack() && known[1 - side]) {
                assertThat(h.acknowledgement()).as("frame %d ack", i + 1).isEqualTo(next[1 - side]);
            }
            int payload = tcp.length() - h.headerLength();
            next[side] = (h.sequence() + payload + (h.flags().syn() ? 1 : 0) + (h.flags().fin() ? 1 : 0))
                    & 0xffffffffL;
            known[side] = true;
        }
    }

    @Test
    void sameSeedGivesTheSameBytesAndAnotherSeedOtherBytes() {
        EmitSession.Result a = EmitSession.run(EmitSession.Config.defaults(5), CHAT, true);
        EmitSession.Result b = EmitSession.run(EmitSession.Config.defaults(5), CHAT, true);
        EmitSession.Result c = EmitSession.run(EmitSession.Config.defaults(6), CHAT, true);
        assertThat(a.frames()).isEqualTo(b.frames());
        assertThat(a.emitFrame().frame()).isNotEqualTo(c.emitFrame().frame());
        assertThat(a.engineIoSid()).hasSize(20).isNotEqualTo(c.engineIoSid());
    }

    @Test
    void timeMovesForwardByEachFramesWireTime() {
        EmitSession.Result r = EmitSession.run(EmitSession.Config.defaults(1), CHAT, true);
        assertThat(r.frames().get(0).timeNanos()).isEqualTo(EmitSession.DEFAULT_START_NANOS);
        for (int i = 1; i < r.frames().size(); i++) {
            assertThat(r.frames().get(i).timeNanos()).isGreaterThan(r.frames().get(i - 1).timeNanos());
        }
        // the SYN: 74 bytes + 4 FCS + 8 preamble/SFD + 12 gap = 98 byte times at 100 Mb/s = 7840 ns, +50 µs, +20 µs
        assertThat(r.frames().get(1).timeNanos() - r.frames().get(0).timeNanos()).isEqualTo(7_840 + 50_000 + 20_000);
    }

    @Test
    void binaryArgumentsTravelAsAttachmentFramesAfterTheText() {
        SocketIoPacket bin = SocketIoPacket.event("/", "file", org.netsim.pdu.Bytes.ofHex("01020304"));
        EmitSession.Result r = EmitSession.run(EmitSession.Config.defaults(1), bin, true);
        List<Pdu> pdus = dissectAll(r);
        WebSocketFrame text = pdus.get(r.emitFrameIndex()).find(Protocol.WEBSOCKET).orElseThrow()
                .header(WebSocketFrame.class).orElseThrow();
        assertThat(text.payload().utf8()).isEqualTo("451-[\"file\",{\"_placeholder\":true,\"num\":0}]");
        // the receiver's ACK, then the binary frame
        WebSocketFrame attachment = pdus.get(r.emitFrameIndex() + 2).find(Protocol.WEBSOCKET).orElseThrow()
                .header(WebSocketFrame.class).orElseThrow();
        assertThat(attachment.opcode().value()).isEqualTo(2);
        assertThat(attachment.payload().hex()).isEqualTo("01020304");
    }
}
