package org.netsim.app.gui.stack;

import java.util.ArrayList;
import java.util.List;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.Protocol;

/**
 * What one layer adds to a frame: its header before the payload it wraps and its trailer after (Ethernet's FCS and
 * padding), in bytes, read from the PDU tree's offsets (header = first child's offset − the PDU's offset, trailer =
 * the PDU's end − the last child's end). The innermost layer carries no payload: all its bytes are its own.
 *
 * <p>A segment that completes a message longer than one segment carries only the message's last bytes: the layers
 * above TCP are then those of the whole message, reassembled (the PDU that opens those bytes is no layer of its own),
 * so their sizes are the message's and their offsets count in its bytes.
 *
 * @param protocol     the layer
 * @param offset       where the layer's PDU starts in the frame (above a reassembly, in the reassembled bytes)
 * @param headerBytes  bytes before the payload (for the innermost layer: all of it)
 * @param payloadBytes bytes of the layers above it
 * @param trailerBytes bytes after the payload
 */
public record EncapsulationBlock(Protocol protocol, int offset, int headerBytes, int payloadBytes, int trailerBytes) {

    public int totalBytes() {
        return headerBytes + payloadBytes + trailerBytes;
    }

    /** Whether this is the innermost layer (nothing above it in the frame). */
    public boolean innermost() {
        return payloadBytes == 0 && trailerBytes == 0;
    }

    /**
     * The blocks of a frame, outermost first: the path from the root down to the deepest PDU, following at each
     * layer the child that holds {@code focus} (the event's own PDU) or else the first. Where a layer carries
     * several PDUs (two WebSocket frames in one segment), its payload counts them all.
     */
    public static List<EncapsulationBlock> of(Pdu root, Pdu focus) {
        List<EncapsulationBlock> out = new ArrayList<>();
        Pdu p = root;
        while (p != null) {
            List<Pdu> children = p.children();
            if (children.isEmpty()) {
                out.add(new EncapsulationBlock(p.protocol(), p.offset(), p.length(), 0, 0));
                p = null;
            } else {
                Pdu first = children.get(0);
                Pdu last = children.get(children.size() - 1);
                out.add(new EncapsulationBlock(p.protocol(), p.offset(), first.offset() - p.offset(),
                        last.end() - first.offset(), p.end() - last.end()));
                Pdu next = pick(children, focus);
                while (next.opensSource() && !next.children().isEmpty()) {
                    next = pick(next.children(), focus);
                }
                p = next;
            }
        }
        return out;
    }

    /** The child that holds {@code focus}, or else the first. */
    private static Pdu pick(List<Pdu> children, Pdu focus) {
        Pdu next = children.get(0);
        for (Pdu c : children) {
            if (focus != null && contains(c, focus)) {
                next = c;
            }
        }
        return next;
    }

    private static boolean contains(Pdu tree, Pdu target) {
        boolean[] found = {false};
        tree.walk(q -> found[0] |= q == target);
        return found[0];
    }
}
