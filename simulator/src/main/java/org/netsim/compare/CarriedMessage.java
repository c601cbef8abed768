package org.netsim.compare;

import java.util.ArrayList;
import java.util.List;
import org.netsim.capture.decode.CaptureMessage;
import org.netsim.capture.file.CapturedFrame;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.Protocol;
import org.netsim.stack.FrameContext;
import org.netsim.stack.StackDissector;
import org.netsim.wire.ipv4.Ipv4Header;
import org.netsim.wire.tcp.TcpHeader;

/**
 * A Socket.IO message laid out for the comparison: the frames that carried its bytes and the units it travelled in
 * (for WebSocket, the frame of its text part and one frame per binary attachment; for long-polling, the HTTP message
 * and the Engine.IO packets of this message inside its body). A message spread over many TCP segments is one set of
 * units, rebuilt from the connection's bytes in order, so its layers are compared as the receiver read them, not one
 * segment at a time.
 *
 * <p>Built lazily, when someone compares: the decoder that lists a capture's messages keeps no trees, only the frames
 * from the message's first to its last ({@link CaptureMessage#firstFrame()} to {@link CaptureMessage#frame()}).
 *
 * @param message the decoded message
 * @param frames  the frames of its connection and direction that carried its bytes, in capture order
 * @param units   the units it travelled in, text part first, then its attachments in order
 */
public record CarriedMessage(CaptureMessage message, List<Carrier> frames, List<Unit> units) {

    public CarriedMessage {
        frames = List.copyOf(frames);
        units = List.copyOf(units);
    }

    /** One frame that carried bytes of the message: its number in the capture, its bytes, its layers. */
    public record Carrier(long index, byte[] bytes, Pdu tree) {
    }

    /** What part of the message a unit is. */
    public enum Role {
        /** The HTTP request or response whose body carried the message (long-polling); only its own fields count. */
        HTTP,
        /** The packet's text (a WebSocket text frame, or the Engine.IO text packet of a polling body). */
        TEXT,
        /** One binary attachment (a WebSocket binary frame, or a {@code b} base64 packet of a polling body). */
        ATTACHMENT
    }

    /**
     * One unit the message travelled in.
     *
     * @param role     what part of the message it is
     * @param number   for an attachment, which one (from 1); for a text part split into fragments, which fragment
     *                 (from 1, 0 when it is not fragmented); else 0
     * @param bytes    the bytes {@code tree} was decoded from (the WebSocket frame as sent, masked; the HTTP message)
     * @param tree     its layers, to show
     * @param compared the part of {@code tree} that is this unit: the tree itself, or one Engine.IO packet of a
     *                 polling body
     */
    public record Unit(Role role, int number, byte[] bytes, Pdu tree, Pdu compared) {
    }

    /**
     * Lays out {@code message} from {@code frames}, the capture's frames from its first to its last (frames of other
     * connections among them are left out).
     *
     * @throws IllegalArgumentException with a sentence saying why, when the frames do not hold the message (a gap, a
     *                                  capture of another link type, frames no longer held)
     */
    public static CarriedMessage of(CaptureMessage message, List<CapturedFrame> frames) {
        if (message.event() == null && message.text() == null) {
            throw new IllegalArgumentException("a " + message.type() + " has no units to compare");
        }
        // the frames are named by their numbers in the capture, and all are known, so the segments of a message
        // longer than one name the frame that completes it
        List<CapturedFrame> ethernet = frames.stream().filter(f -> f.linkType() == CapturedFrame.LINKTYPE_ETHERNET)
                .toList();
        List<byte[]> bytes = ethernet.stream().map(f -> f.data().toArray()).toList();
        StackDissector dissector = new StackDissector(FrameContext.of(bytes, ethernet.stream()
                .mapToLong(CapturedFrame::index).toArray(), CapturedFrame.LINKTYPE_ETHERNET));
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < ethernet.size(); i++) {
            Segment seg = Segment.of(ethernet.get(i), bytes.get(i), dissector);
            if (seg != null) {
                segments.add(seg);
            }
        }
        // the message's first byte is in its first frame: that frame's connection is the one to follow (for
        // long-polling, whose attachments may come on another connection, the text part's), in the message's direction
        String[] way = {message.src(), message.dst()};
        for (Segment seg : segments) {
            if (seg.index() == message.firstFrame()) {
                if (seg.src().equals(message.src()) || seg.dst().equals(message.dst())) {
                    way = new String[] {seg.src(), seg.dst()};
                } else if (seg.dst().equals(message.src()) || seg.src().equals(message.dst())) {
                    way = new String[] {seg.dst(), seg.src()};
                }
            }
        }
        List<Carrier> flow = new ArrayList<>();
        FlowBytes stream = new FlowBytes();
        for (Segment seg : segments) {
            if (seg.src().equals(way[0]) && seg.dst().equals(way[1]) && seg.to() > seg.from()
                    && stream.add(seg.index(), seg.sequence(), seg.bytes(), seg.from(), seg.to())) {
                flow.add(new Carrier(seg.index(), seg.bytes(), seg.tree()));
            }
        }
        if (flow.isEmpty()) {
            throw new IllegalArgumentException("the frames of this message (" + message.src() + " to "
                    + message.dst() + ", frames " + message.firstFrame() + " to " + message.frame()
                    + ") are not held, or are not IPv4 TCP over Ethernet");
        }
        UnitFinder finder = new UnitFinder(stream, message.firstFrame(), message.frame());
        UnitFinder.Found found = "polling".equals(message.transport())
                ? finder.polling(message.text(), message.attachments())
                : finder.webSocket(message.text(), message.attachments());
        if (found == null) {
            throw new IllegalArgumentException("the bytes of frames " + message.firstFrame() + " to "
                    + message.frame() + " do not hold " + abbreviate(message.text())
                    + (stream.gap() ? " (a segment of the connection is missing from the capture)" : ""));
        }
        List<Carrier> carriers = new ArrayList<>();
        for (Carrier c : flow) {
            if (stream.overlaps(c.index(), found.from(), found.to())) {
                carriers.add(c);
            }
        }
        return new CarriedMessage(message, carriers, found.units());
    }

    /** One TCP segment among the frames: its addresses, sequence number and payload. */
    private record Segment(long index, byte[] bytes, Pdu tree, String src, String dst, long sequence, int from,
                           int to) {
        static Segment of(CapturedFrame f, byte[] b, StackDissector dissector) {
            Pdu tree = dissector.dissect(f.linkType(), b, 0, b.length);
            Pdu ip = tree.find(Protocol.IPV4).orElse(null);
            Pdu tcp = tree.find(Protocol.TCP).orElse(null);
            Ipv4Header iph = ip == null ? null : ip.header(Ipv4Header.class).orElse(null);
            TcpHeader th = tcp == null ? null : tcp.header(TcpHeader.class).orElse(null);
            if (iph == null || th == null) {
                return null;
            }
            return new Segment(f.index(), b, tree, iph.source() + ":" + th.sourcePort(),
                    iph.destination() + ":" + th.destinationPort(), th.sequence(), tcp.offset() + th.headerLength(),
                    Math.min(b.length, ip.offset() + iph.totalLength()));
        }
    }

    /** The unit carrying the packet's text. */
    public Unit textPart() {
        return units.stream().filter(u -> u.role() == Role.TEXT).findFirst().orElseThrow();
    }

    static String abbreviate(String text) {
        if (text == null) {
            return "its packet";
        }
        return text.length() <= 60 ? text : text.substring(0, 57) + "… (" + text.length() + " characters)";
    }
}
