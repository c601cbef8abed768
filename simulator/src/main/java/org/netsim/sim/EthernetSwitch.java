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
 * An entry not refreshed by a frame from that address for the ageing time (802.1D's default: 300 s) is forgotten, so
 * a frame for a host that has been quiet that long is flooded again.
 */
public final class EthernetSwitch extends Node {
    /** IEEE 802.1D's recommended ageing time for the filtering database: 300 s. */
    public static final long DEFAULT_AGEING = 300_000_000_000L;

    /** Where an address was last seen coming from, and when. */
    private static final class Entry {
        Port port;
        long seen;

        Entry(Port port, long seen) {
            this.port = port;
            this.seen = seen;
        }
    }

    private final LongMap<Entry> table = new LongMap<>();
    private long ageing = DEFAULT_AGEING;

    public EthernetSwitch(Simulator sim, String name) {
        super(sim, name);
    }

    /** A new port, to plug a link into. */
    public Port newPort() {
        return addPort(new Port(this, name() + " port " + (ports().size() + 1), null));
    }

    /** How long an address is remembered after its last frame (10 s to 1,000,000 s in 802.1D). */
    public void ageing(long nanos) {
        if (nanos <= 0) {
            throw new IllegalArgumentException("an ageing time is positive: " + nanos);
        }
        this.ageing = nanos;
    }

    /** What the switch knows now: address → port name, in learning order (entries aged out are left out). */
    public Map<MacAddress, String> macTable() {
        Map<MacAddress, String> out = new LinkedHashMap<>();
        table.forEach((mac, e) -> {
            if (!aged(e)) {
                out.put(new MacAddress(mac), e.port.name());
            }
        });
        return out;
    }

    private boolean aged(Entry e) {
        return sim.now() - e.seen >= ageing;
    }

    @Override
    protected void receive(Port in, Unit.Frame frame) {
        byte[] b = frame.bytes();
        long dst = macAt(b, 0);
        long src = macAt(b, 6);
        record(Direction.UP, Protocol.ETHERNET, frame.connection(), frame);
        Entry known = table.get(src);
        if (known == null || aged(known)) {
            table.put(src, new Entry(in, sim.now()));
            note(Protocol.ETHERNET, -1, "learned " + new MacAddress(src) + " is behind " + in.name());
        } else {
            if (known.port != in) {
                note(Protocol.ETHERNET, -1, "learned " + new MacAddress(src) + " is behind " + in.name()
                        + " (moved from " + known.port.name() + ")");
                known.port = in;
            }
            known.seen = sim.now();
        }
        Port out = null;
        if ((dst & 0x0100_0000_0000L) == 0) {
            Entry e = table.get(dst);
            if (e != null && aged(e)) {
                table.remove(dst);
                note(Protocol.ETHERNET, frame.connection(), new MacAddress(dst) + " aged out of the table (no frame "
                        + "from it for " + ageing / 1_000_000_000L + " s): flooded");
            } else if (e != null) {
                out = e.port;
            }
        }
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
