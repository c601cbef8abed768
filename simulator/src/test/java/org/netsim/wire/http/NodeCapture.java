package org.netsim.wire.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** Reads the TCP payloads out of the small loopback captures next to these tests (pcap, Ethernet, IPv4, TCP). */
public final class NodeCapture {
    private NodeCapture() {
    }

    /** One TCP segment's payload and its source port. */
    public record Segment(int frame, int srcPort, byte[] payload) {
    }

    public static List<Segment> segments(String resource) throws IOException {
        byte[] file;
        try (InputStream in = NodeCapture.class.getResourceAsStream(resource)) {
            file = in.readAllBytes();
        }
        ByteBuffer bb = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        if (bb.getInt(0) != 0xa1b2c3d4 || bb.getInt(20) != 1) {
            throw new IOException(resource + " is not a little-endian Ethernet pcap file");
        }
        List<Segment> out = new ArrayList<>();
        int at = 24;
        int frame = 0;
        while (at + 16 <= file.length) {
            int caplen = bb.getInt(at + 8);
            int p = at + 16;
            frame++;
            at = p + caplen;
            int ip = p + 14;
            int ihl = (file[ip] & 0x0f) * 4;
            int total = ((file[ip + 2] & 0xff) << 8) | (file[ip + 3] & 0xff);
            int tcp = ip + ihl;
            int dataOffset = ((file[tcp + 12] & 0xff) >>> 4) * 4;
            int payload = tcp + dataOffset;
            int len = ip + total - payload;
            if (len > 0) {
                int srcPort = ((file[tcp] & 0xff) << 8) | (file[tcp + 1] & 0xff);
                byte[] data = new byte[len];
                System.arraycopy(file, payload, data, 0, len);
                out.add(new Segment(frame, srcPort, data));
            }
        }
        return out;
    }
}
