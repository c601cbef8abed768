package org.netsim.app.pcap;

import java.util.Objects;
import org.netsim.pdu.Bytes;

/**
 * One frame to write to a pcap file.
 *
 * @param timestampNanos when the frame was seen, in nanoseconds since 1970-01-01 00:00:00 UTC (for a simulated frame:
 *                       the simulation clock plus the scenario's start time)
 * @param frame          the Ethernet frame from the destination address on, without preamble, SFD and FCS, as a network
 *                       card hands it to libpcap
 */
public record PcapRecord(long timestampNanos, Bytes frame) {
    public PcapRecord {
        Objects.requireNonNull(frame, "frame");
        if (timestampNanos < 0) {
            throw new IllegalArgumentException("pcap timestamps start at 1970: " + timestampNanos + " ns");
        }
    }
}
