package org.netsim.wire.tcp;

import java.util.ArrayList;
import java.util.List;
import org.netsim.pdu.Bits;
import org.netsim.pdu.Bytes;
import org.netsim.pdu.Pdu;
import org.netsim.wire.tcp.TcpOption.EndOfOptionList;
import org.netsim.wire.tcp.TcpOption.MaximumSegmentSize;
import org.netsim.wire.tcp.TcpOption.NoOperation;
import org.netsim.wire.tcp.TcpOption.Sack;
import org.netsim.wire.tcp.TcpOption.SackBlock;
import org.netsim.wire.tcp.TcpOption.SackPermitted;
import org.netsim.wire.tcp.TcpOption.Timestamps;
import org.netsim.wire.tcp.TcpOption.Unknown;
import org.netsim.wire.tcp.TcpOption.WindowScale;

/**
 * Reads a TCP options area (RFC 9293 §3.2, RFC 7323, RFC 2018) into {@link TcpOption}s and, given a PDU builder,
 * into fields at their exact byte positions: what {@link TcpCodec} does for the header's variable part.
 */
final class TcpOptionParser {
    private TcpOptionParser() {
    }

    private static final EndOfOptionList EOL = new EndOfOptionList();
    private static final NoOperation NOP = new NoOperation();
    private static final SackPermitted SACK_PERMITTED = new SackPermitted();

    /** The result of reading an options area. */
    static final class OptionParse {
        final List<TcpOption> options = new ArrayList<>(5);
        String error;
        int errorAt;
        /** Where padding starts: after an End of Option List, or the end of the header. */
        int paddingStart;

        OptionParse fail(String why, int at) {
            error = why;
            errorAt = at;
            return this;
        }
    }

    /**
     * Reads the options in {@code buf[start, end)} (RFC 9293 §3.2: "an option may begin on any octet boundary").
     * With a builder, every option's kind, length and value fields are added at their exact byte positions.
     */
    static OptionParse parse(byte[] buf, int start, int end, Pdu.Builder b) {
        OptionParse r = new OptionParse();
        r.paddingStart = end;
        int i = start;
        while (i < end) {
            int kind = buf[i] & 0xff;
            if (kind == TcpOption.KIND_EOL) {
                r.options.add(EOL);
                if (b != null) {
                    b.field(TcpLayout.EOL.span(i, 1, 0, null, "End of Option List (EOL)"));
                }
                r.paddingStart = i + 1;
                return r;
            }
            if (kind == TcpOption.KIND_NOP) {
                r.options.add(NOP);
                if (b != null) {
                    b.field(TcpLayout.NOP.span(i, 1, 1, null, "No-Operation (NOP)"));
                }
                i++;
                continue;
            }
            if (i + 1 >= end) {
                return r.fail("option runs past the end of the header", i);
            }
            int len = buf[i + 1] & 0xff;
            int expected = expectedLength(kind);
            if (kind == TcpOption.KIND_SACK) {
                if (len < 10 || len > 34 || (len - 2) % 8 != 0) {
                    return r.fail("option SACK has length " + len + ", expected 10, 18, 26 or 34", i);
                }
            } else if (expected > 0 && len != expected) {
                return r.fail("option " + shortName(kind) + " has length " + len + ", expected " + expected, i);
            } else if (len < 2) {
                return r.fail("option kind " + kind + " has length " + len + ", below the minimum of 2", i);
            }
            if (i + len > end) {
                return r.fail("option runs past the end of the header", i);
            }
            if (b != null) {
                b.field(TcpLayout.OPTION_KIND.span(i, 1, kind, null, kindText(kind)));
                b.field(TcpLayout.OPTION_LENGTH.span(i + 1, 1, len, null, null));
            }
            int v = i + 2;
            switch (kind) {
                case TcpOption.KIND_MSS -> {
                    int mss = Bits.u16(buf, v);
                    r.options.add(new MaximumSegmentSize(mss));
                    if (b != null) {
                        b.field(TcpLayout.MSS.span(v, 2, mss, null, null));
                    }
                }
                case TcpOption.KIND_WINDOW_SCALE -> {
                    WindowScale ws = new WindowScale(buf[v] & 0xff);
                    r.options.add(ws);
                    if (b != null) {
                        b.field(TcpLayout.WINDOW_SCALE.span(v, 1, ws.shift(),
                                null, ws.shift() + " (multiply by " + ws.multiplier() + ")"));
                    }
                }
                case TcpOption.KIND_SACK_PERMITTED -> r.options.add(SACK_PERMITTED);
                case TcpOption.KIND_SACK -> {
                    List<SackBlock> blocks = new ArrayList<>(4);
                    for (int p = v; p < i + len; p += 8) {
                        long left = Bits.u32(buf, p);
                        long right = Bits.u32(buf, p + 4);
                        blocks.add(new SackBlock(left, right));
                        if (b != null) {
                            b.field(TcpLayout.SACK_LEFT.span(p, 4, left, null, null));
                            b.field(TcpLayout.SACK_RIGHT.span(p + 4, 4, right, null, null));
                        }
                    }
                    r.options.add(new Sack(blocks));
                }
                case TcpOption.KIND_TIMESTAMPS -> {
                    long tsval = Bits.u32(buf, v);
                    long tsecr = Bits.u32(buf, v + 4);
                    r.options.add(new Timestamps(tsval, tsecr));
                    if (b != null) {
                        b.field(TcpLayout.TSVAL.span(v, 4, tsval, null, null));
                        b.field(TcpLayout.TSECR.span(v + 4, 4, tsecr, null, null));
                    }
                }
                default -> {
                    Bytes data = Bytes.of(buf, v, i + len);
                    r.options.add(new Unknown(kind, data));
                    if (b != null && len > 2) {
                        b.field(TcpLayout.OPTION_DATA.span(v, len - 2, 0, data, null));
                    }
                }
            }
            i += len;
        }
        return r;
    }

    private static int expectedLength(int kind) {
        return switch (kind) {
            case TcpOption.KIND_MSS -> 4;
            case TcpOption.KIND_WINDOW_SCALE -> 3;
            case TcpOption.KIND_SACK_PERMITTED -> 2;
            case TcpOption.KIND_TIMESTAMPS -> 10;
            default -> -1;
        };
    }

    /** The option's name in malformed reasons and tshark's Info column. */
    private static String shortName(int kind) {
        return switch (kind) {
            case TcpOption.KIND_MSS -> "MSS";
            case TcpOption.KIND_WINDOW_SCALE -> "WS";
            case TcpOption.KIND_SACK_PERMITTED -> "SACK_PERM";
            case TcpOption.KIND_SACK -> "SACK";
            case TcpOption.KIND_TIMESTAMPS -> "TS";
            default -> "kind " + kind;
        };
    }

    private static String kindText(int kind) {
        return switch (kind) {
            case TcpOption.KIND_MSS -> "Maximum segment size (2)";
            case TcpOption.KIND_WINDOW_SCALE -> "Window scale (3)";
            case TcpOption.KIND_SACK_PERMITTED -> "SACK permitted (4)";
            case TcpOption.KIND_SACK -> "SACK (5)";
            case TcpOption.KIND_TIMESTAMPS -> "Timestamps (8)";
            case 28 -> "User Timeout (28)";
            case 29 -> "TCP Authentication Option (29)";
            case 30 -> "Multipath TCP (30)";
            case 34 -> "TCP Fast Open Cookie (34)";
            case 253, 254 -> "Experimental (" + kind + ")";
            default -> "Unknown (" + kind + ")";
        };
    }
}
