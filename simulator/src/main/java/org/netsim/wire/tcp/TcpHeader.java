package org.netsim.wire.tcp;

import java.util.List;
import java.util.Objects;

/**
 * A TCP header (RFC 9293 §3.1), every field as it is on the wire, the reserved bits and the options included.
 *
 * @param sourcePort      the sender's port
 * @param destinationPort the receiver's port
 * @param sequence        sequence number of the first data byte (of the SYN itself when SYN is set), 32 bits
 * @param acknowledgement next sequence number the sender expects to receive (meaningful when ACK is set), 32 bits
 * @param dataOffset      header length in 32-bit words (5 without options)
 * @param reserved        the 4 reserved bits before the control bits
 * @param flags           the control bits
 * @param window          receive window, before any window scaling
 * @param checksum        the checksum as carried
 * @param urgentPointer   offset of the end of urgent data (meaningful when URG is set)
 * @param options         the options in order; an {@link TcpOption.EndOfOptionList} ends them, padding is not listed
 */
public record TcpHeader(int sourcePort, int destinationPort, long sequence, long acknowledgement, int dataOffset,
                        int reserved, TcpFlags flags, int window, int checksum, int urgentPointer,
                        List<TcpOption> options) {

    public static final int MIN_LENGTH = 20;
    public static final int MAX_LENGTH = 60;

    public TcpHeader {
        Objects.requireNonNull(flags, "flags");
        options = TcpOptions.immutable(options);
        check("source port", sourcePort, 0xffff);
        check("destination port", destinationPort, 0xffff);
        check("data offset", dataOffset, 0xf);
        check("reserved", reserved, 0xf);
        check("window", window, 0xffff);
        check("checksum", checksum, 0xffff);
        check("urgent pointer", urgentPointer, 0xffff);
        if ((sequence & ~0xffff_ffffL) != 0 || (acknowledgement & ~0xffff_ffffL) != 0) {
            throw new IllegalArgumentException("sequence and acknowledgement numbers are 32 bits");
        }
        if (TcpOptions.length(options) > MAX_LENGTH - MIN_LENGTH) {
            throw new IllegalArgumentException("TCP options are at most 40 bytes: " + TcpOptions.length(options));
        }
    }

    private static void check(String what, int v, int max) {
        if (v < 0 || v > max) {
            throw new IllegalArgumentException(what + " " + v + " outside 0.." + max);
        }
    }

    /** The header length in bytes as the data offset states it ({@code dataOffset * 4}). */
    public int headerLength() {
        return dataOffset * 4;
    }

    /** The first option of the given type, if present. */
    public <T extends TcpOption> java.util.Optional<T> option(Class<T> type) {
        for (TcpOption o : options) {
            if (type.isInstance(o)) {
                return java.util.Optional.of(type.cast(o));
            }
        }
        return java.util.Optional.empty();
    }

    /** A builder: everything zero, no flags, no options, and the data offset computed from the options. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this header's values, the data offset included as given. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.sourcePort = sourcePort;
        b.destinationPort = destinationPort;
        b.sequence = sequence;
        b.acknowledgement = acknowledgement;
        b.dataOffset = dataOffset;
        b.dataOffsetSet = true;
        b.reserved = reserved;
        b.flags = flags;
        b.window = window;
        b.checksum = checksum;
        b.urgentPointer = urgentPointer;
        b.options = options;
        return b;
    }

    /** Builds a {@link TcpHeader}; setting options makes the data offset follow them unless it is set after. */
    public static final class Builder {
        private int sourcePort;
        private int destinationPort;
        private long sequence;
        private long acknowledgement;
        private int dataOffset;
        private boolean dataOffsetSet;
        private int reserved;
        private TcpFlags flags = TcpFlags.NONE;
        private int window;
        private int checksum;
        private int urgentPointer;
        private List<TcpOption> options = List.of();

        private Builder() {
        }

        public Builder sourcePort(int v) {
            sourcePort = v;
            return this;
        }

        public Builder destinationPort(int v) {
            destinationPort = v;
            return this;
        }

        public Builder sequence(long v) {
            sequence = v;
            return this;
        }

        public Builder acknowledgement(long v) {
            acknowledgement = v;
            return this;
        }

        public Builder dataOffset(int v) {
            dataOffset = v;
            dataOffsetSet = true;
            return this;
        }

        public Builder reserved(int v) {
            reserved = v;
            return this;
        }

        public Builder flags(TcpFlags v) {
            flags = v;
            return this;
        }

        public Builder window(int v) {
            window = v;
            return this;
        }

        public Builder checksum(int v) {
            checksum = v;
            return this;
        }

        public Builder urgentPointer(int v) {
            urgentPointer = v;
            return this;
        }

        public Builder options(List<TcpOption> v) {
            options = v;
            dataOffsetSet = false;
            return this;
        }

        public TcpHeader build() {
            int words = dataOffsetSet ? dataOffset : (MIN_LENGTH + TcpOptions.paddedLength(options)) / 4;
            return new TcpHeader(sourcePort, destinationPort, sequence, acknowledgement, words, reserved, flags, window,
                    checksum, urgentPointer, options);
        }
    }
}
