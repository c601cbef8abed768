package org.netsim.sim;

import java.util.LinkedHashMap;
import java.util.Map;
import org.netsim.pdu.Protocol;
import org.netsim.timeline.Direction;
import org.netsim.timeline.Unit;
import org.netsim.wire.ethernet.MacAddress;

/**
 * A learning Ethernet switch (IEEE 802.1D transparent bridging, without spanning tree): it learns which port each
 * source address is behind; it sends a frame for a learned address out of that port only, and floods broadcasts and
 * frames for unknown addresses out of every other port. Frames leave unchanged: a switch does not touch the bytes.
 */
public final class EthernetSwitch extends Node {
    private final LongMap<Port> table = new LongMap<>();

    public EthernetSwitch(Simulator sim, String name) {
        super(sim, name);
    }

    /** A new port, to plug a link into. */
    public Port newPort() {
        return addPort(new Port(this, name() + " port " + (ports().size() + 1), null));
    }

    /** What the switch has learned: address → port name, in learning order. */
    public Map<MacAddress, String> macTable() {
        Map<MacAddress, String> out = new LinkedHashMap<>();
        table.forEach((mac, port) -> out.put(new MacAddress(mac), port.name()));
        return out;
    }

    @Override
    protected void receive(Port in, Unit.Frame frame) {
        byte[] b = frame.bytes();
        long dst = macAt(b, 0);
        long src = macAt(b, 6);
        record(Direction.UP, Protocol.ETHERNET, frame.connection(), frame);
        Port known = table.get(src);
        if (known != in) {
            table.put(src, in);
            note(Protocol.ETHERNET, -1, "learned " + new MacAddress(src) + " is behind " + in.name()
                    + (known == null ? "" : " (moved from " + known.name() + ")"));
        }
        Port out = (dst & 0x0100_0000_0000L) != 0 ? null : table.get(dst);
        if (out == in) {
            // the destination is on the segment the frame came from: nothing to forward (802.1D "filtering")
            note(Protocol.ETHERNET, frame.connection(), "filtered: " + new MacAddress(dst) + " is behind the port"
                    + " the frame came in on");
            return;
        }
        if (out != null) {
            forward(out, frame);
            return;
        }
        for (Port p : ports()) {
            if (p != in && p.link() != null) {
                forward(p, frame);
            }
        }
    }

    private void forward(Port out, Unit.Frame frame) {
        record(Direction.DOWN, Protocol.ETHERNET, frame.connection(), frame);
        out.link().transmit(out, frame);
    }
}
