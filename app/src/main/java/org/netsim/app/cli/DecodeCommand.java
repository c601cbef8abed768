package org.netsim.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.netsim.capture.file.CaptureFileException;
import org.netsim.capture.file.CaptureFileReader;
import org.netsim.capture.file.CapturedFrame;
import org.netsim.json.JsJson;
import org.netsim.pdu.Bytes;
import org.netsim.pdu.Pdu;
import org.netsim.stack.DecodedMessage;
import org.netsim.stack.MessageExtractor;
import org.netsim.stack.StackDissector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code netsim decode}: every Socket.IO, Engine.IO and WebSocket message in a pcap or pcapng file. */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = {"Decode the Socket.IO, Engine.IO and WebSocket messages in a pcap or pcapng file, one per line.",
                "Frames are decoded one by one: a message split across TCP segments shows as truncated."})
public final class DecodeCommand implements Callable<Integer> {
    /** Ethernet, the only link type decoded (Linux loopback captures are Ethernet too). */
    static final int LINKTYPE_ETHERNET = CapturedFrame.LINKTYPE_ETHERNET;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "A pcap or pcapng capture file.")
    Path file;

    @Option(names = "--json", description = "One JSON object per line instead of text.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (!Files.exists(file)) {
            throw new UserError("cannot read " + file + ": no such file");
        }
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            throw new UserError("cannot read " + file + ": " + (Files.isDirectory(file) ? "it is a directory"
                    : "permission denied"));
        }
        PrintWriter out = spec.commandLine().getOut();
        StackDissector dissector = new StackDissector();
        MessageExtractor extractor = new MessageExtractor();
        long first = Long.MIN_VALUE;
        try (CaptureFileReader reader = CaptureFileReader.open(file)) {
            while (reader.hasNext()) {
                CapturedFrame f = reader.next();
                if (first == Long.MIN_VALUE && f.hasTimestamp()) {
                    first = f.timestampNanos();
                }
                if (f.linkType() != LINKTYPE_ETHERNET) {
                    print(out, new DecodedMessage(f.index(), f.timestampNanos(), "", "", null, null, null, null, null,
                            null, null, java.util.List.of(), null,
                            "link type " + f.linkType() + " is not Ethernet (1); only Ethernet captures are decoded"),
                            first);
                    continue;
                }
                byte[] data = f.data().toArray();
                Pdu root = dissector.dissect(data, 0, data.length, false);
                for (DecodedMessage m : extractor.accept(f.index(), f.timestampNanos(), root)) {
                    print(out, m, first);
                }
            }
        } catch (NoSuchFileException e) {
            throw new UserError("cannot read " + file + ": no such file");
        } catch (CaptureFileException e) {
            out.flush();
            throw new UserError(file + ": " + e.getMessage());
        }
        out.flush();
        return 0;
    }

    private void print(PrintWriter out, DecodedMessage m, long first) throws IOException {
        if (json) {
            out.println(toJson(m));
        } else {
            out.println(toText(m, first));
        }
    }

    static String toJson(DecodedMessage m) {
        StringBuilder sb = new StringBuilder(128);
        sb.append("{\"frame\":").append(m.frame());
        sb.append(",\"time\":").append(m.timeNanos() == CapturedFrame.NO_TIMESTAMP ? "null"
                : seconds(m.timeNanos()).toPlainString());
        field(sb, "src", m.src().isEmpty() ? null : m.src());
        field(sb, "dst", m.dst().isEmpty() ? null : m.dst());
        if (m.isMalformed()) {
            field(sb, "malformed", m.malformed());
            return sb.append('}').toString();
        }
        field(sb, "transport", m.transport());
        field(sb, "protocol", m.protocol());
        field(sb, "type", m.type());
        field(sb, "namespace", m.namespace());
        field(sb, "event", m.event());
        sb.append(",\"args\":");
        if (m.args() == null) {
            sb.append("null");
        } else {
            JsJson.stringify(m.args(), sb);
        }
        sb.append(",\"ackId\":").append(m.ackId() == null ? "null" : m.ackId().toString());
        sb.append(",\"attachments\":[");
        for (int i = 0; i < m.attachments().size(); i++) {
            sb.append(i == 0 ? "\"" : ",\"").append(m.attachments().get(i).hex()).append('"');
        }
        sb.append(']');
        field(sb, "text", m.text());
        return sb.append('}').toString();
    }

    private static void field(StringBuilder sb, String name, String value) {
        sb.append(",\"").append(name).append("\":");
        if (value == null) {
            sb.append("null");
        } else {
            JsJson.quote(value, sb);
        }
    }

    static String toText(DecodedMessage m, long first) {
        // relative to the first frame, as Wireshark's default time column
        String time = m.timeNanos() == CapturedFrame.NO_TIMESTAMP || first == CapturedFrame.NO_TIMESTAMP ? "-"
                : String.format(Locale.ROOT, "%.6f", (m.timeNanos() - first) / 1e9);
        if (m.isMalformed()) {
            return m.frame() + "  " + time + "  " + (m.src().isEmpty() ? "" : m.src() + " → " + m.dst() + "  ")
                    + "[Malformed] " + m.malformed();
        }
        StringBuilder sb = new StringBuilder();
        sb.append(m.frame()).append("  ").append(time).append("  ").append(m.src()).append(" → ").append(m.dst())
                .append("  ").append(m.transport()).append("  ").append(m.protocol()).append(' ').append(m.type());
        if (m.namespace() != null && !"/".equals(m.namespace())) {
            sb.append(' ').append(m.namespace());
        }
        if (m.event() != null) {
            sb.append(' ');
            JsJson.quote(m.event(), sb);
        }
        if (m.args() != null) {
            sb.append(' ');
            JsJson.stringify(m.args(), sb);
        }
        if (m.ackId() != null) {
            sb.append(" ack=").append(m.ackId());
        }
        for (Bytes a : m.attachments()) {
            sb.append(" <").append(a.hexSpaced()).append('>');
        }
        if (m.protocol() != null && !"socket.io".equals(m.protocol()) && m.text() != null && !m.text().isEmpty()) {
            sb.append("  ").append(m.text().length() > 120 ? m.text().substring(0, 117) + "…" : m.text());
        }
        return sb.toString();
    }

    private static BigDecimal seconds(long nanos) {
        return BigDecimal.valueOf(nanos, 9);
    }
}
