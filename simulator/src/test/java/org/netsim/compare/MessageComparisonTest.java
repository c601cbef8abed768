package org.netsim.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netsim.capture.decode.CaptureDecoder;
import org.netsim.capture.decode.CaptureMessage;
import org.netsim.capture.file.CaptureFileReader;
import org.netsim.capture.file.CapturedFrame;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.Protocol;

/**
 * Captured events of Node's socket.io 4.8.4 (the reference captures) beside their simulated twins, message by message:
 * binary events (text part and attachments), a 70 KB event over many segments, and events over long-polling.
 */
class MessageComparisonTest {
    static final Path CAPTURES = Path.of("../assets/src/main/resources/captures/node-socketio-4.8.4");

    /** A reference capture's frames and messages. */
    record Capture(List<CapturedFrame> frames, List<CaptureMessage> messages) {
        static Capture of(String name) throws Exception {
            List<CapturedFrame> frames = new ArrayList<>();
            try (CaptureFileReader r = CaptureFileReader.open(CAPTURES.resolve(name))) {
                while (r.hasNext()) {
                    frames.add(r.next());
                }
            }
            List<CaptureMessage> messages = new ArrayList<>();
            CaptureDecoder d = CaptureDecoder.forMessages(messages::add);
            frames.forEach(d::frame);
            d.finish();
            return new Capture(frames, messages);
        }

        CaptureMessage event(String name) {
            return messages.stream().filter(m -> name.equals(m.event())).findFirst().orElseThrow();
        }

        CarriedMessage carried(CaptureMessage m) {
            return CarriedMessage.of(m, frames.subList((int) m.firstFrame() - 1, (int) m.frame()));
        }
    }

    @Test
    void aBinaryEventIsItsTextFrameAndOneFramePerAttachmentEachComparedWithItsTwin() throws Exception {
        Capture c = Capture.of("websocket-only.pcap");
        CaptureMessage nested = c.event("nested");
        CarriedMessage captured = c.carried(nested);
        assertThat(captured.units()).extracting(CarriedMessage.Unit::role, CarriedMessage.Unit::number)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CarriedMessage.Role.TEXT, 0),
                        org.assertj.core.groups.Tuple.tuple(CarriedMessage.Role.ATTACHMENT, 1),
                        org.assertj.core.groups.Tuple.tuple(CarriedMessage.Role.ATTACHMENT, 2));
        assertThat(captured.units().get(2).tree().find(Protocol.ENGINEIO).orElseThrow().field("engineio.binary")
                .orElseThrow().display()).isEqualTo("0607");
        // the frames that carried it, of its connection and direction only
        assertThat(captured.frames()).extracting(CarriedMessage.Carrier::index).startsWith(nested.firstFrame())
                .endsWith(nested.frame()).hasSize(3);

        MessageComparison cmp = MessageComparison.of(SimulatedTwin.of(nested, true, true).carried(), captured);
        assertThat(cmp.parts()).filteredOn(p -> p.kind() == MessageComparison.Kind.UNIT)
                .extracting(MessageComparison.Part::role, MessageComparison.Part::number)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CarriedMessage.Role.TEXT, 0),
                        org.assertj.core.groups.Tuple.tuple(CarriedMessage.Role.ATTACHMENT, 1),
                        org.assertj.core.groups.Tuple.tuple(CarriedMessage.Role.ATTACHMENT, 2));
        assertThat(cmp.unexpected()).as("%s", cmp.unexpected()).isEmpty();
        // the text part with the text part: opcode and Engine.IO agree (no "worth a look" on either)
        assertThat(cmp.differences()).extracting(FieldDifference::key)
                .doesNotContain("websocket.opcode", "engineio.type", "engineio.binary", "socketio.data")
                .contains("websocket.masking_key");
        assertThat(cmp.unpairedUnits()).isZero();
    }

    @Test
    void aServersBinaryEventIsUnmaskedOnBothSides() throws Exception {
        Capture c = Capture.of("websocket-only.pcap");
        CaptureMessage srvBin = c.event("srv-bin");
        MessageComparison cmp = MessageComparison.of(SimulatedTwin.of(srvBin, false, true).carried(),
                c.carried(srvBin));
        assertThat(cmp.unexpected()).as("%s", cmp.unexpected()).isEmpty();
        assertThat(cmp.differences()).extracting(FieldDifference::key).doesNotContain("websocket.masking_key");
        assertThat(cmp.parts()).filteredOn(p -> p.kind() == MessageComparison.Kind.UNIT).hasSize(2);
    }

    @Test
    void aSeventyKilobyteEventIsOneMessageOverItsSegments() throws Exception {
        Capture c = Capture.of("large-payload.pcap");
        CaptureMessage big = c.messages().stream().filter(m -> "big".equals(m.event())).findFirst().orElseThrow();
        assertThat(big.firstFrame()).isLessThan(big.frame());
        CarriedMessage captured = c.carried(big);
        assertThat(captured.units()).hasSize(1);
        assertThat(captured.textPart().bytes().length).isGreaterThan(70_000);
        SimulatedTwin twin = SimulatedTwin.of(big, true, true);
        // the simulation's Ethernet cuts it into 1448-byte segments, loopback into far larger ones
        assertThat(twin.carried().frames().size()).isGreaterThan(40).isGreaterThan(captured.frames().size());
        MessageComparison cmp = MessageComparison.of(twin.carried(), captured);
        assertThat(cmp.differences()).filteredOn(d -> d.protocol() == Protocol.SOCKETIO
                || d.protocol() == Protocol.ENGINEIO || d.protocol() == Protocol.WEBSOCKET
                && !d.key().equals("websocket.masking_key")).isEmpty();
        assertThat(cmp.unexpected()).as("%s", cmp.unexpected()).isEmpty();
        assertThat(cmp.parts()).filteredOn(p -> p.kind() == MessageComparison.Kind.FRAME)
                .hasSize(captured.frames().size())
                .allSatisfy(p -> assertThat(p.comparison().layers()).containsExactly(Protocol.ETHERNET,
                        Protocol.IPV4, Protocol.TCP));
        // given the whole capture, as the comparison screen gives it (so the dissector has seen the upgrade), the
        // carrying frames are reassembled as the capture numbers them: each earlier segment names the last
        List<CarriedMessage.Carrier> carriers = CarriedMessage.of(big, c.frames()).frames();
        assertThat(carriers).extracting(CarriedMessage.Carrier::index)
                .containsExactlyElementsOf(captured.frames().stream().map(CarriedMessage.Carrier::index).toList());
        CarriedMessage.Carrier last = carriers.get(carriers.size() - 1);
        assertThat(last.index()).isEqualTo(big.frame());
        for (CarriedMessage.Carrier carrier : carriers.subList(0, carriers.size() - 1)) {
            Pdu piece = carrier.tree().find(Protocol.TCP).orElseThrow().children().get(0);
            assertThat(piece.field("tcp.reassembled_in").orElseThrow().display()).isEqualTo("frame " + big.frame());
        }
        assertThat(last.tree().find(Protocol.SOCKETIO).orElseThrow().summary()).contains("\"big\"");
    }

    @Test
    void overLongPollingTheEngineIoPacketsOfTheBodyAreComparedWithTheTwinsBody() throws Exception {
        Capture c = Capture.of("polling-only.pcap");
        for (String event : List.of("some-event", "a", "bin", "reply", "two", "srv-bin")) {
            CaptureMessage m = c.event(event);
            CarriedMessage captured = c.carried(m);
            boolean fromClient = captured.units().get(0).tree().field("http.request.method").isPresent();
            SimulatedTwin twin = SimulatedTwin.of(m, fromClient, false);
            MessageComparison cmp = MessageComparison.of(twin.carried(), captured);
            assertThat(cmp.parts()).as(event).filteredOn(p -> p.kind() == MessageComparison.Kind.UNIT)
                    .extracting(MessageComparison.Part::role).startsWith(CarriedMessage.Role.HTTP,
                            CarriedMessage.Role.TEXT).hasSize(2 + m.attachments().size());
            assertThat(cmp.unexpected()).as("%s: %s", event, cmp.unexpected()).isEmpty();
            assertThat(cmp.differences()).as(event).noneMatch(d -> d.protocol() == Protocol.ENGINEIO
                    || d.protocol() == Protocol.SOCKETIO);
            // the HTTP message's own fields: the session in the URI, the clock, the address, a length
            assertThat(cmp.differences()).as(event).filteredOn(d -> d.protocol() == Protocol.HTTP)
                    .allSatisfy(d -> assertThat(d.key()).isIn("http.request.uri", "http.header"));
            // the simulated server writes a binary event's text and attachments in one GET response, as Node does
            // (srv-bin's twin is the simulation's own response); the simulated client posts the text as soon as its
            // transport is free and the attachments after, so a client's binary twin is joined for the comparison
            assertThat(twin.joined()).as(event).isEqualTo(fromClient && !m.attachments().isEmpty());
        }
    }

    @Test
    void framesThatDoNotHoldTheMessageAreExplainedNotThrownAsSomethingElse() throws Exception {
        Capture c = Capture.of("websocket-only.pcap");
        CaptureMessage bin = c.event("bin");
        // only the first frame: the attachment is missing
        assertThatThrownBy(() -> CarriedMessage.of(bin, c.frames().subList((int) bin.firstFrame() - 1,
                (int) bin.firstFrame()))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("do not hold 451-[\"bin\"");
        assertThatThrownBy(() -> CarriedMessage.of(bin, List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("are not held");
    }
}
