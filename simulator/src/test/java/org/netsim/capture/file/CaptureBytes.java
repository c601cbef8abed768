package org.netsim.capture.file;

import java.io.ByteArrayOutputStream;

/** Writes capture files byte by byte for the tests, in either byte order. */
final class CaptureBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private boolean bigEndian;

    static CaptureBytes littleEndian() {
        return new CaptureBytes();
    }

    static CaptureBytes bigEndian() {
        CaptureBytes b = new CaptureBytes();
        b.bigEndian = true;
        return b;
    }

    boolean isBigEndian() {
        return bigEndian;
    }

    CaptureBytes order(boolean big) {
        bigEndian = big;
        return this;
    }

    CaptureBytes u8(int v) {
        out.write(v);
        return this;
    }

    CaptureBytes u16(int v) {
        if (bigEndian) {
            out.write(v >>> 8);
            out.write(v);
        } else {
            out.write(v);
            out.write(v >>> 8);
        }
        return this;
    }

    CaptureBytes u32(long v) {
        if (bigEndian) {
            u16((int) (v >>> 16)).u16((int) v);
        } else {
            u16((int) v).u16((int) (v >>> 16));
        }
        return this;
    }

    CaptureBytes u64(long v) {
        if (bigEndian) {
            u32(v >>> 32).u32(v);
        } else {
            u32(v).u32(v >>> 32);
        }
        return this;
    }

    CaptureBytes bytes(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    /** Zero bytes up to the next multiple of 4. */
    CaptureBytes pad4() {
        while (out.size() % 4 != 0) {
            out.write(0);
        }
        return this;
    }

    int size() {
        return out.size();
    }

    byte[] toArray() {
        return out.toByteArray();
    }

    // ---- pcap

    CaptureBytes pcapHeader(boolean nanos, long snapLength, long linkType) {
        return u32(nanos ? 0xa1b23c4dL : 0xa1b2c3d4L).u16(2).u16(4).u32(0).u32(0).u32(snapLength).u32(linkType);
    }

    CaptureBytes pcapRecord(long seconds, long fraction, byte[] data, int originalLength) {
        return u32(seconds).u32(fraction).u32(data.length).u32(originalLength).bytes(data);
    }

    // ---- pcapng: each block's body is built by a fresh CaptureBytes of the same byte order

    CaptureBytes body() {
        return new CaptureBytes().order(bigEndian);
    }

    /** A block: type, total length, the body padded to 4, total length. */
    CaptureBytes block(long type, CaptureBytes body) {
        body.pad4();
        long total = 12 + body.size();
        return u32(type).u32(total).bytes(body.toArray()).u32(total);
    }

    CaptureBytes sectionHeader() {
        return block(0x0a0d0d0aL, body().u32(0x1a2b3c4dL).u16(1).u16(0).u64(-1));
    }

    CaptureBytes interfaceDescription(int linkType, long snapLength, CaptureBytes options) {
        CaptureBytes b = body().u16(linkType).u16(0).u32(snapLength);
        if (options != null) {
            b.bytes(options.toArray());
        }
        return block(1, b);
    }

    /** An option: code, length, value padded to 4. */
    CaptureBytes option(int code, byte[] value) {
        return u16(code).u16(value.length).bytes(value).pad4();
    }

    CaptureBytes endOfOptions() {
        return u16(0).u16(0);
    }

    CaptureBytes enhancedPacket(long interfaceId, long timestamp, byte[] data, int originalLength) {
        return block(6, body().u32(interfaceId).u32(timestamp >>> 32).u32(timestamp).u32(data.length)
                .u32(originalLength).bytes(data));
    }

    CaptureBytes simplePacket(int originalLength, byte[] data) {
        return block(3, body().u32(originalLength).bytes(data));
    }

    CaptureBytes obsoletePacket(int interfaceId, long timestamp, byte[] data, int originalLength) {
        return block(2, body().u16(interfaceId).u16(0).u32(timestamp >>> 32).u32(timestamp).u32(data.length)
                .u32(originalLength).bytes(data));
    }
}
