package org.netsim.wire.engineio;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.netsim.json.JsJson;
import org.netsim.json.JsonSyntaxException;

/**
 * The handshake data of the Engine.IO open packet (engine.io-protocol v4, "Handshake"): the session id, the transports
 * the client may upgrade to, the heartbeat timing and the largest payload the server accepts.
 *
 * <p>Node's engine.io writes it with {@code JSON.stringify} in this key order, which {@link #toJson()} reproduces:
 * {@code {"sid":"…","upgrades":["websocket"],"pingInterval":25000,"pingTimeout":20000,"maxPayload":1000000}}.
 *
 * @param sid          the Engine.IO session id (20 characters from Node: see {@link SessionIds})
 * @param upgrades     transports the client may upgrade to; {@code ["websocket"]} after polling, {@code []} when the
 *                     session already runs on WebSocket
 * @param pingInterval milliseconds between the server's pings
 * @param pingTimeout  milliseconds the server waits for the pong before it closes the session
 * @param maxPayload   the largest number of bytes the server accepts in one polling payload, or
 *                     {@link #NO_MAX_PAYLOAD} when the handshake does not say (netty-socketio, the app's built-in
 *                     peer, leaves it out; engine.io-client then puts any number of packets in one payload)
 */
public record OpenPacket(String sid, List<String> upgrades, long pingInterval, long pingTimeout, long maxPayload) {
    /** Node's engine.io defaults (server options pingInterval, pingTimeout, maxHttpBufferSize). */
    public static final long DEFAULT_PING_INTERVAL = 25_000;
    public static final long DEFAULT_PING_TIMEOUT = 20_000;
    public static final long DEFAULT_MAX_PAYLOAD = 1_000_000;
    /** The handshake has no {@code maxPayload}: older Engine.IO v4 servers and netty-socketio send none. */
    public static final long NO_MAX_PAYLOAD = -1;


    public OpenPacket {
        Objects.requireNonNull(sid, "sid");
        upgrades = List.copyOf(upgrades);
    }

    /** The open packet of a polling session on a Node server with default options. */
    public static OpenPacket polling(String sid) {
        return new OpenPacket(sid, List.of("websocket"), DEFAULT_PING_INTERVAL, DEFAULT_PING_TIMEOUT,
                DEFAULT_MAX_PAYLOAD);
    }

    /** The open packet of a session that started on WebSocket: nothing left to upgrade to. */
    public static OpenPacket webSocket(String sid) {
        return new OpenPacket(sid, List.of(), DEFAULT_PING_INTERVAL, DEFAULT_PING_TIMEOUT, DEFAULT_MAX_PAYLOAD);
    }

    /**
     * The JSON exactly as Node's {@code JSON.stringify} writes it: no spaces, keys in this order ({@code maxPayload}
     * left out when there is none).
     */
    public String toJson() {
        StringBuilder sb = new StringBuilder(112);
        sb.append("{\"sid\":");
        appendString(sb, sid);
        sb.append(",\"upgrades\":[");
        for (int i = 0; i < upgrades.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            appendString(sb, upgrades.get(i));
        }
        sb.append("],\"pingInterval\":").append(pingInterval)
                .append(",\"pingTimeout\":").append(pingTimeout);
        if (maxPayload != NO_MAX_PAYLOAD) {
            sb.append(",\"maxPayload\":").append(maxPayload);
        }
        sb.append('}');
        return sb.toString();
    }

    /**
     * Parses the handshake JSON (key order does not matter when reading).
     *
     * @throws IllegalArgumentException with the reason if the text is not a handshake
     */
    public static OpenPacket parse(String json) {
        JsonNode root;
        try {
            // JsJson rather than an ObjectMapper: a decoder meeting its first open packet need not start all of Jackson
            root = JsJson.parse(json);
        } catch (JsonSyntaxException e) {
            throw new IllegalArgumentException("handshake is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("handshake is not a JSON object");
        }
        JsonNode sid = root.get("sid");
        if (sid == null || !sid.isTextual()) {
            throw new IllegalArgumentException("handshake has no string \"sid\"");
        }
        JsonNode up = root.get("upgrades");
        if (up == null || !up.isArray()) {
            throw new IllegalArgumentException("handshake has no array \"upgrades\"");
        }
        List<String> upgrades = new ArrayList<>(up.size());
        for (JsonNode u : up) {
            if (!u.isTextual()) {
                throw new IllegalArgumentException("handshake \"upgrades\" holds a non-string");
            }
            upgrades.add(u.asText());
        }
        return new OpenPacket(sid.asText(), upgrades, number(root, "pingInterval"), number(root, "pingTimeout"),
                root.has("maxPayload") ? number(root, "maxPayload") : NO_MAX_PAYLOAD);
    }

    /** Like {@link #parse} but {@code null} instead of an exception. */
    public static OpenPacket tryParse(String json) {
        try {
            return parse(json);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static long number(JsonNode root, String key) {
        JsonNode n = root.get(key);
        if (n == null || !n.canConvertToExactIntegral() || !n.canConvertToLong()) {
            throw new IllegalArgumentException("handshake has no integer \"" + key + "\"");
        }
        return n.asLong();
    }

    /** A JSON string the way JavaScript's JSON.stringify writes it (ECMA-262 QuoteJSONString). */
    static void appendString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    boolean lone = Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1)));
                    if (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1))) {
                        lone = false;
                    }
                    if (c < 0x20 || lone) {
                        sb.append("\\u");
                        String hex = Integer.toHexString(c);
                        sb.append("0000", hex.length(), 4).append(hex);
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
