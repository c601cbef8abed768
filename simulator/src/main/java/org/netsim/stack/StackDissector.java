package org.netsim.stack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.PayloadDissector;
import org.netsim.pdu.Protocol;
import org.netsim.wire.arp.ArpCodec;
import org.netsim.wire.engineio.EngineIoCodec;
import org.netsim.wire.engineio.EngineIoPacket;
import org.netsim.wire.engineio.EngineIoType;
import org.netsim.wire.ethernet.EtherType;
import org.netsim.wire.ethernet.EthernetCodec;
import org.netsim.wire.http.HttpCodec;
import org.netsim.wire.http.HttpDecoded;
import org.netsim.wire.http.HttpFraming;
import org.netsim.wire.http.HttpMessage;
import org.netsim.wire.ipv4.IpProtocol;
import org.netsim.wire.ipv4.Ipv4Codec;
import org.netsim.wire.ipv4.Ipv4Header;
import org.netsim.wire.ipv6.Ipv6Address;
import org.netsim.wire.ipv6.Ipv6Codec;
import org.netsim.wire.ipv6.Ipv6Header;
import org.netsim.wire.link.LinkLayer;
import org.netsim.wire.link.LinkType;
import org.netsim.wire.physical.PhysicalCodec;
import org.netsim.wire.socketio.SocketIoCodec;
import org.netsim.wire.tcp.TcpCodec;
import org.netsim.wire.tcp.TcpHeader;
import org.netsim.wire.websocket.Opcode;
import org.netsim.wire.websocket.WebSocketCodec;
import org.netsim.wire.websocket.WebSocketDecoded;
import org.netsim.wire.websocket.WebSocketFrame;

/**
 * Decodes whole frames through every layer: the link header (Ethernet, or for captures Linux cooked capture, BSD
 * loopback or none: {@link LinkLayer}), then ARP, or IPv4 or IPv6, TCP, then HTTP (bodies de-chunked and inflated)
 * or WebSocket, Engine.IO and Socket.IO. The same path decodes simulated frames and captured ones.
 *
 * <p>Like Wireshark, it follows each TCP connection across frames: a connection is HTTP until a
 * {@code 101 Switching Protocols} answer, WebSocket after it. A connection first seen after its upgrade (a capture
 * started late) is recognised by its first segment parsing as a complete WebSocket frame carrying an Engine.IO packet.
 * Frames must therefore be given in capture order; one instance per capture. A WebSocket frame or an HTTP message
 * longer than its segment is reassembled as Wireshark does ({@link SegmentStream}): the earlier segments show a "TCP
 * segment of a reassembled PDU" field, and the segment that completes it carries the whole message, decoded, as a
 * data source of its own ("Reassembled TCP"), with the frames it was joined from. Only segments in sequence order are
 * joined, never across a gap. A {@link FrameContext} names the frames ("frame 12", "event 1234") and, when it knows
 * the frames still to come, lets the earlier segments name the frame that completes their message.
 * {@link org.netsim.capture.decode.CaptureDecoder} decodes a capture's messages from its reassembled streams.
 */
public final class StackDissector {
    private enum Mode { UNKNOWN, HTTP, WEBSOCKET }

    /** One TCP connection: its protocol, and each direction's byte stream. */
    private final class Conversation implements SegmentStream.Upper {
        Mode mode = Mode.UNKNOWN;
        /** The last request on this connection asked for a polling payload, so the response body is Engine.IO. */
        boolean pollingResponsePending;
        /** From the lower (address, port) pair of the key to the higher one, and back. */
        final SegmentStream up = new SegmentStream();
        final SegmentStream down = new SegmentStream();

        @Override
        public List<Pdu> dissect(byte[] buf, int off, int len) {
            if (mode == Mode.WEBSOCKET) {
                return WebSocketCodec.dissect(buf, off, len, webSocketPayload);
            }
            return httpState(HttpCodec.dissectStream(buf, off, len, (m, b, o, l) -> httpBody(this, m, b, o, l)));
        }

        @Override
        public SegmentStream.Kind cutOff(List<Pdu> pdus, byte[] buf, int end) {
            Pdu last = pdus.get(pdus.size() - 1);
            if (!last.isMalformed() || last.end() != end) {
                return null;
            }
            if (last.protocol() == Protocol.WEBSOCKET) {
                return WebSocketCodec.decode(buf, last.offset(), end - last.offset()).needsMore()
                        ? SegmentStream.Kind.WEBSOCKET : null;
            }
            return last.protocol() == Protocol.HTTP && last.malformed().reason().startsWith(HttpDecoded.TRUNCATED)
                    ? SegmentStream.Kind.HTTP : null;
        }

        @Override
        public List<Pdu> whole(SegmentStream.Kind kind, byte[] msg) {
            if (kind == SegmentStream.Kind.WEBSOCKET) {
                return WebSocketCodec.dissect(msg, 0, msg.length, webSocketPayload);
            }
            return httpState(HttpCodec.dissectStream(msg, 0, msg.length, (m, b, o, l) -> httpBody(this, m, b, o, l)));
        }

        /** What the HTTP messages tell about the connection: a polling GET's answer is Engine.IO; 101 upgrades. */
        private List<Pdu> httpState(List<Pdu> messages) {
            for (Pdu p : messages) {
                if (p.header() instanceof HttpMessage m && !p.isMalformed()) {
                    if (m.isRequest()) {
                        pollingResponsePending = isPolling(m) && "GET".equals(m.method());
                    } else if (m.status() == 101) {
                        mode = Mode.WEBSOCKET;
                    }
                }
            }
            return messages;
        }
    }

    /** By {@link ConversationKey} for IPv4, by {@link Ipv6ConversationKey} for IPv6. */
    private final Map<Object, Conversation> conversations = new HashMap<>();
    private final PayloadDissector<EngineIoPacket> socketIo = StackDissector::socketIo;
    private final PayloadDissector<WebSocketFrame> webSocketPayload = StackDissector::webSocketPayload;
    private final FrameContext frames;
    /** The frame being dissected, counted from 0 as {@link FrameContext} counts. */
    private int frame = -1;

    /** A dissector naming frames "frame 1", "frame 2" ... in the order given, with no frames known ahead. */
    public StackDissector() {
        this(FrameContext.numbered());
    }

    /** A dissector naming the frames it is given (and looking ahead at them, if it can) by {@code frames}. */
    public StackDissector(FrameContext frames) {
        this.frames = java.util.Objects.requireNonNull(frames, "frames");
    }

    /** Decodes one Ethernet frame; {@code hasFcs} when its last 4 bytes are the frame check sequence. */
    public Pdu dissect(byte[] frame, int offset, int length, boolean hasFcs) {
        this.frame++;
        return LinkLayer.dissect(LinkType.ETHERNET, frame, offset, length, hasFcs, network);
    }

    /**
     * Decodes one captured frame of the given link type ({@link LinkType}: Ethernet, Linux cooked capture v1 and v2,
     * BSD loopback, raw IP): the link header's PDU, then the same layers as for Ethernet. A link type that is not
     * decoded gives one malformed PDU that says so.
     */
    public Pdu dissect(int linkType, byte[] frame, int offset, int length) {
        this.frame++;
        return LinkLayer.dissect(linkType, frame, offset, length, false, network);
    }

    private final PayloadDissector<EtherType> network = this::network;

    /** What a link header carries, by EtherType: IPv4, IPv6 or ARP. */
    private List<Pdu> network(EtherType type, byte[] b, int o, int l) {
        if (type.equals(EtherType.IPV4)) {
            return List.of(Ipv4Codec.dissect(b, o, l, this::ipPayload));
        }
        if (type.equals(EtherType.IPV6)) {
            return List.of(Ipv6Codec.dissect(b, o, l, this::ipv6Payload));
        }
        if (type.equals(EtherType.ARP)) {
            // 28 bytes of ARP in a frame of at least 60: the ARP PDU ends after them, the rest is Ethernet padding.
            return List.of(ArpCodec.dissect(b, o, l));
        }
        return l == 0 ? List.of() : List.of(Pdu.data(b, o, l));
    }

    public Pdu dissect(byte[] frame) {
        return dissect(frame, 0, frame.length, false);
    }

    /**
     * Decodes what the simulated wire carries: preamble, start frame delimiter, then the Ethernet frame with its FCS
     * (as {@link #onWire} builds it).
     */
    public Pdu dissectOnWire(byte[] wire) {
        frame++;
        return PhysicalCodec.dissect(wire, 0, wire.length, (phy, b, o, l) -> List.of(LinkLayer.dissect(
                LinkType.ETHERNET, b, o, l, true, network)));
    }

    /** A frame as a pcap file holds it (no FCS) as the simulated wire carries it: preamble, SFD, frame, FCS. */
    public static byte[] onWire(byte[] frame) {
        return PhysicalCodec.encode(EthernetCodec.appendFcs(frame));
    }

    /**
     * One WebSocket frame as an application hands it to TCP (or gets it back), decoded with the Engine.IO and Socket.IO
     * packet it carries.
     */
    public static Pdu dissectWebSocketMessage(byte[] frame) {
        List<Pdu> frames = WebSocketCodec.dissect(frame, 0, frame.length, StackDissector::webSocketPayload);
        return frames.isEmpty() ? Pdu.data(frame, 0, frame.length) : frames.get(0);
    }

    /**
     * One HTTP message as an application hands it to TCP; {@code pollingBody} when its body is an Engine.IO polling
     * payload (a polling POST, or the answer to a polling GET).
     */
    public static Pdu dissectHttpMessage(byte[] message, boolean pollingBody) {
        return HttpCodec.dissect(message, 0, message.length, (m, b, o, l) -> l > 0 && pollingBody
                ? List.of(EngineIoCodec.dissectPollingPayload(b, o, l, StackDissector::socketIo)) : List.of());
    }

    /** An IPv4 packet outside a frame, decoded down to TCP's payload. */
    public static Pdu dissectIpv4(byte[] packet) {
        return Ipv4Codec.dissect(packet, 0, packet.length, new StackDissector()::ipPayload);
    }

    /** An IPv6 packet outside a frame, decoded down to TCP's payload. */
    public static Pdu dissectIpv6(byte[] packet) {
        return Ipv6Codec.dissect(packet, 0, packet.length, new StackDissector()::ipv6Payload);
    }

    private List<Pdu> ipPayload(Ipv4Header ip, byte[] b, int o, int l) {
        if (ip.protocol().value() == IpProtocol.TCP.value()) {
            return List.of(TcpCodec.dissect(b, o, l, ip.source(), ip.destination(), (tcp, b2, o2, l2) -> {
                ConversationKey key = ConversationKey.of(ip.source(), tcp.sourcePort(), ip.destination(),
                        tcp.destinationPort());
                boolean fromA = key.addressA() == ip.source().value() && key.portA() == tcp.sourcePort();
                return tcpPayload(key, fromA, tcp, b2, o2, l2, ip.source().value() & 0xffff_ffffL,
                        ip.destination().value() & 0xffff_ffffL);
            }));
        }
        return l == 0 ? List.of() : List.of(Pdu.data(b, o, l));
    }

    /** One TCP connection over IPv6, the same whichever way a segment travels. */
    private record Ipv6ConversationKey(Ipv6Address a, int portA, Ipv6Address b, int portB) {
        static Ipv6ConversationKey of(Ipv6Address src, int srcPort, Ipv6Address dst, int dstPort) {
            int c = Long.compareUnsigned(src.high(), dst.high());
            if (c == 0) {
                c = Long.compareUnsigned(src.low(), dst.low());
            }
            if (c == 0) {
                c = Integer.compare(srcPort, dstPort);
            }
            return c <= 0 ? new Ipv6ConversationKey(src, srcPort, dst, dstPort)
                    : new Ipv6ConversationKey(dst, dstPort, src, srcPort);
        }
    }

    private List<Pdu> ipv6Payload(Ipv6Header ip, byte[] b, int o, int l) {
        if (ip.upperLayerProtocol() == IpProtocol.TCP.value()) {
            // the checksum covers the final destination's pseudo-header (RFC 8200 §8.1)
            return List.of(TcpCodec.dissectOverIpv6(b, o, l, ip.source(), ip.finalDestination(), (tcp, b2, o2, l2) -> {
                Ipv6ConversationKey key = Ipv6ConversationKey.of(ip.source(), tcp.sourcePort(), ip.destination(),
                        tcp.destinationPort());
                boolean fromA = key.a().equals(ip.source()) && key.portA() == tcp.sourcePort();
                return tcpPayload(key, fromA, tcp, b2, o2, l2, ip.source(), ip.destination());
            }));
        }
        return l == 0 ? List.of() : List.of(Pdu.data(b, o, l));
    }

    /**
     * A segment's payload: HTTP or WebSocket by what the connection is, through the direction's stream, which joins
     * what spans several segments; {@code src} and {@code dst} are the addresses ({@code Long} for IPv4,
     * {@link Ipv6Address}), for looking ahead.
     */
    private List<Pdu> tcpPayload(Object key, boolean fromA, TcpHeader tcp, byte[] buf, int off, int len, Object src,
                                 Object dst) {
        if (len == 0) {
            return List.of();
        }
        Conversation c = conversations.computeIfAbsent(key, k -> new Conversation());
        if (c.mode == Mode.UNKNOWN) {
            if (HttpFraming.startsMessage(buf, off, len)) {
                c.mode = Mode.HTTP;
            } else if (looksLikeSocketIoWebSocket(buf, off, len)) {
                c.mode = Mode.WEBSOCKET;
            } else {
                return List.of();
            }
        }
        SegmentStream s = fromA ? c.up : c.down;
        if (s.way == null) {
            s.way = new SegmentLookahead.Way(src, tcp.sourcePort(), dst, tcp.destinationPort());
        }
        return s.segment(c, frames, Math.max(frame, 0), tcp.sequence(), buf, off, len);
    }

    private List<Pdu> httpBody(Conversation c, HttpMessage m, byte[] b, int o, int l) {
        if (l == 0) {
            return List.of();
        }
        boolean engineIo = m.isRequest() ? isPolling(m) && "POST".equals(m.method())
                : c.pollingResponsePending && m.status() == 200;
        if (engineIo) {
            return List.of(EngineIoCodec.dissectPollingPayload(b, o, l, socketIo));
        }
        return List.of();
    }

    private static boolean isPolling(HttpMessage m) {
        String t = m.target();
        return t != null && t.contains("transport=polling") && t.contains("EIO=");
    }

    private static List<Pdu> webSocketPayload(WebSocketFrame f, byte[] b, int o, int l) {
        Opcode op = f.opcode();
        if (!f.fin() || l == 0) {
            // a fragment of a longer message: the pieces are joined by reassembly, not here
            return List.of();
        }
        if (op.value() == Opcode.TEXT.value()) {
            return List.of(EngineIoCodec.dissectWebSocketMessage(b, o, l, false, StackDissector::socketIo));
        }
        if (op.value() == Opcode.BINARY.value()) {
            return List.of(EngineIoCodec.dissectWebSocketMessage(b, o, l, true, StackDissector::socketIo));
        }
        return List.of();
    }

    private static List<Pdu> socketIo(EngineIoPacket p, byte[] b, int o, int l) {
        if (p.type() == EngineIoType.MESSAGE && !p.binary()) {
            return List.of(SocketIoCodec.dissect(b, o, l));
        }
        return List.of();
    }

    /** A complete text frame whose content starts with an Engine.IO packet type digit. */
    private static boolean looksLikeSocketIoWebSocket(byte[] b, int off, int len) {
        WebSocketDecoded d = WebSocketCodec.decode(b, off, len);
        if (!d.isComplete()) {
            return false;
        }
        WebSocketFrame f = d.frame();
        if (f.opcode().value() == Opcode.BINARY.value()) {
            return true;
        }
        if (f.opcode().value() != Opcode.TEXT.value() || f.payload().isEmpty()) {
            return false;
        }
        int first = f.payload().u8(0);
        return first >= '0' && first <= '6';
    }
}
