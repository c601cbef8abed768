package org.netsim.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.netsim.capture.decode.CaptureDecoder;
import org.netsim.capture.decode.MessageView;
import org.netsim.capture.file.CaptureFileException;
import org.netsim.capture.file.CaptureFileReader;
import org.netsim.capture.file.CapturedFrame;
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
        out.flush();
        // on the process's output, UTF-8 bytes go straight to the stream; elsewhere (tests) through the writer
        LineBuffer line = out instanceof ProcessOut p ? new LineBuffer(p.stream()) : new LineBuffer(out);
        CaptureDecoder decoder = new CaptureDecoder(m -> {
            try {
                if (json) {
                    appendJson(m, line);
                } else {
                    appendText(m, first, line);
                }
                line.newline();
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
            line.flush();
            out.flush();
            throw new UserError(file + ": " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        line.flush();
        out.flush();
        return 0;
    }

    /** One JSON object with the fields of a {@link org.netsim.capture.decode.CaptureMessage}. */
    static void appendJson(MessageView m, LineBuffer sb) {
        sb.text("{\"frame\":").number(m.frame());
        sb.text(",\"time\":");
        if (m.timeNanos() == CapturedFrame.NO_TIMESTAMP) {
            sb.text("null");
        } else {
            sb.seconds(m.timeNanos(), 9);
        }
        field(sb, "src", m.src().isEmpty() ? null : m.src());
        field(sb, "dst", m.dst().isEmpty() ? null : m.dst());
        if (m.isMalformed()) {
            field(sb, "malformed", m.malformed());
            sb.ascii('}');
            return;
        }
        sb.text(",\"firstFrame\":").number(m.firstFrame());
        field(sb, "transport", m.transport());
        field(sb, "protocol", m.protocol());
        field(sb, "type", m.type());
        if (m.isGap()) {
            sb.text(",\"missing\":").number(m.missing()).ascii('}');
            return;
        }
        field(sb, "namespace", m.namespace());
        field(sb, "event", m.event());
        sb.text(",\"args\":");
        args(m, sb, "null");
        sb.text(",\"ackId\":");
        if (m.hasAckId()) {
            sb.number(m.ackIdValue());
        } else {
            sb.text("null");
        }
        sb.text(",\"attachments\":[");
        for (int i = 0; i < m.attachments().size(); i++) {
            sb.text(i == 0 ? "\"" : ",\"").text(m.attachments().get(i).hex()).ascii('"');
        }
        sb.ascii(']');
        if (m.answersFrame() > 0) {
            sb.text(",\"answersFrame\":").number(m.answersFrame());
            field(sb, "answersEvent", m.answersEvent());
        }
        field(sb, "text", m.text());
        sb.ascii('}');
    }

    private static void args(MessageView m, LineBuffer sb, String none) {
        int n = m.argsUtf8Length();
        if (n < 0) {
            sb.text(none);
            return;
        }
        byte[] b = sb.reserve(n);
        sb.advance(m.copyArgsUtf8(b, sb.position()));
    }

    private static void field(LineBuffer sb, String name, String value) {
        sb.text(",\"").text(name).text("\":");
        if (value == null) {
            sb.text("null");
        } else {
            sb.quoted(value);
        }
    }

    private static final byte[] TWO_SPACES = {' ', ' '};
    private static final byte[] ARROW = " \u2192 ".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    /** One line: frame, time since the first frame, sender → receiver, then what was found. */
    static void appendText(MessageView m, long first, LineBuffer sb) {
        sb.number(m.frame()).bytes(TWO_SPACES);
        // relative to the first frame, as Wireshark's default time column
        if (m.timeNanos() == CapturedFrame.NO_TIMESTAMP || first == CapturedFrame.NO_TIMESTAMP) {
            sb.ascii('-');
        } else {
            sb.seconds(m.timeNanos() - first, 6);
        }
        sb.bytes(TWO_SPACES);
        if (!m.src().isEmpty()) {
            sb.recurring(m.src()).bytes(ARROW).recurring(m.dst()).bytes(TWO_SPACES);
        }
        if (m.isMalformed()) {
            sb.text("[Malformed] ").text(m.malformed());
            return;
        }
        if (m.isGap()) {
            sb.text("[Gap] ").number(m.missing()).text(m.missing() == 1 ? " byte" : " bytes")
                    .text(" not captured (previous segment not captured)");
            return;
        }
        sb.recurring(m.transport()).bytes(TWO_SPACES).recurring(m.protocol()).ascii(' ').recurring(m.type());
        if (m.namespace() != null && !"/".equals(m.namespace())) {
            sb.ascii(' ').recurring(m.namespace());
        }
        if (m.event() != null) {
            sb.ascii(' ').quoted(m.event());
        }
        if (m.hasArgs()) {
            sb.ascii(' ');
            args(m, sb, "");
        }
        if (m.hasAckId()) {
            sb.text(" ack=").number(m.ackIdValue());
        }
        for (Bytes a : m.attachments()) {
            sb.text(" <").text(a.hexSpaced()).ascii('>');
        }
        if (m.answersFrame() > 0) {
            sb.text(" (answers ");
            if (m.answersEvent() != null) {
                sb.quoted(m.answersEvent()).ascii(' ');
            }
            sb.text("of frame ").number(m.answersFrame()).ascii(')');
        }
        if (!"socket.io".equals(m.protocol())) {
            String text = m.text();
            if (text != null && !text.isEmpty()) {
                sb.text("  ").text(text.length() > 120 ? text.substring(0, 117) + "\u2026" : text);
            }
        }
        if (m.isReassembled()) {
            sb.text("  [frames ").number(m.firstFrame()).ascii('-').number(m.frame()).ascii(']');
        }
    }
}
