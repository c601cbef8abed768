package org.netsim.capture.file;

/** Reads the records of one capture format from a {@link ByteInput}. */
interface FrameParser {
    /** The next frame, numbered {@code index}, or {@code null} at a clean end of file. */
    CapturedFrame next(long index);

    /**
     * Hands the next frame to {@code visitor}, without a copy where the format allows; false at a clean end of file.
     */
    default boolean next(long index, FrameVisitor visitor) {
        CapturedFrame f = next(index);
        if (f == null) {
            return false;
        }
        byte[] data = f.data().toArray();
        visitor.frame(f.index(), f.timestampNanos(), f.linkType(), f.originalLength(), data, 0, data.length);
        return true;
    }

    CaptureFormat format();
}
