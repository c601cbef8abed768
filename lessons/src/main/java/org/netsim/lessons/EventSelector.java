package org.netsim.lessons;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.Protocol;
import org.netsim.timeline.Connection;
import org.netsim.timeline.Direction;
import org.netsim.timeline.Timeline;
import org.netsim.timeline.TimelineEvent;
import org.netsim.wire.tcp.TcpFlags;
import org.netsim.wire.tcp.TcpHeader;

/**
 * Which timeline events a lesson means: every key given must hold; a key left out ({@code null}) matches anything.
 *
 * @param node      the node where the event happens
 * @param protocol  the event's protocol
 * @param direction down, wire, up or state
 * @param flags     exactly these TCP flags are set in the TCP segment the event carries (names as
 *                  {@link #FLAG_NAMES}); an event without a TCP segment does not match
 * @param text      a substring of the event's one-line info, or of the info of a layer it carries (the Socket.IO
 *                  event inside a WebSocket frame, say), case as written
 * @param peer      for a wire event the node the frame travels to; for another event of a TCP connection the node at
 *                  the connection's other end
 */
public record EventSelector(String node, Protocol protocol, Direction direction, Set<String> flags, String text,
                            String peer) {

    /** TCP flag names as lesson files write them, most significant bit first (RFC 9293 §3.1). */
    public static final List<String> FLAG_NAMES = List.of("CWR", "ECE", "URG", "ACK", "PSH", "RST", "SYN", "FIN");
    /** The order Wireshark's Info column lists set flags in: [SYN, ACK], [FIN, PSH, ACK]. */
    private static final List<String> DISPLAY_ORDER = List.of("FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR");

    public EventSelector {
        flags = flags == null ? null : java.util.Collections.unmodifiableSet(new LinkedHashSet<>(flags));
    }

    /** Whether the event matches every given key. */
    public boolean matches(TimelineEvent e) {
        return mismatches(e).isEmpty();
    }

    /** What differs, one phrase per key ("node is alice, not server"); empty when the event matches. */
    public List<String> mismatches(TimelineEvent e) {
        List<String> out = new ArrayList<>(2);
        if (node != null && !node.equals(e.node())) {
            out.add("it happens at " + e.node() + ", not " + node);
        }
        if (protocol != null && protocol != e.protocol()) {
            out.add("its protocol is " + e.protocol().name() + ", not " + protocol.name());
        }
        if (direction != null && direction != e.direction()) {
            out.add("it goes " + e.direction().word() + ", not " + direction.word());
        }
        if (peer != null && !peer.equals(peerOf(e))) {
            String p = peerOf(e);
            out.add(p == null ? "it has no peer node, and " + peer + " was wanted" : "its peer is " + p + ", not "
                    + peer);
        }
        if (flags != null) {
            Optional<Set<String>> set = tcpFlags(e);
            if (set.isEmpty()) {
                out.add("it carries no TCP segment, and flags " + ordered(flags) + " were wanted");
            } else if (!set.get().equals(flags)) {
                out.add("its TCP flags are " + ordered(set.get()) + ", not " + ordered(flags));
            }
        }
        if (text != null && !mentions(e, text)) {
            out.add("its info does not mention \"" + text + "\"");
        }
        return out;
    }

    /** The first event of the timeline that matches, if any. */
    public Optional<TimelineEvent> first(Timeline t) {
        for (int i = 0; i < t.size(); i++) {
            TimelineEvent e = t.get(i);
            if (matches(e)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The selector as a lesson file would write it, for messages. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (node != null) {
            parts.add("node: " + node);
        }
        if (protocol != null) {
            parts.add("protocol: " + protocol.name());
        }
        if (direction != null) {
            parts.add("direction: " + direction.word());
        }
        if (flags != null) {
            parts.add("flags: " + List.copyOf(flags));
        }
        if (text != null) {
            parts.add("text: " + text);
        }
        if (peer != null) {
            parts.add("peer: " + peer);
        }
        return "{" + String.join(", ", parts) + "}";
    }

    /** One line for messages: "event 34 (server down TCP: 3000 → 54282 [SYN, ACK] ...)". */
    public static String brief(TimelineEvent e) {
        return "event " + e.index() + " (" + e.node() + " " + e.direction().word() + " " + e.protocol().title() + ": "
                + e.description() + ")";
    }

    /** The wire event's far node, or the other end of the event's TCP connection. */
    public static String peerOf(TimelineEvent e) {
        String hop = e.peer();
        if (hop != null) {
            return hop;
        }
        Connection c = e.connection();
        if (c == null) {
            return null;
        }
        if (e.node().equals(c.client())) {
            return c.server();
        }
        return e.node().equals(c.server()) ? c.client() : null;
    }

    /** The flags set in the TCP segment the event carries, by name. */
    public static Optional<Set<String>> tcpFlags(TimelineEvent e) {
        if (e.direction() == Direction.STATE) {
            return Optional.empty();
        }
        Pdu whole = e.wholePdu();
        if (whole == null) {
            return Optional.empty();
        }
        return whole.find(Protocol.TCP).flatMap(p -> p.header(TcpHeader.class)).map(h -> names(h.flags()));
    }

    private static Set<String> names(TcpFlags f) {
        Set<String> out = new LinkedHashSet<>();
        int bits = f.bits();
        for (int i = 0; i < FLAG_NAMES.size(); i++) {
            if ((bits & 0x80 >>> i) != 0) {
                out.add(FLAG_NAMES.get(i));
            }
        }
        return out;
    }

    private static List<String> ordered(Set<String> flags) {
        List<String> out = new ArrayList<>();
        for (String f : DISPLAY_ORDER) {
            if (flags.contains(f)) {
                out.add(f);
            }
        }
        return out;
    }

    private static boolean mentions(TimelineEvent e, String text) {
        if (e.description().contains(text)) {
            return true;
        }
        if (e.direction() == Direction.STATE) {
            return false;
        }
        Pdu p = e.pdu();
        if (p == null) {
            return false;
        }
        boolean[] found = {false};
        p.walk(x -> found[0] |= x.summary().contains(text));
        return found[0];
    }
}
