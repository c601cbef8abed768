package org.netsim.timeline;

/** Which way an event moves data: down a node's stack, across a link, up a node's stack; or a change of state. */
public enum Direction {
    /** A layer wraps what the layer above handed it (encapsulation). */
    DOWN("down"),
    /** Bits cross a link from one node to the next. */
    WIRE("wire"),
    /** A layer reads its header and hands the rest up (decapsulation). */
    UP("up"),
    /** A node changed what it knows or where it is: a TCP state, an ARP cache entry, a switch's MAC table, a drop. */
    STATE("state");

    private final String word;

    Direction(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }
}
