package org.netsim.stack;

import org.netsim.pdu.Bytes;
import org.netsim.random.RandomSource;
import org.netsim.wire.engineio.EngineIoCodec;
import org.netsim.wire.engineio.EngineIoPacket;
import org.netsim.wire.ethernet.EtherType;
import org.netsim.wire.ethernet.EthernetCodec;
import org.netsim.wire.ethernet.EthernetHeader;
import org.netsim.wire.ipv4.Ipv4Codec;
import org.netsim.wire.ipv4.Ipv4Header;
import org.netsim.wire.socketio.SocketIoCodec;
import org.netsim.wire.socketio.SocketIoPacket;
import org.netsim.wire.tcp.TcpCodec;
import org.netsim.wire.tcp.TcpHeader;
import org.netsim.wire.websocket.WebSocketCodec;
import org.netsim.wire.websocket.WebSocketFrame;

/**
 * Down the stack in one place: each layer wraps what the layer above handed it. The emit session and the benchmarks
 * use it; the simulation will too.
 */
public final class Encapsulation {
    private Encapsulation() {
    }

    /**
     * The WebSocket frame carrying an Engine.IO packet: text for a string, binary for an attachment; masked with a key
     * drawn from {@code maskRandom} when the client sends it (RFC 6455 §5.3), unmasked ({@code null}) from the server.
     */
    public static byte[] webSocket(EngineIoPacket packet, RandomSource maskRandom) {
        Bytes content = Bytes.wrap(EngineIoCodec.encodeWebSocket(packet));
        WebSocketFrame f = packet.binary() ? WebSocketFrame.binary(content) : WebSocketFrame.text(content);
        return WebSocketCodec.encode(maskRandom == null ? f : f.masked(maskRandom));
    }

    /** The text part of a Socket.IO packet ({@code 42["chat","hi"]}) as one WebSocket frame. */
    public static byte[] webSocket(SocketIoPacket packet, RandomSource maskRandom) {
        return webSocket(EngineIoPacket.message(SocketIoCodec.encode(packet)), maskRandom);
    }

    /**
     * A TCP segment in an IPv4 packet in an Ethernet frame, checksums computed; padded to 60 bytes, and with its FCS
     * when {@code withFcs} (the simulated wire) rather than without (a pcap file).
     */
    public static byte[] ethernetFrame(EthernetHeader eth, Ipv4Header ip, TcpHeader tcp, byte[] payload,
                                       boolean withFcs) {
        byte[] segment = TcpCodec.encode(tcp, payload, ip.source(), ip.destination());
        byte[] packet = Ipv4Codec.encode(ip, segment);
        if (!eth.etherType().equals(EtherType.IPV4)) {
            throw new IllegalArgumentException("an IPv4 packet travels with EtherType 0x0800, not " + eth.etherType());
        }
        return EthernetCodec.encode(eth, packet, withFcs);
    }
}
