package org.netsim.capture.decode;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.netsim.pdu.Bytes;
import org.netsim.pdu.Pdu;

/**
 * One decoded message as the decoder hands it to a {@link CaptureDecoder.Listener}: the same fields as
 * {@link CaptureMessage}, read in place. The view is reused for the next message and may point into the decoder's
 * buffers, so it is valid only during the call; {@link #toMessage()} makes the immutable {@link CaptureMessage} to
 * keep. This is what lets a capture of millions of frames print its events without an object per event.
 */
public final class MessageView {
    CaptureMessage.Kind kind;
    long frame;
    long firstFrame;
    long timeNanos;
    String src;
    String dst;
    String transport;
    String protocol;
    String type;
    String namespace;
    String event;
    boolean hasAckId;
    long ackId;
    List<Bytes> attachments = List.of();
    long answersFrame;
    String answersEvent;
    long missing;
    String malformed;
    List<Pdu> pdus = List.of();
    // text and arguments: a String, or a range of `bytes` (the Socket.IO text after the Engine.IO "4")
    String textString;
    String argsString;
    byte[] bytes;
    int textFrom = -1;
    int textTo;
    int argsFrom = -1;
    int argsTo;
    boolean argsBracket;

    MessageView() {
    }

    void reset() {
        namespace = null;
        event = null;
        hasAckId = false;
        attachments = List.of();
        answersFrame = 0;
        answersEvent = null;
        missing = 0;
        malformed = null;
        pdus = List.of();
        textString = null;
        argsString = null;
        bytes = null;
        textFrom = -1;
        argsFrom = -1;
        argsBracket = false;
        protocol = null;
        type = null;
    }

    public CaptureMessage.Kind kind() {
        return kind;
    }

    public boolean isMalformed() {
        return kind == CaptureMessage.Kind.MALFORMED;
    }

    public boolean isGap() {
        return kind == CaptureMessage.Kind.GAP;
    }

    public long frame() {
        return frame;
    }

    public long firstFrame() {
        return firstFrame;
    }

    public long timeNanos() {
        return timeNanos;
    }

    public String src() {
        return src;
    }

    public String dst() {
        return dst;
    }

    public String transport() {
        return transport;
    }

    public String protocol() {
        return protocol;
    }

    public String type() {
        return type;
    }

    public String namespace() {
        return namespace;
    }

    public String event() {
        return event;
    }

    /** The ack id, or {@code null}. */
    public Long ackId() {
        return hasAckId ? ackId : null;
    }

    public boolean hasAckId() {
        return hasAckId;
    }

    /** The ack id; meaningful when {@link #hasAckId()}. */
    public long ackIdValue() {
        return ackId;
    }

    public List<Bytes> attachments() {
        return attachments;
    }

    public long answersFrame() {
        return answersFrame;
    }

    public String answersEvent() {
        return answersEvent;
    }

    public long missing() {
        return missing;
    }

    public String malformed() {
        return malformed;
    }

    public List<Pdu> pdus() {
        return pdus;
    }

    public boolean isReassembled() {
        return firstFrame != frame;
    }

    public boolean hasArgs() {
        return argsString != null || argsFrom >= 0;
    }

    /** The arguments as JSON text, or {@code null} (see {@link CaptureMessage#args()}). */
    public String args() {
        if (argsString != null || argsFrom < 0) {
            return argsString;
        }
        String s = SocketIoScan.text(bytes, argsFrom, argsTo);
        return argsBracket ? "[" + s : s;
    }

    /** Appends the arguments' JSON text, if any, without making a String of it. */
    public void appendArgs(StringBuilder sb) {
        if (argsString != null || argsFrom < 0) {
            if (argsString != null) {
                sb.append(argsString);
            }
            return;
        }
        if (argsBracket) {
            sb.append('[');
        }
        appendUtf8(bytes, argsFrom, argsTo, sb);
    }

    /** The length of the arguments' JSON text in UTF-8, or -1 if there are none. */
    public int argsUtf8Length() {
        if (argsString != null) {
            return argsString.getBytes(StandardCharsets.UTF_8).length;
        }
        return argsFrom < 0 ? -1 : argsTo - argsFrom + (argsBracket ? 1 : 0);
    }

    /** Copies the arguments' JSON text as UTF-8 into {@code dest} at {@code at} (room for {@link #argsUtf8Length()}). */
    public int copyArgsUtf8(byte[] dest, int at) {
        if (argsString != null) {
            byte[] b = argsString.getBytes(StandardCharsets.UTF_8);
            System.arraycopy(b, 0, dest, at, b.length);
            return at + b.length;
        }
        if (argsFrom < 0) {
            return at;
        }
        if (argsBracket) {
            dest[at++] = '[';
        }
        System.arraycopy(bytes, argsFrom, dest, at, argsTo - argsFrom);
        return at + argsTo - argsFrom;
    }

    /** The packet as it travels, or {@code null} (see {@link CaptureMessage#text()}). */
    public String text() {
        if (textString != null || textFrom < 0) {
            return textString;
        }
        return "4" + SocketIoScan.text(bytes, textFrom, textTo);
    }

    static void appendUtf8(byte[] b, int from, int to, StringBuilder sb) {
        for (int i = from; i < to; i++) {
            if (b[i] < 0) {
                sb.append(new String(b, i, to - i, StandardCharsets.UTF_8));
                return;
            }
            sb.append((char) b[i]);
        }
    }

    /** An immutable copy. */
    public CaptureMessage toMessage() {
        return new CaptureMessage(kind, frame, firstFrame, timeNanos, src, dst, transport, protocol, type, namespace,
                event, args(), ackId(), attachments, text(), answersFrame, answersEvent, missing, malformed, pdus);
    }

    @Override
    public String toString() {
        return toMessage().toString();
    }
}
