package org.netsim.capture.file;

/**
 * Receives one frame without a copy: {@code buf[off, off+len)} is the reader's own buffer, valid only during the call
 * (the reader reuses it for the next frames). For decoding big files, where a copy and three objects per frame would
 * be most of the work; {@link CapturedFrame} is the form to keep.
 */
@FunctionalInterface
public interface FrameVisitor {
    /**
     * @param index          the frame's number, from 1
     * @param timestampNanos nanoseconds since 1970, or {@link CapturedFrame#NO_TIMESTAMP}
     * @param linkType       the LINKTYPE_ value
     * @param originalLength the frame's length on the wire
     */
    void frame(long index, long timestampNanos, int linkType, int originalLength, byte[] buf, int off, int len);
}
