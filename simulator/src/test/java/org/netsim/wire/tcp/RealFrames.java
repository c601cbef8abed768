package org.netsim.wire.tcp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.netsim.pdu.Bytes;
import org.netsim.wire.ipv4.Ipv4Address;

/**
 * Real segments from node-socketio-4.8.4-sessions.pcap (Linux loopback, 127.0.0.1 both ends, client port 44304,
 * server port 3107), and a checksum computed here independently of the codec.
 *
 * <p>The hex constants are the IPv4 datagrams (the 14 Ethernet bytes left out) as {@code tshark -r FILE -x} shows
 * them. On {@code lo} Linux never completes the TCP checksum (CHECKSUM_PARTIAL): the field holds only the folded
 * pseudo-header sum, so {@code tshark -o tcp.check_checksum:TRUE} calls every one of them incorrect. The values
 * tshark says they should be are kept here as a third, independent opinion.
 */
final class RealFrames {
    private RealFrames() {
    }

    static final Ipv4Address LO = Ipv4Address.LOOPBACK;

    /**
     * Frame 1, the client's SYN: 20 bytes of IPv4, then a 40-byte TCP header whose options are MSS 65495 (02 04 ff d7),
     * SACK permitted (04 02), Timestamps TSval=1121905585 TSecr=0 (08 0a 42 de eb b1 00 00 00 00), NOP (01) and
     * window scale 10 (03 03 0a). Checksum field fe30; tshark: "should be 0x629c".
     */
    static final byte[] FRAME_1_SYN = hex("4500003cc42d40004006788c7f0000017f000001"
            + "ad100c23d3dc31c200000000a002ffd7fe300000"
            + "0204ffd70402080a42deebb1000000000103030a");
    static final int FRAME_1_TCP_CHECKSUM = 0x629c;

    /** Frame 2, the server's SYN-ACK: the same option layout, TSecr echoing the SYN's TSval. */
    static final byte[] FRAME_2_SYN_ACK = hex("4500003c0000400040063cba7f0000017f000001"
            + "0c23ad1013027160d3dc31c3a012ffcbfe300000"
            + "0204ffd70402080ad00b01bc42deebb10103030a");

    /**
     * Frame 4, the client's first data: PSH, ACK with NOP NOP Timestamps (01 01 08 0a ...), then 150 bytes of HTTP
     * ("GET /socket.io/?EIO=4&transport=polling&t=m3jqy0dy HTTP/1.1 ..."). Checksum field febe; tshark: "should be
     * 0x5af5".
     */
    static final byte[] FRAME_4_PSH_ACK = hex("450000cac42f4000400677fc7f0000017f000001"
            + "ad100c23d3dc31c31302716180180040febe0000" + "0101080a42deebb4d00b01bc"
            + "474554202f736f636b65742e696f2f3f45494f3d34267472616e73706f72743d706f6c6c696e6726743d6d336a717930"
            + "647920485454502f312e310d0a557365722d4167656e743a206e6f64652d584d4c48747470526571756573740d0a4163"
            + "636570743a202a2f2a0d0a486f73743a203132372e302e302e313a333130370d0a436f6e6e656374696f6e3a20636c6f"
            + "73650d0a0d0a");
    static final int FRAME_4_TCP_CHECKSUM = 0x5af5;

    /** The same capture, kept as a test resource beside the HTTP tests. */
    static final String SESSIONS_PCAP = "/org/netsim/wire/http/node-socketio-4.8.4-sessions.pcap";

    static byte[] hex(String s) {
        return Bytes.ofHex(s).toArray();
    }

    /** The TCP segment of an IPv4 datagram without options. */
    static byte[] tcpOf(byte[] datagram) {
        return Arrays.copyOfRange(datagram, 20, datagram.length);
    }

    /**
     * The TCP checksum of {@code segment} (its own checksum field taken as zero), done the plain way of RFC 1071 §4.1:
     * add 16-bit words into a 32-bit accumulator, fold the carries, complement. RFC 9293 §3.1: the sum covers "a
     * 96-bit pseudo header ... the Source Address, the Destination Address, the Protocol number, and TCP length".
     */
    static int rfc1071(Ipv4Address src, Ipv4Address dst, byte[] segment) {
        byte[] all = new byte[12 + segment.length + 1];
        ByteBuffer.wrap(all).putInt(src.value()).putInt(dst.value()).put((byte) 0).put((byte) 6)
                .putShort((short) segment.length);
        System.arraycopy(segment, 0, all, 12, segment.length);
        all[12 + 16] = 0;
        all[12 + 17] = 0;
        long sum = 0;
        // The extra zero byte at the end pads an odd-length segment, as RFC 9293 asks.
        for (int i = 0; i + 1 < all.length; i += 2) {
            sum += ((all[i] & 0xff) << 8) | (all[i + 1] & 0xff);
        }
        while (sum > 0xffff) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) (~sum & 0xffff);
    }

    /** The folded pseudo-header sum alone: what Linux leaves in the field on loopback. */
    static int pseudoHeaderSum(Ipv4Address src, Ipv4Address dst, int tcpLength) {
        long sum = (src.unsigned() >>> 16) + (src.unsigned() & 0xffff) + (dst.unsigned() >>> 16)
                + (dst.unsigned() & 0xffff) + 6 + tcpLength;
        while (sum > 0xffff) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) sum;
    }

    /** One frame of a pcap file: its number (from 1) and its IPv4 datagram (the frame after 14 Ethernet bytes). */
    record Datagram(int frame, byte[] bytes) {
    }

    /** The IPv4 datagrams of a little-endian, microsecond, Ethernet pcap file (libpcap format). */
    static List<Datagram> datagrams(String resource) throws IOException {
        byte[] file;
        try (InputStream in = RealFrames.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is not on the test class path");
            }
            file = in.readAllBytes();
        }
        ByteBuffer bb = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        // Global header: magic a1b2c3d4, version, zone, sigfigs, snaplen, then the link type at byte 20 (1 = Ethernet).
        if (bb.getInt(0) != 0xa1b2c3d4 || bb.getInt(20) != 1) {
            throw new IOException(resource + " is not a little-endian Ethernet pcap file");
        }
        List<Datagram> out = new ArrayList<>();
        int at = 24;
        int frame = 0;
        // Each record: seconds, microseconds, captured length, original length, then the captured bytes.
        while (at + 16 <= file.length) {
            int captured = bb.getInt(at + 8);
            int start = at + 16;
            out.add(new Datagram(++frame, Arrays.copyOfRange(file, start + 14, start + captured)));
            at = start + captured;
        }
        return out;
    }
}
