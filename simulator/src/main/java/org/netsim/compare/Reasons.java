package org.netsim.compare;

import org.netsim.pdu.Field;

/**
 * Why a field of a captured frame may differ from the simulated one. The simulation chooses its own addresses, ports,
 * random numbers and clock; a real machine chooses others. These reasons name them, so the comparison view can say
 * "this differs, and that is expected because ..." rather than leave a student guessing.
 */
final class Reasons {
    private Reasons() {
    }

    /** The reason for a difference in field {@code key}; {@code captured} is the captured frame's field. */
    static FieldDifference explain(Field simulated, Field captured) {
        Field any = simulated != null ? simulated : captured;
        String key = any.key();
        String sim = simulated == null ? null : simulated.display();
        String cap = captured == null ? null : captured.display();
        String why;
        boolean expected = true;
        if (key.equals("eth.src") || key.equals("eth.dst")) {
            why = "00:00:00:00:00:00".equals(cap)
                    ? "Linux loopback has no network card: frames captured on lo carry all-zero MAC addresses."
                    : "Every network card has its own MAC address; the simulation gives its hosts made-up ones.";
        } else if (key.equals("ip.src") || key.equals("ip.dst")) {
            why = "The simulation uses the scenario's addresses; the capture shows the real machine's "
                    + "(127.0.0.1 on loopback).";
        } else if (key.equals("ip.id")) {
            why = "Each sender numbers its datagrams with its own counter, which depends on what it sent before.";
        } else if (key.equals("ip.checksum") || key.equals("tcp.checksum")) {
            why = captured != null && captured.problem() != null
                    ? "On loopback the kernel leaves the checksum to the network card (checksum offload), which "
                            + "does not exist: the capture shows an unfinished value."
                    : "The checksum covers fields that differ (addresses, ports, numbers), so it differs too.";
        } else if (key.equals("ip.len") || key.equals("tcp.len") || key.equals("tcp.hdr_len")
                || key.equals("ip.total_length") || key.startsWith("tcp.nxtseq")) {
            why = "A length follows what is inside: options or a payload of another size make it differ.";
        } else if (key.equals("tcp.srcport") || key.equals("tcp.dstport")) {
            why = "The client's port is an ephemeral port its kernel picks for each connection; the server's is "
                    + "whatever the app listens on.";
        } else if (key.equals("tcp.seq") || key.equals("tcp.ack")) {
            why = "Each side starts its sequence numbers at a random value (RFC 9293 §3.4.1), and the bytes sent "
                    + "before this segment differ.";
        } else if (key.startsWith("tcp.options") || key.startsWith("tcp.option")) {
            why = "TCP timestamps count each machine's own clock, and each kernel chooses its options.";
        } else if (key.startsWith("tcp.window")) {
            why = "The window advertises how much buffer space the receiver has free right now.";
        } else if (key.equals("websocket.masking_key")) {
            why = "A client masks every frame with a fresh random key (RFC 6455 §5.3).";
        } else if (key.startsWith("websocket.payload") || key.equals("websocket.masked_payload")) {
            why = "Masked with a different key, the same text gives different bytes on the wire.";
        } else if (key.startsWith("phy.") || key.startsWith("eth.fcs")) {
            why = "A capture holds no preamble and usually no FCS: the card strips them.";
        } else if (key.equals("socketio.ack_id")) {
            why = "An acknowledgement id counts the emits with an acknowledgement its sender made before; the twin "
                    + "made only this one.";
        } else if (key.contains("sid")) {
            why = "Session ids are random, chosen by the server for each connection.";
        } else {
            why = "The two sides made a different choice here: a peer library's own encoding (JSON spacing, "
                    + "handshake) or a real difference worth a look.";
            expected = false;
        }
        return new FieldDifference(any.spec().protocol(), key, any.name(), sim, cap, why, expected);
    }
}
