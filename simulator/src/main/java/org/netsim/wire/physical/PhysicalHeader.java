package org.netsim.wire.physical;

import static org.netsim.wire.physical.PhysicalLayout.PREAMBLE_VALUE;
import static org.netsim.wire.physical.PhysicalLayout.SFD_VALUE;

/**
 * The bytes the physical layer sends before a frame (IEEE 802.3 Clause 3.2.1 and 3.2.2). Any value can be built, so a
 * lesson can show what a receiver does with a damaged preamble; {@link #STANDARD} is what every sender sends.
 *
 * @param preamble the 7 preamble bytes as one 56-bit number, first byte in the high bits
 * @param sfd      the start frame delimiter byte
 */
public record PhysicalHeader(long preamble, int sfd) {
    /** Seven 0x55 bytes and 0xd5. */
    public static final PhysicalHeader STANDARD = new PhysicalHeader(PREAMBLE_VALUE, SFD_VALUE);

    public PhysicalHeader {
        if ((preamble & ~0xff_ffff_ffff_ffffL) != 0) {
            throw new IllegalArgumentException("the preamble has 56 bits: 0x" + Long.toHexString(preamble));
        }
        if (sfd < 0 || sfd > 0xff) {
            throw new IllegalArgumentException("the start frame delimiter is one byte: " + sfd);
        }
    }

    public boolean hasStandardPreamble() {
        return preamble == PREAMBLE_VALUE;
    }

    public boolean hasStandardSfd() {
        return sfd == SFD_VALUE;
    }
}
