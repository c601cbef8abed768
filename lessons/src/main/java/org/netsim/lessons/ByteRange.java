package org.netsim.lessons;

/**
 * Bytes {@code [start, end)} of one byte array the inspector shows for an event: array 0 is the one its PDU tree's
 * offsets point into (for a wire event the bits on the cable with preamble and FCS, for a frame the frame, for a
 * message its bytes); arrays 1, 2 ... are the tree's data sources in tree order (a message reassembled from several
 * segments, a body inflated), each shown under its own button below the hex pane, as Wireshark shows them.
 *
 * @param source which array, 0 for the event's own bytes
 */
public record ByteRange(int start, int end, int source) {
    public ByteRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("not a byte range: [" + start + ", " + end + ")");
        }
        if (source < 0) {
            throw new IllegalArgumentException("not a byte array: " + source);
        }
    }

    /** Bytes of the event's own array (array 0). */
    public ByteRange(int start, int end) {
        this(start, end, 0);
    }

    public int length() {
        return end - start;
    }

    @Override
    public String toString() {
        return length() <= 1 ? "byte " + start : "bytes " + start + "\u2013" + (end - 1);
    }
}
