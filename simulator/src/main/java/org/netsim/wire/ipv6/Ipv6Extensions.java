package org.netsim.wire.ipv6;

import static org.netsim.wire.ipv6.Ipv6Layout.DESTINATION_OPTIONS;
import static org.netsim.wire.ipv6.Ipv6Layout.DST_LENGTH;
import static org.netsim.wire.ipv6.Ipv6Layout.DST_NEXT_HEADER;
import static org.netsim.wire.ipv6.Ipv6Layout.DST_OPTION;
import static org.netsim.wire.ipv6.Ipv6Layout.FRAGMENT_HEADER;
import static org.netsim.wire.ipv6.Ipv6Layout.FRAGMENT_ID;
import static org.netsim.wire.ipv6.Ipv6Layout.FRAGMENT_NEXT_HEADER;
import static org.netsim.wire.ipv6.Ipv6Layout.FRAGMENT_OFFSET;
import static org.netsim.wire.ipv6.Ipv6Layout.FRAGMENT_RESERVED;
import static org.netsim.wire.ipv6.Ipv6Layout.FRAGMENT_RESERVED_BITS;
import static org.netsim.wire.ipv6.Ipv6Layout.HOP_BY_HOP;
import static org.netsim.wire.ipv6.Ipv6Layout.HOP_LENGTH;
import static org.netsim.wire.ipv6.Ipv6Layout.HOP_NEXT_HEADER;
import static org.netsim.wire.ipv6.Ipv6Layout.HOP_OPTION;
import static org.netsim.wire.ipv6.Ipv6Layout.MORE_FRAGMENTS;
import static org.netsim.wire.ipv6.Ipv6Layout.ROUTING_DATA;
import static org.netsim.wire.ipv6.Ipv6Layout.ROUTING_LENGTH;
import static org.netsim.wire.ipv6.Ipv6Layout.ROUTING_NEXT_HEADER;
import static org.netsim.wire.ipv6.Ipv6Layout.ROUTING_TYPE;
import static org.netsim.wire.ipv6.Ipv6Layout.SEGMENTS_LEFT;

import org.netsim.pdu.Bytes;
import org.netsim.pdu.Field;
import org.netsim.pdu.FieldSpec;
import org.netsim.pdu.Hex;
import org.netsim.pdu.Pdu;

/** The fields of each extension header (RFC 8200 §4), every byte owned: the option areas option by option. */
final class Ipv6Extensions {
    private Ipv6Extensions() {
    }

    /** Adds the fields of the extension header of {@code type} at {@code buf[at, at+n)} (its length already checked). */
    static void fields(Pdu.Builder b, int type, byte[] buf, int at, int n) {
        switch (type) {
            case HOP_BY_HOP -> options(b, HOP_NEXT_HEADER, HOP_LENGTH, HOP_OPTION, buf, at, n);
            case DESTINATION_OPTIONS -> options(b, DST_NEXT_HEADER, DST_LENGTH, DST_OPTION, buf, at, n);
            case Ipv6Layout.ROUTING -> {
                b.field(next(ROUTING_NEXT_HEADER, buf, at));
                b.field(length(ROUTING_LENGTH, buf, at));
                int rt = buf[at + 2] & 0xff;
                b.field(ROUTING_TYPE.at(at, rt, rt + " (" + routingTypeName(rt) + ")"));
                b.field(SEGMENTS_LEFT.at(at, buf[at + 3] & 0xff));
                b.field(ROUTING_DATA.span(at + 4, n - 4, 0, Bytes.of(buf, at + 4, at + n), null));
            }
            case FRAGMENT_HEADER -> {
                b.field(next(FRAGMENT_NEXT_HEADER, buf, at));
                long reserved = FRAGMENT_RESERVED.read(buf, at);
                b.field(FRAGMENT_RESERVED.at(at, reserved));
                long off = FRAGMENT_OFFSET.read(buf, at);
                b.field(FRAGMENT_OFFSET.at(at, off, off == 0 ? "0" : off + " (" + off * 8 + " bytes)"));
                b.field(FRAGMENT_RESERVED_BITS.at(at, FRAGMENT_RESERVED_BITS.read(buf, at)));
                b.field(MORE_FRAGMENTS.at(at, MORE_FRAGMENTS.read(buf, at)));
                b.field(FRAGMENT_ID.at(at, FRAGMENT_ID.read(buf, at)));
            }
            default -> throw new IllegalArgumentException("not an extension header this codec walks: " + type);
        }
    }

    private static Field next(FieldSpec spec, byte[] buf, int at) {
        int v = buf[at] & 0xff;
        return spec.at(at, v, Ipv6Codec.nextHeaderText(v));
    }

    private static Field length(FieldSpec spec, byte[] buf, int at) {
        int v = buf[at + 1] & 0xff;
        return spec.at(at, v, v + " (" + (v + 1) * 8 + " bytes)");
    }

    /** Next header, length, then the options (RFC 8200 §4.2) each as one field; a bad length ends the area. */
    private static void options(Pdu.Builder b, FieldSpec nextSpec, FieldSpec lengthSpec, FieldSpec optionSpec,
                                byte[] buf, int at, int n) {
        b.field(next(nextSpec, buf, at));
        b.field(length(lengthSpec, buf, at));
        int i = at + 2;
        int end = at + n;
        while (i < end) {
            int type = buf[i] & 0xff;
            int len = type == 0 ? 1 : i + 1 < end ? (buf[i + 1] & 0xff) + 2 : -1;
            if (len < 0 || i + len > end) {
                b.field(optionSpec.span(i, end - i, type, Bytes.of(buf, i, end), optionName(type))
                        .withProblem("option runs past the end of its header"));
                return;
            }
            b.field(optionSpec.span(i, len, type, Bytes.of(buf, i, i + len), optionName(type) + " ("
                    + Hex.prefixed(type, 2) + "), " + len + (len == 1 ? " byte" : " bytes")));
            i += len;
        }
    }

    /** The IANA "Destination Options and Hop-by-Hop Options" names. */
    static String optionName(int type) {
        return switch (type) {
            case 0x00 -> "Pad1";
            case 0x01 -> "PadN";
            case 0x05 -> "Router Alert";
            case 0x07 -> "CALIPSO";
            case 0x08 -> "SMF_DPD";
            case 0x26 -> "Quick-Start";
            case 0x31 -> "IOAM";
            case 0x63 -> "RPL Option";
            case 0x6d -> "MPL Option";
            case 0x8b -> "ILNP Nonce";
            case 0x8c -> "Line-Identification";
            case 0xc2 -> "Jumbo Payload";
            case 0xc9 -> "Home Address";
            case 0xee -> "IP_DFF";
            default -> "Option";
        };
    }

    static String routingTypeName(int type) {
        return switch (type) {
            case 0 -> "Source Route, deprecated";
            case 2 -> "Type 2 Routing Header";
            case 3 -> "RPL Source Route Header";
            case 4 -> "Segment Routing Header";
            default -> "unknown";
        };
    }
}
