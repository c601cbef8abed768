package org.netsim.wire.ipv4;

import java.util.ArrayList;
import java.util.List;
import org.netsim.pdu.Bytes;

/**
 * Splits a datagram that is too big for a link into fragments (RFC 791 §2.3 "Fragmentation", §3.2 "An Example
 * Fragmentation Procedure"). Every fragment but the last carries a multiple of 8 data bytes and MF set; all carry the
 * original identification; only the first carries every option, the others only those whose copied flag is set.
 */
public final class Ipv4Fragmenter {
    private Ipv4Fragmenter() {
    }

    /** Error text when a datagram is too big and DF forbids splitting it. */
    public static final String DF_SET = "needs fragmentation but DF is set";

    /**
     * The datagram {@code h} + {@code payload} encoded for a link whose MTU is {@code mtu} bytes: one datagram if it
     * fits, else its fragments in offset order; an error (not an exception) if DF is set or the MTU cannot carry even
     * 8 data bytes. Lengths and checksums of every fragment are computed. A datagram that is itself a fragment can be
     * split again: offsets are relative to its own, and its MF carries over to the last piece.
     */
    public static FragmentResult fragment(Ipv4Header h, byte[] payload, int mtu) {
        int hl = Ipv4Layout.MIN_HEADER_LENGTH + ((h.options().length() + 3) & ~3);
        if (hl + payload.length <= mtu) {
            return new FragmentResult(List.of(Bytes.wrap(Ipv4Codec.encode(h, payload))), null);
        }
        if (h.dontFragment()) {
            return FragmentResult.failed(DF_SET);
        }
        Bytes laterOptions = copiedOptions(h.options());
        int laterHl = Ipv4Layout.MIN_HEADER_LENGTH + laterOptions.length();
        int firstBlock = (mtu - hl) & ~7;
        int laterBlock = (mtu - laterHl) & ~7;
        if (firstBlock < 8 || laterBlock < 8) {
            return FragmentResult.failed("MTU " + mtu + " is too small to carry an IPv4 fragment");
        }
        List<Bytes> out = new ArrayList<>(payload.length / laterBlock + 2);
        int at = 0;
        boolean first = true;
        while (at < payload.length) {
            int size = Math.min(first ? firstBlock : laterBlock, payload.length - at);
            boolean last = at + size == payload.length;
            Ipv4Header fh = h.toBuilder()
                    .options(first ? h.options() : laterOptions)
                    .moreFragments(!last || h.moreFragments())
                    .fragmentOffset(h.fragmentOffset() + at / 8)
                    .build();
            byte[] part = new byte[size];
            System.arraycopy(payload, at, part, 0, size);
            out.add(Bytes.wrap(Ipv4Codec.encode(fh, part)));
            at += size;
            first = false;
        }
        return new FragmentResult(out, null);
    }

    /**
     * The options that go into every fragment after the first: those with the copied flag (the top bit of the option
     * type, RFC 791 §3.1) set, padded with zeros to a multiple of 4 bytes. Options that cannot be parsed are not
     * copied.
     */
    static Bytes copiedOptions(Bytes options) {
        byte[] out = new byte[options.length() + 3];
        int n = 0;
        int i = 0;
        while (i < options.length()) {
            int type = options.u8(i);
            if (type == 0) {
                break;
            }
            if (type == 1) {
                i++;
                continue;
            }
            if (i + 1 >= options.length()) {
                break;
            }
            int len = options.u8(i + 1);
            if (len < 2 || i + len > options.length()) {
                break;
            }
            if ((type & 0x80) != 0) {
                for (int k = 0; k < len; k++) {
                    out[n++] = options.get(i + k);
                }
            }
            i += len;
        }
        return n == 0 ? Bytes.EMPTY : Bytes.of(out, 0, (n + 3) & ~3);
    }
}
