package org.netsim.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.netsim.pdu.Pdu;
import org.netsim.random.SeededRandom;
import org.netsim.stack.EmitSession;
import org.netsim.stack.Encapsulation;
import org.netsim.stack.StackDissector;
import org.netsim.wire.engineio.EngineIoCodec;
import org.netsim.wire.engineio.EngineIoDecoded;
import org.netsim.wire.ethernet.EtherType;
import org.netsim.wire.ethernet.EthernetCodec;
import org.netsim.wire.ethernet.EthernetHeader;
import org.netsim.wire.ethernet.MacAddress;
import org.netsim.wire.ipv4.IpProtocol;
import org.netsim.wire.ipv4.Ipv4Address;
import org.netsim.wire.ipv4.Ipv4Codec;
import org.netsim.wire.ipv4.Ipv4Header;
import org.netsim.wire.socketio.SocketIoCodec;
import org.netsim.wire.socketio.SocketIoPacket;
import org.netsim.wire.tcp.TcpCodec;
import org.netsim.wire.tcp.TcpFlags;
import org.netsim.wire.tcp.TcpHeader;
import org.netsim.wire.tcp.TcpOptions;
import org.netsim.wire.websocket.WebSocketCodec;
import org.netsim.wire.websocket.WebSocketDecoded;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The two figures, one core: a small emit ({@code socket.emit("chat", "hi")}) encoded through every layer to
 * an Ethernet frame with its FCS, and the same frame decoded back up to the Socket.IO event.
 *
 * <p>Run: {@code mvn -q -pl simulator -am install -DskipTests && mvn -q -pl simulator test-compile exec:exec
 * -Dbench=FullStackBench}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FullStackBench {
    private static final SocketIoPacket CHAT = SocketIoPacket.event("/", "chat", "hi");
    private static final MacAddress CLIENT_MAC = MacAddress.parse("02:00:00:00:00:02");
    private static final MacAddress SERVER_MAC = MacAddress.parse("02:00:00:00:00:01");
    private static final Ipv4Address CLIENT_IP = Ipv4Address.parse("192.168.1.2");
    private static final Ipv4Address SERVER_IP = Ipv4Address.parse("192.168.1.1");

    private SeededRandom random;
    private long sequence;
    private int ipId;
    private byte[] emitFrame;
    private StackDissector dissector;
    /** The frames before the emit, which teach a dissector that the connection is WebSocket. */
    private List<byte[]> before;
    /**
     * The emit sent again and again in sequence, as on the wire: each copy's TCP sequence number follows the last
     * one's bytes (checksums and FCS made anew), so each is dissected as the next segment of the stream, as a
     * simulated connection's frames are. The same frame over and over would be a retransmission from the second on.
     */
    private byte[][] inSequence;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        random = new SeededRandom(1);
        EmitSession.Result session = EmitSession.run(EmitSession.Config.defaults(1), CHAT, true);
        before = session.frames().subList(0, session.emitFrameIndex()).stream().map(f -> f.frame().toArray())
                .toList();
        restart();
        byte[] emit = session.emitFrame().frame().toArray();
        emitFrame = StackDissector.onWire(emit);
        inSequence = new byte[1 << 12][];
        int tcpAt = 14 + (emit[14] & 0x0f) * 4;
        int tcpLength = (emit[16] & 0xff) << 8 | (emit[17] & 0xff);
        tcpLength -= (emit[14] & 0x0f) * 4;
        int payload = tcpLength - ((emit[tcpAt + 12] & 0xf0) >>> 4) * 4;
        long seq = readBe32(emit, tcpAt + 4);
        for (int k = 0; k < inSequence.length; k++) {
            byte[] f = emit.clone();
            writeBe32(f, tcpAt + 4, (seq + (long) k * payload) & 0xffffffffL);
            int sum = TcpCodec.expectedChecksum(f, tcpAt, tcpLength, CLIENT_IP, SERVER_IP);
            f[tcpAt + 16] = (byte) (sum >>> 8);
            f[tcpAt + 17] = (byte) sum;
            inSequence[k] = StackDissector.onWire(f);
        }
    }

    /** A dissector that has seen the frames before the emit. */
    private void restart() {
        dissector = new StackDissector();
        for (byte[] f : before) {
            dissector.dissect(f);
        }
        next = 0;
    }

    /** Socket.IO → Engine.IO → masked WebSocket frame → TCP (options, checksum) → IPv4 (checksum) → Ethernet + FCS. */
    @Benchmark
    public byte[] encodeEmitToEthernet() {
        byte[] ws = Encapsulation.webSocket(CHAT, random);
        TcpHeader tcp = TcpHeader.builder().sourcePort(60086).destinationPort(3000).sequence(sequence)
                .acknowledgement(0x5eed).flags(TcpFlags.PSH_ACK).window(502)
                .options(TcpOptions.linuxTimestamps(sequence, 7)).build();
        sequence = (sequence + ws.length) & 0xffffffffL;
        Ipv4Header ip = Ipv4Header.builder().identification(ipId++ & 0xffff).dontFragment(true).ttl(64)
                .protocol(IpProtocol.TCP).source(CLIENT_IP).destination(SERVER_IP).build();
        return Encapsulation.ethernetFrame(new EthernetHeader(SERVER_MAC, CLIENT_MAC, EtherType.IPV4), ip, tcp, ws,
                true);
    }

    /** The whole PDU tree, every field of every layer with its explanation, from the preamble up: what the GUI shows. */
    @Benchmark
    public Pdu dissectEmitFromTheWire() {
        if (next == inSequence.length) {
            // once every 4096 emits: a dissector that has seen the connection up to the first of them again
            restart();
        }
        return dissector.dissectOnWire(inSequence[next++]);
    }

    /**
     * The values only, layer by layer (headers, checksums verified, unmasking, Socket.IO JSON parsed): what a capture
     * decoder needs to list events.
     */
    @Benchmark
    public SocketIoPacket decodeEmitToEvent() {
        byte[] f = emitFrame;
        int eth = 8; // after preamble and SFD
        int frameLength = f.length - eth - 4;
        if (EthernetCodec.fcs(f, eth, frameLength) != readLe32(f, eth + frameLength)) {
            return null;
        }
        EthernetHeader eh = EthernetCodec.readHeader(f, eth, frameLength);
        if (!eh.etherType().equals(EtherType.IPV4)) {
            return null;
        }
        int ipAt = eth + 14;
        Ipv4Header ip = Ipv4Codec.readHeader(f, ipAt, frameLength - 14);
        if (Ipv4Codec.expectedChecksum(f, ipAt, ip.headerLength()) != ip.checksum()) {
            return null;
        }
        int tcpAt = ipAt + ip.headerLength();
        int tcpLength = ip.totalLength() - ip.headerLength();
        TcpHeader tcp = TcpCodec.readHeader(f, tcpAt, tcpLength);
        if (TcpCodec.expectedChecksum(f, tcpAt, tcpLength, ip.source(), ip.destination()) != tcp.checksum()) {
            return null;
        }
        int wsAt = tcpAt + tcp.headerLength();
        WebSocketDecoded ws = WebSocketCodec.decode(f, wsAt, tcpAt + tcpLength - wsAt);
        byte[] payload = ws.frame().payload().toArray();
        EngineIoDecoded eio = EngineIoCodec.decodeWebSocketMessage(payload, 0, payload.length, false);
        return SocketIoCodec.decode(eio.packets().get(0).text()).packet();
    }

    private static long readBe32(byte[] b, int at) {
        return (b[at] & 0xffL) << 24 | (b[at + 1] & 0xffL) << 16 | (b[at + 2] & 0xffL) << 8 | (b[at + 3] & 0xffL);
    }

    private static void writeBe32(byte[] b, int at, long v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    private static long readLe32(byte[] b, int at) {
        return (b[at] & 0xffL) | (b[at + 1] & 0xffL) << 8 | (b[at + 2] & 0xffL) << 16 | (b[at + 3] & 0xffL) << 24;
    }
}
