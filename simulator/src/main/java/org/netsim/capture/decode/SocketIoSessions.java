package org.netsim.capture.decode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netsim.json.JsJson;
import org.netsim.pdu.Bytes;
import org.netsim.pdu.Pdu;
import org.netsim.wire.engineio.EngineIoCodec;
import org.netsim.wire.engineio.EngineIoDecoded;
import org.netsim.wire.engineio.EngineIoPacket;
import org.netsim.wire.engineio.EngineIoType;
import org.netsim.wire.engineio.OpenPacket;
import org.netsim.wire.socketio.DecodeResult;
import org.netsim.wire.socketio.SocketIoCodec;
import org.netsim.wire.socketio.SocketIoPacket;
import org.netsim.wire.socketio.SocketIoType;

/**
 * The Engine.IO and Socket.IO side of a capture: Engine.IO packets from polling bodies and WebSocket messages, the
 * sessions they belong to (followed by {@code sid} across the many connections of long-polling), and per session the
 * Socket.IO state that spans packets: a binary event or ack waiting for its attachments, and emits waiting for the ACK
 * that answers them. The common Socket.IO packets take the {@link SocketIoScan} fast path, which builds no JSON tree.
 */
final class SocketIoSessions {
    private static final int MAX_SESSIONS = 10_000;
    private static final int MAX_OPEN_EMITS = 4096;
    private static final String[] SCAN_TYPES = {SocketIoType.CONNECT.name(), SocketIoType.DISCONNECT.name(),
            SocketIoType.EVENT.name(), SocketIoType.ACK.name()};

    /** One Engine.IO session's Socket.IO state: binary packets waiting for attachments, emits waiting for an ACK. */
    static final class Session {
        final Pending[] pending = new Pending[2];
        @SuppressWarnings("unchecked")
        final Map<AckKey, Emit>[] emits = new Map[] {openEmits(), openEmits()};

        private static Map<AckKey, Emit> openEmits() {
            return new LinkedHashMap<>(8) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<AckKey, Emit> eldest) {
                    return size() > MAX_OPEN_EMITS;
                }
            };
        }
    }

    private record AckKey(String namespace, long id) {
    }

    private record Emit(long frame, String event) {
    }

    /** A BINARY_EVENT or BINARY_ACK whose attachments are still to come. */
    private static final class Pending {
        final String type;
        final String transport;
        final String namespace;
        final String event;
        final String args;
        final Long ackId;
        final String text;
        final int count;
        final long firstFrame;
        final List<Bytes> attachments = new ArrayList<>(2);
        final List<Pdu> pdus;

        Pending(String type, String transport, String namespace, String event, String args, Long ackId, String text,
                int count, long firstFrame, List<Pdu> pdus) {
            this.type = type;
            this.transport = transport;
            this.namespace = namespace;
            this.event = event;
            this.args = args;
            this.ackId = ackId;
            this.text = text;
            this.count = count;
            this.firstFrame = firstFrame;
            this.pdus = pdus.isEmpty() ? List.of() : new ArrayList<>(pdus);
        }
    }

    private final MessageOut out;
    private final SocketIoScan scan = new SocketIoScan();
    private final Map<String, Session> sessions = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Session> eldest) {
            return size() > MAX_SESSIONS;
        }
    };

    SocketIoSessions(MessageOut out) {
        this.out = out;
    }

    /** The session with this {@code sid}, made on first sight. */
    Session session(String sid) {
        return sessions.computeIfAbsent(sid, k -> new Session());
    }

    // ----------------------------------------------------------------------------------- Engine.IO

    void pollingBody(Side s, Session session, Bytes body, long frame, long first, long time, List<Pdu> pdus) {
        byte[] b = body.toArray();
        EngineIoDecoded d = EngineIoCodec.decodePollingPayload(b, 0, b.length);
        for (EngineIoPacket p : d.packets()) {
            if (p.binary()) {
                binary(s, "polling", session, p.data(), frame, first, time, pdus);
            } else if (p.type() == EngineIoType.MESSAGE) {
                byte[] data = p.data().toArray();
                socketIo(s, "polling", session, data, 0, data.length, frame, first, time, pdus);
            } else {
                engineIoControl(s, "polling", session, p, frame, first, time, pdus);
            }
        }
        if (!d.isOk()) {
            out.bad(s, frame, first, time, "Engine.IO: " + d.malformed().reason(), pdus);
        }
    }

    void engineIoText(Side s, String transport, byte[] b, int off, int n, long frame, long first, long time,
                      List<Pdu> pdus) {
        if (n > 0 && b[off] == '4') {
            socketIo(s, transport, s.conv.session(), b, off + 1, n - 1, frame, first, time, pdus);
            return;
        }
        EngineIoDecoded d = EngineIoCodec.decodeWebSocketMessage(b, off, n, false);
        if (!d.isOk()) {
            out.bad(s, frame, first, time, "Engine.IO: " + d.malformed().reason(), pdus);
            return;
        }
        engineIoControl(s, transport, s.conv.session(), d.packets().get(0), frame, first, time, pdus);
    }

    private void engineIoControl(Side s, String transport, Session session, EngineIoPacket p, long frame, long first,
                                 long time, List<Pdu> pdus) {
        if (p.type() == EngineIoType.OPEN) {
            try {
                sessions.putIfAbsent(OpenPacket.parse(p.text()).sid(), session);
            } catch (IllegalArgumentException e) {
                out.bad(s, frame, first, time, "Engine.IO: open packet: " + e.getMessage(), pdus);
                return;
            }
        }
        out.message(s, frame, first, time, transport, "engine.io", p.type().name(), null, null, null, null,
                List.of(), p.type().digit() + p.text(), 0, null, pdus);
    }

    // ----------------------------------------------------------------------------------- Socket.IO

    /** The Socket.IO packet whose text (after the Engine.IO {@code 4}) is {@code b[off, off+n)}. */
    private void socketIo(Side s, String transport, Session session, byte[] b, int off, int n, long frame,
                          long first, long time, List<Pdu> pdus) {
        int dir = s.dir;
        Pending waiting = session.pending[dir];
        if (waiting != null) {
            // socket.io-parser: "got plaintext data when reconstructing a packet"
            session.pending[dir] = null;
            out.bad(s, frame, waiting.firstFrame, time, "Socket.IO: " + waiting.type + " declares " + waiting.count
                    + " attachments, " + waiting.attachments.size() + " arrived before the next packet", List.of());
        }
        if (!Utf8Check.isValid(b, off, off + n)) {
            out.bad(s, frame, first, time, "Socket.IO: " + SocketIoCodec.dissect(b, off, n).malformed().reason(),
                    pdus);
            return;
        }
        if (scan.scan(b, off, off + n)) {
            String type = SCAN_TYPES[scan.type];
            long answersFrame = 0;
            String answersEvent = null;
            if (scan.hasAckId) {
                if (scan.type == SocketIoScan.EVENT) {
                    session.emits[dir].put(new AckKey(scan.namespace, scan.ackId), new Emit(frame, scan.event));
                } else if (scan.type == SocketIoScan.ACK) {
                    Emit e = session.emits[1 - dir].remove(new AckKey(scan.namespace, scan.ackId));
                    if (e != null) {
                        answersFrame = e.frame;
                        answersEvent = e.event;
                    }
                }
            }
            MessageView v = out.begin(CaptureMessage.Kind.MESSAGE, frame, first, time, s.flow.source(),
                    s.flow.destination(), transport);
            v.protocol = "socket.io";
            v.type = type;
            v.namespace = scan.namespace;
            v.event = scan.event;
            v.hasAckId = scan.hasAckId;
            v.ackId = scan.ackId;
            v.bytes = b;
            v.textFrom = off;
            v.textTo = off + n;
            v.argsFrom = scan.argsFrom;
            v.argsTo = scan.argsTo;
            v.argsBracket = scan.argsBracket;
            v.answersFrame = answersFrame;
            v.answersEvent = answersEvent;
            v.pdus = pdus;
            out.send(v);
            return;
        }
        String text = "4" + SocketIoScan.text(b, off, off + n);
        DecodeResult r = SocketIoCodec.decode(text.substring(1));
        if (!r.isOk()) {
            out.bad(s, frame, first, time, "Socket.IO: " + r.error(), pdus);
            return;
        }
        SocketIoPacket p = r.packet();
        String event = eventName(p);
        String argsText = argumentsText(p);
        if (p.type().isBinary() && p.attachmentCount() > 0) {
            session.pending[dir] = new Pending(p.type().name(), transport, p.namespace(), event, argsText, p.ackId(),
                    text, p.attachmentCount(), first, pdus);
            return;
        }
        finishSocketIo(s, session, frame, first, time, transport, p.type().name(), p.namespace(), event, argsText,
                p.ackId(), List.of(), text, pdus);
    }

    /** The event name of an EVENT or BINARY_EVENT, or {@code null}. */
    static String eventName(SocketIoPacket p) {
        return isEvent(p) ? p.event() : null;
    }

    /**
     * A packet's arguments as JSON text: an event's data without the event name in front, any other packet's data as
     * it is; {@code null} if it has none.
     */
    static String argumentsText(SocketIoPacket p) {
        JsonNode args = p.data();
        if (isEvent(p) && args instanceof ArrayNode arr) {
            ArrayNode rest = arr.deepCopy();
            rest.remove(0);
            args = rest;
        }
        return args == null ? null : JsJson.stringify(args);
    }

    private static boolean isEvent(SocketIoPacket p) {
        return p.type() == SocketIoType.EVENT || p.type() == SocketIoType.BINARY_EVENT;
    }

    /** A binary Engine.IO message: the next attachment of a packet waiting for them, or binary data of its own. */
    void binary(Side s, String transport, Session session, Bytes data, long frame, long first, long time,
                List<Pdu> pdus) {
        Pending p = session.pending[s.dir];
        if (p == null) {
            out.message(s, frame, first, time, transport, "engine.io", "BINARY", null, null, null, null,
                    List.of(data), null, 0, null, pdus);
            return;
        }
        p.attachments.add(data);
        if (!pdus.isEmpty()) {
            p.pdus.addAll(pdus);
        }
        if (p.attachments.size() == p.count) {
            session.pending[s.dir] = null;
            finishSocketIo(s, session, frame, p.firstFrame, time, p.transport, p.type, p.namespace, p.event, p.args,
                    p.ackId, p.attachments, p.text, p.pdus);
        }
    }

    private void finishSocketIo(Side s, Session session, long frame, long first, long time, String transport,
                                String type, String namespace, String event, String args, Long ackId,
                                List<Bytes> attachments, String text, List<Pdu> pdus) {
        long answersFrame = 0;
        String answersEvent = null;
        if (ackId != null) {
            boolean isEvent = type.equals("EVENT") || type.equals("BINARY_EVENT");
            boolean isAck = type.equals("ACK") || type.equals("BINARY_ACK");
            if (isEvent) {
                session.emits[s.dir].put(new AckKey(namespace, ackId), new Emit(frame, event));
            } else if (isAck) {
                Emit e = session.emits[1 - s.dir].remove(new AckKey(namespace, ackId));
                if (e != null) {
                    answersFrame = e.frame;
                    answersEvent = e.event;
                }
            }
        }
        out.message(s, frame, first, time, transport, "socket.io", type, namespace, event, args, ackId, attachments,
                text, answersFrame, answersEvent, pdus);
    }

    /** A WebSocket direction ended: a packet still waiting there for attachments will not get them. */
    void streamEnded(Side s, Session session, String why, long frame, long time) {
        Pending p = session.pending[s.dir];
        if (p != null) {
            session.pending[s.dir] = null;
            out.bad(s, frame, p.firstFrame, time, "Socket.IO: " + p.type + " declares " + p.count
                    + " attachments, " + p.attachments.size() + " arrived before the end of the stream"
                    + why, List.of());
        }
    }
}
