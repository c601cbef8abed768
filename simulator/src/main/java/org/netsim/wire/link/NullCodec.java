package org.netsim.wire.link;

import static org.netsim.wire.link.NullLayout.FAMILY;
import static org.netsim.wire.link.NullLayout.HEADER_LENGTH;

import java.util.List;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.PayloadDissector;
import org.netsim.pdu.Protocol;

/** Encodes and decodes the 4-byte BSD loopback header ({@link NullLayout}) of LINKTYPE_NULL and LINKTYPE_LOOP. */
public final class NullCodec {
    private NullCodec() {
    }

    /** The header (the family in the header's byte order), then the payload. */
    public static byte[] encode(NullHeader h, byte[] payload) {
        byte[] out = new byte[HEADER_LENGTH + payload.length];
        FAMILY.write(out, 0, (h.bigEndian() ? h.family() : Integer.reverseBytes(h.family())) & 0xffff_ffffL);
        System.arraycopy(payload, 0, out, HEADER_LENGTH, payload.length);
        return out;
    }

    /**
     * The header at {@code buf[offset]}, or {@code null} if fewer than 4 bytes are there. With {@code networkOrder}
     * (LOOP) the family is big-endian; otherwise (NULL) it is in the writer's byte order, which the file does not
     * record: every family is below 65536, so a value whose low half is zero was written little-endian (Wireshark
     * and libpcap decide the same way).
     */
    public static NullHeader readHeader(byte[] buf, int offset, int length, boolean networkOrder) {
        if (length < HEADER_LENGTH) {
            return null;
        }
        int v = (int) FAMILY.read(buf, offset);
        if (!networkOrder && (v & 0xffff) == 0 && v != 0) {
            return new NullHeader(Integer.reverseBytes(v), false);
        }
        return new NullHeader(v, true);
    }

    /** Decodes the header at {@code buf[offset, offset+length)}; the payload goes to {@code inner}. */
    public static Pdu dissect(byte[] buf, int offset, int length, boolean networkOrder,
                              PayloadDissector<NullHeader> inner) {
        Pdu.Builder b = Pdu.builder(Protocol.NULL_LOOPBACK, offset);
        int end = offset + length;
        NullHeader h = readHeader(buf, offset, length, networkOrder);
        if (h == null) {
            return b.malformed("frame of " + length + " bytes is shorter than the 4-byte loopback header", offset,
                    end).build();
        }
        b.header(h);
        b.field(FAMILY.at(offset, FAMILY.read(buf, offset), h.family() + " (" + NullHeader.familyName(h.family())
                + (networkOrder ? "" : h.bigEndian() ? ", big-endian" : ", little-endian") + ")"));
        int start = offset + HEADER_LENGTH;
        List<Pdu> children = inner.dissect(h, buf, start, end - start);
        b.children(children);
        int claimed = start;
        for (Pdu c : children) {
            claimed = Math.max(claimed, c.end());
        }
        if (claimed < end) {
            b.field(Pdu.dataField(Protocol.NULL_LOOPBACK, buf, claimed, end - claimed));
        }
        return b.summary("Family " + NullHeader.familyName(h.family())).end(end).build();
    }
}
