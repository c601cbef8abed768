package org.netsim.app.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.netsim.app.pcap.LibpcapMissingException;
import org.netsim.capture.file.CapturedFrame;
import org.netsim.pdu.Bytes;
import org.netsim.wire.link.LinkType;
import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.Pcaps;

/**
 * A live capture on one device through pcap4j (libpcap). It hands on nothing but {@link CapturedFrame}s, timestamp,
 * link type (libpcap's {@code pcap_datalink} of the handle) and bytes, for our own decoders. The capture runs on its own thread into a bounded buffer; the window takes what has
 * arrived in batches ({@link #drainTo}) and so stays smooth however fast frames come. When the buffer is full, new
 * frames are counted as dropped by us, beside those the kernel dropped.
 *
 * <p>The handle is non-blocking and polled with {@code pcap_dispatch}, which hands over everything the kernel holds in
 * one call: a blocking {@code pcap_next} can wait forever when no packet comes, and a capture must always stop. It is
 * not in immediate mode: the kernel fills blocks of its 32 MB buffer and hands them over within 100 ms, which is what
 * lets a loopback capture keep up (about 110,000 frames a second with no drop here; in immediate mode it lost most
 * frames past 8,000 a second). A window showing them in batches every 100 ms does not notice the delay.
 */
public final class LiveCapture implements AutoCloseable {
    /** A device as libpcap lists it. */
    public record Device(String name, String description, boolean loopback) {
    }

    /** Frames taken off the wire, dropped by the kernel (libpcap's statistics), dropped by our full buffer. */
    public record Counters(long captured, long kernelDropped, long bufferDropped) {
    }

    static final int SNAPLEN = 262_144;
    /** The kernel's buffer for this capture: 32 MB holds about a second of a busy loopback. */
    static final int BUFFER_BYTES = 32 << 20;
    private static final long IDLE_SLEEP_MILLIS = 2;
    /** Packets one pcap_dispatch call may hand over before the loop looks at the stop flag again. */
    private static final int DISPATCH_MAX = 10_000;
    private static final long STATS_EVERY_NANOS = 500_000_000L;

    private final String device;
    private final PcapHandle handle;
    /** What each frame starts with (LINKTYPE_): Ethernet on Linux's lo, cooked capture on any, NULL on macOS's lo0. */
    private final int linkType;
    private final BlockingQueue<CapturedFrame> buffer;
    private final AtomicLong captured = new AtomicLong();
    private final AtomicLong kernelDropped = new AtomicLong();
    private final AtomicLong bufferDropped = new AtomicLong();
    private final Thread thread;
    private volatile boolean stopping;
    private volatile Throwable failure;

    private LiveCapture(String device, PcapHandle handle, int bufferFrames) {
        this.device = device;
        this.handle = handle;
        this.linkType = LinkType.fromDlt(handle.getDlt().value());
        this.buffer = new ArrayBlockingQueue<>(bufferFrames);
        this.thread = new Thread(this::loop, "netsim capture " + device);
        this.thread.setDaemon(true);
    }

    /** Every device libpcap can capture on. */
    public static List<Device> devices() throws CaptureProblem {
        List<PcapNetworkInterface> all;
        try {
            all = Pcaps.findAllDevs();
        } catch (PcapNativeException e) {
            throw CaptureProblem.isPermission(e.getMessage()) ? CaptureProblem.noDevices() : CaptureProblem.other(
                    "any device", e);
        } catch (Throwable t) {
            if (LibpcapMissingException.isMissingLibpcap(t)) {
                throw CaptureProblem.libpcapMissing(t);
            }
            throw t;
        }
        if (all == null || all.isEmpty()) {
            throw CaptureProblem.noDevices();
        }
        List<Device> out = new ArrayList<>();
        for (PcapNetworkInterface n : all) {
            out.add(new Device(n.getName(), n.getDescription() == null ? "" : n.getDescription(), n.isLoopBack()));
        }
        return out;
    }

    /**
     * Starts capturing on {@code device} with the BPF {@code filter} (empty: everything), keeping at most
     * {@code bufferFrames} frames until {@link #drainTo} takes them.
     */
    public static LiveCapture start(String device, String filter, int bufferFrames) throws CaptureProblem {
        if (bufferFrames < 1) {
            throw new IllegalArgumentException("the buffer holds at least one frame");
        }
        PcapHandle handle;
        try {
            if (devices().stream().noneMatch(d -> d.name().equals(device))) {
                throw CaptureProblem.noSuchDevice(device);
            }
            handle = new PcapHandle.Builder(device).snaplen(SNAPLEN)
                    .promiscuousMode(PcapNetworkInterface.PromiscuousMode.NONPROMISCUOUS)
                    .immediateMode(false).bufferSize(BUFFER_BYTES).timeoutMillis(100).build();
        } catch (PcapNativeException e) {
            throw CaptureProblem.isPermission(e.getMessage()) ? CaptureProblem.noPermission(device, e)
                    : CaptureProblem.other(device, e);
        }
        try {
            if (filter != null && !filter.isBlank()) {
                try {
                    handle.setFilter(filter, BpfProgram.BpfCompileMode.OPTIMIZE);
                } catch (PcapNativeException e) {
                    throw CaptureProblem.badFilter(filter, e.getMessage());
                }
            }
            handle.setBlockingMode(PcapHandle.BlockingMode.NONBLOCKING);
        } catch (PcapNativeException | NotOpenException e) {
            handle.close();
            throw CaptureProblem.other(device, e);
        } catch (CaptureProblem e) {
            handle.close();
            throw e;
        }
        LiveCapture c = new LiveCapture(device, handle, bufferFrames);
        c.thread.start();
        return c;
    }

    private void loop() {
        long nextStats = System.nanoTime() + STATS_EVERY_NANOS;
        org.pcap4j.core.RawPacketListener take = raw -> {
            long n = captured.incrementAndGet();
            CapturedFrame f = new CapturedFrame(n, timestampNanos(), linkType, raw.length, Bytes.wrap(raw));
            if (!buffer.offer(f)) {
                bufferDropped.incrementAndGet();
            }
        };
        try {
            while (!stopping) {
                // one native call takes every packet the kernel holds (pcap_dispatch), not one call per packet
                if (handle.dispatch(DISPATCH_MAX, take) == 0) {
                    Thread.sleep(IDLE_SLEEP_MILLIS);
                }
                if (System.nanoTime() >= nextStats) {
                    readStats();
                    nextStats = System.nanoTime() + STATS_EVERY_NANOS;
                }
            }
            readStats();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            failure = t;
        } finally {
            handle.close();
        }
    }

    private long timestampNanos() {
        java.sql.Timestamp t = handle.getTimestamp();
        return t.getTime() / 1000 * 1_000_000_000L + t.getNanos();
    }

    private void readStats() {
        try {
            kernelDropped.set(handle.getStats().getNumPacketsDropped());
        } catch (PcapNativeException | NotOpenException e) {
            // statistics are not available on every platform (savefiles, some Windows adapters): keep the last ones
        }
    }

    /** Moves up to {@code max} captured frames, oldest first, into {@code out}; returns how many. */
    public int drainTo(List<CapturedFrame> out, int max) {
        return buffer.drainTo(out, max);
    }

    public Counters counters() {
        return new Counters(captured.get(), kernelDropped.get(), bufferDropped.get());
    }

    public String device() {
        return device;
    }

    /** The device's link type as a capture file numbers it (LINKTYPE_, from libpcap's DLT_: {@link LinkType}). */
    public int linkType() {
        return linkType;
    }

    public boolean isRunning() {
        return thread.isAlive();
    }

    /** What stopped the capture thread, if it was not {@link #stop}. */
    public Throwable failure() {
        return failure;
    }

    /** Stops capturing and waits (briefly) for the thread to close the handle; safe to call more than once. */
    public void stop() {
        stopping = true;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
