package org.netsim.capture.decode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.netsim.capture.file.CaptureFileReader;
import org.netsim.capture.file.CapturedFrame;
import org.netsim.capture.reassembly.TcpFlow;
import org.netsim.capture.reassembly.TcpReassembler;
import org.netsim.pdu.PayloadDissector;
import org.netsim.pdu.Hex;
import org.netsim.pdu.Pdu;
import org.netsim.wire.ipv4.Ipv4Address;
import org.netsim.wire.ipv4.Ipv4Codec;
import org.netsim.wire.ipv4.Ipv4Reassembler;
import org.netsim.wire.ipv6.Ipv6Address;
import org.netsim.wire.ipv6.Ipv6Codec;
import org.netsim.wire.ipv6.Ipv6Layout;
import org.netsim.wire.link.LinkLayer;
import org.netsim.wire.link.LinkType;
import org.netsim.wire.socketio.SocketIoCodec;
import org.netsim.wire.tcp.TcpCodec;

/**
 * Decodes captured traffic the way a receiver reads it: the link header (Ethernet, Linux cooked capture v1 and v2
 * from the {@code any} device, BSD loopback from macOS's {@code lo0}, or raw IP: {@link LinkType}), IPv4 (fragments
 * joined) or IPv6 (extension headers walked), TCP reassembled per connection ({@link TcpReassembler}: out-of-order segments, retransmissions, gaps), then on each connection's byte
 * streams HTTP/1.1 (polling requests and responses, bodies of any length across segments), the WebSocket upgrade,
 * WebSocket frames (any length, across any number of segments; fragmented messages joined; masking undone), Engine.IO
 * (polling payloads split at 0x1e, {@code b} base64 binary) and Socket.IO (binary attachments joined to their event,
 * ACKs joined to the emit they answer). Each result is a {@link CaptureMessage} handed to the consumer as soon as it
 * is complete, so a capture of any size decodes in bounded memory: only unfinished messages and segments held ahead
 * of a hole are kept.
 *
 * <p>A connection is HTTP until a {@code 101 Switching Protocols} answers a WebSocket upgrade request, WebSocket after
 * it; one first seen after its start is recognised by its first bytes (an HTTP start line, or a WebSocket frame).
 * Engine.IO sessions are followed across the many TCP connections of long-polling by their {@code sid}, so a binary
 * packet and its attachments, or an emit and its ACK, are joined even when they travel on different connections.
 *
 * <p>Nothing here throws on bad input: a frame, message or packet that breaks its protocol, or that the capture cut
 * short, becomes a {@link CaptureMessage.Kind#MALFORMED} message with the reason in the words of the codec that found
 * it (the same codecs the simulator uses), and decoding goes on. Bytes the capture missed become a
 * {@link CaptureMessage.Kind#GAP} with their count; when the gap lies inside a message of known length the next
 * message is found exactly, otherwise decoding resumes at the first segment that starts a message.
 *
 * <p>The common Socket.IO packets take a fast path ({@link SocketIoScan}) that builds no JSON tree; everything else
 * goes through {@link SocketIoCodec}. With {@link Options#keepPdus()} every message also carries the {@link Pdu} trees
 * of the units that carried it, as the simulator's views show them.
 *
 * <p>Not thread-safe. Feed frames in capture order, then call {@link #finish()}.
 */
public final class CaptureDecoder {
    /**
     * How the decoder works.
     *
     * @param keepPdus        attach to each message the PDU trees of its WebSocket frames or HTTP message
     * @param maxMessageBytes a WebSocket frame or message, or an HTTP message, larger than this is reported and skipped
     *                        rather than held in memory
     * @param limits          when the TCP reassembler gives up a hole
     */
    public record Options(boolean keepPdus, int maxMessageBytes, TcpReassembler.Limits limits) {
        public static final Options DEFAULT = new Options(false, 16 << 20, TcpReassembler.Limits.DEFAULT);

        public Options withPdus() {
            return new Options(true, maxMessageBytes, limits);
        }
    }

    private static final int ETHERNET_HEADER = 14;
    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int ETHERTYPE_IPV6 = 0x86dd;

    /** Receives each message as it completes; the view is valid only during the call. */
    @FunctionalInterface
    public interface Listener {
        void message(MessageView m);
    }

    // shared by every connection's decoding (Conversation, Side and the readers reach them through the decoder)
    final Options options;
    final MessageOut out;
    final SocketIoSessions sessions;
    private final TcpReassembler tcp;
    private final Ipv4Reassembler fragments = new Ipv4Reassembler();
    /** Link types already reported as not decoded: one message each, not one per frame. */
    private final java.util.Set<Integer> linkTypesReported = new java.util.HashSet<>(2);
    private byte[] work = new byte[4096];
    private long lastFrame;
    private long lastTime;

    public CaptureDecoder(Listener out) {
        this(out, Options.DEFAULT);
    }

    public CaptureDecoder(Listener out, Options options) {
        this.out = new MessageOut(out);
        this.options = options;
        this.sessions = new SocketIoSessions(this.out);
        this.tcp = new TcpReassembler(new Streams(), options.limits());
    }

    /** A decoder handing each message on as an immutable {@link CaptureMessage}. */
    public static CaptureDecoder forMessages(Consumer<CaptureMessage> out, Options options) {
        return new CaptureDecoder(v -> out.accept(v.toMessage()), options);
    }

    public static CaptureDecoder forMessages(Consumer<CaptureMessage> out) {
        return forMessages(out, Options.DEFAULT);
    }

    /** Decodes every frame of {@code reader} (without copying them, where the format allows), then finishes. */
    public void decode(CaptureFileReader reader) {
        try {
            while (reader.read((index, ts, link, original, buf, off, len) -> frame(index, ts, link, buf, off, len))) {
                // each frame is decoded by the visitor
            }
        } finally {
            finish();
        }
    }

    /** Every message in a capture file, in the order they complete: for files small enough to hold the result. */
    public static List<CaptureMessage> decodeAll(java.nio.file.Path file, Options options) throws java.io.IOException {
        List<CaptureMessage> all = new ArrayList<>();
        try (CaptureFileReader reader = CaptureFileReader.open(file)) {
            forMessages(all::add, options).decode(reader);
        }
        return all;
    }

    /** The reassembler, for its counters. */
    public TcpReassembler tcp() {
        return tcp;
    }

    /** Decodes one frame read from a capture file. */
    public void frame(CapturedFrame f) {
        int n = f.data().length();
        if (work.length < n) {
            work = new byte[Math.max(n, work.length * 2)];
        }
        f.data().copyTo(work, 0);
        frame(f.index(), f.timestampNanos(), f.linkType(), work, 0, n);
    }

    /**
     * Decodes one frame: {@code buf[off, off+len)} with its number, timestamp and link type ({@link LinkType}:
     * Ethernet, Linux cooked capture v1 and v2, BSD loopback NULL and LOOP, raw IP). The bytes may be changed
     * (WebSocket payloads are unmasked in place) and are not kept after the call. Frames of a link type that is not
     * decoded are skipped, with one message the first time.
     */
    public void frame(long index, long timeNanos, int linkType, byte[] buf, int off, int len) {
        lastFrame = index;
        lastTime = timeNanos;
        int type;
        int header;
        if (linkType == LinkType.ETHERNET) {
            if (len < ETHERNET_HEADER) {
                lowerLayerProblem(index, timeNanos, linkType, buf, off, len);
                return;
            }
            type = u16(buf, off + 12);
            header = ETHERNET_HEADER;
        } else {
            long start = LinkLayer.networkStart(linkType, buf, off, len);
            if (start == LinkLayer.NOT_DECODED) {
                if (linkTypesReported.add(linkType)) {
                    out.bad(index, index, timeNanos, "", "", null, LinkType.notDecoded(linkType)
                            + ": its frames are skipped", List.of());
                }
                return;
            }
            if (start == LinkLayer.TOO_SHORT) {
                lowerLayerProblem(index, timeNanos, linkType, buf, off, len);
                return;
            }
            type = (int) (start >>> 32);
            header = (int) start;
        }
        if (type == ETHERTYPE_IPV4) {
            ipv4(index, timeNanos, buf, off + header, len - header, linkType, buf, off, len);
        } else if (type == ETHERTYPE_IPV6) {
            ipv6(index, timeNanos, buf, off + header, len - header, linkType, buf, off, len);
        }
    }

    /** The capture ended: segments held ahead of holes are delivered after their gaps, unfinished messages reported. */
    public void finish() {
        tcp.finish(lastFrame, lastTime);
    }

    // ------------------------------------------------------------------------------------------- IPv4 and TCP

    private void ipv4(long index, long time, byte[] b, int o, int l, int link, byte[] frame, int frameOff,
                      int frameLen) {
        if (l < 20 || (b[o] & 0xf0) != 0x40) {
            lowerLayerProblem(index, time, link, frame, frameOff, frameLen);
            return;
        }
        int ihl = (b[o] & 0x0f) * 4;
        int total = u16(b, o + 2);
        if (ihl < 20 || ihl > l || total < ihl) {
            lowerLayerProblem(index, time, link, frame, frameOff, frameLen);
            return;
        }
        int end = o + Math.min(total, l);
        boolean cut = total > l;
        if (cut) {
            // cut short by the capture's snapshot length: say so (once), and give TCP what is there
            lowerLayerProblem(index, time, link, frame, frameOff, frameLen);
        }
        int fragment = u16(b, o + 6);
        if ((fragment & 0x3fff) != 0) {
            Optional<byte[]> whole = fragments.accept(Arrays.copyOfRange(b, o, end));
            if (whole.isPresent()) {
                byte[] p = whole.get();
                ipv4(index, time, p, 0, p.length, LinkType.RAW, p, 0, p.length);
            }
            return;
        }
        if (b[o + 9] != 6) {
            return;
        }
        int t = o + ihl;
        int tl = end - t;
        int dataOffset = tl < 20 ? 0 : ((b[t + 12] & 0xf0) >>> 4) * 4;
        if (dataOffset < 20 || dataOffset > tl) {
            if (!cut) {
                lowerLayerProblem(index, time, link, frame, frameOff, frameLen);
            }
            return;
        }
        tcp.segment(index, time, s32(b, o + 12), u16(b, t), s32(b, o + 16), u16(b, t + 2), u32(b, t + 4),
                u32(b, t + 8), b[t + 13] & 0xff, b, t + dataOffset, tl - dataOffset);
    }

    /**
     * An IPv6 packet (RFC 8200): the extension headers walked to the upper-layer header, TCP handed to the
     * reassembler with both 128-bit addresses. Fragments are not reassembled: the first of a packet is reported.
     */
    private void ipv6(long index, long time, byte[] b, int o, int l, int link, byte[] frame, int frameOff,
                      int frameLen) {
        if (l < Ipv6Layout.HEADER_LENGTH || (b[o] & 0xf0) != 0x60) {
            lowerLayerProblem(index, time, link, frame, frameOff, frameLen);
            return;
        }
        int end = o + Ipv6Layout.HEADER_LENGTH + u16(b, o + 4);
        boolean cut = end > o + l;
        if (cut) {
            // cut short by the capture's snapshot length: say so (once), and give TCP what is there
            lowerLayerProblem(index, time, link, frame, frameOff, frameLen);
            end = o + l;
        }
        int next = b[o + 6] & 0xff;
        int at = o + Ipv6Layout.HEADER_LENGTH;
        while (Ipv6Codec.isExtension(next)) {
            int n = end - at < 8 ? -1 : next == Ipv6Layout.FRAGMENT_HEADER ? 8 : ((b[at + 1] & 0xff) + 1) * 8;
            if (n < 0 || n > end - at) {
                if (!cut) {
                    lowerLayerProblem(index, time, link, frame, frameOff, frameLen);
                }
                return;
            }
            if (next == Ipv6Layout.FRAGMENT_HEADER && (u16(b, at + 2) & 0xfff9) != 0) {
                if ((u16(b, at + 2) & 0xfff8) == 0) {
                    out.bad(index, index, time, Ipv6Address.of(b, o + 8).toString(),
                            Ipv6Address.of(b, o + 24).toString(), null, "IPv6: fragmented packet (identification "
                                    + Hex.prefixed(u32(b, at + 4), 8) + ") is not reassembled (netsim reassembles "
                                    + "IPv4 fragments only)", List.of());
                }
                return;
            }
            next = b[at] & 0xff;
            at += n;
        }
        if (next != 6) {
            return;
        }
        int tl = end - at;
        int dataOffset = tl < 20 ? 0 : ((b[at + 12] & 0xf0) >>> 4) * 4;
        if (dataOffset < 20 || dataOffset > tl) {
            if (!cut) {
                lowerLayerProblem(index, time, link, frame, frameOff, frameLen);
            }
            return;
        }
        tcp.segment(index, time, Ipv6Address.of(b, o + 8), u16(b, at), Ipv6Address.of(b, o + 24), u16(b, at + 2),
                u32(b, at + 4), u32(b, at + 8), b[at + 13] & 0xff, b, at + dataOffset, tl - dataOffset);
    }

    /** A frame the fast path refused below TCP: the codecs say exactly what is wrong with it. */
    private void lowerLayerProblem(long index, long time, int link, byte[] b, int off, int len) {
        String[] ends = {"", ""};
        // the addresses as far as the bytes give them, even when the IP header itself is what is wrong
        long start = LinkLayer.networkStart(link, b, off, len);
        int at = off + (int) start;
        if (start >= 0 && (start >>> 32) == ETHERTYPE_IPV4 && off + len >= at + 20) {
            ends[0] = new Ipv4Address(s32(b, at + 12)).toString();
            ends[1] = new Ipv4Address(s32(b, at + 16)).toString();
        } else if (start >= 0 && (start >>> 32) == ETHERTYPE_IPV6 && off + len >= at + Ipv6Layout.HEADER_LENGTH) {
            ends[0] = Ipv6Address.of(b, at + Ipv6Layout.SOURCE_OFFSET).toString();
            ends[1] = Ipv6Address.of(b, at + Ipv6Layout.DESTINATION_OFFSET).toString();
        }
        Pdu root = LinkLayer.dissect(link, b, off, len, false, (type, b1, o1, l1) -> {
            if (type.value() == ETHERTYPE_IPV4) {
                return List.of(Ipv4Codec.dissect(b1, o1, l1, (ip, b2, o2, l2) -> {
                    ends[0] = ip.source().toString();
                    ends[1] = ip.destination().toString();
                    return ip.protocol().value() != 6 ? List.of() : List.of(TcpCodec.dissect(b2, o2, l2,
                            ip.source(), ip.destination(), PayloadDissector.raw()));
                }));
            }
            if (type.value() == ETHERTYPE_IPV6) {
                return List.of(Ipv6Codec.dissect(b1, o1, l1, (ip, b2, o2, l2) ->
                        ip.upperLayerProtocol() != 6 ? List.of() : List.of(TcpCodec.dissectOverIpv6(b2, o2, l2,
                                ip.source(), ip.finalDestination(), PayloadDissector.raw()))));
            }
            return List.of();
        });
        Optional<Pdu> bad = root.firstMalformed();
        if (bad.isPresent()) {
            out.bad(index, index, time, ends[0], ends[1], null,
                    bad.get().protocol().title() + ": " + bad.get().malformed().reason(), List.of());
        }
    }

    static int u16(byte[] b, int at) {
        return (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
    }

    static int s32(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }

    static long u32(byte[] b, int at) {
        return s32(b, at) & 0xffff_ffffL;
    }

    // ------------------------------------------------------------------------------------------- streams

    /** Hands each connection's stream events to the direction they belong to, creating its state on first sight. */
    private final class Streams implements TcpReassembler.Listener {
        @Override
        public void data(TcpFlow flow, byte[] buf, int off, int len, long frame, long timeNanos) {
            side(flow).data(buf, off, len, frame, timeNanos);
        }

        @Override
        public void gap(TcpFlow flow, long missing, long frame, long timeNanos) {
            side(flow).gap(missing, frame, timeNanos);
        }

        @Override
        public void end(TcpFlow flow, TcpFlow.End how, long frame, long timeNanos) {
            side(flow).end(how, frame, timeNanos);
        }

        private Side side(TcpFlow flow) {
            Conversation c = (Conversation) flow.state();
            if (c == null) {
                c = new Conversation(flow, CaptureDecoder.this);
                flow.state(c);
            }
            return c.a.flow == flow ? c.a : c.b;
        }
    }
}
