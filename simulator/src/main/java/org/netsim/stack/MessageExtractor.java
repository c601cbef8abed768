package org.netsim.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.netsim.pdu.Bytes;
import org.netsim.pdu.Field;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.Protocol;
import org.netsim.wire.engineio.EngineIoPacket;
import org.netsim.wire.engineio.EngineIoType;
import org.netsim.wire.ipv4.Ipv4Header;
import org.netsim.wire.ipv6.Ipv6Header;
import org.netsim.wire.socketio.SocketIoCodec;
import org.netsim.wire.socketio.SocketIoPacket;
import org.netsim.wire.socketio.SocketIoType;
import org.netsim.wire.tcp.TcpHeader;
import org.netsim.wire.websocket.CloseCodes;
import org.netsim.wire.websocket.WebSocketFrame;

/**
 * Turns decoded frames into messages, in capture order, frame by frame (the simulator's timeline views); a message
 * the dissector reassembled from several segments comes out once, at the frame that completes it. A capture's
 * reassembled streams are decoded by {@link org.netsim.capture.decode.CaptureDecoder}. A binary Socket.IO packet ({@code 451-[...]}) is held until its
 * attachments have arrived on the same connection and direction, then reported once with them.
 */
public final class MessageExtractor {
    private record Direction(String src, String dst) {
    }

    private static final class Pending {
        final SocketIoPacket packet;
        final String transport;
        final String text;
        final List<Bytes> attachments = new ArrayList<>();

        Pending(SocketIoPacket packet, String transport, String text) {
            this.packet = packet;
            this.transport = transport;
            this.text = text;
        }
    }

    private final Map<Direction, Pending> pending = new HashMap<>();

    /** The messages that complete in this frame. */
    public List<DecodedMessage> accept(long frame, long timeNanos, Pdu root) {
        List<DecodedMessage> out = new ArrayList<>(1);
        String src = "";
        String dst = "";
        Pdu ip = root.find(Protocol.IPV4).orElse(null);
        Pdu ip6 = ip != null ? null : root.find(Protocol.IPV6).orElse(null);
        Pdu tcp = root.find(Protocol.TCP).orElse(null);
        boolean ports = tcp != null && tcp.header() instanceof TcpHeader;
        if (ip != null && ip.header() instanceof Ipv4Header ih) {
            src = ih.source().toString();
            dst = ih.destination().toString();
        } else if (ip6 != null && ip6.header() instanceof Ipv6Header ih) {
            // with a port, an IPv6 address is written in brackets: [::1]:3000 (RFC 5952 §6)
            src = ports ? "[" + ih.source() + "]" : ih.source().toString();
            dst = ports ? "[" + ih.destination() + "]" : ih.destination().toString();
        }
        if (!src.isEmpty() && ports) {
            TcpHeader th = (TcpHeader) tcp.header();
            src += ":" + th.sourcePort();
            dst += ":" + th.destinationPort();
        }
        Context ctx = new Context(frame, timeNanos, src, dst, out);
        visit(root, ctx, null);
        Optional<Pdu> bad = root.firstMalformed();
        if (bad.isPresent()) {
            out.add(malformed(ctx, bad.get().protocol(), bad.get().malformed().reason() + hint(bad.get())));
        } else {
            // Decodable but against the protocol (a reserved opcode, text that is not UTF-8): a receiver would fail
            // the connection, so it is reported like a malformed frame. Checksums are left out: Linux leaves them to
            // offload on loopback, so nearly every real loopback capture would be flagged.
            root.walk(pdu -> {
                if (APPLICATION.contains(pdu.protocol()) && out.stream().noneMatch(DecodedMessage::isMalformed)) {
                    for (Field f : pdu.fields()) {
                        if (f.problem() != null) {
                            out.add(malformed(ctx, pdu.protocol(), f.name() + " " + f.display() + ": " + f.problem()));
                            break;
                        }
                    }
                }
            });
        }
        return out;
    }

    private static final Set<Protocol> APPLICATION =
            EnumSet.of(Protocol.HTTP, Protocol.WEBSOCKET, Protocol.ENGINEIO, Protocol.SOCKETIO);

    private static DecodedMessage malformed(Context ctx, Protocol p, String reason) {
        return new DecodedMessage(ctx.frame, ctx.time, ctx.src, ctx.dst, null, p.key(), null, null, null, null, null,
                List.of(), null, p.title() + ": " + reason);
    }

    /**
     * A frame cut by TCP's segmentation that is still shown cut (this view joins segments only in sequence order, so a
     * retransmission or a segment after a gap is read on its own) is not broken: say so.
     */
    private static String hint(Pdu bad) {
        return bad.protocol() == Protocol.WEBSOCKET && bad.malformed().reason().startsWith("truncated")
                ? " (the rest is in other TCP segments: this view joins segments only in sequence order, and this "
                + "one is not the next; netsim decode puts the stream back together)" : "";
    }

    private record Context(long frame, long time, String src, String dst, List<DecodedMessage> out) {
    }

    private void visit(Pdu pdu, Context ctx, String transport) {
        switch (pdu.protocol()) {
            case WEBSOCKET -> {
                transport = "websocket";
                if (pdu.header() instanceof WebSocketFrame f && f.opcode().isControl() && !pdu.isMalformed()) {
                    ctx.out.add(new DecodedMessage(ctx.frame, ctx.time, ctx.src, ctx.dst, transport, "websocket",
                            f.opcode().label().toUpperCase(java.util.Locale.ROOT), null, null, null, null, List.of(),
                            controlText(f), null));
                }
            }
            case HTTP -> transport = "polling";
            case ENGINEIO -> {
                if (pdu.header() instanceof EngineIoPacket p && !pdu.isMalformed()) {
                    engineIo(pdu, p, ctx, transport);
                    return;
                }
            }
            default -> {
            }
        }
        for (Pdu c : pdu.children()) {
            visit(c, ctx, transport);
        }
    }

    /** A Close frame's status code and reason, a Ping's or Pong's data (RFC 6455 §5.5). */
    private static String controlText(WebSocketFrame f) {
        byte[] p = f.payload().toArray();
        return CloseCodes.controlText(f.opcode().value(), p, 0, p.length);
    }

    private void engineIo(Pdu pdu, EngineIoPacket p, Context ctx, String transport) {
        Direction dir = new Direction(ctx.src, ctx.dst);
        if (p.binary()) {
            Pending w = pending.get(dir);
            if (w == null) {
                ctx.out.add(new DecodedMessage(ctx.frame, ctx.time, ctx.src, ctx.dst, transport, "engine.io",
                        "BINARY", null, null, null, null, List.of(p.data()), null, null));
                return;
            }
            w.attachments.add(p.data());
            if (w.attachments.size() == w.packet.attachmentCount()) {
                pending.remove(dir);
                ctx.out.add(socketIoMessage(ctx, w.transport, w.packet, w.attachments, w.text));
            }
            return;
        }
        if (p.type() != EngineIoType.MESSAGE) {
            ctx.out.add(new DecodedMessage(ctx.frame, ctx.time, ctx.src, ctx.dst, transport, "engine.io",
                    p.type().name(), null, null, null, null, List.of(), p.type().digit() + p.data().utf8(), null));
            return;
        }
        Pdu sio = pdu.children().isEmpty() ? null : pdu.children().get(0);
        if (sio == null || !(sio.header() instanceof SocketIoPacket packet) || sio.isMalformed()) {
            return;
        }
        String text = "4" + SocketIoCodec.encode(packet);
        if (packet.attachmentCount() > 0) {
            pending.put(dir, new Pending(packet, transport, text));
            return;
        }
        ctx.out.add(socketIoMessage(ctx, transport, packet, List.of(), text));
    }

    private static DecodedMessage socketIoMessage(Context ctx, String transport, SocketIoPacket p,
                                                  List<Bytes> attachments, String text) {
        String event = null;
        JsonNode args = p.data();
        if (p.type() == SocketIoType.EVENT || p.type() == SocketIoType.BINARY_EVENT) {
            event = p.event();
            if (p.data() instanceof ArrayNode arr) {
                ArrayNode rest = arr.deepCopy();
                rest.remove(0);
                args = rest;
            }
        }
        return new DecodedMessage(ctx.frame, ctx.time, ctx.src, ctx.dst, transport, "socket.io", p.type().name(),
                p.namespace(), event, args, p.ackId(), attachments, text, null);
    }
}
