package org.netsim.wire.ipv4;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Puts fragmented datagrams back together (RFC 791 §3.2 "An Example Reassembly Procedure"). Fragments belong together
 * when source, destination, protocol and identification agree; they may arrive in any order.
 *
 * <p>Overlapping fragments: RFC 791 lets later data overwrite earlier data, which is what overlapping-fragment attacks
 * exploit. For IPv6, RFC 5722 §4 says that when fragments of one packet overlap, "reassembly of that packet must be
 * abandoned and all the fragments that have been received for that packet must be discarded". This reassembler does
 * the same for IPv4: an overlap drops every fragment of that datagram and every later fragment of it is ignored. An
 * exact duplicate (same offset, same bytes) is not an overlap: it is ignored, as RFC 5722's erratum allows, since the
 * network may duplicate packets. The same happens when fragments disagree on where the datagram ends.
 *
 * <p>There is no reassembly timer here (a codec reads no clock): the owner of the reassembler decides when to give
 * up, with {@link #discard()} or {@link #clear()}. Not thread-safe: one per simulated host.
 */
public final class Ipv4Reassembler {
    /** The fragments of one datagram are those with the same source, destination, protocol and identification. */
    public record Key(Ipv4Address source, Ipv4Address destination, IpProtocol protocol, int identification) {
        static Key of(Ipv4Header h) {
            return new Key(h.source(), h.destination(), h.protocol(), h.identification());
        }
    }

    private static final class Pending {
        Ipv4Header first;
        final TreeMap<Integer, byte[]> pieces = new TreeMap<>();
        int totalDataLength = -1;
        int received;
    }

    private final Map<Key, Pending> pending = new HashMap<>();
    private final Set<Key> abandoned = new HashSet<>();

    /**
     * Takes one datagram. Returns the whole datagram (header of the first fragment with MF clear, offset 0 and
     * recomputed total length and checksum, then all the data) when this fragment completes it; an unfragmented
     * datagram is returned as it is. Returns empty while fragments are missing, and for input that is not a readable
     * IPv4 datagram or belongs to an abandoned one.
     */
    public Optional<byte[]> accept(byte[] packet) {
        Ipv4Header h = Ipv4Codec.readHeader(packet, 0, packet.length);
        if (h == null || h.version() != 4 || h.totalLength() < h.headerLength() || h.totalLength() > packet.length) {
            return Optional.empty();
        }
        if (!h.isFragment()) {
            return Optional.of(packet.length == h.totalLength() ? packet.clone()
                    : java.util.Arrays.copyOf(packet, h.totalLength()));
        }
        Key key = Key.of(h);
        if (abandoned.contains(key)) {
            return Optional.empty();
        }
        int start = h.fragmentOffsetBytes();
        int size = h.totalLength() - h.headerLength();
        int end = start + size;
        byte[] data = new byte[size];
        System.arraycopy(packet, h.headerLength(), data, 0, size);
        Pending p = pending.computeIfAbsent(key, k -> new Pending());

        Map.Entry<Integer, byte[]> same = p.pieces.floorEntry(start);
        if (same != null && same.getKey() == start && java.util.Arrays.equals(same.getValue(), data)
                && (h.moreFragments() || p.totalDataLength == end)) {
            return Optional.empty();
        }
        if (overlaps(p, start, end) || !consistentEnd(p, h, end)) {
            pending.remove(key);
            abandoned.add(key);
            return Optional.empty();
        }
        if (!h.moreFragments()) {
            p.totalDataLength = end;
        }
        if (start == 0) {
            p.first = h;
        }
        p.pieces.put(start, data);
        p.received += size;
        if (p.totalDataLength < 0 || p.first == null || p.received != p.totalDataLength) {
            return Optional.empty();
        }
        // No overlaps and as many bytes as the datagram is long: the pieces tile [0, total) exactly.
        byte[] whole = new byte[p.totalDataLength];
        for (Map.Entry<Integer, byte[]> e : p.pieces.entrySet()) {
            System.arraycopy(e.getValue(), 0, whole, e.getKey(), e.getValue().length);
        }
        pending.remove(key);
        Ipv4Header header = p.first.toBuilder().moreFragments(false).fragmentOffset(0).build();
        return Optional.of(Ipv4Codec.encode(header, whole));
    }

    private static boolean overlaps(Pending p, int start, int end) {
        if (end == start) {
            return false;
        }
        Map.Entry<Integer, byte[]> before = p.pieces.floorEntry(start);
        if (before != null && before.getKey() + before.getValue().length > start) {
            return true;
        }
        Map.Entry<Integer, byte[]> after = p.pieces.higherEntry(start);
        return after != null && after.getKey() < end;
    }

    /** A last fragment fixes the datagram's end; data past it, or a second different end, is inconsistent. */
    private static boolean consistentEnd(Pending p, Ipv4Header h, int end) {
        if (!h.moreFragments()) {
            if (p.totalDataLength >= 0 && p.totalDataLength != end) {
                return false;
            }
            return p.pieces.isEmpty() || p.pieces.lastEntry().getKey() + p.pieces.lastEntry().getValue().length <= end;
        }
        return p.totalDataLength < 0 || end <= p.totalDataLength;
    }

    /** Datagrams with fragments waiting. */
    public int pendingCount() {
        return pending.size();
    }

    /** Forgets every incomplete datagram (what a reassembly timeout does), keeping the abandoned ones blocked. */
    public void discard() {
        pending.clear();
    }

    /** Forgets everything, including which datagrams were abandoned for overlapping fragments. */
    public void clear() {
        pending.clear();
        abandoned.clear();
    }
}
