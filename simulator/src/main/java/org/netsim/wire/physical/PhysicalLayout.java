package org.netsim.wire.physical;

import static org.netsim.pdu.FieldFormat.HEX;

import org.netsim.pdu.FieldSpec;
import org.netsim.pdu.Protocol;

/**
 * What the Ethernet physical layer puts around a frame (IEEE 802.3 Clause 3.2.1, 3.2.2 and 4.4.2), declared once for
 * encode, decode and display: 7 bytes of preamble, the start frame delimiter, the frame, then 96 bit times of silence.
 */
public final class PhysicalLayout {
    private PhysicalLayout() {
    }

    private static final Protocol P = Protocol.PHYSICAL;

    public static final FieldSpec PREAMBLE = FieldSpec.fixed(P, "phy.preamble", "Preamble", 0, 56, HEX,
            "Seven bytes of alternating 1s and 0s (10101010 on the wire) that give the receiver's clock time to lock "
                    + "onto the sender's bit timing before the frame starts.", "IEEE 802.3 §3.2.1");
    public static final FieldSpec SFD = FieldSpec.fixed(P, "phy.sfd", "Start frame delimiter", 56, 8, HEX,
            "The byte 0xd5, sent as 10101011: the two 1s in a row break the preamble's pattern and mark that the "
                    + "next bit is the first bit of the frame.", "IEEE 802.3 §3.2.2");

    /** The preamble byte 0x55: sent least significant bit first it is 10101010. */
    public static final int PREAMBLE_BYTE = 0x55;
    public static final int PREAMBLE_LENGTH = 7;
    /** The preamble's value as one 56-bit number: seven 0x55 bytes. */
    public static final long PREAMBLE_VALUE = 0x55_5555_5555_5555L;
    /** The start frame delimiter 0xd5: sent least significant bit first it is 10101011. */
    public static final int SFD_VALUE = 0xd5;
    /** Preamble + SFD: the bytes the physical layer adds in front of every frame. */
    public static final int OVERHEAD_LENGTH = PREAMBLE_LENGTH + 1;
    /**
     * The inter-frame gap: after a frame the sender stays silent for 96 bit times (IEEE 802.3 §4.4.2,
     * interPacketGap). It is a duration, not bytes: nothing is sent.
     */
    public static final int INTER_FRAME_GAP_BITS = 96;
}
