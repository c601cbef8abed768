package org.netsim.capture.file;

/**
 * A capture file that cannot be read on: not a capture file at all, or a header or record that breaks the format.
 * The message is one sentence naming the byte where the problem is, e.g. {@code truncated pcap record at byte 1234:
 * header says 90 bytes, 12 remain}.
 *
 * <p>Unchecked, because frames are read through {@link java.util.Iterator} and {@link java.util.stream.Stream}, whose
 * methods cannot throw checked exceptions. I/O failures of the underlying file are not this exception: they come as
 * {@link java.io.UncheckedIOException}.
 */
public final class CaptureFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long byteOffset;

    public CaptureFileException(String message, long byteOffset) {
        super(message);
        this.byteOffset = byteOffset;
    }

    /** The file offset of the header, record or block that is wrong. */
    public long byteOffset() {
        return byteOffset;
    }
}
