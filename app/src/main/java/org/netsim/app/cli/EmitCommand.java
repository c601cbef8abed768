package org.netsim.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.netsim.app.pcap.PcapFileWriter;
import org.netsim.app.pcap.PcapRecord;
import org.netsim.json.JsJson;
import org.netsim.json.JsonSyntaxException;
import org.netsim.pdu.Pdu;
import org.netsim.stack.EmitSession;
import org.netsim.stack.FrameContext;
import org.netsim.stack.StackDissector;
import org.netsim.stack.WireFrame;
import org.netsim.text.PduTreePrinter;
import org.netsim.wire.physical.BitOrder;
import org.netsim.wire.physical.BitString;
import org.netsim.wire.physical.PhysicalCodec;
import org.netsim.wire.socketio.SocketIoPacket;
import org.netsim.wire.socketio.SocketIoType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code netsim emit}: one emit through every layer, printed like {@code tshark -V} and/or written as pcap. */
@Command(name = "emit", mixinStandardHelpOptions = true,
        description = {"Encode one Socket.IO emit through every layer.",
                "Prints the frame that carries it as a layer stack (like tshark -V), and/or writes the whole short "
                        + "WebSocket connection it travels on (TCP handshake, HTTP upgrade, Socket.IO CONNECT, the "
                        + "emit, close) as a pcap file that Wireshark decodes with no hints."})
public final class EmitCommand implements Callable<Integer> {
    public enum Direction {
        CLIENT_TO_SERVER("client-to-server"), SERVER_TO_CLIENT("server-to-client");

        private final String text;

        Direction(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--event", required = true, paramLabel = "NAME", description = "Event name, e.g. chat.")
    String event;

    @Option(names = "--args", paramLabel = "JSON_ARRAY", defaultValue = "[]",
            description = "The arguments as a JSON array, e.g. '[\"hi\", {\"n\": 1}]' (default: ${DEFAULT-VALUE}).")
    String args;

    @Option(names = "--namespace", paramLabel = "NS", defaultValue = "/",
            description = "Socket.IO namespace (default: ${DEFAULT-VALUE}).")
    String namespace;

    @Option(names = "--ack-id", paramLabel = "N", description = "Ask for an acknowledgement with this id.")
    Long ackId;

    @Option(names = "--direction", paramLabel = "DIR", defaultValue = "client-to-server",
            converter = DirectionConverter.class,
            description = "client-to-server or server-to-client (default: ${DEFAULT-VALUE}).")
    Direction direction;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Seed for every random value: same seed, same bytes (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--pcap", paramLabel = "FILE", description = "Write the whole connection to this pcap file.")
    Path pcap;

    @Option(names = "--explain", description = "Explain every field and show its bytes.")
    boolean explain;

    @Override
    public Integer call() throws IOException {
        SocketIoPacket packet = packet();
        EmitSession.Config config = EmitSession.Config.defaults(seed);
        EmitSession.Result session = EmitSession.run(config, packet,
                direction == Direction.CLIENT_TO_SERVER);
        PrintWriter out = spec.commandLine().getOut();
        if (pcap != null) {
            List<PcapRecord> frames = new ArrayList<>();
            for (WireFrame f : session.frames()) {
                frames.add(new PcapRecord(f.timeNanos(), f.frame()));
            }
            PcapFileWriter.write(pcap, frames);
            int first = session.emitFrameIndex() + 1;
            int last = session.emitLastFrameIndex() + 1;
            out.println("wrote " + frames.size() + " frames to " + pcap + " (the emit is frame" + (first == last
                    ? " " + first : "s " + first + " to " + last + ", reassembled in frame " + last) + ")");
        }
        if (pcap == null || explain) {
            out.print(describeEmit(config, session));
        }
        out.flush();
        return 0;
    }

    /**
     * The emit's frame as the simulated wire carries it (preamble, SFD, FCS), every layer printed; for an emit longer
     * than one segment, the frame that completes it, where its WebSocket frame is decoded whole from the reassembled
     * bytes (as Wireshark shows it), its earlier segments named there.
     */
    private String describeEmit(EmitSession.Config config, EmitSession.Result session) {
        // The frames before the emit teach the dissector that this connection was upgraded to WebSocket, and hold the
        // emit's first segments; all of them are known, so they are named as the pcap numbers them.
        List<byte[]> all = new ArrayList<>();
        for (WireFrame w : session.frames()) {
            all.add(w.frame().toArray());
        }
        StackDissector dissector = new StackDissector(new FrameContext() {
            @Override
            public String name(int n) {
                return "frame " + (n + 1);
            }

            @Override
            public byte[] frame(int n) {
                return n >= 0 && n < all.size() ? all.get(n) : null;
            }
        });
        int shown = session.emitLastFrameIndex();
        for (int i = 0; i < shown; i++) {
            dissector.dissect(all.get(i));
        }
        WireFrame f = session.emitCompletingFrame();
        byte[] frame = f.frame().toArray();
        byte[] wire = StackDissector.onWire(frame);
        Pdu pdu = dissector.dissectOnWire(wire);
        int withFcs = frame.length + 4;
        long rate = config.bitsPerSecond();
        String heading = String.format(Locale.ROOT,
                "Frame %d of %d, %s: %d bytes on the wire (%d bits: 8 of preamble and SFD, the %d-byte frame and its "
                        + "4-byte FCS; a pcap file keeps the %d frame bytes), %s at %s, then a %s inter-frame gap%n"
                        + "%s",
                shown + 1, session.frames().size(),
                f.clientToServer() ? "client → server" : "server → client", wire.length,
                PhysicalCodec.wireBits(withFcs), frame.length, frame.length,
                micros(PhysicalCodec.serializationTimeNanos(withFcs, rate)), bitRate(rate),
                micros(PhysicalCodec.interFrameGapNanos(rate)), f.description());
        String tree = new PduTreePrinter(explain).print(heading, pdu, wire);
        if (!explain) {
            return tree;
        }
        // The last layer down: what the card actually sends, one bit after another.
        return tree + "Bits on the wire, in the order they are sent (IEEE 802.3 sends each byte least significant bit"
                + " first; 8 bytes a line):\n" + BitString.of(wire, 0, wire.length, BitOrder.TRANSMISSION).lines(8)
                + "\n";
    }

    private static String micros(long nanos) {
        return String.format(Locale.ROOT, "%.2f µs", nanos / 1000.0);
    }

    private static String bitRate(long bitsPerSecond) {
        return bitsPerSecond % 1_000_000_000L == 0 ? bitsPerSecond / 1_000_000_000L + " Gb/s"
                : bitsPerSecond % 1_000_000L == 0 ? bitsPerSecond / 1_000_000L + " Mb/s" : bitsPerSecond + " b/s";
    }

    private SocketIoPacket packet() {
        JsonNode parsed;
        try {
            parsed = JsJson.parse(args);
        } catch (JsonSyntaxException e) {
            throw new UserError("--args is not valid JSON: " + e.getMessage());
        }
        if (!(parsed instanceof ArrayNode arr)) {
            throw new UserError("--args must be a JSON array, like '[\"hi\"]'");
        }
        if (!namespace.startsWith("/") || namespace.contains(",")) {
            throw new UserError("--namespace must start with '/' and hold no ',': " + namespace);
        }
        if (ackId != null && ackId < 0) {
            throw new UserError("--ack-id must be 0 or more: " + ackId);
        }
        ArrayNode data = JsonNodeFactory.instance.arrayNode();
        data.add(event);
        data.addAll(arr);
        return SocketIoPacket.of(SocketIoType.EVENT, namespace, ackId, data);
    }

    static final class DirectionConverter implements picocli.CommandLine.ITypeConverter<Direction> {
        @Override
        public Direction convert(String value) {
            for (Direction d : Direction.values()) {
                if (d.text.equals(value)) {
                    return d;
                }
            }
            throw new picocli.CommandLine.TypeConversionException(
                    "'" + value + "' is not a direction: use client-to-server or server-to-client");
        }
    }
}
