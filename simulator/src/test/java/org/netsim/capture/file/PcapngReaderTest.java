package org.netsim.capture.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.netsim.capture.file.CaptureReads.A;
import static org.netsim.capture.file.CaptureReads.B;
import static org.netsim.capture.file.CaptureReads.failure;
import static org.netsim.capture.file.CaptureReads.readAll;

import java.io.ByteArrayInputStream;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netsim.pdu.Bytes;

/** Reading pcapng files: sections, interfaces, block types, and their errors. */
class PcapngReaderTest {
    // ---------------------------------------------------------------- pcapng

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void pcapngEnhancedSimpleAndObsoletePacketBlocks(boolean bigEndian) {
        CaptureBytes w = bigEndian ? CaptureBytes.bigEndian() : CaptureBytes.littleEndian();
        w.sectionHeader();
        w.interfaceDescription(1, 0, null); // no if_tsresol: microseconds
        w.enhancedPacket(0, 1_700_000_000_123_456L, A, A.length);
        w.simplePacket(B.length, B);
        w.obsoletePacket(0, 1_700_000_001_000_001L, B, 9000);
        List<CapturedFrame> frames = readAll(w.toArray());
        assertThat(frames).containsExactly(
                new CapturedFrame(1, 1_700_000_000_123_456_000L, 1, A.length, Bytes.wrap(A)),
                new CapturedFrame(2, CapturedFrame.NO_TIMESTAMP, 1, B.length, Bytes.wrap(B)),
                new CapturedFrame(3, 1_700_000_001_000_001_000L, 1, 9000, Bytes.wrap(B)));
        assertThat(frames.get(1).hasTimestamp()).isFalse();
    }

    // A little-endian pcapng file with one Enhanced Packet Block, written out byte by byte:
    // 0a 0d 0d 0a  1c 00 00 00  4d 3c 2b 1a  01 00 00 00  ff ff ff ff ff ff ff ff  1c 00 00 00   SHB, 28 bytes
    // 01 00 00 00  14 00 00 00  01 00 00 00  00 00 04 00  14 00 00 00                            IDB, link 1
    // 06 00 00 00  30 00 00 00  00 00 00 00  24 0a 06 00  40 22 20 18  0e 00 00 00  0e 00 00 00  EPB, 48 bytes
    // ff ff ff ff ff ff 02 00 00 00 00 01 08 06 00 00  30 00 00 00                                frame, padding
    // timestamp 0x00060a24_18202240 µs = 1700000000.123456 s
    @Test
    void readsAPcapngFileWrittenOutByteByByte() {
        byte[] file = HexFormat.of().parseHex("0a0d0d0a1c0000004d3c2b1a01000000ffffffffffffffff1c000000"
                + "0100000014000000010000000000040014000000"
                + "0600000030000000" + "00000000240a0600402220180e0000000e000000"
                + "ffffffffffff02000000000108060000" + "30000000");
        try (CaptureFileReader r = CaptureFileReader.open(new ByteArrayInputStream(file))) {
            assertThat(r.format()).isEqualTo(CaptureFormat.PCAPNG);
            assertThat(r.read()).isEqualTo(new CapturedFrame(1, 1_700_000_000_123_456_000L, 1, 14, Bytes.wrap(A)));
            assertThat(r.read()).isNull();
        }
    }

    @Test
    void ifTsresolPowersOfTenAndTwoAndIfTsoffset() {
        CaptureBytes w = CaptureBytes.littleEndian().sectionHeader();
        w.interfaceDescription(1, 65535, w.body().option(9, new byte[] {9}).endOfOptions());           // ns
        w.interfaceDescription(1, 65535, w.body().option(9, new byte[] {3}).endOfOptions());           // ms
        w.interfaceDescription(1, 65535, w.body().option(9, new byte[] {(byte) 0x8a}).endOfOptions()); // 2^-10 s
        w.interfaceDescription(1, 65535, w.body().option(2, "eth0".getBytes()).option(9, new byte[] {12})
                .option(14, CaptureBytes.littleEndian().u64(100).toArray()).endOfOptions());          // ps, +100 s
        w.interfaceDescription(1, 65535, w.body().option(9, new byte[] {0}).endOfOptions());           // s
        w.enhancedPacket(0, 1_700_000_000_123_456_789L, A, A.length);
        w.enhancedPacket(1, 1_700_000_000_123L, A, A.length);
        w.enhancedPacket(2, (5L << 10) | 512, A, A.length);         // 5.5 s
        w.enhancedPacket(2, (5L << 10) | 1, A, A.length);           // 5 s + 1/1024 s = 976562.5 ns, rounded down
        w.enhancedPacket(3, 1_000_000_000_001_999L, A, A.length);  // 1000.000000001999 s + 100 s
        w.enhancedPacket(4, 42, A, A.length);
        List<Long> ts = readAll(w.toArray()).stream().map(CapturedFrame::timestampNanos).toList();
        assertThat(ts).containsExactly(1_700_000_000_123_456_789L, 1_700_000_000_123_000_000L, 5_500_000_000L,
                5_000_976_562L, 1_100_000_000_001L, 42_000_000_000L);
    }

    @Test
    void veryFineBinaryResolutions() {
        CaptureBytes w = CaptureBytes.bigEndian().sectionHeader();
        w.interfaceDescription(1, 0, w.body().option(9, new byte[] {(byte) (0x80 | 32)}).endOfOptions());
        w.interfaceDescription(1, 0, w.body().option(9, new byte[] {(byte) (0x80 | 64)}).endOfOptions());
        w.enhancedPacket(0, (3L << 32) | 0x8000_0000L, A, A.length); // 3.5 s
        w.enhancedPacket(1, 0x8000_0000_0000_0000L, A, A.length);    // 0.5 s
        List<Long> ts = readAll(w.toArray()).stream().map(CapturedFrame::timestampNanos).toList();
        assertThat(ts).containsExactly(3_500_000_000L, 500_000_000L);
    }

    @Test
    void severalSectionsInDifferentByteOrdersEachWithTheirOwnInterfaces() {
        CaptureBytes le = CaptureBytes.littleEndian().sectionHeader();
        le.interfaceDescription(1, 0, null);
        le.interfaceDescription(101, 0, null);
        le.enhancedPacket(1, 7, B, B.length);
        CaptureBytes be = CaptureBytes.bigEndian().sectionHeader();
        be.interfaceDescription(228, 0, be.body().option(9, new byte[] {9}).endOfOptions());
        be.enhancedPacket(0, 8, A, A.length);
        byte[] file = CaptureBytes.littleEndian().bytes(le.toArray()).bytes(be.toArray()).toArray();
        assertThat(readAll(file)).containsExactly(
                new CapturedFrame(1, 7_000L, 101, B.length, Bytes.wrap(B)),
                new CapturedFrame(2, 8L, 228, A.length, Bytes.wrap(A)));

        // interface 1 of the first section does not exist in the second
        CaptureBytes be2 = CaptureBytes.bigEndian().sectionHeader();
        be2.interfaceDescription(1, 0, null);
        be2.enhancedPacket(1, 8, A, A.length);
        byte[] bad = CaptureBytes.littleEndian().bytes(le.toArray()).bytes(be2.toArray()).toArray();
        assertThat(failure(bad)).hasMessage("pcapng Enhanced Packet Block at byte " + (le.size() + 28 + 20)
                + " refers to interface 1, but its section describes only interface 0");
    }

    @Test
    void unknownBlocksAreSkippedByTheirLength() {
        CaptureBytes w = CaptureBytes.littleEndian().sectionHeader();
        // a Name Resolution Block: 10.0.0.1 is "host"
        w.block(4, w.body().u16(1).u16(8).bytes(new byte[] {10, 0, 0, 1}).bytes("host".getBytes()).u32(0));
        w.interfaceDescription(1, 0, null);
        w.block(0x0bad, w.body().u32(12345).bytes(new byte[] {1, 2, 3})); // a type nobody defined
        w.enhancedPacket(0, 1, A, A.length);
        w.block(5, w.body().u32(0).u32(0).u32(0)); // an Interface Statistics Block
        w.block(0x8000_0001L, w.body()); // a block type reserved for local use
        assertThat(readAll(w.toArray())).extracting(CapturedFrame::data).containsExactly(Bytes.wrap(A));
    }

    @Test
    void simplePacketIsCutToTheSnapshotLengthAndTheBlock() {
        CaptureBytes w = CaptureBytes.littleEndian().sectionHeader();
        w.interfaceDescription(1, 10, null);
        w.simplePacket(B.length, B);      // 17 bytes, snapshot 10: the writer stored all 17, the reader keeps 10
        w.simplePacket(1514, B);          // original 1514 bytes, the block holds 17 + 3 padding
        List<CapturedFrame> frames = readAll(w.toArray());
        assertThat(frames.get(0).data()).isEqualTo(Bytes.of(B, 0, 10));
        assertThat(frames.get(1).data()).isEqualTo(Bytes.of(B, 0, 10));
        assertThat(frames.get(1).originalLength()).isEqualTo(1514);

        CaptureBytes noSnap = CaptureBytes.littleEndian().sectionHeader();
        noSnap.interfaceDescription(1, 0, null);
        noSnap.simplePacket(1514, B);
        // without a snapshot length the block's size is all there is to go by: the 3 padding bytes come along
        assertThat(readAll(noSnap.toArray()).get(0).data()).isEqualTo(Bytes.wrap(B).concat(Bytes.of(new byte[3])));
    }

    // ---------------------------------------------------------------- pcapng errors

    @Test
    void blockLengthBelowTheMinimum() {
        // SHB is 28 bytes; the next block at byte 28... then one at byte 88 as in the example message
        CaptureBytes w = CaptureBytes.littleEndian().sectionHeader();
        w.interfaceDescription(1, 0, null);                         // bytes 28..48
        w.enhancedPacket(0, 0, new byte[8], 8);                     // bytes 48..88
        w.u32(6).u32(7);
        assertThat(failure(w.toArray()))
                .hasMessage("pcapng block at byte 88 has total length 7, below the minimum of 12")
                .satisfies(e -> assertThat(e.byteOffset()).isEqualTo(88));
    }

    @Test
    void blockLengthNotAMultipleOfFour() {
        CaptureBytes w = CaptureBytes.littleEndian().sectionHeader();
        w.u32(1).u32(22).u16(1).u16(0).u32(0).u16(0).u32(22);
        assertThat(failure(w.toArray())).hasMessage("pcapng block at byte 28 has total length 22, not a multiple of 4");
    }

    @Test
    void leadingAndTrailingLengthsDiffer() {
        CaptureBytes w = CaptureBytes.littleEndian().sectionHeader();
        w.u32(1).u32(20).u16(1).u16(0).u32(0).u32(24);
        assertThat(failure(w.toArray()))
                .hasMessage("pcapng block at byte 28 has total length 20 at its start but 24 at its end");
    }

    @Test
    void truncatedBlockFailsAfterTheGoodFrames() {
        CaptureBytes w = CaptureBytes.littleEndian().sectionHeader();
        w.interfaceDescription(1, 0, null);
        w.enhancedPacket(0, 0, A, A.length);   // bytes 48..96
        w.enhancedPacket(0, 0, B, B.length);   // bytes 96..148 (52 bytes)
        byte[] cut = java.util.Arrays.copyOf(w.toArray(), w.size() - 30);
        try (CaptureFileReader r = CaptureFileReader.open(new ByteArrayInputStream(cut))) {
            assertThat(r.read().data()).isEqualTo(Bytes.wrap(A));
            assertThatThrownBy(r::read)
                    .hasMessage("truncated pcapng block at byte 96: header says 52 bytes, 22 remain");
        }
        byte[] cutHeader = java.util.Arrays.copyOf(w.toArray(), 96 + 5);
        assertThat(failure(cutHeader)).hasMessage("truncated pcapng block header at byte 96: 8 bytes needed, 5 remain");
    }

    @Test
    void sectionHeaderErrors() {
        byte[] badMagic = CaptureBytes.littleEndian().u32(0x0a0d0d0aL).u32(28).u32(0x11223344L).u16(1).u16(0).u64(-1)
                .u32(28).toArray();
        assertThatThrownBy(() -> CaptureFileReader.open(new ByteArrayInputStream(badMagic))).hasMessage(
                "pcapng Section Header Block at byte 0 has byte-order magic 0x44332211, not 0x1a2b3c4d");
        byte[] version2 = CaptureBytes.bigEndian().u32(0x0a0d0d0aL).u32(28).u32(0x1a2b3c4dL).u16(2).u16(0).u64(-1)
                .u32(28).toArray();
        assertThatThrownBy(() -> CaptureFileReader.open(new ByteArrayInputStream(version2)))
                .hasMessage("pcapng section at byte 0 has version 2.0, which is not supported (only 1.x)");
        byte[] tooShort = CaptureBytes.bigEndian().u32(0x0a0d0d0aL).u32(24).u32(0x1a2b3c4dL).u16(1).u16(0).u32(24)
                .toArray();
        assertThatThrownBy(() -> CaptureFileReader.open(new ByteArrayInputStream(tooShort)))
                .hasMessage("pcapng Section Header Block at byte 0 has total length 24, below the minimum of 28");
        byte[] eight = CaptureBytes.bigEndian().u32(0x0a0d0d0aL).u32(28).toArray();
        assertThatThrownBy(() -> CaptureFileReader.open(new ByteArrayInputStream(eight)))
                .hasMessage("truncated pcapng Section Header Block at byte 0: 12 bytes needed, 8 remain");
        byte[] cut = java.util.Arrays.copyOf(CaptureBytes.bigEndian().sectionHeader().toArray(), 20);
        assertThatThrownBy(() -> CaptureFileReader.open(new ByteArrayInputStream(cut)))
                .hasMessage("truncated pcapng block at byte 0: header says 28 bytes, 20 remain");
    }

    @Test
    void packetBlockErrors() {
        CaptureBytes noIdb = CaptureBytes.littleEndian().sectionHeader();
        noIdb.enhancedPacket(0, 0, A, A.length);
        assertThat(failure(noIdb.toArray())).hasMessage("pcapng Enhanced Packet Block at byte 28 refers to "
                + "interface 0, but its section describes no interface");

        CaptureBytes spb = CaptureBytes.littleEndian().sectionHeader();
        spb.simplePacket(A.length, A);
        assertThat(failure(spb.toArray())).hasMessage(
                "pcapng Simple Packet Block at byte 28 comes before any Interface Description Block in its section");

        CaptureBytes big = CaptureBytes.littleEndian().sectionHeader();
        big.interfaceDescription(1, 0, null);
        big.block(6, big.body().u32(0).u32(0).u32(0).u32(100).u32(100).bytes(A)); // says 100, holds 16
        assertThat(failure(big.toArray())).hasMessage("pcapng Enhanced Packet Block at byte 48 has captured "
                + "length 100, more than the 16 bytes its block holds");

        CaptureBytes shortEpb = CaptureBytes.littleEndian().sectionHeader();
        shortEpb.interfaceDescription(1, 0, null);
        shortEpb.block(6, shortEpb.body().u32(0).u32(0).u32(0));
        assertThat(failure(shortEpb.toArray())).hasMessage(
                "pcapng Enhanced Packet Block at byte 48 has total length 24, below the minimum of 32");

        CaptureBytes pb = CaptureBytes.littleEndian().sectionHeader();
        pb.interfaceDescription(1, 0, null);
        pb.obsoletePacket(3, 0, A, A.length);
        assertThat(failure(pb.toArray())).hasMessage(
                "pcapng Packet Block at byte 48 refers to interface 3, but its section describes only interface 0");
    }

    @Test
    void interfaceOptionErrors() {
        CaptureBytes overrun = CaptureBytes.littleEndian().sectionHeader();
        overrun.interfaceDescription(1, 0, overrun.body().u16(2).u16(40).u32(0));
        assertThat(failure(overrun.toArray())).hasMessage(
                "pcapng Interface Description Block at byte 28 has option 2 of 40 bytes running past the block's end");
        CaptureBytes tsresol = CaptureBytes.littleEndian().sectionHeader();
        tsresol.interfaceDescription(1, 0, tsresol.body().option(9, new byte[] {6, 0}));
        assertThat(failure(tsresol.toArray())).hasMessage(
                "pcapng Interface Description Block at byte 28 has an if_tsresol option of 2 bytes, not 1");
    }
}
