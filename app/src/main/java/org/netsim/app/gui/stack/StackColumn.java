package org.netsim.app.gui.stack;

import java.util.List;
import org.netsim.pdu.Pdu;
import org.netsim.timeline.Direction;

/**
 * One stack of the stack view: a device taking a frame up its layers ({@link Direction#UP}, the in-stack) or putting
 * one on the wire ({@link Direction#DOWN}, the out-stack), as far as it goes: a host builds or reads every layer, a
 * switch only Physical and Ethernet, a router up to IPv4.
 *
 * @param node      the device
 * @param direction UP (in) or DOWN (out)
 * @param blocks    the blocks of the frame the device reads or builds, outermost first (empty: no such stack, e.g.
 *                  the sender's in-stack)
 * @param reach     how many of the outermost blocks the device handles
 * @param frame     the frame's PDU tree (for what a router rewrote), or null
 */
public record StackColumn(String node, Direction direction, List<EncapsulationBlock> blocks, int reach, Pdu frame) {
    public StackColumn {
        blocks = List.copyOf(blocks);
        reach = Math.min(reach, blocks.size());
    }

    /** No stack on this side: the frame starts (in) or ends (out) at this device. */
    static StackColumn none(String node, Direction direction) {
        return new StackColumn(node, direction, List.of(), 0, null);
    }

    public boolean isEmpty() {
        return reach == 0;
    }

    /** Whether the device handles block {@code i} at all (a switch stops at Ethernet). */
    public boolean reaches(int i) {
        return i < reach;
    }

    /**
     * Whether block {@code i} shows after {@code steps} steps of this stack's animation: going down, the payload drops
     * a layer and is wrapped (innermost first); going up, the outermost is read first.
     */
    public boolean shows(int i, int steps) {
        if (!reaches(i)) {
            return false;
        }
        return direction == Direction.DOWN ? i >= reach - steps : i < steps;
    }
}
