package org.netsim.app.gui.live;

import java.io.IOException;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.netsim.app.peer.EmbeddedPeer;

/** The live screen's built-in peer: started and stopped from the window, its log of what each side received. */
final class PeerControl {
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ObservableList<EmbeddedPeer.Received> log = FXCollections.observableArrayList();
    private EmbeddedPeer peer;

    /** Starts it on {@code port}, or a free port when that one is taken; returns the port. */
    int start(int port) throws IOException {
        if (peer != null) {
            return peer.port();
        }
        try {
            peer = EmbeddedPeer.start(port, false);
        } catch (IOException busy) {
            peer = EmbeddedPeer.start(0, false);
        }
        log.clear();
        running.set(true);
        return peer.port();
    }

    void emit(String event, String argsJson) {
        peer.emit(event, argsJson);
    }

    /** Adds what arrived since the last call to the log. */
    void refresh() {
        if (peer != null) {
            List<EmbeddedPeer.Received> all = peer.received();
            if (all.size() > log.size()) {
                log.addAll(all.subList(log.size(), all.size()));
            }
        }
    }

    void stop() {
        if (peer != null) {
            peer.close();
            peer = null;
            running.set(false);
        }
    }

    boolean running() {
        return peer != null;
    }

    int port() {
        return peer == null ? -1 : peer.port();
    }

    ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    ObservableList<EmbeddedPeer.Received> log() {
        return log;
    }
}
