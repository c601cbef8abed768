package org.netsim.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.netsim.pdu.Bytes;
import org.netsim.pdu.Coverage;
import org.netsim.pdu.Field;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.Protocol;
import org.netsim.wire.socketio.SocketIoPacket;

/**
 * One emit, {@code socket.emit("chat", "hi")} from the client with seed 1, from the Socket.IO packet down to the bits
 * on the simulated wire, against bytes stored here, and back up again.
 */
class FullStackGoldenTest {
    private static final SocketIoPacket CHAT = SocketIoPacket.event("/", "chat", "hi");

    /** The emit frame (frame 13 of the session) as the simulated wire carries it, layer by layer. */
    private static final String WIRE = String.join("",
            // Physical: preamble (7 × 0x55) and start frame delimiter 0xd5
            "55555555555555", "d5",
            // Ethernet II: destination (server), source (client), type IPv4
            "020000000001", "020000000002", "0800",
            // IPv4: version 4 IHL 5, DSCP/ECN 0, total length 73, id 0x345a, DF, TTL 64, TCP, checksum 0x8301,
            // 192.168.1.2 -> 192.168.1.1
            "45", "00", "0049", "345a", "4000", "40", "06", "8301", "c0a80102", "c0a80101",
            // TCP: 60086 -> 3000, seq, ack, data offset 8, PSH|ACK, window 502 (x128), checksum, urgent 0,
            // NOP NOP timestamps (kind 8, length 10, TSval, TSecr)
            "eab6", "0bb8", "658eed75", "d101b6ca", "80", "18", "01f6", "4f93", "0000", "0101", "080a", "fb32555e",
            "90150280",
            // WebSocket: FIN + text, MASK + length 15, masking key
            "81", "8f", "a8574c6f",
            // the 15 payload bytes 42["chat","hi"], each XORed with key byte (i mod 4)
            "9c65174dcb3f2d1b8a7b6e07c17511",
            // Ethernet FCS, CRC-32 least significant byte first
            "adca9ed5");

    private static EmitSession.Result session() {
        return EmitSession.run(EmitSession.Config.defaults(1), CHAT, true);
    }

    @Test
    void encodingTheEmitGivesTheStoredBytes() {
        byte[] wire = StackDissector.onWire(session().emitFrame().frame().toArray());
        assertThat(Bytes.wrap(wire).hex()).isEqualTo(WIRE);
    }

    @Test
    void decodingTheStoredBytesGivesTheEmitBackWithEveryByteOwnedOnce() {
        StackDissector d = new StackDissector();
        EmitSession.Result r = session();
        // the session before the emit tells the dissector this connection speaks WebSocket
        for (WireFrame f : r.frames().subList(0, r.emitFrameIndex())) {
            d.dissect(f.frame().toArray());
        }
        byte[] wire = Bytes.ofHex(WIRE).toArray();
        Pdu root = d.dissectOnWire(wire);

        assertThat(Coverage.problems(root, 0, wire.length)).isEmpty();
        assertThat(root.firstMalformed()).isEmpty();
        assertThat(root.allFields().stream().map(Field::problem).filter(p -> p != null).toList()).isEmpty();
        List<Protocol> stack = new java.util.ArrayList<>();
        root.walk(p -> stack.add(p.protocol()));
        assertThat(stack).containsExactly(Protocol.PHYSICAL, Protocol.ETHERNET, Protocol.IPV4, Protocol.TCP,
                Protocol.WEBSOCKET, Protocol.ENGINEIO, Protocol.SOCKETIO);
        assertThat(root.find(Protocol.SOCKETIO).orElseThrow().header(SocketIoPacket.class)).contains(CHAT);
    }

    @Test
    void aFlippedBitOnTheWireIsCaughtByTheFrameCheckSequence() {
        byte[] wire = Bytes.ofHex(WIRE).toArray();
        wire[60] ^= 0x04;
        Pdu root = new StackDissector().dissectOnWire(wire);
        Field fcs = root.find(Protocol.ETHERNET).orElseThrow().trailer().get(0);
        assertThat(fcs.problem()).isNotNull().contains("FCS");
    }
}
