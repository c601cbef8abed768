package org.netsim.app.gui.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.netsim.app.gui.session.LayerModel;
import org.netsim.app.gui.session.SessionViewModel;
import org.netsim.pdu.Protocol;
import org.netsim.timeline.Connection;
import org.netsim.timeline.Timeline;
import org.netsim.timeline.TimelineEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Filters of the event list (by protocol, node, connection, together), selection both ways, the column text. */
class EventListViewModelTest {
    private SessionViewModel session;
    private EventListViewModel list;
    private Timeline timeline;

    @BeforeEach
    void load() {
        session = new SessionViewModel();
        list = new EventListViewModel(session);
        assertThat(session.openShipped("broadcast-three-clients.yaml")).isTrue();
        timeline = session.run().timeline();
    }

    @Test
    void withoutFiltersEveryEventIsARowAndThereIsNoFilterForPlayback() {
        assertThat(list.rows()).hasSize(timeline.size());
        assertThat(list.filterProperty().get()).isNull();
        assertThat(list.nodes()).containsExactly("server", "alice", "bob", "carol", "switch");
        // WebSocket-only clients: HTTP appears only for the upgrade handshake, and no bytes are left undecoded
        assertThat(list.protocols()).contains(Protocol.ARP, Protocol.HTTP, Protocol.SOCKETIO)
                .doesNotContain(Protocol.DATA);
    }

    @Test
    void protocolFilterKeepsOnlyThatProtocol() {
        list.protocolFilterProperty().set(Protocol.SOCKETIO);
        assertThat(list.rows()).isNotEmpty().allMatch(e -> e.protocol() == Protocol.SOCKETIO);
        assertThat(list.rows()).hasSize(timeline.query().protocol(Protocol.SOCKETIO).count());
        assertThat(list.filterProperty().get().test(list.rows().get(0).index())).isTrue();
        int tcpEvent = timeline.query().protocol(Protocol.TCP).list().get(0).index();
        assertThat(list.filterProperty().get().test(tcpEvent)).isFalse();
    }

    @Test
    void nodeAndConnectionFiltersCombine() {
        list.nodeFilterProperty().set("bob");
        assertThat(list.rows()).isNotEmpty().allMatch(e -> e.node().equals("bob"));
        Connection bobs = list.connections().stream().filter(c -> c.client().equals("bob")).findFirst().orElseThrow();
        list.connectionFilterProperty().set(bobs);
        list.protocolFilterProperty().set(Protocol.TCP);
        assertThat(list.rows()).isNotEmpty().allMatch(e -> e.node().equals("bob") && e.protocol() == Protocol.TCP
                && e.connection().equals(bobs));
        assertThat(list.rows()).hasSize(timeline.query().node("bob").protocol(Protocol.TCP)
                .connection(bobs.index()).count());
        list.clearFilters();
        assertThat(list.rows()).hasSize(timeline.size());
        assertThat(list.filterProperty().get()).isNull();
    }

    @Test
    void aFilterOnARemovedNodeIsDropped() {
        list.nodeFilterProperty().set("carol");
        assertThat(session.removeClient("carol")).isTrue();
        assertThat(list.nodeFilterProperty().get()).isNull();
        assertThat(list.nodes()).doesNotContain("carol");
        assertThat(list.rows()).hasSize(session.run().timeline().size());
    }

    @Test
    void selectingARowSelectsTheEventInTheSessionAndRowOfFindsIt() {
        list.protocolFilterProperty().set(Protocol.SOCKETIO);
        TimelineEvent third = list.rows().get(2);
        list.select(third);
        assertThat(session.selectedIndex()).isEqualTo(third.index());
        assertThat(session.currentTime()).isEqualTo(third.timeNanos());
        assertThat(list.rowOf(third.index())).isEqualTo(2);
        int hidden = timeline.query().protocol(Protocol.ARP).list().get(0).index();
        assertThat(list.rowOf(hidden)).isEqualTo(-1);
    }

    @Test
    void columnTextFollowsTheLayerModelAndReadsTimeFromTheStart() {
        TimelineEvent tcp = timeline.query().protocol(Protocol.TCP).list().get(0);
        assertThat(list.layer(tcp)).isEqualTo("4 Transport");
        session.layerModelProperty().set(LayerModel.TCP_IP);
        assertThat(list.layer(tcp)).isEqualTo("3 Transport");
        TimelineEvent socketIo = timeline.query().protocol(Protocol.SOCKETIO).list().get(0);
        assertThat(list.layer(socketIo)).isEqualTo("4 Application");
        assertThat(EventListViewModel.time(timeline.get(0))).isEqualTo("0.000 \u00b5s");
        assertThat(EventListViewModel.direction(tcp)).isNotBlank();
        TimelineEvent at100ms = timeline.query().between(SessionViewModel.START_NANOS + 100_000_000L, Long.MAX_VALUE)
                .list().get(0);
        assertThat(EventListViewModel.time(at100ms)).isEqualTo("100.000000 ms");
    }

    /** A listener on the rows outlives garbage collections: the view's column sizing depends on it. */
    @Test
    void listenersOnTheRowsAndFilterChoicesSurviveAGarbageCollection() {
        int[] changes = new int[2];
        list.rows().addListener((javafx.collections.ListChangeListener<TimelineEvent>) c -> changes[0]++);
        list.nodes().addListener((javafx.collections.ListChangeListener<String>) c -> changes[1]++);
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        assertThat(session.openShipped("one-client.yaml")).isTrue();
        assertThat(changes[0]).isPositive();
        assertThat(changes[1]).isPositive();
        assertThat(list.rows()).isSameAs(list.rows());
    }
}
