package org.netsim.wire.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.netsim.pdu.Bytes;

/**
 * Undoes an HTTP message's content codings (RFC 9110 §8.4): {@code gzip} (and its alias {@code x-gzip}, RFC 1952) and
 * {@code deflate} (the zlib format of RFC 1950, as RFC 9110 §8.4.1.2 says; a raw RFC 1951 stream, which some servers
 * send instead, is accepted too), each with java.util.zip. netty-socketio, the app's built-in peer, gzips its polling
 * responses whenever the client says {@code Accept-Encoding: gzip}, as okhttp always does.
 *
 * <p>Codings are listed in the order they were applied, so they are undone from the last to the first;
 * {@code identity} is no coding. What inflates to more than the given limit is refused rather than held (a
 * "zip bomb" would otherwise take the memory).
 */
public final class ContentCoding {
    private ContentCoding() {
    }

    /** The most bytes a body may inflate to unless the caller says otherwise. */
    public static final int DEFAULT_LIMIT = 16 << 20;

    /**
     * What undoing the codings gave.
     *
     * @param content the decoded content (empty after a problem)
     * @param how     what was undone, e.g. {@code "gzip"} or {@code "chunked, gzip"}; empty when nothing was
     * @param problem why the content could not be decoded, or {@code null}
     */
    public record Result(Bytes content, String how, String problem) {
        public boolean isOk() {
            return problem == null;
        }
    }

    /** The content codings named by a Content-Encoding value, lower case, in the order applied, identity left out. */
    public static List<String> codings(String contentEncoding) {
        List<String> out = new ArrayList<>(1);
        for (String part : contentEncoding.split(",")) {
            String c = part.trim().toLowerCase(Locale.ROOT);
            if (!c.isEmpty() && !c.equals("identity")) {
                out.add(c);
            }
        }
        return out;
    }

    /** Whether the message's body is content-coded (a Content-Encoding other than identity). */
    public static boolean isEncoded(HttpMessage m) {
        return m.header("Content-Encoding").map(v -> !codings(v).isEmpty()).orElse(false);
    }

    /**
     * The message's content: the chunk framing removed ({@link HttpMessage#content()}), then its content codings
     * undone, inflating to at most {@code limit} bytes.
     */
    public static Result content(HttpMessage m, int limit) {
        Bytes framed = m.content();
        String how = m.isChunked() ? "chunked" : "";
        String ce = m.header("Content-Encoding").orElse("");
        Result r = decode(ce, framed, limit);
        if (!r.isOk()) {
            return r;
        }
        return new Result(r.content(), how.isEmpty() ? r.how() : r.how().isEmpty() ? how : how + ", " + r.how(), null);
    }

    /** Undoes the codings of the Content-Encoding value {@code contentEncoding} on {@code content}. */
    public static Result decode(String contentEncoding, Bytes content, int limit) {
        List<String> cs = codings(contentEncoding);
        Bytes data = content;
        for (int i = cs.size() - 1; i >= 0; i--) {
            String c = cs.get(i);
            String problem;
            try {
                switch (c) {
                    case "gzip", "x-gzip" -> data = gunzip(data, limit);
                    case "deflate" -> data = inflate(data, limit);
                    default -> {
                        return new Result(Bytes.EMPTY, "", "Content-Encoding " + c + " is not decoded (netsim "
                                + "inflates gzip and deflate)");
                    }
                }
                continue;
            } catch (TooLarge e) {
                problem = c + " body inflates to more than the " + limit + " bytes this decoder holds";
            } catch (IOException e) {
                problem = c + " body of " + data.length() + " bytes does not inflate: "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
            return new Result(Bytes.EMPTY, "", problem);
        }
        return new Result(data, String.join(", ", cs), null);
    }

    private static final class TooLarge extends IOException {
        TooLarge() {
            super("too large");
        }
    }

    private static Bytes gunzip(Bytes data, int limit) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(data.toArray()))) {
            return readAtMost(in, limit);
        }
    }

    private static Bytes inflate(Bytes data, int limit) throws IOException {
        try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(data.toArray()))) {
            return readAtMost(in, limit);
        } catch (java.util.zip.ZipException zlib) {
            // not the zlib wrapper: a raw deflate stream, as some servers send for "deflate"
            try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(data.toArray()),
                    new Inflater(true))) {
                return readAtMost(in, limit);
            } catch (java.util.zip.ZipException raw) {
                throw zlib;
            }
        }
    }

    private static Bytes readAtMost(InputStream in, int limit) throws IOException {
        byte[] b = in.readNBytes(limit + 1);
        if (b.length > limit) {
            throw new TooLarge();
        }
        return Bytes.wrap(b);
    }
}
