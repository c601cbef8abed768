package org.netsim.wire.websocket;

import java.util.ArrayList;
import java.util.List;
import org.netsim.pdu.Bytes;

/**
 * Joins the frames of one connection direction into messages (RFC 6455 §5.4): a data frame with FIN set is a whole
 * message; one with FIN clear starts a fragmented message that Continuation frames extend until one has FIN set.
 * "Control frames MAY be injected in the middle of a fragmented message", so Close, Ping and Pong pass through at any
 * time. A frame that breaks these rules gives an {@link Error} and drops the message in progress, since the endpoint
 * "MUST _Fail the WebSocket Connection_".
 *
 * <p>Mutable: one assembler per direction of a connection, fed in order.
 */
public final class MessageAssembler {

    /** What one frame brought. */
    public sealed interface Result permits Message, Control, Partial, Error {
    }

    /**
     * A complete message.
     *
     * @param opcode Text or Binary (or a reserved data opcode), from the message's first frame
     * @param data   the message's application data, the frames' payloads joined
     * @param frames how many frames carried it
     */
    public record Message(Opcode opcode, Bytes data, int frames) implements Result {
        public String text() {
            return data.utf8();
        }
    }

    /** A control frame, delivered as it came, even in the middle of a fragmented message. */
    public record Control(WebSocketFrame frame) implements Result {
    }

    /** A fragment was stored; the message is not complete yet. */
    public record Partial(Opcode opcode, int frames, int bytes) implements Result {
    }

    /** The frame breaks the rules of RFC 6455 §5.4-§5.6; the message in progress, if any, is dropped. */
    public record Error(String reason, WebSocketFrame frame) implements Result {
    }

    public static final String CONTINUATION_WITHOUT_MESSAGE = "continuation frame without a message in progress";
    public static final String DATA_DURING_FRAGMENTED = "new data frame while a fragmented message is in progress";
    public static final String TEXT_NOT_UTF8 = "text message is not valid UTF-8 (RFC 6455 §8.1)";
    public static final String CONTROL_FRAGMENTED = "control frame is fragmented (RFC 6455 §5.5)";

    private Opcode opcode;
    private final List<Bytes> parts = new ArrayList<>();
    private int bytes;
    private boolean compressed;

    /** Whether a fragmented message has started and not yet ended. */
    public boolean inProgress() {
        return opcode != null;
    }

    /** Drops the message in progress. */
    public void reset() {
        opcode = null;
        parts.clear();
        bytes = 0;
        compressed = false;
    }

    /** Takes the next frame of the direction. */
    public Result accept(WebSocketFrame f) {
        Opcode op = f.opcode();
        if (op.isControl()) {
            if (!f.fin()) {
                return fail(CONTROL_FRAGMENTED, f);
            }
            if (f.payload().length() > WebSocketFrame.MAX_CONTROL_PAYLOAD) {
                return fail("control frame payload length " + f.payload().length() + " exceeds 125 (RFC 6455 §5.5)",
                        f);
            }
            return new Control(f);
        }
        if (op.equals(Opcode.CONTINUATION)) {
            if (opcode == null) {
                return fail(CONTINUATION_WITHOUT_MESSAGE, f);
            }
            parts.add(f.payload());
            bytes += f.payload().length();
            if (!f.fin()) {
                return new Partial(opcode, parts.size(), bytes);
            }
            Opcode first = opcode;
            boolean deflated = compressed;
            byte[] all = new byte[bytes];
            int at = 0;
            for (Bytes p : parts) {
                p.copyTo(all, at);
                at += p.length();
            }
            int frames = parts.size();
            reset();
            return message(first, Bytes.wrap(all), frames, deflated, f);
        }
        if (opcode != null) {
            return fail(DATA_DURING_FRAGMENTED, f);
        }
        if (f.fin()) {
            return message(op, f.payload(), 1, f.rsv1(), f);
        }
        opcode = op;
        compressed = f.rsv1();
        parts.add(f.payload());
        bytes = f.payload().length();
        return new Partial(op, 1, bytes);
    }

    private Result message(Opcode op, Bytes data, int frames, boolean deflated, WebSocketFrame last) {
        // RSV1 on a message's first frame means permessage-deflate compressed it (RFC 7692 §6): no text to check yet.
        if (op.equals(Opcode.TEXT) && !deflated && !Utf8.isValid(data.toArray(), 0, data.length())) {
            return new Error(TEXT_NOT_UTF8, last);
        }
        return new Message(op, data, frames);
    }

    private Error fail(String reason, WebSocketFrame f) {
        reset();
        return new Error(reason, f);
    }
}
