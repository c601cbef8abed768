package org.netsim.stack;

import org.netsim.pdu.Bytes;

/**
 * One Ethernet frame as it crossed the wire (without the FCS, as a capture shows it).
 *
 * @param timeNanos     when its first bit left the sender, nanoseconds since the Unix epoch
 * @param clientToServer which way it travelled
 * @param frame         the frame's bytes
 * @param description   what the frame is for, in a few words ("SYN", "Socket.IO EVENT chat")
 */
public record WireFrame(long timeNanos, boolean clientToServer, Bytes frame, String description) {
}
