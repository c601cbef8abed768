package org.netsim.wire.ipv4;

import static org.netsim.wire.ipv4.Ipv4Layout.CHECKSUM;
import static org.netsim.wire.ipv4.Ipv4Layout.CHECKSUM_OFFSET;
import static org.netsim.wire.ipv4.Ipv4Layout.DESTINATION;
import static org.netsim.wire.ipv4.Ipv4Layout.DONT_FRAGMENT;
import static org.netsim.wire.ipv4.Ipv4Layout.DSCP;
import static org.netsim.wire.ipv4.Ipv4Layout.ECN;
import static org.netsim.wire.ipv4.Ipv4Layout.FIXED;
import static org.netsim.wire.ipv4.Ipv4Layout.FRAGMENT_OFFSET;
import static org.netsim.wire.ipv4.Ipv4Layout.IDENTIFICATION;
import static org.netsim.wire.ipv4.Ipv4Layout.IHL;
import static org.netsim.wire.ipv4.Ipv4Layout.MIN_HEADER_LENGTH;
import static org.netsim.wire.ipv4.Ipv4Layout.MORE_FRAGMENTS;
import static org.netsim.wire.ipv4.Ipv4Layout.OPTIONS;
import static org.netsim.wire.ipv4.Ipv4Layout.PROTOCOL;
import static org.netsim.wire.ipv4.Ipv4Layout.RESERVED_FLAG;
import static org.netsim.wire.ipv4.Ipv4Layout.SOURCE;
import static org.netsim.wire.ipv4.Ipv4Layout.TOTAL_LENGTH;
import static org.netsim.wire.ipv4.Ipv4Layout.TTL;
import static org.netsim.wire.ipv4.Ipv4Layout.VERSION;

import java.util.List;
import org.netsim.pdu.Bytes;
import org.netsim.pdu.Field;
import org.netsim.pdu.Hex;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.PayloadDissector;
import org.netsim.pdu.Protocol;

/**
 * Encodes and decodes IPv4 datagrams (RFC 791 §3.1) and computes the Internet checksum (RFC 1071) that IPv4, TCP and
 * UDP share.
 */
public final class Ipv4Codec {
    private Ipv4Codec() {
    }

    /** The datagram with IHL, total length and header checksum computed (options padded with zeros to 4 bytes). */
    public static byte[] encode(Ipv4Header h, byte[] payload) {
        return encode(h, payload, true, true);
    }

    /**
     * The datagram: the 20 fixed bytes, the options padded with zeros to a multiple of 4 bytes, then the payload.
     * Unless {@code fixLengths}, IHL and total length are written as the header gives them, even when they are wrong
     * (a lesson may build a broken datagram); unless {@code computeChecksum}, so is the checksum.
     */
    public static byte[] encode(Ipv4Header h, byte[] payload, boolean fixLengths, boolean computeChecksum) {
        int hl = headerLength(h);
        byte[] out = new byte[hl + payload.length];
        writeHeader(h, payload.length, out, 0, fixLengths, computeChecksum);
        System.arraycopy(payload, 0, out, hl, payload.length);
        return out;
    }

    /** Bytes the header takes: 20 plus the options padded to a multiple of 4. */
    public static int headerLength(Ipv4Header h) {
        return MIN_HEADER_LENGTH + ((h.options().length() + 3) & ~3);
    }

    /**
     * Writes the header at {@code out[at]} for a payload of {@code payloadLength} bytes that follows it (or will):
     * what {@link #encode(Ipv4Header, byte[], boolean, boolean)} does without the payload, so that a host can build
     * segment, datagram and frame in one array.
     */
    public static void writeHeader(Ipv4Header h, int payloadLength, byte[] out, int at, boolean fixLengths,
                                   boolean computeChecksum) {
        int hl = headerLength(h);
        int size = hl + payloadLength;
        if (fixLengths && size > 0xffff) {
            throw new IllegalArgumentException("an IPv4 datagram is at most 65535 bytes, this one would be " + size);
        }
        int ihl = fixLengths ? hl >>> 2 : h.ihl();
        VERSION.write(out, at, h.version());
        IHL.write(out, at, ihl);
        DSCP.write(out, at, h.dscp());
        ECN.write(out, at, h.ecn());
        TOTAL_LENGTH.write(out, at, fixLengths ? size : h.totalLength());
        IDENTIFICATION.write(out, at, h.identification());
        RESERVED_FLAG.write(out, at, h.reservedFlag() ? 1 : 0);
        DONT_FRAGMENT.write(out, at, h.dontFragment() ? 1 : 0);
        MORE_FRAGMENTS.write(out, at, h.moreFragments() ? 1 : 0);
        FRAGMENT_OFFSET.write(out, at, h.fragmentOffset());
        TTL.write(out, at, h.ttl());
        PROTOCOL.write(out, at, h.protocol().value());
        SOURCE.write(out, at, h.source().value());
        DESTINATION.write(out, at, h.destination().value());
        h.options().copyTo(out, at + MIN_HEADER_LENGTH);
        if (computeChecksum) {
            // The checksum covers the header as a receiver delimits it (IHL words), computed with the field at zero.
            int covered = ihl * 4 >= MIN_HEADER_LENGTH && ihl * 4 <= size ? ihl * 4 : hl;
            CHECKSUM.write(out, at, 0);
            CHECKSUM.write(out, at, checksum(out, at, covered));
        } else {
            CHECKSUM.write(out, at, h.checksum());
        }
    }

    /**
     * The header at {@code buf[offset]}, options included, as its fields say; {@code null} if fewer than 20 bytes
     * are there, the IHL is below 5 or the header runs past {@code length}. Version and lengths are not judged here.
     */
    public static Ipv4Header readHeader(byte[] buf, int offset, int length) {
        if (length < MIN_HEADER_LENGTH) {
            return null;
        }
        int ihl = (int) IHL.read(buf, offset);
        if (ihl < 5 || ihl * 4 > length) {
            return null;
        }
        return header(buf, offset, ihl);
    }

    private static Ipv4Header header(byte[] buf, int offset, int ihl) {
        return new Ipv4Header((int) VERSION.read(buf, offset), ihl, (int) DSCP.read(buf, offset),
                (int) ECN.read(buf, offset), (int) TOTAL_LENGTH.read(buf, offset),
                (int) IDENTIFICATION.read(buf, offset), RESERVED_FLAG.read(buf, offset) != 0,
                DONT_FRAGMENT.read(buf, offset) != 0, MORE_FRAGMENTS.read(buf, offset) != 0,
                (int) FRAGMENT_OFFSET.read(buf, offset), (int) TTL.read(buf, offset),
                IpProtocol.of((int) PROTOCOL.read(buf, offset)), (int) CHECKSUM.read(buf, offset),
                new Ipv4Address((int) SOURCE.read(buf, offset)), new Ipv4Address((int) DESTINATION.read(buf, offset)),
                ihl > 5 ? Bytes.of(buf, offset + MIN_HEADER_LENGTH, offset + ihl * 4) : Bytes.EMPTY);
    }

    /**
     * Decodes the datagram at {@code buf[offset, offset+length)}. The PDU ends where the total length says (what
     * follows, e.g. Ethernet padding, belongs to the layer below); the header checksum is verified and recorded; a
     * fragment's data is kept raw, since it cannot be understood before reassembly; anything else goes to
     * {@code payload}, which sees exactly the bytes up to the total length.
     */
    public static Pdu dissect(byte[] buf, int offset, int length, PayloadDissector<Ipv4Header> payload) {
        Pdu.Builder b = Pdu.builder(Protocol.IPV4, offset);
        int end = offset + length;
        if (length >= 1) {
            int version = (int) VERSION.read(buf, offset);
            if (version != 4) {
                b.field(VERSION.at(offset, version));
                b.field(IHL.at(offset, IHL.read(buf, offset)));
                return b.malformed("version " + version + " is not IPv4", offset + 1, end).build();
            }
        }
        if (length < MIN_HEADER_LENGTH) {
            int covered = b.fixedFieldsWithin(FIXED, buf, offset, length);
            return b.malformed("truncated: " + length + " bytes, the IPv4 header needs " + MIN_HEADER_LENGTH, covered,
                    end).build();
        }
        int ihl = (int) IHL.read(buf, offset);
        int hl = ihl * 4;
        int total = (int) TOTAL_LENGTH.read(buf, offset);
        String problem = null;
        if (ihl < 5) {
            problem = "IHL " + ihl + " is below the minimum of 5";
        } else if (hl > length) {
            problem = "header length " + hl + " (IHL " + ihl + ") exceeds the " + length + " bytes available";
        }
        boolean headerOk = problem == null;
        Ipv4Header h = headerOk ? header(buf, offset, ihl) : null;

        b.field(VERSION.at(offset, 4));
        b.field(IHL.at(offset, ihl, ihl + " (" + hl + " bytes)"));
        b.field(DSCP.at(offset, DSCP.read(buf, offset)));
        b.field(ECN.at(offset, ECN.read(buf, offset)));
        b.field(TOTAL_LENGTH.at(offset, total));
        b.field(IDENTIFICATION.at(offset, IDENTIFICATION.read(buf, offset)));
        b.field(RESERVED_FLAG.at(offset, RESERVED_FLAG.read(buf, offset)));
        b.field(DONT_FRAGMENT.at(offset, DONT_FRAGMENT.read(buf, offset)));
        b.field(MORE_FRAGMENTS.at(offset, MORE_FRAGMENTS.read(buf, offset)));
        long fragOffset = FRAGMENT_OFFSET.read(buf, offset);
        b.field(FRAGMENT_OFFSET.at(offset, fragOffset, fragOffset == 0 ? "0"
                : fragOffset + " (" + fragOffset * 8 + " bytes)"));
        b.field(TTL.at(offset, TTL.read(buf, offset)));
        int proto = (int) PROTOCOL.read(buf, offset);
        b.field(PROTOCOL.at(offset, proto, IpProtocol.of(proto).toString()));
        b.field(checksumField(buf, offset, headerOk ? hl : 0));
        Ipv4Address src = new Ipv4Address((int) SOURCE.read(buf, offset));
        Ipv4Address dst = new Ipv4Address((int) DESTINATION.read(buf, offset));
        b.field(SOURCE.at(offset, src.unsigned(), src.toString()));
        b.field(DESTINATION.at(offset, dst.unsigned(), dst.toString()));
        String route = src + " → " + dst + ", ";
        if (!headerOk) {
            return b.summary(route + "malformed").malformed(problem, offset + MIN_HEADER_LENGTH, end).build();
        }
        b.header(h);
        if (hl > MIN_HEADER_LENGTH) {
            b.field(OPTIONS.span(offset + MIN_HEADER_LENGTH, hl - MIN_HEADER_LENGTH, 0, h.options(),
                    optionsText(h.options())));
        }
        if (total < hl) {
            return b.summary(route + "malformed")
                    .malformed("total length " + total + " is below the header length of " + hl, offset + hl, end)
                    .build();
        }
        if (total > length) {
            return b.summary(route + "malformed")
                    .malformed("total length " + total + " exceeds the " + length + " bytes available", offset + hl, end)
                    .build();
        }
        int dataStart = offset + hl;
        int dataEnd = offset + total;
        IpProtocol p = h.protocol();
        if (h.isFragment()) {
            if (dataEnd > dataStart) {
                b.field(Pdu.dataField(Protocol.IPV4, buf, dataStart, dataEnd - dataStart));
            }
            b.summary(route + "Fragmented IP protocol (proto=" + p.label() + " " + p.value() + ", off="
                    + h.fragmentOffsetBytes() + ")");
        } else {
            List<Pdu> children = payload.dissect(h, buf, dataStart, dataEnd - dataStart);
            b.children(children);
            int claimed = dataStart;
            for (Pdu c : children) {
                claimed = Math.max(claimed, c.end());
            }
            if (claimed < dataEnd) {
                b.field(Pdu.dataField(Protocol.IPV4, buf, claimed, dataEnd - claimed));
            }
            b.summary(route + (p.label().equals("Unknown") ? "protocol " + p.value() : p.label()));
        }
        return b.end(dataEnd).build();
    }

    private static Field checksumField(byte[] buf, int offset, int hl) {
        int actual = (int) CHECKSUM.read(buf, offset);
        if (hl == 0) {
            return CHECKSUM.at(offset, actual, Hex.prefixed(actual, 4));
        }
        // RFC 1071: the sum over the header including its checksum is all ones (0 after complement) when correct.
        if (checksum(buf, offset, hl) == 0) {
            return CHECKSUM.at(offset, actual, Hex.prefixed(actual, 4) + " [correct]");
        }
        int expected = expectedChecksum(buf, offset, hl);
        return CHECKSUM.at(offset, actual, Hex.prefixed(actual, 4) + " [incorrect]")
                .withProblem("header checksum incorrect, should be " + Hex.prefixed(expected, 4));
    }

    /** The checksum the header at {@code buf[offset, offset+hl)} should carry: computed with its own field left out. */
    public static int expectedChecksum(byte[] buf, int offset, int hl) {
        int sum = onesComplementSum(buf, offset, CHECKSUM_OFFSET, 0);
        sum = onesComplementSum(buf, offset + CHECKSUM_OFFSET + 2, hl - CHECKSUM_OFFSET - 2, sum);
        return ~sum & 0xffff;
    }

    /**
     * The Internet checksum (RFC 1071) of {@code buf[offset, offset+length)} as the bytes are: the one's complement
     * of their one's-complement sum. Over a header whose checksum field is zero it is the value to write there; over
     * a header with a correct checksum it is 0.
     */
    public static int checksum(byte[] buf, int offset, int length) {
        return ~onesComplementSum(buf, offset, length, 0) & 0xffff;
    }

    /**
     * The 16-bit one's-complement sum of {@code buf[offset, offset+length)} taken as big-endian 16-bit words (an odd
     * last byte is padded with a zero byte), added to {@code initial} (e.g. a pseudo-header's sum); folded to 16 bits.
     */
    public static int onesComplementSum(byte[] buf, int offset, int length, int initial) {
        long sum = initial & 0xffff_ffffL;
        int i = offset;
        int pairsEnd = offset + (length & ~3);
        // Four bytes per step: the carries pile up in the upper half of the long and are folded at the end.
        for (; i < pairsEnd; i += 4) {
            sum += (((buf[i] & 0xff) << 8) | (buf[i + 1] & 0xff)) + (((buf[i + 2] & 0xff) << 8) | (buf[i + 3] & 0xff));
        }
        int end = offset + length;
        if (i + 1 < end) {
            sum += ((buf[i] & 0xff) << 8) | (buf[i + 1] & 0xff);
            i += 2;
        }
        if (i < end) {
            sum += (buf[i] & 0xff) << 8;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) sum;
    }

    /** The option types in the options area, by the names of RFC 791 and the IANA registry. */
    static String optionsText(Bytes options) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        int n = options.length();
        while (i < n) {
            int type = options.u8(i);
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(optionName(type));
            if (type == 0) {
                if (i + 1 < n) {
                    sb.append(", padding");
                }
                break;
            }
            if (type == 1) {
                i++;
                continue;
            }
            if (i + 1 >= n || options.u8(i + 1) < 2) {
                sb.append(" (bad length)");
                break;
            }
            i += options.u8(i + 1);
        }
        return sb.toString();
    }

    static String optionName(int type) {
        return switch (type) {
            case 0 -> "End of Option List";
            case 1 -> "No-Operation";
            case 7 -> "Record Route";
            case 68 -> "Timestamp";
            case 130 -> "Security";
            case 131 -> "Loose Source Route";
            case 136 -> "Stream ID";
            case 137 -> "Strict Source Route";
            case 148 -> "Router Alert";
            default -> "Option " + type;
        };
    }
}
