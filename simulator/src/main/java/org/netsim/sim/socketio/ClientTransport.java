package org.netsim.sim.socketio;

import java.util.List;
import org.netsim.wire.engineio.EngineIoPacket;

/**
 * One transport of engine.io-client 6.6 (its {@code Transport} class): long-polling or a WebSocket, with the state
 * and the {@code writable} flag the engine and a volatile emit look at. What it hears goes to its {@link Listener};
 * the engine sets the listener to {@code null} when it lets go of the transport ({@code removeAllListeners}), and
 * from then on the transport's answers, errors and close are heard by nobody, as in Node.
 */
abstract class ClientTransport {
    /** {@code readyState}: polling also pauses while the engine upgrades. */
    enum State { OPENING, OPEN, PAUSING, PAUSED, CLOSED }

    /** What the engine (or an upgrade probe) hears from a transport. */
    interface Listener {
        default void opened() {
        }

        default void packet(EngineIoPacket p) {
        }

        /** Everything sent has left: polling's POST was answered {@code ok}. */
        default void drained() {
        }

        default void error(String reason) {
        }

        default void closed(String description) {
        }
    }

    protected final ClientEngine engine;
    protected State state = State.OPENING;
    protected boolean writable;
    protected Listener listener;

    ClientTransport(ClientEngine engine) {
        this.engine = engine;
    }

    abstract String name();

    abstract void open();

    /** Sends when open; otherwise the packets are dropped ("transport is not open, discarding packets"). */
    final void send(List<EngineIoPacket> packets) {
        if (state == State.OPEN) {
            write(packets);
        }
    }

    protected abstract void write(List<EngineIoPacket> packets);

    /** {@code close()}: what the transport does on the wire to close, then it is closed. Nobody hears of it. */
    final void close() {
        listener = null;
        if (state == State.OPENING || state == State.OPEN) {
            doClose();
            state = State.CLOSED;
        }
    }

    protected abstract void doClose();

    /** Waits for what is in flight, then calls {@code onPause}; only polling has anything to wait for. */
    void pause(Runnable onPause) {
        onPause.run();
    }

    boolean writable() {
        return writable;
    }

    State state() {
        return state;
    }

    /** The peer closed the transport: it is closed, and the engine hears of it. */
    protected final void closedByPeer(String description) {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        Listener l = listener;
        if (l != null) {
            l.closed(description);
        }
    }

    protected final void failed(String reason) {
        Listener l = listener;
        if (l != null) {
            l.error(reason);
        }
    }

    protected final void deliver(EngineIoPacket p) {
        Listener l = listener;
        if (l != null) {
            l.packet(p);
        }
    }
}
