package org.netsim.wire.http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.netsim.pdu.Bytes;
import org.netsim.random.RandomSource;

/**
 * The HTTP messages Node's socket.io-client 4.8.4 (running in Node, not a browser) and socket.io 4.8.4 server put on
 * the wire, header for header, as recorded on loopback (engine.io 6.6.12, engine.io-client 6.6.8, ws 8).
 *
 * <p>What the capture shows, and where it comes from:
 * <ul>
 *   <li>Polling requests are made by the {@code xmlhttprequest-ssl} package: headers {@code User-Agent:
 *       node-XMLHttpRequest}, {@code Accept: *}{@code /*}, for a POST {@code Content-type: text/plain;charset=UTF-8}
 *       (lower-case t, no space), then {@code Host}, for a POST {@code Content-Length}, and {@code Connection: close}:
 *       every poll and every POST uses a new TCP connection.</li>
 *   <li>The server answers with Node's http module: {@code Content-Type}, {@code Content-Length},
 *       {@code cache-control: no-store} (lower case, added by engine.io), {@code Date}, then {@code Connection: close}
 *       for that client, or {@code Connection: keep-alive} and {@code Keep-Alive: timeout=5} for a client that keeps
 *       the connection (a browser, curl).</li>
 *   <li>The WebSocket upgrade comes from the {@code ws} library: {@code Sec-WebSocket-Version}, {@code
 *       Sec-WebSocket-Key}, {@code Connection: Upgrade}, {@code Upgrade: websocket}, the permessage-deflate offer,
 *       then {@code Host}; no {@code t} parameter. The server's 101 has no extension header: permessage-deflate is off
 *       by default, so the offer is declined.</li>
 * </ul>
 * Everything that differs from run to run (the {@code t} value, the session id, the key, the date) is a parameter.
 */
public final class NodeSocketIoHttp {
    private NodeSocketIoHttp() {
    }

    /** The default path of socket.io (its {@code path} option, with the trailing slash the client adds). */
    public static final String PATH = "/socket.io/";
    public static final String USER_AGENT = "node-XMLHttpRequest";
    /** What the {@code ws} client offers: permessage-deflate (RFC 7692) with the client_max_window_bits parameter. */
    public static final String DEFLATE_OFFER = "permessage-deflate; client_max_window_bits";

    private static final char[] BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();

    /**
     * The cache-busting {@code t} query value of engine.io-client 6.6 ({@code randomString()} in its util.js):
     * {@code Date.now().toString(36).substring(3)} followed by three characters of {@code Math.random().toString(36)},
     * e.g. {@code m3jqy0dy}. Here the milliseconds come from the simulation clock and the three characters from
     * {@code random}.
     */
    public static String timestamp(long epochMillis, RandomSource random) {
        String time = Long.toString(epochMillis, 36);
        StringBuilder sb = new StringBuilder(8);
        if (time.length() > 3) {
            sb.append(time, 3, time.length());
        }
        for (int i = 0; i < 3; i++) {
            sb.append(BASE36[random.nextInt(36)]);
        }
        return sb.toString();
    }

    /** {@code /socket.io/?EIO=4&transport=polling&t=…} and {@code &sid=…} once the session exists. */
    public static String pollingTarget(String t, String sid) {
        return PATH + "?EIO=4&transport=polling&t=" + t + (sid == null ? "" : "&sid=" + sid);
    }

    /** {@code /socket.io/?EIO=4&transport=websocket}, with {@code &sid=…} when upgrading a polling session. */
    public static String webSocketTarget(String sid) {
        return PATH + "?EIO=4&transport=websocket" + (sid == null ? "" : "&sid=" + sid);
    }

    /**
     * A long-polling GET: the first one ({@code sid} null) opens the session, later ones fetch what the server has.
     *
     * @param host the Host header, e.g. {@code 127.0.0.1:3000}
     */
    public static HttpMessage pollingGet(String host, String t, String sid) {
        return HttpMessage.request("GET", pollingTarget(t, sid), List.of(
                new HttpHeader("User-Agent", USER_AGENT),
                new HttpHeader("Accept", "*/*"),
                new HttpHeader("Host", host),
                new HttpHeader("Connection", "close")), Bytes.EMPTY);
    }

    /** A long-polling POST carrying a polling payload (always text: binary goes as base64). */
    public static HttpMessage pollingPost(String host, String t, String sid, Bytes payload) {
        return HttpMessage.request("POST", pollingTarget(t, sid), List.of(
                new HttpHeader("User-Agent", USER_AGENT),
                new HttpHeader("Accept", "*/*"),
                new HttpHeader("Content-type", "text/plain;charset=UTF-8"),
                new HttpHeader("Host", host),
                new HttpHeader("Content-Length", Integer.toString(payload.length())),
                new HttpHeader("Connection", "close")), payload);
    }

    /** The server's answer to a poll: the polling payload as text. */
    public static HttpMessage pollingResponse(Bytes payload, Instant date, boolean keepAlive) {
        return ok("text/plain; charset=UTF-8", payload, date, keepAlive);
    }

    /** The server's answer to a POST: {@code ok}. */
    public static HttpMessage postOk(Instant date, boolean keepAlive) {
        return ok("text/html", Bytes.ascii("ok"), date, keepAlive);
    }

    private static HttpMessage ok(String contentType, Bytes body, Instant date, boolean keepAlive) {
        List<HttpHeader> h = new ArrayList<>(6);
        h.add(new HttpHeader("Content-Type", contentType));
        h.add(new HttpHeader("Content-Length", Integer.toString(body.length())));
        h.add(new HttpHeader("cache-control", "no-store"));
        h.add(new HttpHeader("Date", HttpDate.format(date)));
        connection(h, keepAlive);
        return HttpMessage.response(200, "OK", h, body);
    }

    private static void connection(List<HttpHeader> h, boolean keepAlive) {
        if (keepAlive) {
            h.add(new HttpHeader("Connection", "keep-alive"));
            h.add(new HttpHeader("Keep-Alive", "timeout=5"));
        } else {
            h.add(new HttpHeader("Connection", "close"));
        }
    }

    /**
     * The engine.io error answer to a bad handshake request, e.g. code 5 "Unsupported protocol version" for
     * {@code EIO=3}: JSON written without a length, so Node's http module sends it chunked.
     */
    public static HttpMessage badRequest(int code, String message, Instant date, boolean keepAlive) {
        List<HttpHeader> h = new ArrayList<>(5);
        h.add(new HttpHeader("Content-Type", "application/json"));
        h.add(new HttpHeader("Date", HttpDate.format(date)));
        connection(h, keepAlive);
        h.add(new HttpHeader("Transfer-Encoding", "chunked"));
        // engine.io writes JSON.stringify({code, message}); its messages are plain ASCII without quotes or backslashes
        String json = "{\"code\":" + code + ",\"message\":\"" + message + "\"}";
        return HttpMessage.response(400, "Bad Request", h,
                HttpCodec.chunk(Bytes.wrap(json.getBytes(StandardCharsets.UTF_8))));
    }

    /** The WebSocket opening handshake of the {@code ws} client (RFC 6455 §4.1). */
    public static HttpMessage webSocketUpgrade(String host, String sid, String key) {
        return HttpMessage.request("GET", webSocketTarget(sid), List.of(
                new HttpHeader("Sec-WebSocket-Version", "13"),
                new HttpHeader("Sec-WebSocket-Key", key),
                new HttpHeader("Connection", "Upgrade"),
                new HttpHeader("Upgrade", "websocket"),
                new HttpHeader("Sec-WebSocket-Extensions", DEFLATE_OFFER),
                new HttpHeader("Host", host)), Bytes.EMPTY);
    }

    /** The server's answer to the upgrade (RFC 6455 §4.2.2), with no extension accepted. */
    public static HttpMessage switchingProtocols(String key) {
        return HttpMessage.response(101, "Switching Protocols", List.of(
                new HttpHeader("Upgrade", "websocket"),
                new HttpHeader("Connection", "Upgrade"),
                new HttpHeader("Sec-WebSocket-Accept", WebSocketHandshake.accept(key))), Bytes.EMPTY);
    }
}
