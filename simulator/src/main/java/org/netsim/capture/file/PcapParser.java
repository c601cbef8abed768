package org.netsim.capture.file;

import org.netsim.pdu.Bytes;

/**
 * The pcap format (draft-ietf-opsawg-pcap §4 and §5): a 24-byte file header, then records of a 16-byte header and the
 * captured bytes. The magic number, written in the writer's byte order, says the byte order and whether the second
 * timestamp field counts microseconds (0xa1b2c3d4) or nanoseconds (0xa1b23c4d).
 */
final class PcapParser implements FrameParser {
    static final long MAGIC_MICROS = 0xa1b2c3d4L;
    static final long MAGIC_NANOS = 0xa1b23c4dL;
    static final long MAGIC_MICROS_SWAPPED = 0xd4c3b2a1L;
    static final long MAGIC_NANOS_SWAPPED = 0x4d3cb2a1L;

    static final int FILE_HEADER_LENGTH = 24;
    static final int RECORD_HEADER_LENGTH = 16;
    /** The largest record accepted whatever the snapshot length says (Wireshark's limit for most link types). */
    static final int DEFAULT_MAX_CAPTURED = 262_144;
    /** The largest record accepted at all, so a damaged length cannot make the reader allocate gigabytes. */
    static final int ABSOLUTE_MAX_CAPTURED = 16 * 1024 * 1024;

    private final ByteInput in;
    private final boolean nanos;
    private final int linkType;
    private final long snapLength;
    private final int maxCaptured;

    /** Reads the file header; {@code magic} is its first four bytes in file order. */
    PcapParser(ByteInput in, long magic) {
        this.in = in;
        in.bigEndian(magic == MAGIC_MICROS || magic == MAGIC_NANOS);
        this.nanos = magic == MAGIC_NANOS || magic == MAGIC_NANOS_SWAPPED;
        int have = in.require(FILE_HEADER_LENGTH);
        if (have < FILE_HEADER_LENGTH) {
            throw new CaptureFileException("truncated pcap file header: " + FILE_HEADER_LENGTH + " bytes needed, "
                    + have + " present", 0);
        }
        int major = in.u16(4);
        int minor = in.u16(6);
        if (major != 2) {
            throw new CaptureFileException("pcap file version " + major + "." + minor
                    + " is not supported (only 2.x)", 4);
        }
        snapLength = in.u32(16);
        // The upper 16 bits of the link type field carry FCS information; the link type is the lower 16 (§5).
        linkType = (int) (in.u32(20) & 0xffff);
        maxCaptured = (int) Math.min(Math.max(snapLength, DEFAULT_MAX_CAPTURED), ABSOLUTE_MAX_CAPTURED);
        in.advance(FILE_HEADER_LENGTH);
    }

    @Override
    public CaptureFormat format() {
        return CaptureFormat.PCAP;
    }

    int linkType() {
        return linkType;
    }

    long snapLength() {
        return snapLength;
    }

    boolean nanosecondResolution() {
        return nanos;
    }

    @Override
    public CapturedFrame next(long index) {
        CapturedFrame[] out = {null};
        if (!next(index, (i, ts, link, original, buf, off, len) ->
                out[0] = new CapturedFrame(i, ts, link, original, Bytes.of(buf, off, off + len)))) {
            return null;
        }
        return out[0];
    }

    /** Reads one record and shows the visitor its bytes where they lie in the input buffer. */
    @Override
    public boolean next(long index, FrameVisitor visitor) {
        long at = in.position();
        int have = in.require(RECORD_HEADER_LENGTH);
        if (have == 0) {
            return false;
        }
        if (have < RECORD_HEADER_LENGTH) {
            throw new CaptureFileException("truncated pcap record header at byte " + at + ": "
                    + RECORD_HEADER_LENGTH + " bytes needed, " + have + " remain", at);
        }
        long seconds = in.u32(0);
        long fraction = in.u32(4);
        long captured = in.u32(8);
        long original = in.u32(12);
        if (captured > maxCaptured) {
            throw new CaptureFileException("pcap record at byte " + at + " has captured length " + captured
                    + ", more than the " + maxCaptured + " bytes this reader accepts", at);
        }
        if (original > Integer.MAX_VALUE) {
            throw new CaptureFileException("pcap record at byte " + at + " has original length " + original
                    + ", more than any frame can be", at);
        }
        int len = (int) captured;
        int remain = in.require(RECORD_HEADER_LENGTH + len) - RECORD_HEADER_LENGTH;
        if (remain < len) {
            throw new CaptureFileException("truncated pcap record at byte " + at + ": header says " + len
                    + " bytes, " + remain + " remain", at);
        }
        long ts = seconds * 1_000_000_000L + (nanos ? fraction : fraction * 1000);
        visitor.frame(index, ts, linkType, (int) original, in.array(), in.index(RECORD_HEADER_LENGTH), len);
        in.advance(RECORD_HEADER_LENGTH + len);
        return true;
    }
}
