package org.netsim.capture.decode;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.netsim.json.JsJson;
import org.netsim.pdu.Bytes;
import org.netsim.pdu.Pdu;

/**
 * One thing found in the reassembled streams of a capture: a Socket.IO packet (binary attachments joined, an ACK
 * joined to the emit it answers), an Engine.IO packet that is not a message (open, ping, pong, upgrade, noop, close),
 * a WebSocket control frame, bytes the capture missed (a gap), or something that could not be decoded, with why.
 *
 * @param kind         what this is
 * @param frame        the frame (from 1) that completed it: for a message split across TCP segments, the last one, as
 *                     Wireshark shows a reassembled PDU; for a gap, the first frame after it
 * @param firstFrame   the frame that carried its first byte (equal to {@code frame} for a message in one segment)
 * @param timeNanos    {@code frame}'s timestamp, nanoseconds since the Unix epoch
 * @param src          sender as {@code ip:port} ("" if the frame has no IPv4 addresses)
 * @param dst          receiver as {@code ip:port}
 * @param transport    {@code websocket} or {@code polling}; {@code null} for gaps and frames below TCP
 * @param protocol     {@code socket.io}, {@code engine.io}, {@code websocket}, or {@code tcp} for a gap
 * @param type         {@code EVENT}, {@code ACK}, {@code CONNECT}, ..., {@code PING}, {@code CONNECTION CLOSE},
 *                     {@code GAP}
 * @param namespace    the Socket.IO namespace, or {@code null}
 * @param event        an EVENT's name, or {@code null}
 * @param args         the arguments as JSON text in {@code JSON.stringify}'s form (an EVENT's after its name, an ACK's
 *                     answer values, a CONNECT's data), or {@code null}
 * @param ackId        the acknowledgement id, or {@code null}
 * @param attachments  binary attachments in placeholder order
 * @param text         the packet as it travels ({@code 42["chat","hi"]}, Engine.IO type digit included), or
 *                     {@code null}
 * @param answersFrame for an ACK, the frame of the EVENT it answers (0 if that emit is not in the capture)
 * @param answersEvent for an ACK, the name of the event it answers, or {@code null}
 * @param missing      for a gap, how many bytes of the stream were not captured
 * @param malformed    why it could not be decoded ({@code <Protocol>: <reason>}), or {@code null}
 * @param pdus         the decoded units that carried it, as the same {@link Pdu} trees the simulator shows (the
 *                     WebSocket frames, or the HTTP message), when the decoder was asked to keep them; else empty
 */
public record CaptureMessage(Kind kind, long frame, long firstFrame, long timeNanos, String src, String dst,
                             String transport, String protocol, String type, String namespace, String event,
                             String args, Long ackId, List<Bytes> attachments, String text, long answersFrame,
                             String answersEvent, long missing, String malformed, List<Pdu> pdus) {

    /** What a {@link CaptureMessage} is. */
    public enum Kind {
        /** A Socket.IO packet, an Engine.IO packet or a WebSocket control frame. */
        MESSAGE,
        /** Bytes of a TCP stream that are not in the capture ("previous segment not captured"). */
        GAP,
        /** A frame, message or packet that breaks its protocol, or is incomplete; {@link #malformed()} says why. */
        MALFORMED
    }

    public CaptureMessage {
        attachments = List.copyOf(attachments);
        pdus = List.copyOf(pdus);
    }

    public boolean isMalformed() {
        return kind == Kind.MALFORMED;
    }

    public boolean isGap() {
        return kind == Kind.GAP;
    }

    /** The arguments as a JSON tree ({@code JSON.parse} of {@link #args()}), or {@code null}. */
    public JsonNode argsJson() {
        return args == null ? null : JsJson.parse(args);
    }

    /** Whether the message arrived in more than one frame. */
    public boolean isReassembled() {
        return firstFrame != frame;
    }
}
