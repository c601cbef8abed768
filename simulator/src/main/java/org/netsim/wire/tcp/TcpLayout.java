package org.netsim.wire.tcp;

import static org.netsim.pdu.FieldFormat.BINARY;
import static org.netsim.pdu.FieldFormat.BYTES;
import static org.netsim.pdu.FieldFormat.DECIMAL;
import static org.netsim.pdu.FieldFormat.FLAG;
import static org.netsim.pdu.FieldFormat.HEX;

import java.util.List;
import org.netsim.pdu.FieldFormat;
import org.netsim.pdu.FieldSpec;
import org.netsim.pdu.Protocol;

/**
 * Field layout of the TCP header (RFC 9293 §3.1; CWR and ECE from RFC 3168 §6.1) and of its options, declared once for
 * encode, decode, the inspector and the lessons. Fixed offsets count bits from the first byte of the header; option
 * fields sit where each option puts them.
 */
public final class TcpLayout {
    private TcpLayout() {
    }

    private static final Protocol P = Protocol.TCP;
    private static final String RFC = "RFC 9293 §3.1";

    public static final FieldSpec SOURCE_PORT = FieldSpec.fixed(P, "tcp.srcport", "Source port", 0, 16, DECIMAL,
            "Port of the program that sent the segment; a client usually gets a random high port from its system.", RFC);
    public static final FieldSpec DESTINATION_PORT = FieldSpec.fixed(P, "tcp.dstport", "Destination port", 16, 16,
            DECIMAL, "Port of the program the segment is for, e.g. the server's listening port 3000.", RFC);
    public static final FieldSpec SEQUENCE = FieldSpec.fixed(P, "tcp.seq", "Sequence number", 32, 32, DECIMAL,
            "Number of the first data byte in this segment; each side counts its bytes from a random start (the ISN).",
            RFC);
    public static final FieldSpec ACKNOWLEDGEMENT = FieldSpec.fixed(P, "tcp.ack", "Acknowledgment number", 64, 32,
            DECIMAL, "With ACK set: the next byte number the sender expects, so every byte before it has arrived.", RFC);
    public static final FieldSpec DATA_OFFSET = FieldSpec.fixed(P, "tcp.hdr_len", "Header length (data offset)", 96, 4,
            DECIMAL, "Length of this header in 32-bit words: 5 means 20 bytes; options make it longer.", RFC);
    public static final FieldSpec RESERVED = FieldSpec.fixed(P, "tcp.flags.res", "Reserved", 100, 4, BINARY,
            "Four bits kept for future use; a sender must set them to zero.", RFC);
    public static final FieldSpec CWR = FieldSpec.fixed(P, "tcp.flags.cwr", "Congestion Window Reduced", 104, 1, FLAG,
            "The sender slowed down after an ECN congestion echo.", "RFC 3168 §6.1");
    public static final FieldSpec ECE = FieldSpec.fixed(P, "tcp.flags.ece", "ECN-Echo", 105, 1, FLAG,
            "Tells the other side a router marked congestion (on a SYN: this end can do ECN).", "RFC 3168 §6.1");
    public static final FieldSpec URG = FieldSpec.fixed(P, "tcp.flags.urg", "Urgent", 106, 1, FLAG,
            "The urgent pointer is meaningful (rarely used).", RFC);
    public static final FieldSpec ACK = FieldSpec.fixed(P, "tcp.flags.ack", "Acknowledgment", 107, 1, FLAG,
            "The acknowledgment number is meaningful; set on every segment after the first SYN.", RFC);
    public static final FieldSpec PSH = FieldSpec.fixed(P, "tcp.flags.push", "Push", 108, 1, FLAG,
            "Asks the receiver to hand the data to the program now instead of waiting for more.", RFC);
    public static final FieldSpec RST = FieldSpec.fixed(P, "tcp.flags.reset", "Reset", 109, 1, FLAG,
            "Aborts the connection at once (e.g. nobody listens on the port).", RFC);
    public static final FieldSpec SYN = FieldSpec.fixed(P, "tcp.flags.syn", "Syn", 110, 1, FLAG,
            "Synchronize sequence numbers: set on the first segment from each side when a connection opens.", RFC);
    public static final FieldSpec FIN = FieldSpec.fixed(P, "tcp.flags.fin", "Fin", 111, 1, FLAG,
            "The sender has no more data: one half of closing the connection.", RFC);
    public static final FieldSpec WINDOW = FieldSpec.fixed(P, "tcp.window_size_value", "Window", 112, 16, DECIMAL,
            "How many more bytes the sender can receive now (flow control), before window scaling.", RFC);
    public static final FieldSpec CHECKSUM = FieldSpec.fixed(P, "tcp.checksum", "Checksum", 128, 16, HEX,
            "One's-complement sum over a pseudo-header (IP addresses, protocol, length), the header and the data.", RFC);
    public static final FieldSpec URGENT_POINTER = FieldSpec.fixed(P, "tcp.urgent_pointer", "Urgent pointer", 144, 16,
            DECIMAL, "With URG set: where the urgent data ends, counted from this segment's sequence number.", RFC);

    public static final FieldSpec OPTION_KIND = FieldSpec.variable(P, "tcp.option_kind", "Option kind", DECIMAL,
            "Which option this is: 2 MSS, 3 window scale, 4 SACK permitted, 5 SACK, 8 timestamps.", "RFC 9293 §3.2");
    public static final FieldSpec OPTION_LENGTH = FieldSpec.variable(P, "tcp.option_len", "Option length", DECIMAL,
            "Length of the whole option in bytes, kind and length bytes included.", "RFC 9293 §3.2");
    public static final FieldSpec EOL = FieldSpec.variable(P, "tcp.options.eol", "End of Option List", DECIMAL,
            "Kind 0: the options end here; the rest of the header is padding.", "RFC 9293 §3.2");
    public static final FieldSpec NOP = FieldSpec.variable(P, "tcp.options.nop", "No-Operation", DECIMAL,
            "Kind 1: a filler byte that puts the next option on a 4-byte boundary.", "RFC 9293 §3.2");
    public static final FieldSpec MSS = FieldSpec.variable(P, "tcp.options.mss_val", "Maximum segment size", DECIMAL,
            "The most data bytes this end accepts in one segment (MTU minus IP and TCP headers); sent only with SYN.",
            "RFC 9293 §3.7.1");
    public static final FieldSpec WINDOW_SCALE = FieldSpec.variable(P, "tcp.options.wscale.shift", "Window scale shift",
            DECIMAL, "This end's window values are to be multiplied by 2 to this power, allowing windows above 64 KiB.",
            "RFC 7323 §2");
    public static final FieldSpec SACK_LEFT = FieldSpec.variable(P, "tcp.options.sack_le", "SACK left edge", DECIMAL,
            "First sequence number of a block that arrived beyond the acknowledged point.", "RFC 2018 §3");
    public static final FieldSpec SACK_RIGHT = FieldSpec.variable(P, "tcp.options.sack_re", "SACK right edge", DECIMAL,
            "Sequence number just after that block.", "RFC 2018 §3");
    public static final FieldSpec TSVAL = FieldSpec.variable(P, "tcp.options.timestamp.tsval", "Timestamp value",
            DECIMAL, "The sender's clock when it sent this segment, used to measure round-trip time.", "RFC 7323 §3");
    public static final FieldSpec TSECR = FieldSpec.variable(P, "tcp.options.timestamp.tsecr", "Timestamp echo reply",
            DECIMAL, "The latest timestamp value received from the other side, sent back so it can time the round trip.",
            "RFC 7323 §3");
    public static final FieldSpec OPTION_DATA = FieldSpec.variable(P, "tcp.options.data", "Option data", BYTES,
            "The value of an option kind this decoder does not interpret.", "RFC 9293 §3.2");
    public static final FieldSpec PADDING = FieldSpec.variable(P, "tcp.options.padding", "Padding", BYTES,
            "Zero bytes after the options so the header ends on a 32-bit boundary.", RFC);
    public static final FieldSpec PAYLOAD = FieldSpec.variable(P, "tcp.payload", "TCP payload", BYTES,
            "The data this segment carries for the program above TCP.", RFC);

    // Reassembly: what the stack dissector says about a segment's payload when a message spans several segments.
    // Keys as Wireshark's, so a lesson or a tshark comparison finds them by the same names.
    private static final String STREAM = "RFC 9293 §3.10.7.4: a receiver hands the data on in sequence order";
    public static final FieldSpec SEGMENT_DATA = FieldSpec.variable(P, "tcp.segment_data", "TCP segment data", BYTES,
            "Payload bytes of a message longer than this segment: TCP cut it into segments, and the receiver joins "
                    + "them in sequence order before the protocol above reads it.", STREAM);
    public static final FieldSpec REASSEMBLED_IN = FieldSpec.variable(P, "tcp.reassembled_in",
            "Reassembled PDU in", FieldFormat.TEXT,
            "The frame whose segment completes the message this one began or continued: the whole message is decoded "
                    + "there (worked out by following the connection, no bytes of its own).", STREAM);
    public static final FieldSpec SEGMENTS = FieldSpec.variable(P, "tcp.segments", "Reassembled TCP segments",
            FieldFormat.TEXT, "The frames whose segments were joined into the message decoded below, and how many "
                    + "bytes each gave (worked out, no bytes of its own).", STREAM);
    public static final FieldSpec RETRANSMITTED_DATA = FieldSpec.variable(P, "tcp.retransmitted_data",
            "Retransmitted TCP segment data", BYTES,
            "Bytes the sender had sent before (their sequence numbers lie before the next one expected): a "
                    + "retransmission, which the receiver drops as a duplicate.", "RFC 9293 §3.8.1");
    public static final FieldSpec REASSEMBLY_NOTE = FieldSpec.variable(P, "tcp.reassembly_note", "Reassembly",
            FieldFormat.TEXT, "Why this segment was not joined to the ones before it (worked out, no bytes of its "
                    + "own).", STREAM);

    /** The fixed fields in header order. */
    public static final List<FieldSpec> FIXED = List.of(SOURCE_PORT, DESTINATION_PORT, SEQUENCE, ACKNOWLEDGEMENT,
            DATA_OFFSET, RESERVED, CWR, ECE, URG, ACK, PSH, RST, SYN, FIN, WINDOW, CHECKSUM, URGENT_POINTER);

    /** Byte offset of the checksum in the header. */
    public static final int CHECKSUM_OFFSET = 16;
    public static final int MIN_HEADER_LENGTH = 20;
    public static final int MAX_HEADER_LENGTH = 60;
}
