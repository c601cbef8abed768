package org.netsim.wire.ipv4;

import java.util.Objects;
import org.netsim.pdu.Bytes;

/**
 * An IPv4 header (RFC 791 §3.1), every field kept as it is on the wire, including the reserved flag and the options
 * with their padding.
 *
 * @param version        4 for IPv4
 * @param ihl            Internet Header Length in 32-bit words (5 without options)
 * @param dscp           Differentiated Services Code Point (RFC 2474), the upper six bits of the old Type of Service
 * @param ecn            Explicit Congestion Notification (RFC 3168), the lower two bits
 * @param totalLength    length of the whole datagram, header and data, in bytes
 * @param identification value shared by all fragments of one datagram
 * @param reservedFlag   bit 0 of the flags, "Reserved, must be zero"
 * @param dontFragment   DF: the datagram must not be fragmented
 * @param moreFragments  MF: more fragments of this datagram follow
 * @param fragmentOffset where this fragment's data belongs in the datagram, in units of 8 bytes
 * @param ttl            Time to Live: hops left
 * @param protocol       the protocol of the data
 * @param checksum       the header checksum as carried
 * @param source         the sender
 * @param destination    the receiver
 * @param options        the options area after the 20 fixed bytes, padding included (empty without options)
 */
public record Ipv4Header(int version, int ihl, int dscp, int ecn, int totalLength, int identification,
                         boolean reservedFlag, boolean dontFragment, boolean moreFragments, int fragmentOffset, int ttl,
                         IpProtocol protocol, int checksum, Ipv4Address source, Ipv4Address destination,
                         Bytes options) {

    /** Bytes of the header without options. */
    public static final int MIN_LENGTH = 20;
    /** The largest header: IHL 15. */
    public static final int MAX_LENGTH = 60;

    public Ipv4Header {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(options, "options");
        check("version", version, 0xf);
        check("IHL", ihl, 0xf);
        check("DSCP", dscp, 0x3f);
        check("ECN", ecn, 0x3);
        check("total length", totalLength, 0xffff);
        check("identification", identification, 0xffff);
        check("fragment offset", fragmentOffset, 0x1fff);
        check("TTL", ttl, 0xff);
        check("checksum", checksum, 0xffff);
        if (options.length() > MAX_LENGTH - MIN_LENGTH) {
            throw new IllegalArgumentException("IPv4 options are at most 40 bytes: " + options.length());
        }
    }

    private static void check(String what, int v, int max) {
        if (v < 0 || v > max) {
            throw new IllegalArgumentException(what + " " + v + " outside 0.." + max);
        }
    }

    /** The header length in bytes as the IHL field states it ({@code ihl * 4}). */
    public int headerLength() {
        return ihl * 4;
    }

    /** True for a fragment of a larger datagram: MF set or a non-zero offset. */
    public boolean isFragment() {
        return moreFragments || fragmentOffset != 0;
    }

    /** The fragment offset in bytes ({@code fragmentOffset * 8}). */
    public int fragmentOffsetBytes() {
        return fragmentOffset * 8;
    }

    /** The 3-bit flags field: reserved, DF, MF from the most significant bit. */
    public int flagBits() {
        return (reservedFlag ? 4 : 0) | (dontFragment ? 2 : 0) | (moreFragments ? 1 : 0);
    }

    /**
     * A builder with the usual defaults: version 4, TTL 64, DF clear, no options, and IHL computed from the options
     * unless set explicitly.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this header's values, the IHL included as given. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.version = version;
        b.ihl = ihl;
        b.ihlSet = true;
        b.dscp = dscp;
        b.ecn = ecn;
        b.totalLength = totalLength;
        b.identification = identification;
        b.reservedFlag = reservedFlag;
        b.dontFragment = dontFragment;
        b.moreFragments = moreFragments;
        b.fragmentOffset = fragmentOffset;
        b.ttl = ttl;
        b.protocol = protocol;
        b.checksum = checksum;
        b.source = source;
        b.destination = destination;
        b.options = options;
        return b;
    }

    /** Builds an {@link Ipv4Header}; setting options makes the IHL follow them again unless {@link #ihl} is set after. */
    public static final class Builder {
        private int version = 4;
        private int ihl;
        private boolean ihlSet;
        private int dscp;
        private int ecn;
        private int totalLength;
        private int identification;
        private boolean reservedFlag;
        private boolean dontFragment;
        private boolean moreFragments;
        private int fragmentOffset;
        private int ttl = 64;
        private IpProtocol protocol = IpProtocol.TCP;
        private int checksum;
        private Ipv4Address source = Ipv4Address.ANY;
        private Ipv4Address destination = Ipv4Address.ANY;
        private Bytes options = Bytes.EMPTY;

        private Builder() {
        }

        public Builder version(int v) {
            version = v;
            return this;
        }

        public Builder ihl(int v) {
            ihl = v;
            ihlSet = true;
            return this;
        }

        public Builder dscp(int v) {
            dscp = v;
            return this;
        }

        public Builder ecn(int v) {
            ecn = v;
            return this;
        }

        public Builder totalLength(int v) {
            totalLength = v;
            return this;
        }

        public Builder identification(int v) {
            identification = v;
            return this;
        }

        public Builder reservedFlag(boolean v) {
            reservedFlag = v;
            return this;
        }

        public Builder dontFragment(boolean v) {
            dontFragment = v;
            return this;
        }

        public Builder moreFragments(boolean v) {
            moreFragments = v;
            return this;
        }

        public Builder fragmentOffset(int v) {
            fragmentOffset = v;
            return this;
        }

        public Builder ttl(int v) {
            ttl = v;
            return this;
        }

        public Builder protocol(IpProtocol v) {
            protocol = v;
            return this;
        }

        public Builder checksum(int v) {
            checksum = v;
            return this;
        }

        public Builder source(Ipv4Address v) {
            source = v;
            return this;
        }

        public Builder destination(Ipv4Address v) {
            destination = v;
            return this;
        }

        public Builder options(Bytes v) {
            options = v;
            ihlSet = false;
            return this;
        }

        public Ipv4Header build() {
            int words = ihlSet ? ihl : (MIN_LENGTH + options.length() + 3) / 4;
            return new Ipv4Header(version, words, dscp, ecn, totalLength, identification, reservedFlag, dontFragment,
                    moreFragments, fragmentOffset, ttl, protocol, checksum, source, destination, options);
        }
    }
}
