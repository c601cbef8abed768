package org.netsim.pdu;

/**
 * Why decoding stopped, and where: what Wireshark shows as {@code [Malformed Packet]}.
 *
 * @param reason the rule that was broken, in the words of the specification where it has them
 * @param offset the byte offset in the frame at which decoding stopped
 */
public record Malformed(String reason, int offset) {
    @Override
    public String toString() {
        return reason + " (at byte " + offset + ")";
    }
}
