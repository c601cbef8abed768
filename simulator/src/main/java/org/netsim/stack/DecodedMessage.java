package org.netsim.stack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.netsim.pdu.Bytes;

/**
 * One message found in a capture: a Socket.IO packet (with its binary attachments joined), an Engine.IO control
 * packet (open, ping, pong, upgrade, noop, close), a WebSocket control frame, or a frame that could not be decoded.
 *
 * @param frame       the frame number (from 1) in which the message completed
 * @param timeNanos   that frame's timestamp, nanoseconds since the Unix epoch
 * @param src         sender as {@code ip:port}
 * @param dst         receiver as {@code ip:port}
 * @param transport   {@code websocket} or {@code polling}
 * @param protocol    {@code socket.io}, {@code engine.io} or {@code websocket}
 * @param type        the packet type: {@code EVENT}, {@code ACK}, {@code CONNECT}, ..., {@code PING}, {@code CLOSE}
 * @param namespace   Socket.IO namespace, or {@code null}
 * @param event       the event name of an EVENT, or {@code null}
 * @param args        the arguments (for an ACK, the answer values), or the CONNECT payload; {@code null} if none
 * @param ackId       the acknowledgement id, or {@code null}
 * @param attachments binary attachments in placeholder order
 * @param text        the packet as it travels, e.g. {@code 42["chat","hi"]} (Engine.IO type digit included)
 * @param malformed   why the frame could not be decoded, or {@code null}
 */
public record DecodedMessage(long frame, long timeNanos, String src, String dst, String transport, String protocol,
                             String type, String namespace, String event, JsonNode args, Long ackId,
                             List<Bytes> attachments, String text, String malformed) {

    public DecodedMessage {
        attachments = List.copyOf(attachments);
    }

    public boolean isMalformed() {
        return malformed != null;
    }
}
