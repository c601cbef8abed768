package org.netsim.capture.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.netsim.capture.file.CaptureReads.A;
import static org.netsim.capture.file.CaptureReads.B;
import static org.netsim.capture.file.CaptureReads.failure;
import static org.netsim.capture.file.CaptureReads.readAll;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netsim.pdu.Bytes;

/** Reading pcap files (both byte orders, µs and ns), their errors, and big files streamed rather than held. */
class CaptureFileReaderTest {
    // ---------------------------------------------------------------- pcap

    // A little-endian microsecond pcap file with one 14-byte frame, written out byte by byte:
    // d4 c3 b2 a1  02 00 04 00  00 00 00 00  00 00 00 00  ff ff 00 00  01 00 00 00   file header, snaplen 65535, link 1
    // 00 f1 53 65  40 e2 01 00  0e 00 00 00  0e 00 00 00                             1700000000 s, 123456 µs, 14, 14
    // ff ff ff ff ff ff 02 00 00 00 00 01 08 06                                       the frame
    @Test
    void readsAPcapFileWrittenOutByteByByte() {
        byte[] file = HexFormat.of().parseHex("d4c3b2a1020004000000000000000000ffff000001000000"
                + "00f1536540e201000e0000000e000000" + "ffffffffffff0200000000010806");
        try (CaptureFileReader r = CaptureFileReader.open(new ByteArrayInputStream(file))) {
            assertThat(r.format()).isEqualTo(CaptureFormat.PCAP);
            CapturedFrame f = r.read();
            assertThat(f).isEqualTo(new CapturedFrame(1, 1_700_000_000_123_456_000L, 1, 14, Bytes.wrap(A)));
            assertThat(r.read()).isNull();
            assertThat(r.read()).isNull();
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void pcapInBothByteOrdersAndBothResolutions(boolean bigEndian) {
        for (boolean nanos : new boolean[] {false, true}) {
            CaptureBytes w = bigEndian ? CaptureBytes.bigEndian() : CaptureBytes.littleEndian();
            w.pcapHeader(nanos, 262_144, 1);
            w.pcapRecord(1_700_000_000L, nanos ? 123_456_789 : 123_456, A, A.length);
            w.pcapRecord(1_700_000_001L, nanos ? 999_999_999 : 999_999, B, 1500);
            List<CapturedFrame> frames = readAll(w.toArray());
            assertThat(frames).as("big endian %s, nanos %s", bigEndian, nanos).containsExactly(
                    new CapturedFrame(1, nanos ? 1_700_000_000_123_456_789L : 1_700_000_000_123_456_000L, 1,
                            A.length, Bytes.wrap(A)),
                    new CapturedFrame(2, nanos ? 1_700_000_001_999_999_999L : 1_700_000_001_999_999_000L, 1, 1500,
                            Bytes.wrap(B)));
            assertThat(frames.get(1).isCutShort()).isTrue();
            assertThat(frames.get(0).isCutShort()).isFalse();
        }
    }

    @Test
    void theMagicIsReadInFileOrder() {
        // the big-endian nanosecond magic as it sits in the file
        assertThat(CaptureBytes.bigEndian().pcapHeader(true, 65535, 1).toArray()).startsWith(0xa1, 0xb2, 0x3c, 0x4d);
        assertThat(CaptureBytes.littleEndian().pcapHeader(true, 65535, 1).toArray())
                .startsWith(0x4d, 0x3c, 0xb2, 0xa1);
    }

    @Test
    void pcapLinkTypeIsTheLowSixteenBitsOfTheHeaderField() {
        // 0x04000000 | 0x20000000: "FCS length present, 2 units": the link type is still 1
        byte[] file = CaptureBytes.littleEndian().pcapHeader(false, 65535, 0x2400_0001L)
                .pcapRecord(0, 0, A, A.length).toArray();
        assertThat(readAll(file).get(0).linkType()).isEqualTo(1);
        byte[] raw = CaptureBytes.littleEndian().pcapHeader(false, 65535, 101).pcapRecord(0, 0, A, A.length).toArray();
        assertThat(readAll(raw).get(0).linkType()).isEqualTo(101);
    }

    @Test
    void emptyPcapFileHasNoFrames() {
        assertThat(readAll(CaptureBytes.bigEndian().pcapHeader(false, 65535, 1).toArray())).isEmpty();
    }

    @Test
    void aZeroLengthRecordIsAFrameWithNoBytes() {
        byte[] file = CaptureBytes.littleEndian().pcapHeader(false, 65535, 1).pcapRecord(1, 2, new byte[0], 0)
                .toArray();
        assertThat(readAll(file)).containsExactly(new CapturedFrame(1, 1_000_002_000L, 1, 0, Bytes.EMPTY));
    }

    // ---------------------------------------------------------------- pcap errors

    @Test
    void notACaptureFile() {
        byte[] html = "<html><body>".getBytes();
        assertThatThrownBy(() -> CaptureFileReader.open(new ByteArrayInputStream(html)))
                .isInstanceOf(CaptureFileException.class)
                .hasMessage("not a pcap or pcapng file (magic 0x3c68746d)");
        assertThatThrownBy(() -> CaptureFileReader.open(new ByteArrayInputStream(new byte[0])))
                .hasMessage("not a pcap or pcapng file: the file is empty");
        assertThatThrownBy(() -> CaptureFileReader.open(new ByteArrayInputStream(new byte[] {(byte) 0xd4, 0})))
                .hasMessage("not a pcap or pcapng file: it has only 2 bytes");
    }

    @Test
    void truncatedPcapFileHeader() {
        byte[] file = java.util.Arrays.copyOf(CaptureBytes.littleEndian().pcapHeader(false, 65535, 1).toArray(), 10);
        assertThatThrownBy(() -> CaptureFileReader.open(new ByteArrayInputStream(file)))
                .hasMessage("truncated pcap file header: 24 bytes needed, 10 present");
    }

    @Test
    void unsupportedPcapVersion() {
        byte[] file = CaptureBytes.littleEndian().u32(0xa1b2c3d4L).u16(1).u16(0).u32(0).u32(0).u32(65535).u32(1)
                .toArray();
        assertThatThrownBy(() -> CaptureFileReader.open(new ByteArrayInputStream(file)))
                .hasMessage("pcap file version 1.0 is not supported (only 2.x)");
    }

    @Test
    void aTruncatedLastRecordFailsAfterTheGoodFrames() {
        // file header 24 bytes + record 1 (16 + 14) = byte 54 where record 2 starts; its header says 17 bytes
        byte[] whole = CaptureBytes.littleEndian().pcapHeader(false, 65535, 1).pcapRecord(0, 0, A, A.length)
                .pcapRecord(0, 0, B, B.length).toArray();
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 5);
        try (CaptureFileReader r = CaptureFileReader.open(new ByteArrayInputStream(cut))) {
            assertThat(r.hasNext()).isTrue();
            assertThat(r.next().data()).isEqualTo(Bytes.wrap(A));
            assertThatThrownBy(r::hasNext).isInstanceOf(CaptureFileException.class)
                    .hasMessage("truncated pcap record at byte 54: header says 17 bytes, 12 remain")
                    .satisfies(e -> assertThat(((CaptureFileException) e).byteOffset()).isEqualTo(54));
            // and the same again: the reader does not pretend the file ended
            assertThatThrownBy(r::read).hasMessage("truncated pcap record at byte 54: header says 17 bytes, 12 remain");
        }
    }

    @Test
    void aTruncatedRecordHeader() {
        byte[] whole = CaptureBytes.littleEndian().pcapHeader(false, 65535, 1).pcapRecord(0, 0, A, A.length)
                .u32(0).toArray();
        assertThat(failure(whole)).hasMessage("truncated pcap record header at byte 54: 16 bytes needed, 4 remain");
    }

    @Test
    void aRecordLongerThanAnySnapshotIsRejectedBeforeAnythingIsAllocated() {
        byte[] file = CaptureBytes.littleEndian().pcapHeader(false, 65535, 1).u32(0).u32(0).u32(0x7fff_ffffL)
                .u32(0x7fff_ffffL).toArray();
        assertThat(failure(file)).hasMessage("pcap record at byte 24 has captured length 2147483647, "
                + "more than the 262144 bytes this reader accepts");
    }

    @Test
    void iteratorAndStreamSeeTheSameFrames() {
        byte[] file = CaptureBytes.littleEndian().pcapHeader(false, 65535, 1).pcapRecord(0, 1, A, A.length)
                .pcapRecord(0, 2, B, B.length).toArray();
        try (CaptureFileReader r = CaptureFileReader.open(new ByteArrayInputStream(file))) {
            assertThat(r.stream().map(CapturedFrame::index).collect(Collectors.toList())).containsExactly(1L, 2L);
        }
        CaptureFileReader r = CaptureFileReader.open(new ByteArrayInputStream(file));
        assertThat(r.hasNext()).isTrue();
        assertThat(r.hasNext()).isTrue();
        assertThat(r.next().index()).isEqualTo(1);
        assertThat(r.next().index()).isEqualTo(2);
        assertThat(r.hasNext()).isFalse();
        assertThatThrownBy(r::next).isInstanceOf(NoSuchElementException.class).hasMessage("no frame after frame 2");
        r.close();
    }

    @Test
    void opensAPathAndReportsAMissingFileAsIoException(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("x.pcap");
        Files.write(f, CaptureBytes.littleEndian().pcapHeader(false, 65535, 1).pcapRecord(0, 0, A, A.length)
                .toArray());
        try (CaptureFileReader r = CaptureFileReader.open(f)) {
            assertThat(r.read().data()).isEqualTo(Bytes.wrap(A));
        }
        assertThatThrownBy(() -> CaptureFileReader.open(dir.resolve("missing.pcap")))
                .isInstanceOf(java.nio.file.NoSuchFileException.class);
        Path html = dir.resolve("page.pcap");
        Files.writeString(html, "<html>");
        assertThatThrownBy(() -> CaptureFileReader.open(html)).isInstanceOf(CaptureFileException.class);
    }


    // ---------------------------------------------------------------- streaming and speed

    /**
     * A pcap "file" of {@code frames} records of 100 bytes, generated as it is read: if the reader held the whole
     * file (about 116 MB for a million frames) the test would need that much heap; it needs one buffer.
     */
    private static InputStream generatedPcap(int frames) {
        byte[] header = CaptureBytes.littleEndian().pcapHeader(false, 262_144, 1).toArray();
        byte[] record = CaptureBytes.littleEndian().pcapRecord(1_700_000_000L, 0, new byte[100], 100).toArray();
        return new InputStream() {
            private long at;
            private final long total = header.length + (long) record.length * frames;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (at >= total) {
                    return -1;
                }
                int n = (int) Math.min(len, total - at);
                for (int i = 0; i < n; i++, at++) {
                    b[off + i] = at < header.length ? header[(int) at]
                            : record[(int) ((at - header.length) % record.length)];
                }
                return n;
            }
        };
    }

    @Test
    void aMillionFramesStreamThroughOneBuffer() {
        long t0 = System.nanoTime();
        long count = 0;
        long bytes = 0;
        try (CaptureFileReader r = CaptureFileReader.open(generatedPcap(1_000_000))) {
            for (CapturedFrame f; (f = r.read()) != null; ) {
                count++;
                bytes += f.capturedLength();
            }
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(count).isEqualTo(1_000_000);
        assertThat(bytes).isEqualTo(100_000_000);
        // Measured well under a second; the bound only catches a pathological slowdown on a shared machine.
        assertThat(millis).as("ms for 1M frames").isLessThan(10_000);
    }
}
