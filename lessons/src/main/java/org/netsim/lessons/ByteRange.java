package org.netsim.lessons;

/**
 * Bytes {@code [start, end)} of the buffer the inspector shows for an event (the one its PDU tree's offsets point
 * into: for a wire event the bits on the cable with preamble and FCS, for a frame the frame, for a message its bytes).
 */
public record ByteRange(int start, int end) {
    public ByteRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("not a byte range: [" + start + ", " + end + ")");
        }
    }

    public int length() {
        return end - start;
    }

    @Override
    public String toString() {
        return length() <= 1 ? "byte " + start : "bytes " + start + "\u2013" + (end - 1);
    }
}
