package org.netsim.stack;

import java.util.List;
import org.netsim.wire.link.LinkType;

/**
 * What a {@link StackDissector} may know about the frames it is given besides their bytes: what the user calls each
 * one (for "reassembled in frame 12"), and, when the caller holds them all (a capture file, a simulated connection),
 * the frames still to come, so that the segments of a message spanning several can name the frame that completes it
 * before it has been dissected. Frames are counted from 0 in the order they are given to the dissector.
 */
public interface FrameContext {

    /** The {@code n}-th frame given, as the user sees it named: {@code "frame 12"}, {@code "event 1234"}. */
    String name(int n);

    /**
     * The {@code n}-th frame's bytes as a capture holds them (of {@link #linkType}), or {@code null} when it is not
     * known: past the last, or not captured yet. The default knows none, so nothing is looked ahead.
     */
    default byte[] frame(int n) {
        return null;
    }

    /** The link type of frame {@code n} ({@link LinkType}). */
    default int linkType(int n) {
        return LinkType.ETHERNET;
    }

    /** Frames named {@code "frame 1"}, {@code "frame 2"} ... in the order given, as Wireshark numbers a capture. */
    static FrameContext numbered() {
        return n -> "frame " + (n + 1);
    }

    /**
     * Frames known in advance: {@code frames.get(n)} with the number {@code numbers[n]} (a capture's own frame
     * numbers, from 1), of the given link type.
     */
    static FrameContext of(List<byte[]> frames, long[] numbers, int linkType) {
        return new FrameContext() {
            @Override
            public String name(int n) {
                return "frame " + (n < numbers.length ? numbers[n] : n + 1);
            }

            @Override
            public byte[] frame(int n) {
                return n >= 0 && n < frames.size() ? frames.get(n) : null;
            }

            @Override
            public int linkType(int n) {
                return linkType;
            }
        };
    }
}
