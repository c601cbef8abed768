package org.netsim.wire.http;

/**
 * Where HTTP/1.1 messages start and where their heads end in a byte stream (RFC 9112 §2.1: start-line, header
 * fields, an empty line, then the body), read straight from the bytes without decoding a message. Shared by the
 * codec, the stack dissector and the capture decoder, which all need these answers on their fast paths.
 */
public final class HttpFraming {
    private HttpFraming() {
    }

    /**
     * Whether an HTTP start line begins at {@code b[off]}: a method the Socket.IO transports use ({@code GET},
     * {@code POST}, {@code PUT}, {@code HEAD}, {@code OPTIONS}, {@code DELETE}) or a status line ({@code HTTP/1.}).
     */
    public static boolean startsMessage(byte[] b, int off, int len) {
        return startsWith(b, off, len, "GET ") || startsWith(b, off, len, "POST ") || startsWith(b, off, len, "HTTP/1.")
                || startsWith(b, off, len, "PUT ") || startsWith(b, off, len, "HEAD ")
                || startsWith(b, off, len, "OPTIONS ") || startsWith(b, off, len, "DELETE ");
    }

    /**
     * The index just after the first CRLF CRLF in {@code b[from, end)}, the empty line that ends a message's head
     * (RFC 9112 §2.1), or -1 if there is none yet.
     */
    public static int headEnd(byte[] b, int from, int end) {
        for (int i = from; i + 3 < end; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n' && b[i + 2] == '\r' && b[i + 3] == '\n') {
                return i + 4;
            }
        }
        return -1;
    }

    /**
     * A Content-Length value, {@code 1*DIGIT} (RFC 9110 §8.6), as a number; -1 if it is not one or has more than 15
     * digits (more than any message this code would hold).
     */
    public static long contentLength(String v) {
        if (v.isEmpty() || v.length() > 15) {
            return -1;
        }
        long n = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static boolean startsWith(byte[] b, int off, int len, String prefix) {
        if (len < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (b[off + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
