package org.netsim.wire.ipv4;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netsim.pdu.Bytes;
import org.netsim.pdu.Pdu;

/** RFC 791 fragmentation and reassembly. */
class Ipv4FragmentationTest {
    private static final Ipv4Address A = Ipv4Address.parse("10.0.0.2");
    private static final Ipv4Address B = Ipv4Address.parse("10.0.0.1");

    @Test
    void fragments3000BytesOverMtu1500() {
        byte[] payload = pattern(3000);
        Ipv4Header h = Ipv4Header.builder().identification(0x4242).source(A).destination(B).build();
        FragmentResult r = Ipv4Fragmenter.fragment(h, payload, 1500);
        assertThat(r.ok()).isTrue();
        assertThat(r.error()).isNull();
        assertFragments(r.packets(), new int[] {0, 185, 370}, new int[] {1500, 1500, 60}, payload);
    }

    @Test
    void fragments3000BytesOverMtu576() {
        byte[] payload = pattern(3000);
        Ipv4Header h = Ipv4Header.builder().identification(0x4243).source(A).destination(B).build();
        FragmentResult r = Ipv4Fragmenter.fragment(h, payload, 576);
        // (576 - 20) rounded down to a multiple of 8 is 552 data bytes: five full fragments and 240 bytes left.
        assertFragments(r.packets(), new int[] {0, 69, 138, 207, 276, 345}, new int[] {572, 572, 572, 572, 572, 260},
                payload);
    }

    private static void assertFragments(List<byte[]> parts, int[] offsets, int[] lengths, byte[] payload) {
        assertThat(parts).hasSize(offsets.length);
        int at = 0;
        for (int i = 0; i < parts.size(); i++) {
            byte[] p = parts.get(i);
            Pdu pdu = Ipv4CodecTest.dissect(p);
            Ipv4Header fh = pdu.header(Ipv4Header.class).orElseThrow();
            assertThat(fh.fragmentOffset()).as("offset of fragment " + i).isEqualTo(offsets[i]);
            assertThat(fh.totalLength()).as("length of fragment " + i).isEqualTo(lengths[i]).isEqualTo(p.length);
            assertThat(fh.moreFragments()).as("MF of fragment " + i).isEqualTo(i < parts.size() - 1);
            assertThat(fh.identification()).isEqualTo(Ipv4Codec.readHeader(parts.get(0), 0, 20).identification());
            assertThat(pdu.field("ip.checksum").orElseThrow().problem()).isNull();
            assertThat(fh.fragmentOffsetBytes()).isEqualTo(at);
            assertThat(Arrays.copyOfRange(p, 20, p.length)).isEqualTo(Arrays.copyOfRange(payload, at, at + p.length - 20));
            at += p.length - 20;
        }
        assertThat(at).isEqualTo(payload.length);
    }

    @Test
    void fitsWithoutFragmentingAndDfRefusesWhenTooBig() {
        Ipv4Header h = Ipv4Header.builder().dontFragment(true).source(A).destination(B).build();
        FragmentResult one = Ipv4Fragmenter.fragment(h, new byte[1480], 1500);
        assertThat(one.packets()).hasSize(1);
        assertThat(one.packets().get(0)).isEqualTo(Ipv4Codec.encode(h, new byte[1480]));
        FragmentResult refused = Ipv4Fragmenter.fragment(h, new byte[1481], 1500);
        assertThat(refused.ok()).isFalse();
        assertThat(refused.isError()).isTrue();
        assertThat(refused.error()).isEqualTo("needs fragmentation but DF is set");
        assertThat(refused.packets()).isEmpty();
        FragmentResult tiny = Ipv4Fragmenter.fragment(h.toBuilder().dontFragment(false).build(), new byte[100], 27);
        assertThat(tiny.error()).isEqualTo("MTU 27 is too small to carry an IPv4 fragment");
    }

    @Test
    void onlyCopiedOptionsGoIntoLaterFragments() {
        // Record Route (7, copied flag clear) with room for one address, a NOP to align, then Router Alert (148,
        // copied flag set). Not 00 as the filler: that is End of Option List, and nothing after it is an option.
        Bytes options = Bytes.ofHex("07070400000000" + "01" + "94040000");
        Ipv4Header h = Ipv4Header.builder().options(options).source(A).destination(B).build();
        assertThat(h.ihl()).isEqualTo(8);
        List<byte[]> parts = Ipv4Fragmenter.fragment(h, pattern(1000), 576).packets();
        Ipv4Header first = Ipv4Codec.readHeader(parts.get(0), 0, parts.get(0).length);
        assertThat(first.options()).isEqualTo(options);
        Ipv4Header second = Ipv4Codec.readHeader(parts.get(1), 0, parts.get(1).length);
        assertThat(second.options()).isEqualTo(Bytes.ofHex("94040000"));
        assertThat(first.fragmentOffset()).isZero();
        // (576 - 32) & ~7 = 544 data bytes in the first, then (576 - 24) & ~7 = 552 allowed: 456 remain.
        assertThat(second.fragmentOffset()).isEqualTo(68);
        assertThat(parts.get(1).length).isEqualTo(24 + 456);
        Ipv4Reassembler r = new Ipv4Reassembler();
        assertThat(r.accept(parts.get(1))).isEmpty();
        byte[] whole = r.accept(parts.get(0)).orElseThrow();
        assertThat(whole).isEqualTo(Ipv4Codec.encode(h, pattern(1000)));
    }

    @Test
    void reassemblesOutOfOrder() {
        byte[] payload = pattern(3000);
        Ipv4Header h = Ipv4Header.builder().identification(99).protocol(IpProtocol.UDP).source(A).destination(B).build();
        byte[] original = Ipv4Codec.encode(h, payload);
        List<byte[]> parts = Ipv4Fragmenter.fragment(h, payload, 576).packets();
        Ipv4Reassembler r = new Ipv4Reassembler();
        int[] order = {5, 2, 0, 4, 1, 3};
        for (int i = 0; i < order.length - 1; i++) {
            assertThat(r.accept(parts.get(order[i]))).isEmpty();
            assertThat(r.pendingCount()).isEqualTo(1);
        }
        byte[] whole = r.accept(parts.get(order[order.length - 1])).orElseThrow();
        assertThat(whole).isEqualTo(original);
        assertThat(r.pendingCount()).isZero();
        assertThat(Ipv4Codec.checksum(whole, 0, 20)).isZero();
    }

    @Test
    void keepsDatagramsApartByTheirKey() {
        byte[] p1 = pattern(2000);
        byte[] p2 = new byte[2000];
        Ipv4Header h1 = Ipv4Header.builder().identification(1).source(A).destination(B).build();
        Ipv4Header h2 = h1.toBuilder().source(Ipv4Address.parse("10.0.0.3")).build();
        List<byte[]> f1 = Ipv4Fragmenter.fragment(h1, p1, 1500).packets();
        List<byte[]> f2 = Ipv4Fragmenter.fragment(h2, p2, 1500).packets();
        Ipv4Reassembler r = new Ipv4Reassembler();
        assertThat(r.accept(f1.get(0))).isEmpty();
        assertThat(r.accept(f2.get(1))).isEmpty();
        assertThat(r.pendingCount()).isEqualTo(2);
        assertThat(r.accept(f1.get(1))).contains(Ipv4Codec.encode(h1, p1));
        assertThat(r.accept(f2.get(0))).contains(Ipv4Codec.encode(h2, p2));
    }

    @Test
    void unfragmentedDatagramPassesStraightThrough() {
        Ipv4Reassembler r = new Ipv4Reassembler();
        assertThat(r.accept(Ipv4CodecTest.REAL_SYN)).contains(Ipv4CodecTest.REAL_SYN);
        byte[] padded = Arrays.copyOf(Ipv4CodecTest.REAL_SYN, 70);
        assertThat(r.accept(padded)).contains(Ipv4CodecTest.REAL_SYN);
        assertThat(r.accept(new byte[5])).isEmpty();
    }

    @Test
    void overlappingFragmentsAbandonTheDatagramAndDuplicatesAreIgnored() {
        byte[] payload = pattern(3000);
        Ipv4Header h = Ipv4Header.builder().identification(5).source(A).destination(B).build();
        List<byte[]> parts = Ipv4Fragmenter.fragment(h, payload, 1500).packets();

        Ipv4Reassembler dup = new Ipv4Reassembler();
        assertThat(dup.accept(parts.get(0))).isEmpty();
        assertThat(dup.accept(parts.get(0))).isEmpty();
        assertThat(dup.accept(parts.get(2))).isEmpty();
        assertThat(dup.accept(parts.get(2))).isEmpty();
        assertThat(dup.accept(parts.get(1))).contains(Ipv4Codec.encode(h, payload));

        // A forged fragment at offset 8 bytes (1) overlaps the first: everything of the datagram is discarded.
        byte[] forged = Ipv4Codec.encode(h.toBuilder().moreFragments(true).fragmentOffset(1).build(), new byte[16]);
        Ipv4Reassembler r = new Ipv4Reassembler();
        assertThat(r.accept(parts.get(0))).isEmpty();
        assertThat(r.accept(forged)).isEmpty();
        assertThat(r.pendingCount()).isZero();
        assertThat(r.accept(parts.get(1))).isEmpty();
        assertThat(r.accept(parts.get(2))).isEmpty();
        assertThat(r.pendingCount()).isZero();

        // Same bytes at the same offset but different content is an overlap too.
        byte[] changed = parts.get(1).clone();
        changed[100] ^= 1;
        Ipv4Reassembler c = new Ipv4Reassembler();
        assertThat(c.accept(parts.get(1))).isEmpty();
        assertThat(c.accept(Ipv4Codec.encode(Ipv4Codec.readHeader(changed, 0, 1500),
                Arrays.copyOfRange(changed, 20, 1500)))).isEmpty();
        assertThat(c.accept(parts.get(0))).isEmpty();
        assertThat(c.accept(parts.get(2))).isEmpty();

        // Two different ends: inconsistent, abandoned. After clear() the datagram can be reassembled again.
        byte[] shortLast = Ipv4Codec.encode(h.toBuilder().moreFragments(false).fragmentOffset(185).build(),
                new byte[8]);
        Ipv4Reassembler e = new Ipv4Reassembler();
        assertThat(e.accept(parts.get(2))).isEmpty();
        assertThat(e.accept(shortLast)).isEmpty();
        assertThat(e.accept(parts.get(0))).isEmpty();
        assertThat(e.accept(parts.get(1))).isEmpty();
        e.clear();
        assertThat(e.accept(parts.get(0))).isEmpty();
        assertThat(e.accept(parts.get(1))).isEmpty();
        assertThat(e.accept(parts.get(2))).contains(Ipv4Codec.encode(h, payload));
    }

    @Test
    void endOfOptionListEndsTheOptionsSoNothingAfterItIsCopied() {
        assertThat(Ipv4Fragmenter.copiedOptions(Bytes.ofHex("07070400000000" + "00" + "94040000")))
                .isEqualTo(Bytes.EMPTY);
        assertThat(Ipv4Fragmenter.copiedOptions(Bytes.ofHex("0101" + "94040000"))).isEqualTo(Bytes.ofHex("94040000"));
    }

    static byte[] pattern(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 7 + (i >>> 8));
        }
        return b;
    }
}
