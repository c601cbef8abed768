package org.netsim.lessons.student;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.netsim.capture.decode.CaptureDecoder;
import org.netsim.capture.decode.CaptureMessage;
import org.netsim.capture.file.CaptureFileReader;
import org.netsim.capture.file.CapturedFrame;
import org.netsim.pdu.Bytes;
import org.netsim.scenario.Scenario;
import org.netsim.scenario.ScenarioRun;
import org.netsim.scenario.ScenarioRunner;

/**
 * The recorded captures the automated student answers a {@code captured} step with, as a student without capture
 * rights opens a capture file in the Live capture tab: real Node socket.io 4.8.4 captures, decoded. They ship in the assets module, which the lessons module does not depend on; whoever runs the student
 * hands over a class loader that sees them (the app's, or a test's), so the dependency stays {@code app → assets}.
 */
public final class ReferenceCaptures {
    /** The real Node socket.io 4.8.4 captures of the assets module, in the order they are tried. */
    public static final List<String> NODE_CAPTURES = List.of(
            "captures/node-socketio-4.8.4/websocket-only.pcap",
            "captures/node-socketio-4.8.4/polling-upgrade.pcap",
            "captures/node-socketio-4.8.4/rooms-broadcast.pcap",
            "captures/node-socketio-4.8.4/json-edge.pcap",
            "captures/node-socketio-4.8.4/polling-only.pcap");

    /** One recorded capture: its resource name and its messages, decoded as the Live capture tab decodes them. */
    public record Recorded(String name, List<CaptureMessage> messages) {
        public Recorded {
            messages = List.copyOf(messages);
        }
    }

    private final List<Recorded> all;

    private ReferenceCaptures(List<Recorded> all) {
        this.all = List.copyOf(all);
    }

    /** None: a {@code captured} step is answered with a capture of the simulation only. */
    public static ReferenceCaptures none() {
        return new ReferenceCaptures(List.of());
    }

    /** The {@link #NODE_CAPTURES} the class loader finds (those it does not find are left out). */
    public static ReferenceCaptures classPath(ClassLoader loader) {
        List<Recorded> out = new ArrayList<>();
        for (String resource : NODE_CAPTURES) {
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in == null) {
                    continue;
                }
                try (CaptureFileReader r = CaptureFileReader.open(in)) {
                    List<CaptureMessage> messages = new ArrayList<>();
                    CaptureDecoder.forMessages(messages::add).decode(r);
                    out.add(new Recorded(resource, messages));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(resource, e);
            }
        }
        return new ReferenceCaptures(out);
    }

    public List<Recorded> all() {
        return all;
    }

    /**
     * The messages of what the server's card saw in a run of {@code s} with one more emit of {@code event} from the
     * first client {@code atNanos} after the start, decoded as a capture is.
     */
    static List<CaptureMessage> simulated(Scenario s, String event, long atNanos) {
        String client = s.clients().get(0).host();
        List<Scenario.Action> script = new ArrayList<>(s.script());
        script.add(new Scenario.Action(StepHands.micros(atNanos), client, event,
                JsonNodeFactory.instance.arrayNode().add("hi"), null, null, null, null, null, null, null, null, null,
                null));
        ScenarioRun run = ScenarioRunner.run(new Scenario(s.name(), s.description(), s.seed(), s.duration(),
                s.hosts(), s.switches(), s.routers(), s.links(), s.capture(), s.server(), s.clients(), script));
        List<CaptureMessage> out = new ArrayList<>();
        CaptureDecoder decoder = CaptureDecoder.forMessages(out::add);
        long n = 1;
        for (ScenarioRun.CapturedFrame f : run.capture(s.server().host())) {
            decoder.frame(new CapturedFrame(n++, f.timeNanos(), CapturedFrame.LINKTYPE_ETHERNET, f.bytes().length,
                    Bytes.of(f.bytes())));
        }
        decoder.finish();
        return out;
    }
}
