package org.netsim.scenario;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.netsim.capture.decode.CaptureDecoder;
import org.netsim.capture.decode.CaptureMessage;
import org.netsim.capture.file.CapturedFrame;

/** What a capture point's frames say, read back by the capture decoder (as {@code netsim decode} would). */
final class Wire {
    /** One message on the wire: when, who sent it, by which transport, and its text ({@code 42["chat","hi"]}). */
    record Message(long timeNanos, String src, String transport, String type, String text) {
        boolean from(String ip) {
            return src.startsWith(ip + ":");
        }

        /** Milliseconds since the scenario's start. */
        double ms() {
            return (timeNanos - ScenarioRunner.START_NANOS) / 1e6;
        }

        @Override
        public String toString() {
            return String.format("%.3f %s %s %s", ms(), src, transport, text == null ? type : text);
        }
    }

    private Wire() {
    }

    static ScenarioRun run(String yaml) {
        return ScenarioRunner.run(ScenarioFile.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)),
                "test.yaml"));
    }

    /** Every message the decoder finds in what {@code point} captured, in capture order; fails on anything malformed. */
    static List<Message> messages(ScenarioRun run, String point) {
        List<Message> out = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        CaptureDecoder d = CaptureDecoder.forMessages(m -> {
            if (m.isMalformed() || m.isGap()) {
                bad.add(m.frame() + ": " + (m.isGap() ? "gap of " + m.missing() : m.malformed()));
            } else {
                out.add(new Message(m.timeNanos(), m.src(), m.transport(), m.type(), m.text()));
            }
        });
        long n = 0;
        for (ScenarioRun.CapturedFrame f : run.capture(point)) {
            n++;
            d.frame(n, f.timeNanos(), CapturedFrame.LINKTYPE_ETHERNET, f.bytes().clone(), 0, f.bytes().length);
        }
        d.finish();
        if (!bad.isEmpty()) {
            throw new AssertionError("the capture at " + point + " has undecodable parts: " + bad);
        }
        return out;
    }

    /** The texts of {@code messages} sent from {@code ip}. */
    static List<String> textsFrom(List<Message> messages, String ip) {
        return messages.stream().filter(m -> m.from(ip) && m.text() != null).map(Message::text).toList();
    }

    static Message first(List<Message> messages, String ip, String text) {
        return messages.stream().filter(m -> m.from(ip) && text.equals(m.text())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + text + " from " + ip + " in " + messages));
    }

    static Message firstStarting(List<Message> messages, String ip, String prefix) {
        return messages.stream().filter(m -> m.from(ip) && m.text() != null && m.text().startsWith(prefix))
                .findFirst().orElseThrow(() -> new AssertionError("no " + prefix + "… from " + ip + " in " + messages));
    }

    static int indexOf(List<Message> messages, Message m) {
        int i = messages.indexOf(m);
        if (i < 0) {
            throw new AssertionError(m + " not in " + messages);
        }
        return i;
    }
}
