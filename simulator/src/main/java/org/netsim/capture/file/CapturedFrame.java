package org.netsim.capture.file;

import java.util.Objects;
import org.netsim.pdu.Bytes;

/**
 * One frame read from a capture file.
 *
 * @param index          the frame's number in the file, counting from 1 as Wireshark's "No." column does
 * @param timestampNanos when it was captured, in nanoseconds since 1970-01-01 00:00:00 UTC, or {@link #NO_TIMESTAMP}
 *                       for a pcapng Simple Packet Block, which has none
 * @param linkType       the LINKTYPE_ value saying what the data starts with ({@link #LINKTYPE_ETHERNET} = 1)
 * @param originalLength the frame's length on the wire; more than {@code data.length()} when the capture kept only a
 *                       snapshot of the frame's start
 * @param data           the captured bytes
 */
public record CapturedFrame(long index, long timestampNanos, int linkType, int originalLength, Bytes data) {
    /** LINKTYPE_ETHERNET (DLT_EN10MB): the data is an Ethernet II frame without preamble, SFD and (usually) FCS. */
    public static final int LINKTYPE_ETHERNET = 1;
    /** The timestamp of a frame whose block carries none (pcapng Simple Packet Block). */
    public static final long NO_TIMESTAMP = Long.MIN_VALUE;

    public CapturedFrame {
        Objects.requireNonNull(data, "data");
        if (index < 1) {
            throw new IllegalArgumentException("frames are numbered from 1: " + index);
        }
        if (originalLength < 0) {
            throw new IllegalArgumentException("negative original length " + originalLength);
        }
    }

    public boolean hasTimestamp() {
        return timestampNanos != NO_TIMESTAMP;
    }

    /** The number of bytes the file holds for this frame. */
    public int capturedLength() {
        return data.length();
    }

    /** True when the capture cut the frame short (its snapshot length was smaller than the frame). */
    public boolean isCutShort() {
        return originalLength > data.length();
    }
}
