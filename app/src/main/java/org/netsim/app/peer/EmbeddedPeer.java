package org.netsim.app.peer;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketIOServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import io.socket.client.IO;
import io.socket.client.Socket;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.json.JSONArray;
import org.json.JSONException;

/**
 * A real Socket.IO server and client inside the app, on 127.0.0.1, so a student can send a real emit with one click
 * and capture it off the loopback device. The server is netty-socketio, the client socket.io-client-java: real
 * implementations of the protocol, though not Node's (netty-socketio answers the upgrade with an extra NOOP, its ids
 * and JSON spacing are its own); the comparison says so rather than hiding it.
 *
 * <p>The server echoes every event it receives back to the sender, as the shipped one-client scenario's server does,
 * so one click shows both directions.
 */
public final class EmbeddedPeer implements AutoCloseable {
    /** One event as one side received it: who ("server" or "client"), its name, its arguments as JSON text. */
    public record Received(String by, String event, String argsJson) {
    }

    /** The most arguments one emit may carry here (netty-socketio decodes as many as its listener declares). */
    static final int MAX_ARGS = 16;
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final SocketIOServer server;
    private final Socket client;
    private final int port;
    private final Set<String> echoed = Collections.synchronizedSet(new HashSet<>());
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private EmbeddedPeer(SocketIOServer server, Socket client, int port) {
        this.server = server;
        this.client = client;
        this.port = port;
    }

    /**
     * Starts the server on 127.0.0.1:{@code port} (0: a free port) and connects the client, over polling then
     * WebSocket as browsers do (or WebSocket only); returns once the client is connected.
     */
    public static EmbeddedPeer start(int port, boolean webSocketOnly) throws IOException {
        int p = port == 0 ? freePort() : port;
        Configuration config = new Configuration();
        config.setHostname("127.0.0.1");
        config.setPort(p);
        SocketIOServer server = new SocketIOServer(config);
        // start() only logs a failed bind; the future says whether the port was free
        io.netty.util.concurrent.Future<Void> started = server.startAsync().awaitUninterruptibly();
        if (!started.isSuccess()) {
            server.stop();
            throw new IOException("the embedded Socket.IO server cannot listen on 127.0.0.1:" + p + ": "
                    + started.cause().getMessage(), started.cause());
        }
        IO.Options options = new IO.Options();
        options.transports = webSocketOnly ? new String[] {"websocket"} : new String[] {"polling", "websocket"};
        options.reconnection = false;
        Socket client;
        try {
            client = IO.socket("http://127.0.0.1:" + p, options);
        } catch (java.net.URISyntaxException e) {
            server.stop();
            throw new IllegalStateException(e);
        }
        EmbeddedPeer peer = new EmbeddedPeer(server, client, p);
        server.addEventInterceptor((c, event, args, ack) -> {
            peer.received.add(new Received("server", event, serverJson(args)));
            c.sendEvent(event, args.toArray());
        });
        CompletableFuture<Void> connected = new CompletableFuture<>();
        client.on(Socket.EVENT_CONNECT, a -> connected.complete(null));
        client.on(Socket.EVENT_CONNECT_ERROR, a -> connected.completeExceptionally(
                new IOException("the embedded client cannot connect: " + (a.length > 0 ? a[0] : "no reason given"))));
        client.connect();
        try {
            connected.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            peer.close();
            throw new IOException("interrupted while the embedded client connected", e);
        } catch (ExecutionException | TimeoutException e) {
            peer.close();
            throw e.getCause() instanceof IOException io ? io
                    : new IOException("the embedded client did not connect within 10 s", e);
        }
        return peer;
    }

    public int port() {
        return port;
    }

    /**
     * The client emits {@code event} with the arguments of the JSON array {@code argsJson} (text, numbers, objects,
     * arrays, booleans, null); the server echoes it back.
     */
    public void emit(String event, String argsJson) {
        Object[] args;
        try {
            JsonNode array = JSON.readTree(argsJson);
            if (array == null || !array.isArray()) {
                throw new IllegalArgumentException("arguments must be a JSON array, like [\"hi\", 42]");
            }
            args = new Object[array.size()];
            for (int i = 0; i < args.length; i++) {
                args[i] = toOrgJson(array.get(i));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("arguments must be a JSON array: " + e.getOriginalMessage(), e);
        }
        if (args.length > MAX_ARGS) {
            throw new IllegalArgumentException("at most " + MAX_ARGS + " arguments");
        }
        if (echoed.add(event)) {
            // netty-socketio hands an event to its interceptors only when a listener knows its name, and decodes as
            // many arguments as the listener names classes
            Class<?>[] any = new Class<?>[MAX_ARGS];
            java.util.Arrays.fill(any, Object.class);
            server.addMultiTypeEventListener(event, (c, data, ack) -> { }, any);
            client.on(event, a -> received.add(new Received("client", event, clientJson(a))));
        }
        client.emit(event, args);
    }

    /** Every event received so far, in order, by either side. */
    public List<Received> received() {
        return new ArrayList<>(received);
    }

    @Override
    public void close() {
        client.close();
        server.stop();
    }

    /**
     * org.json (which socket.io-client-java uses) parses every number as a double and would send 3 as 3.0: values are
     * built from Jackson's tree instead, integers as integers.
     */
    private static Object toOrgJson(JsonNode n) {
        if (n.isObject()) {
            org.json.JSONObject o = new org.json.JSONObject();
            n.fields().forEachRemaining(e -> {
                try {
                    o.put(e.getKey(), toOrgJson(e.getValue()));
                } catch (JSONException x) {
                    throw new IllegalArgumentException(x.getMessage(), x);
                }
            });
            return o;
        }
        if (n.isArray()) {
            JSONArray a = new JSONArray();
            n.forEach(v -> a.put(toOrgJson(v)));
            return a;
        }
        if (n.isIntegralNumber()) {
            return n.canConvertToInt() ? (Object) n.intValue() : n.canConvertToLong() ? n.longValue() : n.doubleValue();
        }
        if (n.isNumber()) {
            return n.doubleValue();
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        return n.isNull() ? org.json.JSONObject.NULL : n.textValue();
    }

    /** netty-socketio decodes arguments with Jackson (maps, lists, numbers, text, booleans, null). */
    private static String serverJson(List<Object> args) {
        try {
            return JSON.writeValueAsString(args);
        } catch (JsonProcessingException e) {
            return "[unprintable: " + e.getOriginalMessage() + "]";
        }
    }

    /** socket.io-client-java hands org.json values; their toString is JSON, except text and null. */
    private static String clientJson(Object[] args) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < args.length; i++) {
            Object o = args[i];
            sb.append(i == 0 ? "" : ",");
            if (o == null || o == org.json.JSONObject.NULL) {
                sb.append("null");
            } else if (o instanceof String text) {
                sb.append(org.json.JSONObject.quote(text));
            } else {
                sb.append(o);
            }
        }
        return sb.append(']').toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
