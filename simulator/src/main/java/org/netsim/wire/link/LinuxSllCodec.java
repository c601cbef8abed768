package org.netsim.wire.link;

import static org.netsim.wire.link.LinuxSllLayout.ADDRESS;
import static org.netsim.wire.link.LinuxSllLayout.ADDRESS_LENGTH;
import static org.netsim.wire.link.LinuxSllLayout.ARPHRD_TYPE;
import static org.netsim.wire.link.LinuxSllLayout.PACKET_TYPE;
import static org.netsim.wire.link.LinuxSllLayout.PROTOCOL;
import static org.netsim.wire.link.LinuxSllLayout.V2_ADDRESS;
import static org.netsim.wire.link.LinuxSllLayout.V2_ADDRESS_LENGTH;
import static org.netsim.wire.link.LinuxSllLayout.V2_ARPHRD_TYPE;
import static org.netsim.wire.link.LinuxSllLayout.V2_INTERFACE;
import static org.netsim.wire.link.LinuxSllLayout.V2_PACKET_TYPE;
import static org.netsim.wire.link.LinuxSllLayout.V2_PROTOCOL;
import static org.netsim.wire.link.LinuxSllLayout.V2_RESERVED;

import java.util.List;
import org.netsim.pdu.Bytes;
import org.netsim.pdu.Field;
import org.netsim.pdu.FieldSpec;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.PayloadDissector;
import org.netsim.pdu.Protocol;
import org.netsim.wire.ethernet.EtherType;

/** Encodes and decodes the Linux cooked capture headers, versions 1 and 2 ({@link LinuxSllLayout}). */
public final class LinuxSllCodec {
    private LinuxSllCodec() {
    }

    /** The header, then the payload. */
    public static byte[] encode(LinuxSllHeader h, byte[] payload) {
        int hl = h.headerLength();
        byte[] out = new byte[hl + payload.length];
        long address = h.address().isEmpty() ? 0 : org.netsim.pdu.Bits.get(h.address().toArray(), 0, 64);
        if (h.version() == 1) {
            PACKET_TYPE.write(out, 0, h.packetType());
            ARPHRD_TYPE.write(out, 0, h.arphrdType());
            ADDRESS_LENGTH.write(out, 0, h.addressLength());
            ADDRESS.write(out, 0, address);
            PROTOCOL.write(out, 0, h.protocol());
        } else {
            V2_PROTOCOL.write(out, 0, h.protocol());
            V2_RESERVED.write(out, 0, 0);
            V2_INTERFACE.write(out, 0, h.interfaceIndex() & 0xffff_ffffL);
            V2_ARPHRD_TYPE.write(out, 0, h.arphrdType());
            V2_PACKET_TYPE.write(out, 0, h.packetType());
            V2_ADDRESS_LENGTH.write(out, 0, h.addressLength());
            V2_ADDRESS.write(out, 0, address);
        }
        System.arraycopy(payload, 0, out, hl, payload.length);
        return out;
    }

    /** The header at {@code buf[offset]}, or {@code null} if it is cut short. */
    public static LinuxSllHeader readHeader(int version, byte[] buf, int offset, int length) {
        if (version == 1) {
            if (length < LinuxSllLayout.HEADER_LENGTH) {
                return null;
            }
            return new LinuxSllHeader(1, (int) PACKET_TYPE.read(buf, offset), (int) ARPHRD_TYPE.read(buf, offset),
                    (int) ADDRESS_LENGTH.read(buf, offset), Bytes.of(buf, offset + 6, offset + 14),
                    (int) PROTOCOL.read(buf, offset), 0);
        }
        if (length < LinuxSllLayout.V2_HEADER_LENGTH) {
            return null;
        }
        return new LinuxSllHeader(2, (int) V2_PACKET_TYPE.read(buf, offset), (int) V2_ARPHRD_TYPE.read(buf, offset),
                (int) V2_ADDRESS_LENGTH.read(buf, offset), Bytes.of(buf, offset + 12, offset + 20),
                (int) V2_PROTOCOL.read(buf, offset), (int) V2_INTERFACE.read(buf, offset));
    }

    /**
     * Decodes a version 1 or 2 header at {@code buf[offset, offset+length)}; the payload goes to {@code inner}, and
     * whatever it leaves unclaimed becomes the layer's data.
     */
    public static Pdu dissect(int version, byte[] buf, int offset, int length,
                              PayloadDissector<LinuxSllHeader> inner) {
        Protocol p = version == 1 ? Protocol.LINUX_SLL : Protocol.LINUX_SLL2;
        List<FieldSpec> fixed = version == 1 ? LinuxSllLayout.FIXED : LinuxSllLayout.V2_FIXED;
        Pdu.Builder b = Pdu.builder(p, offset);
        int end = offset + length;
        LinuxSllHeader h = readHeader(version, buf, offset, length);
        if (h == null) {
            int hl = version == 1 ? LinuxSllLayout.HEADER_LENGTH : LinuxSllLayout.V2_HEADER_LENGTH;
            int covered = b.fixedFieldsWithin(fixed, buf, offset, length);
            return b.malformed("frame of " + length + " bytes is shorter than the " + hl + "-byte " + p.title()
                    + " header", covered, end).build();
        }
        b.header(h);
        String protocol = new EtherType(h.protocol()).toString();
        String packetType = h.packetType() + " (" + LinuxSllHeader.packetTypeName(h.packetType()) + ")";
        String arphrd = h.arphrdType() + " (" + LinuxSllHeader.arphrdName(h.arphrdType()) + ")";
        if (version == 1) {
            b.field(PACKET_TYPE.at(offset, h.packetType(), packetType));
            b.field(ARPHRD_TYPE.at(offset, h.arphrdType(), arphrd));
            b.field(ADDRESS_LENGTH.at(offset, h.addressLength()));
            b.field(ADDRESS.at(offset, ADDRESS.read(buf, offset), addressText(h)));
            b.field(PROTOCOL.at(offset, h.protocol(), protocol));
        } else {
            b.field(V2_PROTOCOL.at(offset, h.protocol(), protocol));
            long reserved = V2_RESERVED.read(buf, offset);
            Field r = V2_RESERVED.at(offset, reserved);
            b.field(reserved == 0 ? r : r.withProblem("reserved field is not zero"));
            b.field(V2_INTERFACE.at(offset, h.interfaceIndex() & 0xffff_ffffL));
            b.field(V2_ARPHRD_TYPE.at(offset, h.arphrdType(), arphrd));
            b.field(V2_PACKET_TYPE.at(offset, h.packetType(), packetType));
            b.field(V2_ADDRESS_LENGTH.at(offset, h.addressLength()));
            b.field(V2_ADDRESS.at(offset, V2_ADDRESS.read(buf, offset), addressText(h)));
        }
        int start = offset + h.headerLength();
        List<Pdu> children = inner.dissect(h, buf, start, end - start);
        b.children(children);
        int claimed = start;
        for (Pdu c : children) {
            claimed = Math.max(claimed, c.end());
        }
        if (claimed < end) {
            b.field(Pdu.dataField(p, buf, claimed, end - claimed));
        }
        b.summary(LinuxSllHeader.packetTypeName(h.packetType()) + ", "
                + LinuxSllHeader.arphrdName(h.arphrdType()) + (version == 2 ? " (interface " + h.interfaceIndex()
                + ")" : "") + ", " + new EtherType(h.protocol()).label());
        return b.end(end).build();
    }

    /** The address bytes the length covers, as a MAC address when there are six; the padding after it named. */
    static String addressText(LinuxSllHeader h) {
        int n = Math.min(h.addressLength(), 8);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(String.format("%02x", h.address().u8(i)));
        }
        if (n == 0) {
            sb.append("(none)");
        }
        if (n < 8) {
            sb.append(" + ").append(8 - n).append(" bytes of padding");
        }
        return sb.toString();
    }
}
