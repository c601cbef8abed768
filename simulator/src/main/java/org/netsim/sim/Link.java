package org.netsim.sim;

import org.netsim.random.RandomSource;
import org.netsim.timeline.Unit;
import org.netsim.wire.ethernet.EthernetLayout;
import org.netsim.wire.physical.PhysicalCodec;

/**
 * A full-duplex cable between two ports. Each direction sends one frame at a time: a frame waits until the one before
 * it and the inter-frame gap have left, takes (preamble + SFD + frame + FCS) bits / rate to send, then the propagation
 * delay to arrive. A lost frame is sent (the wire event shows it) but never arrives.
 */
public final class Link {
    private final Simulator sim;
    private final String name;
    private final Port a;
    private final Port b;
    private final LinkConfig config;
    private final RandomSource loss;
    /** The link's number on the timeline. */
    private final int id;
    private long freeAtoB;
    private long freeBtoA;
    private int sent;

    public Link(Simulator sim, String name, Port a, Port b, LinkConfig config) {
        this.sim = sim;
        this.name = name;
        this.a = a;
        this.b = b;
        this.config = config;
        this.loss = sim.random("link " + name + " loss");
        this.id = sim.timeline().addLink(name);
        a.attach(this);
        b.attach(this);
    }

    public String name() {
        return name;
    }

    public LinkConfig config() {
        return config;
    }

    public Port a() {
        return a;
    }

    public Port b() {
        return b;
    }

    public Port other(Port p) {
        return p == a ? b : a;
    }

    /** Sends {@code frame} out of {@code from}; it starts when the link is free that way. */
    void transmit(Port from, Unit.Frame frame) {
        boolean fromA = from == a;
        long free = fromA ? freeAtoB : freeBtoA;
        long start = Math.max(sim.now(), free);
        int bytes = frame.bytes().length + EthernetLayout.FCS_LENGTH;
        long sending = PhysicalCodec.serializationTimeNanos(bytes, config.bitsPerSecond());
        long nextFree = start + sending + PhysicalCodec.interFrameGapNanos(config.bitsPerSecond());
        if (fromA) {
            freeAtoB = nextFree;
        } else {
            freeBtoA = nextFree;
        }
        int number = ++sent;
        boolean lost = !config.dropFrames().isEmpty() && config.dropFrames().contains(number)
                || config.lossRate() > 0 && (loss.nextLong() >>> 11) * 0x1.0p-53 < config.lossRate();
        Port to = other(from);
        long arrival = start + sending + config.propagationNanos();
        if (start == sim.now()) {
            depart(from, frame, to, arrival, lost);
        } else {
            sim.at(start, () -> depart(from, frame, to, arrival, lost));
        }
    }

    private void depart(Port from, Unit.Frame frame, Port to, long arrival, boolean lost) {
        sim.timeline().recordWire(sim.now(), from.node().id(), frame, id, to.node().id(), arrival, lost);
        if (!lost) {
            sim.at(arrival, () -> to.node().receive(to, frame));
        }
    }
}
