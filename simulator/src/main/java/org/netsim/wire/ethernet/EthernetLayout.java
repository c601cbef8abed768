package org.netsim.wire.ethernet;

import static org.netsim.pdu.FieldFormat.BYTES;
import static org.netsim.pdu.FieldFormat.HEX;
import static org.netsim.pdu.FieldFormat.MAC;

import org.netsim.pdu.FieldSpec;
import org.netsim.pdu.Protocol;

/** Field layout of an Ethernet II frame (IEEE 802.3 Clause 3.2), declared once for encode, decode and display. */
public final class EthernetLayout {
    private EthernetLayout() {
    }

    private static final Protocol P = Protocol.ETHERNET;
    private static final String STD = "IEEE 802.3 §3.2";

    public static final FieldSpec DESTINATION = FieldSpec.fixed(P, "eth.dst", "Destination", 0, 48, MAC,
            "MAC address of the next machine on this link; ff:ff:ff:ff:ff:ff reaches every machine on it.", STD + ".3");
    public static final FieldSpec SOURCE = FieldSpec.fixed(P, "eth.src", "Source", 48, 48, MAC,
            "MAC address of the network card that sent the frame on this link.", STD + ".3");
    public static final FieldSpec TYPE = FieldSpec.fixed(P, "eth.type", "Type", 96, 16, HEX,
            "Which protocol the payload belongs to: 0x0800 IPv4, 0x0806 ARP.", STD + ".6");
    public static final FieldSpec PADDING = FieldSpec.variable(P, "eth.padding", "Padding", BYTES,
            "Zero bytes added so the frame reaches the 60-byte minimum (64 with the FCS).", STD + ".7");
    public static final FieldSpec FCS = FieldSpec.variable(P, "eth.fcs", "Frame check sequence", HEX,
            "CRC-32 of the frame, so the receiver can detect bits damaged on the wire.", STD + ".9");

    public static final int HEADER_LENGTH = 14;
    /** Smallest frame on the wire without the FCS; shorter frames are padded. */
    public static final int MIN_FRAME_WITHOUT_FCS = 60;
    public static final int FCS_LENGTH = 4;
}
