package org.netsim.capture.decode;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.netsim.pdu.Bytes;
import org.netsim.pdu.Field;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.Protocol;

/**
 * Where every decoded message leaves the decoder: fills the one reused {@link MessageView} and hands it to the
 * listener, so a message costs no object of its own unless the listener keeps it.
 */
final class MessageOut {
    private static final Set<Protocol> APPLICATION =
            EnumSet.of(Protocol.HTTP, Protocol.WEBSOCKET, Protocol.ENGINEIO, Protocol.SOCKETIO);

    private final CaptureDecoder.Listener listener;
    private final MessageView view = new MessageView();

    MessageOut(CaptureDecoder.Listener listener) {
        this.listener = listener;
    }

    /** The view, cleared and filled with what every message has; the caller sets the rest and {@link #send}s it. */
    MessageView begin(CaptureMessage.Kind kind, long frame, long first, long time, String src, String dst,
                      String transport) {
        MessageView v = view;
        v.reset();
        v.kind = kind;
        v.frame = frame;
        v.firstFrame = first;
        v.timeNanos = time;
        v.src = src;
        v.dst = dst;
        v.transport = transport;
        return v;
    }

    void send(MessageView v) {
        listener.message(v);
    }

    /** A malformed message on one direction of a connection. */
    void bad(Side s, long frame, long first, long time, String reason, List<Pdu> pdus) {
        bad(frame, first, time, s.flow.source(), s.flow.destination(), s.transport(), reason, pdus);
    }

    void bad(long frame, long first, long time, String src, String dst, String transport, String reason,
             List<Pdu> pdus) {
        MessageView v = begin(CaptureMessage.Kind.MALFORMED, frame, first, time, src, dst, transport);
        v.malformed = reason;
        v.pdus = pdus;
        listener.message(v);
    }

    /** A message whose text and arguments are Strings (the fast Socket.IO path fills the view itself). */
    void message(Side s, long frame, long first, long time, String transport, String protocol,
                 String type, String namespace, String event, String args, Long ackId,
                 List<Bytes> attachments, String text, long answersFrame, String answersEvent,
                 List<Pdu> pdus) {
        MessageView v = begin(CaptureMessage.Kind.MESSAGE, frame, first, time, s.flow.source(), s.flow.destination(),
                transport);
        v.protocol = protocol;
        v.type = type;
        v.namespace = namespace;
        v.event = event;
        v.argsString = args;
        v.hasAckId = ackId != null;
        v.ackId = ackId == null ? 0 : ackId;
        v.attachments = attachments.isEmpty() ? List.of() : List.copyOf(attachments);
        v.textString = text;
        v.answersFrame = answersFrame;
        v.answersEvent = answersEvent;
        v.pdus = pdus.isEmpty() ? List.of() : List.copyOf(pdus);
        listener.message(v);
    }

    /**
     * Why a decoded unit is bad: its first malformed PDU's reason, or else the first problem recorded on a field of an
     * application protocol (a reserved opcode, text that is not UTF-8), which a receiver would fail the connection
     * for. Checksums are left out: Linux leaves them to offload on loopback.
     */
    static String problem(Pdu root) {
        Optional<Pdu> bad = root.firstMalformed();
        if (bad.isPresent()) {
            return bad.get().protocol().title() + ": " + bad.get().malformed().reason();
        }
        String[] found = {null};
        root.walk(pdu -> {
            if (found[0] == null && APPLICATION.contains(pdu.protocol())) {
                for (Field f : pdu.fields()) {
                    if (f.problem() != null) {
                        found[0] = pdu.protocol().title() + ": " + f.name() + " " + f.display() + ": " + f.problem();
                        break;
                    }
                }
            }
        });
        return found[0] != null ? found[0] : root.protocol().title() + ": malformed";
    }
}
