package org.netsim.app.gui.emit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.netsim.app.gui.session.SessionViewModel;
import org.netsim.app.gui.time.PlaybackViewModel;
import org.netsim.pdu.Protocol;
import org.netsim.timeline.Direction;
import org.netsim.timeline.Timeline;
import org.netsim.timeline.TimelineEvent;

/** The composer checks what is typed (JSON as JSON.parse reads it) and sends each cheatsheet form into the run. */
class EmitComposerViewModelTest {
    private final SessionViewModel session = new SessionViewModel();
    private final PlaybackViewModel playback = new PlaybackViewModel(session);
    private final EmitComposerViewModel emit = new EmitComposerViewModel(session, playback);

    private void open(String scenario) {
        assertThat(session.openShipped(scenario)).isTrue();
    }

    @Test
    void badJsonShowsTheParsersMessageAndDisablesSend() {
        open("one-client.yaml");
        assertThat(emit.canSendProperty().get()).isTrue();
        emit.argsProperty().set("[\"hi\",]");
        assertThat(emit.problemProperty().get())
                .isEqualTo("Arguments: Unexpected character ']' at line 1, column 7: expected a value");
        assertThat(emit.canSendProperty().get()).isFalse();
        assertThat(emit.send()).isFalse();
        emit.argsProperty().set("{'single': 1}");
        assertThat(emit.problemProperty().get()).startsWith("Arguments: Unexpected character '''");
        emit.argsProperty().set("{\"ok\": [1, 2.5, null, true]}");
        assertThat(emit.problemProperty().get()).isEmpty();
        assertThat(emit.canSendProperty().get()).isTrue();
        emit.argsProperty().set("");
        assertThat(emit.canSendProperty().get()).isTrue(); // no arguments at all is an emit too
    }

    @Test
    void eventNameRoomAndBytesAreChecked() {
        open("rooms.yaml");
        emit.eventProperty().set(" ");
        assertThat(emit.problemProperty().get()).isEqualTo("Give the event a name.");
        emit.eventProperty().set("disconnect");
        assertThat(emit.problemProperty().get()).contains("reserved");
        emit.eventProperty().set("news");
        emit.variantProperty().set(EmitVariant.TO_ROOM);
        emit.roomProperty().set("");
        assertThat(emit.problemProperty().get()).isEqualTo("Name the room.");
        assertThat(emit.rooms()).containsExactly("maths");
        emit.roomProperty().set("maths");
        assertThat(emit.canSendProperty().get()).isTrue();
        emit.variantProperty().set(EmitVariant.BINARY);
        emit.binaryHexProperty().set("abc");
        assertThat(emit.problemProperty().get()).startsWith("Binary data:");
        emit.binaryHexProperty().set("zz");
        assertThat(emit.canSendProperty().get()).isFalse();
        emit.binaryHexProperty().set("00ff10");
        assertThat(emit.canSendProperty().get()).isTrue();
        assertThat(emit.namespaces()).containsExactly("/", "/admin");
        assertThat(emit.clients()).containsExactly("alice", "bob", "carol");
    }

    @Test
    void sendAddsTheEmitAtTheCurrentTimeSelectsItAndPlays() {
        open("one-client.yaml");
        int idle = session.lastEventAtOrBefore(SessionViewModel.START_NANOS + 200_000_000L);
        session.select(idle);
        Timeline before = session.run().timeline();
        long now = session.currentTime();
        emit.eventProperty().set("quiz");
        emit.argsProperty().set("[\"what is 6 x 7?\", 42]");
        assertThat(emit.send()).isTrue();
        Timeline after = session.run().timeline();
        TimelineEvent selected = session.selectedEvent();
        assertThat(selected.node()).isEqualTo("alice");
        assertThat(selected.protocol()).isEqualTo(Protocol.SOCKETIO);
        assertThat(selected.direction()).isEqualTo(Direction.DOWN);
        assertThat(selected.description()).isEqualTo("EVENT \"quiz\" [\"what is 6 x 7?\",42]");
        assertThat(selected.timeNanos()).isEqualTo(now + EmitComposerViewModel.OFFSET_NANOS);
        assertThat(playback.isPlaying()).isTrue();
        // everything up to the moment of sending is the same run
        for (int i = 0; i <= idle; i++) {
            assertThat(after.get(i).toString()).isEqualTo(before.get(i).toString());
        }
        // and the server receives it
        assertThat(after.query().node("server").protocol(Protocol.SOCKETIO).direction(Direction.UP).list())
                .anyMatch(e -> e.description().equals("EVENT \"quiz\" [\"what is 6 x 7?\",42]"));
    }

    @Test
    void anEmitWithAckIsAcknowledged() {
        open("one-client.yaml");
        session.select(500);
        emit.variantProperty().set(EmitVariant.EMIT_WITH_ACK);
        emit.eventProperty().set("question");
        emit.argsProperty().set("\"again?\"");
        assertThat(emit.send()).isTrue();
        assertThat(session.selectedEvent().description()).isEqualTo("EVENT id=0 \"question\" [\"again?\"]");
        assertThat(session.run().timeline().query().node("alice").protocol(Protocol.SOCKETIO)
                .direction(Direction.UP).list()).anyMatch(e -> e.description().equals("ACK id=0 [\"42\"]"));
        // the scripted question at 400 ms now gets the next id
        assertThat(session.run().timeline().query().node("alice").protocol(Protocol.SOCKETIO)
                .direction(Direction.DOWN).list()).anyMatch(e -> e.description().startsWith("EVENT id=1 \"question\""));
    }

    @Test
    void aBinaryEmitCarriesTheBytesAsAnAttachment() {
        open("one-client.yaml");
        session.select(500);
        emit.variantProperty().set(EmitVariant.BINARY);
        emit.eventProperty().set("file");
        emit.argsProperty().set("[\"name.bin\"]");
        emit.binaryHexProperty().set("cafe");
        assertThat(emit.send()).isTrue();
        assertThat(session.selectedEvent().description()).startsWith("BINARY_EVENT").contains("\"file\"");
    }

    @Test
    void serverFormsReachTheRightClients() {
        open("broadcast-three-clients.yaml");
        session.select(session.lastEventAtOrBefore(SessionViewModel.START_NANOS + 50_000_000L));
        emit.variantProperty().set(EmitVariant.BROADCAST);
        emit.clientProperty().set("alice");
        emit.eventProperty().set("gossip");
        emit.argsProperty().set("[]");
        assertThat(emit.send()).isTrue();
        assertThat(session.selectedEvent().node()).isEqualTo("server");
        assertThat(receivers("gossip")).containsExactlyInAnyOrder("bob", "carol");

        emit.variantProperty().set(EmitVariant.TO_ALL);
        emit.eventProperty().set("bell");
        assertThat(emit.send()).isTrue();
        assertThat(receivers("bell")).containsExactlyInAnyOrder("alice", "bob", "carol");
    }

    @Test
    void roomFormsReachTheRoom() {
        open("rooms.yaml");
        session.select(session.run().timeline().query().between(SessionViewModel.START_NANOS + 160_000_000L,
                Long.MAX_VALUE).list().get(0).index());
        emit.variantProperty().set(EmitVariant.TO_ROOM);
        emit.roomProperty().set("maths");
        emit.eventProperty().set("homework");
        assertThat(emit.send()).isTrue();
        assertThat(receivers("homework")).containsExactlyInAnyOrder("alice", "bob");
        emit.variantProperty().set(EmitVariant.TO_ROOM_FROM_SOCKET);
        emit.clientProperty().set("bob");
        emit.eventProperty().set("note");
        assertThat(emit.send()).isTrue();
        assertThat(receivers("note")).containsExactly("alice");
    }

    @Test
    void aServerFormForASocketNotYetConnectedSaysThatNothingWasSent() {
        open("broadcast-three-clients.yaml");
        session.select(0);
        emit.variantProperty().set(EmitVariant.BROADCAST);
        emit.clientProperty().set("alice");
        assertThat(emit.send()).isFalse();
        assertThat(session.messageIsErrorProperty().get()).isTrue();
        assertThat(session.messageProperty().get()).contains("not connected");
        assertThat(playback.isPlaying()).isFalse();
    }

    @Test
    void aClientThatIsNotConnectedYetSendsTheEmitAfterItsConnect() {
        open("one-client.yaml");
        session.select(0);
        emit.eventProperty().set("early");
        assertThat(emit.send()).isTrue();
        TimelineEvent sent = session.selectedEvent();
        assertThat(sent.description()).isEqualTo("EVENT \"early\" [\"hi\"]");
        TimelineEvent connect = session.run().timeline().query().node("alice").protocol(Protocol.SOCKETIO)
                .direction(Direction.UP).list().get(0);
        assertThat(connect.description()).startsWith("CONNECT");
        assertThat(sent.timeNanos()).isGreaterThanOrEqualTo(connect.timeNanos());
    }

    private List<String> receivers(String event) {
        return session.run().timeline().query().protocol(Protocol.SOCKETIO).direction(Direction.UP).list().stream()
                .filter(e -> e.description().contains("\"" + event + "\"")).map(TimelineEvent::node).toList();
    }
}
