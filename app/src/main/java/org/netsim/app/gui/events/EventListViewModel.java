package org.netsim.app.gui.events;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.netsim.app.gui.Messages;
import org.netsim.app.gui.session.LayerModel;
import org.netsim.app.gui.session.SessionViewModel;
import org.netsim.app.gui.time.TimeText;
import org.netsim.pdu.OsiLayer;
import org.netsim.pdu.Protocol;
import org.netsim.scenario.ScenarioRun;
import org.netsim.timeline.Connection;
import org.netsim.timeline.Query;
import org.netsim.timeline.Timeline;
import org.netsim.timeline.TimelineEvent;

/**
 * The event list: every event of the run, or those of one protocol, node and connection ({@link Timeline#query()} does
 * the filtering). Selecting a row selects the event in the session, and so everywhere; the filter is also offered to
 * playback ({@link #filterProperty()}) so that stepping follows the list the student sees.
 */
public final class EventListViewModel {
    private final SessionViewModel session;
    private final ObservableList<TimelineEvent> rows = FXCollections.observableArrayList();
    private final ObservableList<Protocol> protocols = FXCollections.observableArrayList();
    private final ObservableList<String> nodes = FXCollections.observableArrayList();
    private final ObservableList<Connection> connections = FXCollections.observableArrayList();
    /**
     * The read-only views handed out, made once: an unmodifiable view listens to its list only weakly, so a view
     * made per call and listened to by a caller is collected, and its listeners with it, at the next GC.
     */
    private final ObservableList<TimelineEvent> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<Protocol> readOnlyProtocols = FXCollections.unmodifiableObservableList(protocols);
    private final ObservableList<String> readOnlyNodes = FXCollections.unmodifiableObservableList(nodes);
    private final ObservableList<Connection> readOnlyConnections =
            FXCollections.unmodifiableObservableList(connections);
    private final ObjectProperty<Protocol> protocolFilter = new SimpleObjectProperty<>(this, "protocolFilter");
    private final ObjectProperty<String> nodeFilter = new SimpleObjectProperty<>(this, "nodeFilter");
    private final ObjectProperty<Connection> connectionFilter = new SimpleObjectProperty<>(this, "connectionFilter");
    private final ReadOnlyObjectWrapper<IntPredicate> filter = new ReadOnlyObjectWrapper<>(this, "filter");

    public EventListViewModel(SessionViewModel session) {
        this.session = session;
        session.runProperty().addListener((o, was, run) -> runChanged(run));
        protocolFilter.addListener((o, a, b) -> refilter());
        nodeFilter.addListener((o, a, b) -> refilter());
        connectionFilter.addListener((o, a, b) -> refilter());
        runChanged(session.run());
    }

    /** The events that pass the filters, in timeline order. */
    public ObservableList<TimelineEvent> rows() {
        return readOnlyRows;
    }

    /** The protocols that occur in the run, for the protocol filter. */
    public ObservableList<Protocol> protocols() {
        return readOnlyProtocols;
    }

    public ObservableList<String> nodes() {
        return readOnlyNodes;
    }

    public ObservableList<Connection> connections() {
        return readOnlyConnections;
    }

    /** Only events of this protocol; {@code null}: all. */
    public ObjectProperty<Protocol> protocolFilterProperty() {
        return protocolFilter;
    }

    public ObjectProperty<String> nodeFilterProperty() {
        return nodeFilter;
    }

    public ObjectProperty<Connection> connectionFilterProperty() {
        return connectionFilter;
    }

    /** Whether event {@code i} passes the filters; {@code null} when no filter is set. */
    public ReadOnlyObjectProperty<IntPredicate> filterProperty() {
        return filter.getReadOnlyProperty();
    }

    public void clearFilters() {
        protocolFilter.set(null);
        nodeFilter.set(null);
        connectionFilter.set(null);
    }

    /** Selects a row's event in the session ({@code null}: nothing, before the first event). */
    public void select(TimelineEvent e) {
        if (e == null) {
            return;
        }
        if (e.index() != session.selectedIndex()) {
            session.select(e.index());
        }
    }

    /** The row showing event {@code index}, or -1 if the filters hide it. */
    public int rowOf(int index) {
        int lo = 0;
        int hi = rows.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int at = rows.get(mid).index();
            if (at == index) {
                return mid;
            } else if (at < index) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------- column text

    public static String time(TimelineEvent e) {
        return TimeText.sinceStart(e.timeNanos());
    }

    /** The layer in the session's layer model: {@code 4 Transport} (OSI) or {@code 3 Transport} (TCP/IP). */
    public String layer(TimelineEvent e) {
        OsiLayer osi = e.layer();
        if (session.layerModelProperty().get() == LayerModel.TCP_IP) {
            int n = osi.tcpIp().number();
            return Messages.get("events.layer", n, Messages.get("events.tcpip." + n));
        }
        return Messages.get("events.layer", osi.number(), Messages.get("events.osi." + osi.number()));
    }

    /** Every layer name the layer column can show in the current model, for sizing it. */
    public List<String> layerNames() {
        List<String> out = new ArrayList<>();
        for (OsiLayer osi : OsiLayer.values()) {
            int n = osi.tcpIp().number();
            out.add(session.layerModelProperty().get() == LayerModel.TCP_IP
                    ? Messages.get("events.layer", n, Messages.get("events.tcpip." + n))
                    : Messages.get("events.layer", osi.number(), Messages.get("events.osi." + osi.number())));
        }
        return out;
    }

    public static String direction(TimelineEvent e) {
        return Messages.get("events.direction." + e.direction().name().toLowerCase(java.util.Locale.ROOT));
    }

    /** The engine's one-line info (a lost frame's says "(lost)"; the view also marks its row). */
    public static String info(TimelineEvent e) {
        return e.description();
    }

    public static String connection(Connection c) {
        return Messages.get("events.connection", c.index(), c.client(), c.endpoints(), c.server(), c.purpose());
    }

    // ---------------------------------------------------------------- filtering

    private void runChanged(ScenarioRun run) {
        Protocol p = protocolFilter.get();
        String n = nodeFilter.get();
        Connection c = connectionFilter.get();
        if (run == null) {
            protocols.clear();
            nodes.clear();
            connections.clear();
        } else {
            Timeline t = run.timeline();
            List<Protocol> present = new ArrayList<>();
            for (Protocol q : Protocol.values()) {
                if (t.query().protocol(q).count() > 0) {
                    present.add(q);
                }
            }
            protocols.setAll(present);
            nodes.setAll(t.nodes());
            connections.setAll(t.connections());
        }
        // a filter that still makes sense in the new run stays (an edit keeps nodes and, before the change, connections)
        if (n != null && !nodes.contains(n)) {
            nodeFilter.set(null);
        }
        if (c != null && !connections.contains(c)) {
            connectionFilter.set(null);
        }
        if (p != null && !protocols.contains(p)) {
            protocolFilter.set(null);
        }
        refilter();
    }

    private void refilter() {
        ScenarioRun run = session.run();
        if (run == null) {
            rows.clear();
            filter.set(null);
            return;
        }
        Timeline t = run.timeline();
        boolean any = protocolFilter.get() != null || nodeFilter.get() != null || connectionFilter.get() != null;
        Query q = t.query();
        if (protocolFilter.get() != null) {
            q.protocol(protocolFilter.get());
        }
        if (nodeFilter.get() != null) {
            q.node(nodeFilter.get());
        }
        if (connectionFilter.get() != null) {
            q.connection(connectionFilter.get().index());
        }
        List<TimelineEvent> out = new ArrayList<>();
        q.forEach(i -> out.add(t.get(i)));
        rows.setAll(out);
        filter.set(any ? q::matches : null);
    }
}
