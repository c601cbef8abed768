package org.netsim.sim.socketio;

import java.util.ArrayList;
import java.util.List;
import org.netsim.pdu.Bytes;
import org.netsim.wire.engineio.EngineIoCodec;
import org.netsim.wire.engineio.EngineIoPacket;
import org.netsim.wire.engineio.EngineIoType;
import org.netsim.wire.http.NodeSocketIoHttp;

/**
 * engine.io-client's long-polling transport ({@code Polling} over node-XMLHttpRequest): one GET always pending, the
 * packets to send in a POST, not writable while that POST waits for its {@code ok}. An answer that is not 200 is a
 * transport error ("xhr poll error", "xhr post error"). Closing it sends the close packet {@code 1} in a POST.
 */
final class ClientPolling extends ClientTransport {
    private boolean polling;
    private final List<Runnable> onPollComplete = new ArrayList<>(1);
    private final List<Runnable> onDrain = new ArrayList<>(1);

    ClientPolling(ClientEngine engine) {
        super(engine);
    }

    @Override
    String name() {
        return "polling";
    }

    @Override
    void open() {
        poll();
    }

    private void poll() {
        polling = true;
        String sid = engine.sid();
        engine.http(NodeSocketIoHttp.pollingGet(engine.hostHeader(), engine.timestamp(), sid),
                sid == null ? "polling GET (handshake)" : "polling GET", this::polled);
    }

    private void polled(int status, List<EngineIoPacket> packets) {
        if (status != 200) {
            failed("xhr poll error");
        } else {
            data(packets);
        }
        engine.received();
    }

    /** {@code onData}: every packet to the engine, then, unless closed or pausing, the next GET. */
    private void data(List<EngineIoPacket> packets) {
        for (EngineIoPacket p : packets) {
            if (state == State.OPENING && p.type() == EngineIoType.OPEN) {
                state = State.OPEN;
                writable = true;
            }
            if (p.type() == EngineIoType.CLOSE) {
                closedByPeer("transport closed by the server");
                continue;
            }
            deliver(p);
        }
        if (state != State.CLOSED) {
            polling = false;
            run(onPollComplete);
            if (state == State.OPEN) {
                poll();
            }
        }
    }

    @Override
    protected void write(List<EngineIoPacket> packets) {
        writable = false;
        engine.http(NodeSocketIoHttp.pollingPost(engine.hostHeader(), engine.timestamp(), engine.sid(),
                Bytes.wrap(EngineIoCodec.encodePollingPayload(packets))), "polling POST", (status, body) -> {
                    if (status == 200) {
                        writable = true;
                        run(onDrain);
                        Listener l = listener;
                        if (l != null) {
                            l.drained();
                        }
                    } else {
                        failed("xhr post error");
                    }
                    engine.received();
                });
    }

    @Override
    protected void doClose() {
        // an open transport says goodbye with the close packet; one still opening has nobody to tell
        if (state == State.OPEN) {
            write(List.of(EngineIoPacket.CLOSE));
        }
    }

    /** Waits for the pending GET and a POST in flight, as the upgrade needs: then nothing else goes by polling. */
    @Override
    void pause(Runnable onPause) {
        state = State.PAUSING;
        Runnable paused = () -> {
            state = State.PAUSED;
            onPause.run();
        };
        int waits = (polling ? 1 : 0) + (writable ? 0 : 1);
        if (waits == 0) {
            paused.run();
            return;
        }
        int[] left = {waits};
        Runnable one = () -> {
            if (--left[0] == 0) {
                paused.run();
            }
        };
        if (polling) {
            onPollComplete.add(one);
        }
        if (!writable) {
            onDrain.add(one);
        }
    }

    private static void run(List<Runnable> once) {
        if (once.isEmpty()) {
            return;
        }
        List<Runnable> now = new ArrayList<>(once);
        once.clear();
        now.forEach(Runnable::run);
    }
}
