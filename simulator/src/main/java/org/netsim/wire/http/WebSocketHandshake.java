package org.netsim.wire.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.netsim.random.RandomSource;

/**
 * The two values of the WebSocket opening handshake (RFC 6455 §4.1, §4.2.2): the client's random
 * {@code Sec-WebSocket-Key} and the server's {@code Sec-WebSocket-Accept}, which proves the server read the key.
 */
public final class WebSocketHandshake {
    private WebSocketHandshake() {
    }

    /** The GUID RFC 6455 §1.3 appends to the key before hashing. */
    public static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /**
     * A client key: "a randomly selected 16-byte value that has been base64-encoded" (RFC 6455 §4.1), made the way
     * Node's {@code ws} library does ({@code randomBytes(16).toString('base64')}): always 24 characters.
     */
    public static String newKey(RandomSource random) {
        return Base64.getEncoder().encodeToString(random.bytes(16));
    }

    /** {@code Sec-WebSocket-Accept}: base64 of the SHA-1 of the key followed by the GUID (RFC 6455 §4.2.2). */
    public static String accept(String key) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] digest = sha1.digest((key + GUID).getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            // every Java platform must provide SHA-1 (MessageDigest Javadoc)
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code acceptValue} is the right answer to {@code key}. */
    public static boolean accepts(String key, String acceptValue) {
        return accept(key).equals(acceptValue);
    }
}
