package org.netsim.app.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.netsim.capture.decode.CaptureDecoder;
import org.netsim.capture.decode.MessageView;
import org.netsim.capture.file.CaptureFileException;
import org.netsim.capture.file.CaptureFileReader;
import org.netsim.capture.file.CapturedFrame;
import org.netsim.json.JsJson;
import org.netsim.pdu.Bytes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code netsim decode}: every Socket.IO, Engine.IO and WebSocket message in a pcap or pcapng file, decoded from the
 * reassembled TCP streams ({@link CaptureDecoder}), one line each. The file is read and decoded as a stream and the
 * lines are written through one buffer, so a capture of millions of frames decodes in little memory.
 */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = {"Decode the Socket.IO, Engine.IO and WebSocket messages in a pcap or pcapng file, one per line.",
                "TCP connections are reassembled first (segments out of order, retransmissions, segments the capture "
                        + "missed), so a message split across TCP segments decodes as one, shown at the frame that "
                        + "completes it. Binary attachments are joined to their event and acks to the emit they "
                        + "answer; bytes the capture missed show as [Gap] with their count, anything that cannot be "
                        + "decoded as [Malformed] with the reason."})
public final class DecodeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "A pcap or pcapng capture file.")
    Path file;

    @Option(names = "--json", description = "One JSON object per line instead of text.")
    boolean json;

    private long first = CapturedFrame.NO_TIMESTAMP;

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
        // the command's writer may flush on every line: one buffer in front of it keeps a big capture fast
        Writer w = new BufferedWriter(out, 1 << 16);
        StringBuilder line = new StringBuilder(256);
        char[][] chars = {new char[256]};
        CaptureDecoder decoder = new CaptureDecoder(m -> {
            line.setLength(0);
            if (json) {
                appendJson(m, line);
            } else {
                appendText(m, first, line);
            }
            line.append('\n');
            int n = line.length();
            if (chars[0].length < n) {
                chars[0] = new char[Math.max(n, chars[0].length * 2)];
            }
            line.getChars(0, n, chars[0], 0);
            try {
                w.write(chars[0], 0, n);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try (CaptureFileReader reader = CaptureFileReader.open(file)) {
            // the time column counts from the first frame, which the visitor sees before decoding it
            while (reader.read((index, ts, link, original, buf, off, len) -> {
                if (first == CapturedFrame.NO_TIMESTAMP) {
                    first = ts;
                }
                decoder.frame(index, ts, link, buf, off, len);
            })) {
                // decoded by the visitor
            }
            decoder.finish();
        } catch (NoSuchFileException e) {
            throw new UserError("cannot read " + file + ": no such file");
        } catch (CaptureFileException e) {
            // print what the frames before the bad record hold, then say where the file breaks
            decoder.finish();
            w.flush();
            out.flush();
            throw new UserError(file + ": " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        w.flush();
        out.flush();
        return 0;
    }

    /** One JSON object: the fields of a {@link CaptureMessage}. */
    static void appendJson(MessageView m, StringBuilder sb) {
        sb.append("{\"frame\":").append(m.frame());
        sb.append(",\"time\":");
        if (m.timeNanos() == CapturedFrame.NO_TIMESTAMP) {
            sb.append("null");
        } else {
            appendSeconds(m.timeNanos(), 9, sb);
        }
        field(sb, "src", m.src().isEmpty() ? null : m.src());
        field(sb, "dst", m.dst().isEmpty() ? null : m.dst());
        if (m.isMalformed()) {
            field(sb, "malformed", m.malformed());
            sb.append('}');
            return;
        }
        sb.append(",\"firstFrame\":").append(m.firstFrame());
        field(sb, "transport", m.transport());
        field(sb, "protocol", m.protocol());
        field(sb, "type", m.type());
        if (m.isGap()) {
            sb.append(",\"missing\":").append(m.missing()).append('}');
            return;
        }
        field(sb, "namespace", m.namespace());
        field(sb, "event", m.event());
        sb.append(",\"args\":");
        if (m.hasArgs()) {
            m.appendArgs(sb);
        } else {
            sb.append("null");
        }
        sb.append(",\"ackId\":");
        if (m.hasAckId()) {
            sb.append(m.ackIdValue());
        } else {
            sb.append("null");
        }
        sb.append(",\"attachments\":[");
        for (int i = 0; i < m.attachments().size(); i++) {
            sb.append(i == 0 ? "\"" : ",\"").append(m.attachments().get(i).hex()).append('"');
        }
        sb.append(']');
        if (m.answersFrame() > 0) {
            sb.append(",\"answersFrame\":").append(m.answersFrame());
            field(sb, "answersEvent", m.answersEvent());
        }
        field(sb, "text", m.text());
        sb.append('}');
    }

    private static void field(StringBuilder sb, String name, String value) {
        sb.append(",\"").append(name).append("\":");
        if (value == null) {
            sb.append("null");
        } else {
            JsJson.quote(value, sb);
        }
    }

    /** One line: frame, time since the first frame, sender → receiver, then what was found. */
    static void appendText(MessageView m, long first, StringBuilder sb) {
        sb.append(m.frame()).append("  ");
        // relative to the first frame, as Wireshark's default time column
        if (m.timeNanos() == CapturedFrame.NO_TIMESTAMP || first == CapturedFrame.NO_TIMESTAMP) {
            sb.append('-');
        } else {
            appendSeconds(m.timeNanos() - first, 6, sb);
        }
        sb.append("  ");
        if (!m.src().isEmpty()) {
            sb.append(m.src()).append(" → ").append(m.dst()).append("  ");
        }
        if (m.isMalformed()) {
            sb.append("[Malformed] ").append(m.malformed());
            return;
        }
        if (m.isGap()) {
            sb.append("[Gap] ").append(m.missing()).append(m.missing() == 1 ? " byte" : " bytes")
                    .append(" not captured (previous segment not captured)");
            return;
        }
        sb.append(m.transport()).append("  ").append(m.protocol()).append(' ').append(m.type());
        if (m.namespace() != null && !"/".equals(m.namespace())) {
            sb.append(' ').append(m.namespace());
        }
        if (m.event() != null) {
            sb.append(' ');
            JsJson.quote(m.event(), sb);
        }
        if (m.hasArgs()) {
            sb.append(' ');
            m.appendArgs(sb);
        }
        if (m.hasAckId()) {
            sb.append(" ack=").append(m.ackIdValue());
        }
        for (Bytes a : m.attachments()) {
            sb.append(" <").append(a.hexSpaced()).append('>');
        }
        if (m.answersFrame() > 0) {
            sb.append(" (answers ");
            if (m.answersEvent() != null) {
                JsJson.quote(m.answersEvent(), sb);
                sb.append(' ');
            }
            sb.append("of frame ").append(m.answersFrame()).append(')');
        }
        if (!"socket.io".equals(m.protocol())) {
            String text = m.text();
            if (text != null && !text.isEmpty()) {
                sb.append("  ").append(text.length() > 120 ? text.substring(0, 117) + "…" : text);
            }
        }
        if (m.isReassembled()) {
            sb.append("  [frames ").append(m.firstFrame()).append('-').append(m.frame()).append(']');
        }
    }

    /**
     * {@code nanos} as seconds with {@code digits} decimals (6 or 9), rounded half up as {@code %.6f} does, without
     * String.format (this runs once per line).
     */
    static void appendSeconds(long nanos, int digits, StringBuilder sb) {
        long scale = digits == 9 ? 1 : 1000;
        long unit = 1_000_000_000L / scale;
        long v = nanos;
        if (v < 0) {
            sb.append('-');
            v = -v;
        }
        long units = (v + scale / 2) / scale;
        sb.append(units / unit).append('.');
        long frac = units % unit;
        for (long d = unit / 10; d > 0; d /= 10) {
            sb.append((char) ('0' + frac / d % 10));
        }
    }
}
