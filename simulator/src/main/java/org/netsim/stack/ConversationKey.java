package org.netsim.stack;

import org.netsim.wire.ipv4.Ipv4Address;

/** One TCP connection, the same whichever way a segment travels: the lower (address, port) pair comes first. */
public record ConversationKey(int addressA, int portA, int addressB, int portB) {

    public static ConversationKey of(Ipv4Address src, int srcPort, Ipv4Address dst, int dstPort) {
        long a = ((long) src.value() & 0xffffffffL) << 16 | srcPort;
        long b = ((long) dst.value() & 0xffffffffL) << 16 | dstPort;
        return a <= b ? new ConversationKey(src.value(), srcPort, dst.value(), dstPort)
                : new ConversationKey(dst.value(), dstPort, src.value(), srcPort);
    }
}
