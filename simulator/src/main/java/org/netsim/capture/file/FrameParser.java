package org.netsim.capture.file;

/** Reads the records of one capture format from a {@link ByteInput}. */
interface FrameParser {
    /** The next frame, numbered {@code index}, or {@code null} at a clean end of file. */
    CapturedFrame next(long index);

    CaptureFormat format();
}
