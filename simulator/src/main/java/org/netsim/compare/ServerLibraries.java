package org.netsim.compare;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.netsim.capture.decode.CaptureMessage;
import org.netsim.json.JsJson;

/**
 * Tells, from the capture itself, which servers are not Node's socket.io: the simulation's twin is what Node sends, so
 * a comparison with another library must say so. The signs are in the handshake, which each library writes its own
 * way: Node's Engine.IO open packet has the keys {@code sid, upgrades, pingInterval, pingTimeout, maxPayload} in that
 * order and its ids are 20 characters of base64url ({@code base64id}); netty-socketio (the built-in peer) leaves out
 * {@code maxPayload} and uses UUIDs for the session and socket ids.
 *
 * <p>Fed every decoded message ({@link #observe}), it keeps what it learnt per server address ({@code ip:port}), so a
 * capture file of such a server opened later gets the same note as a live capture of it. Thread-safe: the decoding
 * thread observes while the window asks.
 */
public final class ServerLibraries {
    /** What a server is, with the signs that show it. */
    public record Verdict(String server, String library, List<String> signs) {
        public Verdict {
            signs = List.copyOf(signs);
        }
    }

    private static final int MAX_SERVERS = 1024;
    private static final List<String> NODE_OPEN_KEYS = List.of("sid", "upgrades", "pingInterval", "pingTimeout",
            "maxPayload");
    private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9_-]{20}");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", Pattern.CASE_INSENSITIVE);
    private static final String OPEN_PROBLEM = "Engine.IO: open packet: ";

    /** Per server, one sign per kind (the first session's words: a busy server has many sessions). */
    private final Map<String, Map<String, String>> signs = new LinkedHashMap<>();
    private final Map<String, String> library = new LinkedHashMap<>();

    /** Learns from one decoded message. */
    public synchronized void observe(CaptureMessage m) {
        if (m.isMalformed()) {
            if (m.malformed() != null && m.malformed().startsWith(OPEN_PROBLEM)) {
                sign(m.src(), "open", "its Engine.IO open packet is not one Node sends ("
                        + m.malformed().substring(OPEN_PROBLEM.length()) + ")");
            }
            return;
        }
        if ("engine.io".equals(m.protocol()) && "OPEN".equals(m.type()) && m.text() != null) {
            open(m.src(), m.text().substring(1));
        } else if ("socket.io".equals(m.protocol()) && "CONNECT".equals(m.type()) && m.args() != null) {
            JsonNode args = parse(m.args());
            if (args != null && args.isObject() && args.size() == 1 && args.path("sid").isTextual()) {
                id(m.src(), "socket", args.get("sid").asText());
            }
        }
    }

    /** The verdict on the server end of {@code m} (its source or its destination), if it is not Node's. */
    public synchronized Optional<Verdict> notNode(CaptureMessage m) {
        for (String end : new String[] {m.src(), m.dst()}) {
            Map<String, String> s = signs.get(end);
            if (s != null) {
                return Optional.of(new Verdict(end, library.get(end), new ArrayList<>(s.values())));
            }
        }
        return Optional.empty();
    }

    private void open(String server, String json) {
        JsonNode h = parse(json);
        if (h == null || !h.isObject()) {
            return;
        }
        List<String> keys = new ArrayList<>();
        h.fieldNames().forEachRemaining(keys::add);
        if (!keys.equals(NODE_OPEN_KEYS)) {
            sign(server, "keys", "its Engine.IO open packet has the keys " + String.join(", ", keys) + " where Node's has "
                    + String.join(", ", NODE_OPEN_KEYS));
        }
        if (h.path("sid").isTextual()) {
            id(server, "session", h.get("sid").asText());
        }
    }

    private void id(String server, String what, String id) {
        if (NODE_ID.matcher(id).matches()) {
            return;
        }
        if (UUID.matcher(id).matches()) {
            library.putIfAbsent(server, "netty-socketio");
            sign(server, what, "its " + what + " ids are UUIDs (" + id + "), as netty-socketio makes them; Node's are 20 "
                    + "characters");
        } else {
            sign(server, what, "its " + what + " id " + id + " is not one of Node's 20-character ids");
        }
    }

    private void sign(String server, String kind, String sign) {
        if (!signs.containsKey(server) && signs.size() >= MAX_SERVERS) {
            return;
        }
        signs.computeIfAbsent(server, k -> new LinkedHashMap<>()).putIfAbsent(kind, sign);
    }

    private static JsonNode parse(String json) {
        try {
            return JsJson.parse(json);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
