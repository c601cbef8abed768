package org.netsim.wire.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.netsim.json.JsJson;

/** How the inspector and the event list show a Socket.IO packet: a one-line summary and the payload as text. */
public final class SocketIoDisplay {
    /** Longer summaries are cut, with an ellipsis, so one line stays one line in the event list. */
    private static final int SUMMARY_LIMIT = 160;

    private SocketIoDisplay() {
    }

    /**
     * One line like tshark's Info column: {@code EVENT "chat" ["hi"]}, {@code ACK id=0 ["ok"]},
     * {@code CONNECT /admin {"token":"123"}}, {@code BINARY_EVENT "x" [<attachment 0>] +1 attachment}.
     */
    public static String summary(SocketIoPacket p) {
        return summary(p, payloadText(p));
    }

    static String summary(SocketIoPacket p, String payload) {
        StringBuilder sb = new StringBuilder(16 + payload.length()).append(p.type().name());
        SocketIoType t = p.type();
        boolean showNamespace = t == SocketIoType.CONNECT || t == SocketIoType.DISCONNECT
                || !SocketIoPacket.MAIN_NAMESPACE.equals(p.namespace());
        if (showNamespace) {
            sb.append(' ').append(p.namespace());
        }
        if (p.ackId() != null) {
            sb.append(" id=").append(p.ackId().longValue());
        }
        if (p.data() != null) {
            sb.append(' ').append(payload);
        }
        if (t.isBinary()) {
            sb.append(" +").append(p.attachmentCount()).append(p.attachmentCount() == 1 ? " attachment" : " attachments");
        }
        if (sb.length() > SUMMARY_LIMIT) {
            sb.setLength(SUMMARY_LIMIT - 1);
            sb.append('…');
        }
        return sb.toString();
    }

    /** The payload as the inspector shows it: for an event the name then the arguments; attachments as markers. */
    public static String payloadText(SocketIoPacket p) {
        if (p.data() == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(32);
        appendPayload(p, sb);
        return sb.toString();
    }

    private static void appendPayload(SocketIoPacket p, StringBuilder sb) {
        JsonNode data = p.data();
        boolean binary = p.type().isBinary();
        boolean event = p.type() == SocketIoType.EVENT || p.type() == SocketIoType.BINARY_EVENT;
        if (event && data.isArray() && data.size() > 0) {
            render(data.get(0), binary, sb);
            sb.append(" [");
            for (int i = 1; i < data.size(); i++) {
                if (i > 1) {
                    sb.append(',');
                }
                render(data.get(i), binary, sb);
            }
            sb.append(']');
        } else {
            render(data, binary, sb);
        }
    }

    /** JSON text; in a binary packet a placeholder shows as {@code <attachment N>}. */
    private static void render(JsonNode node, boolean binary, StringBuilder sb) {
        if (!binary) {
            JsJson.stringify(node, sb);
        } else if (SocketIoPacket.isPlaceholder(node)) {
            JsonNode num = node.get("num");
            sb.append("<attachment ").append(num == null ? "?" : JsJson.stringify(num)).append('>');
        } else if (node.isArray() && hasPlaceholderInside(node)) {
            sb.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                render(node.get(i), true, sb);
            }
            sb.append(']');
        } else if (node.isObject() && hasPlaceholderInside(node)) {
            sb.append('{');
            boolean first = true;
            for (String k : JsJson.keysInJsOrder((ObjectNode) node)) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                JsJson.quote(k, sb);
                sb.append(':');
                render(node.get(k), true, sb);
            }
            sb.append('}');
        } else {
            JsJson.stringify(node, sb);
        }
    }

    private static boolean hasPlaceholderInside(JsonNode node) {
        for (JsonNode c : node) {
            if (SocketIoPacket.isPlaceholder(c) || (c.isContainerNode() && hasPlaceholderInside(c))) {
                return true;
            }
        }
        return false;
    }
}
