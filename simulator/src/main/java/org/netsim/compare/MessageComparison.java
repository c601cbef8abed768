package org.netsim.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.netsim.pdu.Protocol;

/**
 * A captured message beside its simulated twin, part by part: each unit it travelled in with the twin's unit of the
 * same role (the text part with the text part, each attachment with its attachment, the HTTP message with the HTTP
 * message), then each frame that carried it with the twin's frame in the same place, those on their lower layers
 * only (Ethernet, IPv4, TCP): the message's own layers are the units'.
 *
 * @param parts the pairs compared, units first
 */
public record MessageComparison(List<Part> parts, CarriedMessage simulated, CarriedMessage captured) {

    /** The layers a carrying frame is compared on. */
    static final Set<Protocol> FRAME_LAYERS = Set.of(Protocol.ETHERNET, Protocol.IPV4, Protocol.TCP);

    public MessageComparison {
        parts = List.copyOf(parts);
    }

    /** What a part is. */
    public enum Kind {
        /** A unit of the message ({@link CarriedMessage.Unit}). */
        UNIT,
        /** A frame that carried bytes of it, on its lower layers. */
        FRAME
    }

    /**
     * One pair compared.
     *
     * @param kind       a unit or a frame
     * @param role       for a unit, its role
     * @param number     for a unit, its number ({@link CarriedMessage.Unit#number()}); for a frame, its place among
     *                   the frames that carried the message, from 1
     * @param simulated  the twin's unit or frame
     * @param captured   the captured one
     * @param comparison their fields
     */
    public record Part(Kind kind, CarriedMessage.Role role, int number, Shown simulated, Shown captured,
                       FrameComparison comparison) {
    }

    /**
     * One side of a part: the bytes, the tree decoded from them (to show), the part of the tree compared (the tree, or
     * one Engine.IO packet of a polling body), and the frame's number if it is a frame.
     */
    public record Shown(byte[] bytes, org.netsim.pdu.Pdu tree, org.netsim.pdu.Pdu compared, long frame) {
        /** The bytes of what is compared. */
        public byte[] comparedBytes() {
            return java.util.Arrays.copyOfRange(bytes, compared.offset(), compared.end());
        }
    }

    /** Pairs the units by role and number and the frames by place, and compares each pair. */
    public static MessageComparison of(CarriedMessage simulated, CarriedMessage captured) {
        List<Part> parts = new ArrayList<>();
        for (CarriedMessage.Unit c : captured.units()) {
            CarriedMessage.Unit s = simulated.units().stream()
                    .filter(u -> u.role() == c.role() && u.number() == c.number()).findFirst().orElse(null);
            if (s == null) {
                continue;
            }
            FrameComparison fc = c.role() == CarriedMessage.Role.HTTP
                    ? FrameComparison.of(s.compared(), c.compared(), p -> p == Protocol.HTTP)
                    : FrameComparison.of(s.compared(), c.compared());
            parts.add(new Part(Kind.UNIT, c.role(), c.number(), new Shown(s.bytes(), s.tree(), s.compared(), 0),
                    new Shown(c.bytes(), c.tree(), c.compared(), 0), fc));
        }
        int frames = Math.min(simulated.frames().size(), captured.frames().size());
        for (int i = 0; i < frames; i++) {
            CarriedMessage.Carrier s = simulated.frames().get(i);
            CarriedMessage.Carrier c = captured.frames().get(i);
            parts.add(new Part(Kind.FRAME, null, i + 1, new Shown(s.bytes(), s.tree(), s.tree(), s.index()),
                    new Shown(c.bytes(), c.tree(), c.tree(), c.index()), FrameComparison.of(s.tree(), c.tree(),
                    FRAME_LAYERS::contains)));
        }
        return new MessageComparison(parts, simulated, captured);
    }

    /** Every difference of every part, in part order. */
    public List<FieldDifference> differences() {
        return parts.stream().flatMap(p -> p.comparison().differences().stream()).toList();
    }

    /** The differences a real capture is not expected to have. */
    public List<FieldDifference> unexpected() {
        return differences().stream().filter(d -> !d.expected()).toList();
    }

    /** How many paired fields are equal, over all parts. */
    public int same() {
        return parts.stream().mapToInt(p -> p.comparison().same()).sum();
    }

    /** Units of one side with no twin of the same role and number on the other (a fragmented text, say). */
    public int unpairedUnits() {
        long paired = parts.stream().filter(p -> p.kind() == Kind.UNIT).count();
        return (int) (simulated.units().size() + captured.units().size() - 2 * paired);
    }
}
