package org.netsim.capture.file;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.netsim.pdu.Bytes;

/**
 * The pcapng format (draft-ietf-opsawg-pcapng §3 and §4): a sequence of blocks, each {@code type, total length, body,
 * total length}. A Section Header Block starts each section and fixes its byte order; Interface Description Blocks
 * give each interface's link type and timestamp resolution; Enhanced, Simple and (obsolete) Packet Blocks carry the
 * frames. Every other block type is skipped by its length.
 */
final class PcapngParser implements FrameParser {
    static final long SECTION_HEADER = 0x0a0d0d0aL;
    static final long INTERFACE_DESCRIPTION = 1;
    static final long PACKET = 2;
    static final long SIMPLE_PACKET = 3;
    static final long ENHANCED_PACKET = 6;
    static final long BYTE_ORDER_MAGIC = 0x1a2b3c4dL;
    static final long BYTE_ORDER_MAGIC_SWAPPED = 0x4d3c2b1aL;

    static final int MIN_BLOCK = 12;
    /** The largest block accepted, so a damaged length cannot make the reader allocate gigabytes. */
    static final int MAX_BLOCK = 16 * 1024 * 1024;

    static final int OPT_ENDOFOPT = 0;
    static final int IF_TSRESOL = 9;
    static final int IF_TSOFFSET = 14;

    private final ByteInput in;
    private final List<Interface> interfaces = new ArrayList<>();

    /** One interface of the current section: what its frames start with and how to read its timestamps. */
    private record Interface(int linkType, long snapLength, boolean binary, int exponent, long offsetSeconds) {
        long toNanos(long ts) {
            long nanos;
            if (!binary) {
                if (exponent == 9) {
                    nanos = ts;
                } else if (exponent < 9) {
                    nanos = ts * POW10[9 - exponent];
                } else {
                    nanos = exponent - 9 < POW10.length ? Long.divideUnsigned(ts, POW10[exponent - 9]) : 0;
                }
            } else if (exponent == 0) {
                nanos = ts * 1_000_000_000L;
            } else if (exponent < 63) {
                long seconds = ts >>> exponent;
                long fraction = ts & ((1L << exponent) - 1);
                // fraction * 1e9 / 2^exponent with a 128-bit product: fraction can use up to 62 bits
                long hi = Math.multiplyHigh(fraction, 1_000_000_000L);
                long lo = fraction * 1_000_000_000L;
                long fractionNanos = (hi << (64 - exponent)) | (lo >>> exponent);
                nanos = seconds * 1_000_000_000L + fractionNanos;
            } else {
                nanos = new BigInteger(Long.toUnsignedString(ts)).multiply(BigInteger.valueOf(1_000_000_000L))
                        .shiftRight(exponent).longValue();
            }
            return nanos + offsetSeconds * 1_000_000_000L;
        }
    }

    private static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    /** Reads the first Section Header Block (the caller has seen its type in the first four bytes). */
    PcapngParser(ByteInput in) {
        this.in = in;
        sectionHeader(in.position());
    }

    @Override
    public CaptureFormat format() {
        return CaptureFormat.PCAPNG;
    }

    @Override
    public CapturedFrame next(long index) {
        while (true) {
            long at = in.position();
            int have = in.require(8);
            if (have == 0) {
                return null;
            }
            if (have < 8) {
                throw new CaptureFileException("truncated pcapng block header at byte " + at + ": 8 bytes needed, "
                        + have + " remain", at);
            }
            long type = in.u32(0);
            if (type == SECTION_HEADER) {
                sectionHeader(at);
                continue;
            }
            int length = blockLength(at, "pcapng block", MIN_BLOCK);
            CapturedFrame frame = null;
            if (type == ENHANCED_PACKET) {
                frame = enhancedPacket(at, length, index);
            } else if (type == SIMPLE_PACKET) {
                frame = simplePacket(at, length, index);
            } else if (type == PACKET) {
                frame = packet(at, length, index);
            } else if (type == INTERFACE_DESCRIPTION) {
                interfaceDescription(at, length);
            }
            in.advance(length);
            if (frame != null) {
                return frame;
            }
        }
    }

    /**
     * Checks the total length at the block's start (already readable at offset 4) and its copy at the end, and makes
     * the whole block readable.
     */
    private int blockLength(long at, String what, int minimum) {
        long length = in.u32(4);
        if (length < minimum) {
            throw new CaptureFileException(what + " at byte " + at + " has total length " + length
                    + ", below the minimum of " + minimum, at);
        }
        if (length % 4 != 0) {
            throw new CaptureFileException(what + " at byte " + at + " has total length " + length
                    + ", not a multiple of 4", at);
        }
        if (length > MAX_BLOCK) {
            throw new CaptureFileException(what + " at byte " + at + " has total length " + length
                    + ", more than the " + MAX_BLOCK + " bytes this reader accepts", at);
        }
        int len = (int) length;
        int have = in.require(len);
        if (have < len) {
            throw new CaptureFileException("truncated pcapng block at byte " + at + ": header says " + len
                    + " bytes, " + have + " remain", at);
        }
        long trailing = in.u32(len - 4);
        if (trailing != length) {
            throw new CaptureFileException(what + " at byte " + at + " has total length " + length
                    + " at its start but " + trailing + " at its end", at);
        }
        return len;
    }

    private void sectionHeader(long at) {
        int have = in.require(12);
        if (have < 12) {
            throw new CaptureFileException("truncated pcapng Section Header Block at byte " + at
                    + ": 12 bytes needed, " + have + " remain", at);
        }
        long magic = in.u32InFileOrder(8);
        if (magic == BYTE_ORDER_MAGIC) {
            in.bigEndian(true);
        } else if (magic == BYTE_ORDER_MAGIC_SWAPPED) {
            in.bigEndian(false);
        } else {
            throw new CaptureFileException("pcapng Section Header Block at byte " + at + " has byte-order magic 0x"
                    + hex8(magic) + ", not 0x1a2b3c4d", at);
        }
        int length = blockLength(at, "pcapng Section Header Block", 28);
        int major = in.u16(12);
        int minor = in.u16(14);
        if (major != 1) {
            throw new CaptureFileException("pcapng section at byte " + at + " has version " + major + "." + minor
                    + ", which is not supported (only 1.x)", at);
        }
        // Interface numbers count from 0 again in every section.
        interfaces.clear();
        in.advance(length);
    }

    private void interfaceDescription(long at, int length) {
        String what = "pcapng Interface Description Block";
        checkMinimum(at, length, what, 20);
        int linkType = in.u16(8);
        long snapLength = in.u32(12);
        boolean binary = false;
        int exponent = 6;
        long offsetSeconds = 0;
        int o = 16;
        int end = length - 4;
        while (o + 4 <= end) {
            int code = in.u16(o);
            int optLength = in.u16(o + 2);
            if (code == OPT_ENDOFOPT) {
                break;
            }
            int value = o + 4;
            if (value + optLength > end) {
                throw new CaptureFileException(what + " at byte " + at + " has option " + code + " of " + optLength
                        + " bytes running past the block's end", at);
            }
            if (code == IF_TSRESOL) {
                if (optLength != 1) {
                    throw new CaptureFileException(what + " at byte " + at + " has an if_tsresol option of "
                            + optLength + " bytes, not 1", at);
                }
                int v = in.u8(value);
                binary = (v & 0x80) != 0;
                exponent = v & 0x7f;
            } else if (code == IF_TSOFFSET) {
                if (optLength != 8) {
                    throw new CaptureFileException(what + " at byte " + at + " has an if_tsoffset option of "
                            + optLength + " bytes, not 8", at);
                }
                offsetSeconds = in.u64(value);
            }
            o = value + ((optLength + 3) & ~3);
        }
        interfaces.add(new Interface(linkType, snapLength, binary, exponent, offsetSeconds));
    }

    private CapturedFrame enhancedPacket(long at, int length, long index) {
        String what = "pcapng Enhanced Packet Block";
        checkMinimum(at, length, what, 32);
        Interface iface = iface(at, what, in.u32(8));
        long ts = (in.u32(12) << 32) | in.u32(16);
        int captured = capturedLength(at, what, in.u32(20), length - 32);
        int original = originalLength(at, what, in.u32(24));
        return new CapturedFrame(index, iface.toNanos(ts), iface.linkType(), original,
                Bytes.wrap(in.copy(28, captured)));
    }

    private CapturedFrame packet(long at, int length, long index) {
        String what = "pcapng Packet Block";
        checkMinimum(at, length, what, 32);
        Interface iface = iface(at, what, in.u16(8));
        long ts = (in.u32(12) << 32) | in.u32(16);
        int captured = capturedLength(at, what, in.u32(20), length - 32);
        int original = originalLength(at, what, in.u32(24));
        return new CapturedFrame(index, iface.toNanos(ts), iface.linkType(), original,
                Bytes.wrap(in.copy(28, captured)));
    }

    /**
     * A Simple Packet Block has no interface number (it belongs to the section's first interface), no timestamp and
     * no captured length: the frame is its original length cut to the interface's snapshot length and the block.
     */
    private CapturedFrame simplePacket(long at, int length, long index) {
        String what = "pcapng Simple Packet Block";
        checkMinimum(at, length, what, 16);
        if (interfaces.isEmpty()) {
            throw new CaptureFileException(what + " at byte " + at
                    + " comes before any Interface Description Block in its section", at);
        }
        Interface iface = interfaces.get(0);
        int original = originalLength(at, what, in.u32(8));
        long captured = Math.min(original, length - 16L);
        if (iface.snapLength() != 0) {
            captured = Math.min(captured, iface.snapLength());
        }
        return new CapturedFrame(index, CapturedFrame.NO_TIMESTAMP, iface.linkType(), original,
                Bytes.wrap(in.copy(12, (int) captured)));
    }

    private void checkMinimum(long at, int length, String what, int minimum) {
        if (length < minimum) {
            throw new CaptureFileException(what + " at byte " + at + " has total length " + length
                    + ", below the minimum of " + minimum, at);
        }
    }

    private Interface iface(long at, String what, long id) {
        if (id >= interfaces.size()) {
            throw new CaptureFileException(what + " at byte " + at + " refers to interface " + id
                    + ", but its section describes " + (interfaces.isEmpty() ? "no interface"
                    : interfaces.size() == 1 ? "only interface 0" : "interfaces 0 to " + (interfaces.size() - 1)), at);
        }
        return interfaces.get((int) id);
    }

    private static int capturedLength(long at, String what, long captured, int room) {
        if (captured > room) {
            throw new CaptureFileException(what + " at byte " + at + " has captured length " + captured
                    + ", more than the " + room + " bytes its block holds", at);
        }
        return (int) captured;
    }

    private static int originalLength(long at, String what, long original) {
        if (original > Integer.MAX_VALUE) {
            throw new CaptureFileException(what + " at byte " + at + " has original length " + original
                    + ", more than any frame can be", at);
        }
        return (int) original;
    }

    static String hex8(long v) {
        String s = Long.toHexString(v & 0xffff_ffffL);
        return "0".repeat(8 - s.length()) + s;
    }
}
