package org.netsim.compare;

import org.netsim.pdu.Field;
import org.netsim.pdu.Pdu;

/**
 * Why a field of a captured frame may differ from the simulated one. The simulation chooses its own addresses, ports,
 * random numbers and clock; a real machine chooses others. These reasons name them, so the comparison view can say
 * "this differs, and that is expected because ..." rather than leave a student guessing.
 */
final class Reasons {
    private Reasons() {
    }

    /** The two layers a field belongs to, for reasons that depend on the rest of the layer (is the frame masked?). */
    record Layers(Pdu simulated, Pdu captured) {
        /** Whether the captured layer (else the simulated one) has {@code key} set to 1. */
        boolean flag(String key) {
            Pdu p = captured != null ? captured : simulated;
            return p != null && p.field(key).map(f -> f.value() == 1L).orElse(false);
        }
    }

    /** The reason for a difference in field {@code key}; {@code captured} is the captured frame's field. */
    static FieldDifference explain(Field simulated, Field captured, Layers layers) {
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
        } else if (key.equals("ip.ttl")) {
            why = "Each router on the way lowers the time to live by one: traffic on loopback (or on one switch) "
                    + "keeps the sender's starting value (64 on Linux and macOS, 128 on Windows), a frame captured "
                    + "behind routers shows it lowered once per router.";
        } else if (key.equals("ip.id")) {
            why = "Each sender numbers its datagrams with its own counter, which depends on what it sent before.";
        } else if (key.equals("ip.checksum") || key.equals("tcp.checksum")) {
            why = captured != null && captured.problem() != null
                    ? "On loopback the kernel leaves the checksum to the network card (checksum offload), which "
                            + "does not exist: the capture shows an unfinished value."
                    : "The checksum covers fields that differ (addresses, ports, numbers), so it differs too.";
        } else if (key.equals("ip.len") || key.equals("tcp.len") || key.equals("tcp.hdr_len")
                || key.equals("ip.hdr_len") || key.equals("ip.total_length") || key.startsWith("tcp.nxtseq")) {
            why = "A length follows what is inside: options or a payload of another size make it differ.";
        } else if (key.equals("tcp.srcport") || key.equals("tcp.dstport")) {
            why = "The client's port is an ephemeral port its kernel picks for each connection; the server's is "
                    + "whatever the app listens on.";
        } else if (key.equals("tcp.seq") || key.equals("tcp.ack")) {
            why = "Each side starts its sequence numbers at a random value (RFC 9293 §3.4.1), and the bytes sent "
                    + "before this segment differ.";
        } else if (key.startsWith("tcp.options") || key.startsWith("tcp.option")) {
            why = "TCP timestamps count each machine's own clock, and each kernel chooses its options.";
        } else if (key.equals("tcp.flags.push")) {
            why = "A sender sets PSH on the segment that ends what it had to send: the simulation on the last segment "
                    + "of a write, Linux on each large segment it hands to the loopback device at once (segmentation "
                    + "offload), so where a long message is cut decides it.";
        } else if (key.startsWith("tcp.window")) {
            why = "The window advertises how much buffer space the receiver has free right now.";
        } else if (key.equals("websocket.masking_key")) {
            why = "A client masks every frame with a fresh random key (RFC 6455 §5.3).";
        } else if (key.startsWith("websocket.payload_length")) {
            why = "A length follows what is inside: a payload of another size makes it differ (look at the payload's "
                    + "own difference).";
        } else if (key.equals("tcp.segment_data") || key.equals("tcp.retransmitted_data")) {
            why = "Bytes of a message longer than one segment, as they are on the wire: where each side's TCP cut the "
                    + "message into segments, and the client's masking key, both change them.";
        } else if (key.equals("websocket.payload")) {
            why = layers.flag("websocket.mask")
                    ? "The payload is shown unmasked, so the masking key does not explain this: the two sides sent "
                            + "different data."
                    : "The server does not mask its frames (RFC 6455 §5.1): the payload is the application's data as "
                            + "sent, so the two sides sent different data.";
            expected = false;
        } else if (key.equals("tcp.payload")) {
            why = "The bytes this segment carries: the message's own layers are compared in its other parts, and each "
                    + "side's TCP cuts a long message into segments of its own size.";
        } else if (key.startsWith("phy.") || key.startsWith("eth.fcs")) {
            why = "A capture holds no preamble and usually no FCS: the card strips them.";
        } else if (key.equals("socketio.ack_id")) {
            why = "An acknowledgement id counts the emits with an acknowledgement its sender made before; the twin "
                    + "made only this one.";
        } else if (key.equals("http.request.uri")) {
            why = "A polling request names its session (sid, random) and a cache-busting t= parameter (a random "
                    + "timestamp), both chosen anew for every session.";
        } else if (key.equals("http.header") && httpHeaderMayDiffer(sim, cap) != null) {
            why = httpHeaderMayDiffer(sim, cap);
        } else if (key.contains("sid")) {
            why = "Session ids are random, chosen by the server for each connection.";
        } else {
            why = "The two sides made a different choice here: a peer library's own encoding (JSON spacing, "
                    + "handshake) or a real difference worth a look.";
            expected = false;
        }
        return new FieldDifference(any.spec().protocol(), key, any.name(), sim, cap, why, expected);
    }

    /** Why two header lines may differ (a clock, a length, an address), or {@code null} when they should not. */
    private static String httpHeaderMayDiffer(String sim, String cap) {
        String name = headerName(sim != null ? sim : cap);
        if (sim != null && cap != null && !name.equals(headerName(cap))) {
            return null;
        }
        return switch (name) {
            case "date" -> "The Date header is the server's clock when it answered.";
            case "content-length" -> "A length follows what is inside: the body holds other packets, or a payload of "
                    + "another size.";
            case "host" -> "The Host header names the server's address and port, the scenario's or the real "
                    + "machine's.";
            default -> null;
        };
    }

    private static String headerName(String line) {
        int colon = line.indexOf(':');
        return (colon < 0 ? line : line.substring(0, colon)).trim().toLowerCase(java.util.Locale.ROOT);
    }
}
