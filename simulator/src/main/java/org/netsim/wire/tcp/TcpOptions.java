package org.netsim.wire.tcp;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import org.netsim.pdu.Bits;
import org.netsim.wire.tcp.TcpOption.MaximumSegmentSize;
import org.netsim.wire.tcp.TcpOption.NoOperation;
import org.netsim.wire.tcp.TcpOption.Sack;
import org.netsim.wire.tcp.TcpOption.SackBlock;
import org.netsim.wire.tcp.TcpOption.SackPermitted;
import org.netsim.wire.tcp.TcpOption.Timestamps;
import org.netsim.wire.tcp.TcpOption.Unknown;
import org.netsim.wire.tcp.TcpOption.WindowScale;

/**
 * The option lists a Linux kernel sends, and the writing of options into a header.
 *
 * <p>Linux (net/ipv4/tcp_output.c, {@code tcp_options_write}) orders a SYN's options MSS, SACK permitted, Timestamps,
 * NOP, Window scale: 20 bytes, no padding needed. A real loopback capture (node-socketio-4.8.4-sessions.pcap) shows
 * {@code 02 04 ff d7  04 02  08 0a <tsval> 00 00 00 00  01  03 03 0a}. Segments after the handshake carry
 * {@code 01 01 08 0a <tsval> <tsecr>}: two NOPs put the timestamps on a 32-bit boundary.
 */
public final class TcpOptions {
    private TcpOptions() {
    }

    private static final NoOperation NOP = new NoOperation();
    private static final SackPermitted SACK_PERMITTED = new SackPermitted();

    /** A Linux SYN's options: MSS, SACK permitted, Timestamps(tsval, 0), NOP, Window scale. */
    public static List<TcpOption> linuxSyn(int mss, long tsval, int wscale) {
        return List.of(new MaximumSegmentSize(mss), SACK_PERMITTED, new Timestamps(tsval, 0), NOP,
                new WindowScale(wscale));
    }

    /** A Linux SYN-ACK's options: the same order, echoing the SYN's timestamp in tsecr. */
    public static List<TcpOption> linuxSynAck(int mss, long tsval, long tsecr, int wscale) {
        return List.of(new MaximumSegmentSize(mss), SACK_PERMITTED, new Timestamps(tsval, tsecr), NOP,
                new WindowScale(wscale));
    }

    /** A Linux data or ACK segment's options: NOP, NOP, Timestamps (12 bytes). */
    public static List<TcpOption> linuxTimestamps(long tsval, long tsecr) {
        return new LinuxTimestamps(new Timestamps(tsval, tsecr));
    }

    /**
     * NOP, NOP, Timestamps as one immutable list: the options of nearly every segment a simulation sends and reads,
     * counted and written without walking a general list (a classroom run handles millions of them).
     */
    static final class LinuxTimestamps extends AbstractList<TcpOption> implements RandomAccess {
        final Timestamps timestamps;

        LinuxTimestamps(Timestamps timestamps) {
            this.timestamps = timestamps;
        }

        @Override
        public TcpOption get(int index) {
            return switch (index) {
                case 0, 1 -> NOP;
                case 2 -> timestamps;
                default -> throw new IndexOutOfBoundsException("option " + index + " of 3");
            };
        }

        @Override
        public int size() {
            return 3;
        }
    }

    /** {@code options} as an unmodifiable list: itself when it is one of ours or already immutable. */
    static List<TcpOption> immutable(List<TcpOption> options) {
        return options instanceof LinuxTimestamps ? options : List.copyOf(options);
    }

    /** Bytes the options take, before padding. */
    public static int length(List<TcpOption> options) {
        if (options instanceof LinuxTimestamps) {
            return 12;
        }
        int n = 0;
        for (int i = 0, size = options.size(); i < size; i++) {
            TcpOption o = options.get(i);
            // the options of every segment (NOP, NOP, Timestamps) are counted without a call through the interface,
            // which has eight implementations: a simulated classroom counts them millions of times
            n += o instanceof TcpOption.NoOperation ? 1 : o instanceof TcpOption.Timestamps ? 10 : o.length();
        }
        return n;
    }

    /** Bytes the options take padded to a multiple of 4, as they sit in the header. */
    public static int paddedLength(List<TcpOption> options) {
        return (length(options) + 3) & ~3;
    }

    /** Writes the options at {@code buf[at]} (RFC 9293 §3.1 layout); returns the index after the last one. */
    public static int write(List<TcpOption> options, byte[] buf, int at) {
        if (options instanceof LinuxTimestamps l) {
            buf[at] = TcpOption.KIND_NOP;
            buf[at + 1] = TcpOption.KIND_NOP;
            buf[at + 2] = TcpOption.KIND_TIMESTAMPS;
            buf[at + 3] = 10;
            Bits.putU32(buf, at + 4, l.timestamps.tsval());
            Bits.putU32(buf, at + 8, l.timestamps.tsecr());
            return at + 12;
        }
        for (int i = 0, size = options.size(); i < size; i++) {
            TcpOption o = options.get(i);
            buf[at] = (byte) o.kind();
            if (o.length() > 1) {
                buf[at + 1] = (byte) o.length();
            }
            if (o instanceof MaximumSegmentSize m) {
                Bits.putU16(buf, at + 2, m.mss());
            } else if (o instanceof WindowScale w) {
                buf[at + 2] = (byte) w.shift();
            } else if (o instanceof Timestamps t) {
                Bits.putU32(buf, at + 2, t.tsval());
                Bits.putU32(buf, at + 6, t.tsecr());
            } else if (o instanceof Sack s) {
                int p = at + 2;
                for (SackBlock blk : s.blocks()) {
                    Bits.putU32(buf, p, blk.left());
                    Bits.putU32(buf, p + 4, blk.right());
                    p += 8;
                }
            } else if (o instanceof Unknown u) {
                u.data().copyTo(buf, at + 2);
            }
            at += o.length();
        }
        return at;
    }
}
