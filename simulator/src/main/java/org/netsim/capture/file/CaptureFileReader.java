package org.netsim.capture.file;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads the frames of a pcap or pcapng file one at a time, in pure Java (no libpcap): the format is told by the
 * file's first four bytes, the file is read in large chunks through one reusable buffer, and only the current frame's
 * bytes are copied out, so a file of any size reads in constant memory.
 *
 * <pre>{@code
 * try (CaptureFileReader r = CaptureFileReader.open(path)) {
 *     for (CapturedFrame f; (f = r.read()) != null; ) { ... }
 * }
 * }</pre>
 *
 * <p>Formats: pcap (draft-ietf-opsawg-pcap) in both byte orders with microsecond (magic 0xa1b2c3d4) or nanosecond
 * (0xa1b23c4d) timestamps; pcapng (draft-ietf-opsawg-pcapng) with any number of sections in either byte order,
 * Interface Description Blocks (link type, {@code if_tsresol} as a power of 10 or 2, {@code if_tsoffset}), Enhanced
 * Packet Blocks, Simple Packet Blocks and the obsolete Packet Block; other blocks are skipped by their length.
 *
 * <p>Errors: a file that is not a capture, or a header that breaks the format, fails in {@link #open}; a bad record
 * further on fails when reading reaches it, after every good frame before it was returned. In particular a file whose
 * last record is cut short (a capture that was killed while writing) yields all its complete frames and then throws
 * {@link CaptureFileException} ({@code truncated pcap record at byte ...}) instead of ending quietly, so the user
 * learns the file is incomplete. After an exception the reader throws the same exception again on every call.
 */
public final class CaptureFileReader implements Iterator<CapturedFrame>, Closeable {
    private final ByteInput in;
    private final FrameParser parser;
    private long index;
    private CapturedFrame ahead;
    private boolean done;
    private CaptureFileException failure;

    private CaptureFileReader(ByteInput in, FrameParser parser) {
        this.in = in;
        this.parser = parser;
    }

    /**
     * Opens {@code path} and reads its file header (pcap) or first section header (pcapng).
     *
     * @throws IOException          if the file cannot be opened
     * @throws CaptureFileException if it is not a pcap or pcapng file, or its first header is wrong
     */
    public static CaptureFileReader open(Path path) throws IOException {
        InputStream stream = Files.newInputStream(path);
        try {
            return open(stream);
        } catch (RuntimeException e) {
            stream.close();
            throw e;
        }
    }

    /** The same for a stream (a class path resource, say); the reader owns the stream and closes it. */
    public static CaptureFileReader open(InputStream stream) {
        ByteInput in = new ByteInput(stream);
        int have = in.require(4);
        if (have == 0) {
            throw new CaptureFileException("not a pcap or pcapng file: the file is empty", 0);
        }
        if (have < 4) {
            throw new CaptureFileException("not a pcap or pcapng file: it has only " + have + " bytes", 0);
        }
        long magic = in.u32InFileOrder(0);
        FrameParser parser;
        if (magic == PcapParser.MAGIC_MICROS || magic == PcapParser.MAGIC_NANOS
                || magic == PcapParser.MAGIC_MICROS_SWAPPED || magic == PcapParser.MAGIC_NANOS_SWAPPED) {
            parser = new PcapParser(in, magic);
        } else if (magic == PcapngParser.SECTION_HEADER) {
            parser = new PcapngParser(in);
        } else {
            throw new CaptureFileException("not a pcap or pcapng file (magic 0x" + PcapngParser.hex8(magic) + ")", 0);
        }
        return new CaptureFileReader(in, parser);
    }

    public CaptureFormat format() {
        return parser.format();
    }

    /**
     * The next frame, or {@code null} after the last one.
     *
     * @throws CaptureFileException if the next record is malformed or cut short
     */
    public CapturedFrame read() {
        if (ahead != null) {
            CapturedFrame f = ahead;
            ahead = null;
            return f;
        }
        if (failure != null) {
            throw failure;
        }
        if (done) {
            return null;
        }
        CapturedFrame f;
        try {
            f = parser.next(index + 1);
        } catch (CaptureFileException e) {
            failure = e;
            throw e;
        }
        if (f == null) {
            done = true;
        } else {
            index++;
        }
        return f;
    }

    /**
     * Hands the next frame to {@code visitor} without copying its bytes where the format allows (pcap); returns false
     * after the last frame. For decoding big files; mixing it with {@link #next()} is allowed.
     *
     * @throws CaptureFileException if the next record is malformed or cut short
     */
    public boolean read(FrameVisitor visitor) {
        if (ahead != null) {
            CapturedFrame f = ahead;
            ahead = null;
            byte[] data = f.data().toArray();
            visitor.frame(f.index(), f.timestampNanos(), f.linkType(), f.originalLength(), data, 0, data.length);
            return true;
        }
        if (failure != null) {
            throw failure;
        }
        if (done) {
            return false;
        }
        boolean got;
        try {
            got = parser.next(index + 1, visitor);
        } catch (CaptureFileException e) {
            failure = e;
            throw e;
        }
        if (got) {
            index++;
        } else {
            done = true;
        }
        return got;
    }

    /** @throws CaptureFileException if the next record is malformed or cut short */
    @Override
    public boolean hasNext() {
        if (ahead == null) {
            ahead = read();
        }
        return ahead != null;
    }

    /** @throws CaptureFileException if the next record is malformed or cut short */
    @Override
    public CapturedFrame next() {
        CapturedFrame f = read();
        if (f == null) {
            throw new NoSuchElementException("no frame after frame " + index);
        }
        return f;
    }

    /** The remaining frames as a sequential stream; closing the stream closes this reader. */
    public Stream<CapturedFrame> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this,
                Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(this::close);
    }

    @Override
    public void close() {
        in.close();
    }
}
