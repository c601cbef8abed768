package org.netsim.app.pcap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.netsim.wire.link.LinkType;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapDumper;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapHandle.TimestampPrecision;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.Pcaps;
import org.pcap4j.packet.namednumber.DataLinkType;

/**
 * Writes pcap files through pcap4j and libpcap (Ethernet, LINKTYPE_ETHERNET / DLT_EN10MB, unless another link type
 * is given), atomically: the frames go
 * to a temporary file next to the target, which replaces the target in one rename only when everything was written.
 * A failure at any point deletes the temporary file and leaves the target as it was (absent, or the old file).
 *
 * <pre>{@code
 * try (PcapFileWriter w = PcapFileWriter.create(path)) {
 *     w.write(timestampNanos, frame);
 *     ...
 *     w.commit();           // without commit, close() throws the frames away
 * }
 * }</pre>
 *
 * <p>Timestamps are kept to the nanosecond (pcap magic 0xa1b23c4d) when libpcap has
 * {@code pcap_open_dead_with_tstamp_precision} (libpcap 1.5 and later), else to the microsecond (0xa1b2c3d4).
 * Not thread-safe: one thread writes one file.
 */
public final class PcapFileWriter implements AutoCloseable {
    /** The snapshot length written in the file header: libpcap's and Wireshark's usual maximum. */
    public static final int SNAPLEN = 262_144;

    private static final AtomicLong TEMP_COUNTER = new AtomicLong();

    private final Path target;
    private final Path temp;
    private final PcapHandle handle;
    private final PcapDumper dumper;
    private final TimestampPrecision precision;
    private final int linkType;
    private long frames;
    private boolean finished;

    private PcapFileWriter(Path target, Path temp, PcapHandle handle, PcapDumper dumper, int linkType) {
        this.target = target;
        this.linkType = linkType;
        this.temp = temp;
        this.handle = handle;
        this.dumper = dumper;
        this.precision = handle.getTimestampPrecision();
    }

    /**
     * Starts a pcap file that will become {@code target} on {@link #commit()}.
     *
     * @throws LibpcapMissingException if libpcap cannot be loaded
     * @throws IOException             if the temporary file cannot be created next to {@code target}
     */
    public static PcapFileWriter create(Path target) throws IOException {
        return create(target, LinkType.ETHERNET);
    }

    /**
     * The same for frames of another link type ({@link LinkType}: a live capture on {@code any} is Linux cooked
     * capture, on macOS's {@code lo0} BSD loopback), written in the file header so readers decode them right.
     */
    public static PcapFileWriter create(Path target, int linkType) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new NoSuchFileException(String.valueOf(dir), null, "the folder for the pcap file does not exist");
        }
        if (Files.isDirectory(absolute)) {
            throw new IOException(absolute + " is a folder, not a file name for the pcap file");
        }
        // Not created in advance: libpcap creates it, so it gets the same permissions as any other new file.
        Path temp = dir.resolve("." + absolute.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + TEMP_COUNTER.incrementAndGet() + ".tmp");
        PcapHandle handle = openDead(DataLinkType.getInstance(LinkType.toDlt(linkType)));
        try {
            PcapDumper dumper = handle.dumpOpen(temp.toString());
            return new PcapFileWriter(absolute, temp, handle, dumper, linkType);
        } catch (PcapNativeException | NotOpenException e) {
            handle.close();
            Files.deleteIfExists(temp);
            throw new IOException("cannot create " + temp + ": " + e.getMessage(), e);
        } catch (LinkageError e) {
            handle.close();
            Files.deleteIfExists(temp);
            throw linkage(e);
        }
    }

    /** Writes {@code records} to {@code target} in one go, atomically. */
    public static void write(Path target, Iterable<PcapRecord> records) throws IOException {
        Objects.requireNonNull(records, "records");
        try (PcapFileWriter w = create(target)) {
            for (PcapRecord r : records) {
                w.write(r);
            }
            w.commit();
        }
    }

    /**
     * A handle with nanosecond timestamps if libpcap has them, else microseconds. pcap4j 1.8.2 reports a missing
     * {@code pcap_open_dead_with_tstamp_precision} as a {@link PcapNativeException} "... is not supported by the pcap
     * library installed in this environment", and it says the same, without a cause, when libpcap is not there at
     * all; the plain {@code pcap_open_dead} then tells the two apart by failing with a {@link LinkageError}.
     */
    private static PcapHandle openDead(DataLinkType dlt) throws IOException {
        try {
            return Pcaps.openDead(dlt, SNAPLEN, TimestampPrecision.NANO);
        } catch (PcapNativeException e) {
            // fall through to microseconds
        } catch (LinkageError e) {
            if (LibpcapMissingException.isMissingLibpcap(e)) {
                throw new LibpcapMissingException(e);
            }
        }
        try {
            return Pcaps.openDead(dlt, SNAPLEN);
        } catch (PcapNativeException e) {
            throw new IOException("libpcap could not open a pcap writer: " + e.getMessage(), e);
        } catch (LinkageError e) {
            throw linkage(e);
        }
    }

    private static IOException linkage(LinkageError e) {
        if (LibpcapMissingException.isMissingLibpcap(e)) {
            return new LibpcapMissingException(e);
        }
        throw e;
    }

    /** Nanosecond or microsecond timestamps, as the installed libpcap allows. */
    public boolean nanosecondTimestamps() {
        return precision == TimestampPrecision.NANO;
    }

    /** Frames written so far. */
    public long frameCount() {
        return frames;
    }

    public void write(PcapRecord r) throws IOException {
        write(r.timestampNanos(), r.frame().toArray());
    }

    /**
     * Appends one frame (captured length = original length = {@code frame.length}).
     *
     * @throws IllegalArgumentException if the frame is longer than {@link #SNAPLEN} or the timestamp is before 1970;
     *                                  the writer is then aborted
     */
    public void write(long timestampNanos, byte[] frame) throws IOException {
        if (finished) {
            throw new IllegalStateException("the pcap file " + target + " is already committed or closed");
        }
        try {
            if (frame.length > SNAPLEN) {
                throw new IllegalArgumentException("a frame of " + frame.length + " bytes is longer than the "
                        + SNAPLEN + "-byte snapshot length of a pcap file");
            }
            if (timestampNanos < 0) {
                throw new IllegalArgumentException("pcap timestamps start at 1970: " + timestampNanos + " ns");
            }
            long seconds = timestampNanos / 1_000_000_000L;
            int nanos = (int) (timestampNanos % 1_000_000_000L);
            // pcap4j takes the seconds from getTime() / 1000 and the fraction from getNanos()
            Timestamp ts = new Timestamp(seconds * 1000L);
            ts.setNanos(nanos);
            dumper.dumpRaw(frame, ts);
            frames++;
        } catch (NotOpenException e) {
            throw abortAfter(new IOException("the pcap writer for " + target + " was closed", e));
        } catch (RuntimeException e) {
            throw abortAfter(e);
        } catch (Error e) {
            throw abortAfter(e);
        }
    }

    /**
     * Flushes and closes the file, then moves it over the target in one atomic rename.
     *
     * @throws IOException if flushing or the rename fails; the temporary file is then deleted
     */
    public void commit() throws IOException {
        if (finished) {
            throw new IllegalStateException("the pcap file " + target + " is already committed or closed");
        }
        try {
            // libpcap's pcap_dump does not report write errors; pcap_dump_flush does.
            dumper.flush();
            closeNative();
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            finished = true;
        } catch (PcapNativeException | NotOpenException e) {
            throw abortAfter(new IOException("writing " + target + " failed: " + e.getMessage(), e));
        } catch (IOException e) {
            throw abortAfter(e);
        } catch (RuntimeException e) {
            throw abortAfter(e);
        } catch (Error e) {
            throw abortAfter(e);
        }
    }

    /** The link type of the file's frames (a {@link LinkType} number). */
    public int linkType() {
        return linkType;
    }

    /** Without a {@link #commit()} before it, throws away what was written: the target stays as it was. */
    @Override
    public void close() throws IOException {
        if (!finished) {
            abort();
        }
    }

    /** Aborts after {@code failure}, keeping a failure to delete the temporary file as a suppressed exception. */
    private <T extends Throwable> T abortAfter(T failure) {
        try {
            abort();
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
        return failure;
    }

    private void abort() throws IOException {
        finished = true;
        closeNative();
        Files.deleteIfExists(temp);
    }

    private void closeNative() {
        if (dumper.isOpen()) {
            dumper.close();
        }
        if (handle.isOpen()) {
            handle.close();
        }
    }
}
