package org.netsim.wire.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.netsim.pdu.Bytes;
import org.netsim.pdu.Coverage;
import org.netsim.pdu.DataSource;
import org.netsim.pdu.Field;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.PayloadDissector;
import org.netsim.pdu.Protocol;
import org.netsim.wire.engineio.EngineIoCodec;
import org.netsim.wire.engineio.EngineIoPacket;

/**
 * Bodies with a Content-Encoding (RFC 9110 §8.4) and chunked framing (RFC 9112 §7.1), as netty-socketio sends its
 * polling responses: the body's bytes on the wire are owned by HTTP fields, what they inflate to is decoded below
 * them from the inflated bytes.
 */
class ContentCodingTest {
    static final String OPEN = "0{\"sid\":\"4b8a291c-df31-4335-b6ce-b42becfb919c\",\"upgrades\":[\"websocket\"],"
            + "\"pingInterval\":25000,\"pingTimeout\":60000}";

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(data);
        }
        return out.toByteArray();
    }

    static byte[] deflate(byte[] data, boolean raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, raw))) {
            z.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The polling payload dissector the stack uses for a polling response. */
    private static final PayloadDissector<HttpMessage> POLLING = (m, b, o, l) ->
            List.of(EngineIoCodec.dissectPollingPayload(b, o, l, PayloadDissector.<EngineIoPacket>raw()));

    /** The one Engine.IO packet below {@code p} (the polling payload's PDU holds the packets). */
    private static EngineIoPacket openPacket(Pdu p) {
        return p.findAll(Protocol.ENGINEIO).stream().map(e -> e.header(EngineIoPacket.class)).flatMap(
                java.util.Optional::stream).filter(e -> e.type() == org.netsim.wire.engineio.EngineIoType.OPEN)
                .findFirst().orElseThrow();
    }

    @Test
    void gzipDeflateAndRawDeflateInflateToTheContent() throws IOException {
        byte[] text = ascii(OPEN);
        assertThat(ContentCoding.decode("gzip", Bytes.wrap(gzip(text)), 1000).content().toArray()).isEqualTo(text);
        assertThat(ContentCoding.decode("x-gzip", Bytes.wrap(gzip(text)), 1000).content().toArray()).isEqualTo(text);
        assertThat(ContentCoding.decode("deflate", Bytes.wrap(deflate(text, false)), 1000).content().toArray())
                .isEqualTo(text);
        assertThat(ContentCoding.decode("Deflate", Bytes.wrap(deflate(text, true)), 1000).content().toArray())
                .isEqualTo(text);
        // codings are listed in the order applied: deflate first, then gzip
        ContentCoding.Result both = ContentCoding.decode("deflate, gzip", Bytes.wrap(gzip(deflate(text, false))), 1000);
        assertThat(both.content().toArray()).isEqualTo(text);
        assertThat(both.how()).isEqualTo("deflate, gzip");
        assertThat(ContentCoding.decode("identity", Bytes.wrap(text), 1000).content().toArray()).isEqualTo(text);
    }

    @Test
    void whatCannotBeInflatedSaysWhy() throws IOException {
        byte[] z = gzip(ascii(OPEN));
        assertThat(ContentCoding.decode("gzip", Bytes.wrap(ascii(OPEN)), 1000).problem())
                .isEqualTo("gzip body of 113 bytes does not inflate: Not in GZIP format");
        assertThat(ContentCoding.decode("gzip", Bytes.of(z, 0, z.length - 12), 1000).problem())
                .startsWith("gzip body of " + (z.length - 12) + " bytes does not inflate: Unexpected end of ZLIB");
        assertThat(ContentCoding.decode("br", Bytes.wrap(z), 1000).problem())
                .isEqualTo("Content-Encoding br is not decoded (netsim inflates gzip and deflate)");
        assertThat(ContentCoding.decode("gzip", Bytes.wrap(gzip(new byte[5000])), 4096).problem())
                .isEqualTo("gzip body inflates to more than the 4096 bytes this decoder holds");
    }

    @Test
    void aGzippedBodyIsOwnedByTheBodyFieldAndItsEngineIoPacketDecodedBelowIt() throws IOException {
        byte[] body = gzip(ascii(OPEN));
        byte[] head = ascii("HTTP/1.1 200 OK\r\ncontent-type: application/octet-stream\r\ncontent-encoding: gzip\r\n"
                + "content-length: " + body.length + "\r\n\r\n");
        byte[] msg = Bytes.join(head, body);
        Pdu http = HttpCodec.dissect(msg, 0, msg.length, POLLING);
        assertThat(http.firstMalformed()).isEmpty();
        Field bodyField = http.field("http.body").orElseThrow();
        assertThat(bodyField.byteStart()).isEqualTo(head.length);
        assertThat(bodyField.byteEnd()).isEqualTo(msg.length);
        assertThat(bodyField.display()).isEqualTo("Content-Encoding gzip: " + body.length
                + " bytes, inflated to 113 bytes (decoded below)");
        assertThat(Coverage.problems(http, 0, msg.length)).isEmpty();

        Pdu decoded = http.children().get(0);
        DataSource content = decoded.source();
        assertThat(content.title()).isEqualTo("Uncompressed entity body (113 bytes)");
        assertThat(decoded.summary()).startsWith("Decoded body (gzip): ");
        assertThat(content.bytes().toArray()).isEqualTo(ascii(OPEN));
        assertThat(decoded.offset()).isEqualTo(head.length);
        assertThat(decoded.end()).isEqualTo(msg.length);
        assertThat(openPacket(decoded).text()).isEqualTo(OPEN.substring(1));
        // the Engine.IO tree owns every byte of the inflated content, which the check of the message covers too
        assertThat(Coverage.problems(decoded.children().get(0), 0, content.bytes().length())).isEmpty();
        assertThat(org.netsim.pdu.DataSources.of(http, msg).list()).extracting(s -> s.title())
                .containsExactly("Frame (" + msg.length + " bytes)", "Uncompressed entity body (113 bytes)");
    }

    /** netty-socketio's open packet: gzip, sent as two chunks (frame 6 of the built-in peer's capture). */
    @Test
    void aChunkedGzippedBodyIsDechunkedInflatedAndDecoded() throws IOException {
        byte[] z = gzip(ascii(OPEN));
        int cut = 20;
        byte[] chunks = Bytes.join(ascii(Integer.toHexString(cut) + "\r\n"), java.util.Arrays.copyOf(z, cut),
                ascii("\r\n" + Integer.toHexString(z.length - cut) + "\r\n"),
                java.util.Arrays.copyOfRange(z, cut, z.length), ascii("\r\n0\r\n\r\n"));
        byte[] head = ascii("HTTP/1.1 200 OK\r\ncontent-encoding: gzip\r\ntransfer-encoding: chunked\r\n\r\n");
        byte[] msg = Bytes.join(head, chunks);
        Pdu http = HttpCodec.dissect(msg, 0, msg.length, POLLING);
        assertThat(http.firstMalformed()).isEmpty();
        assertThat(http.end()).isEqualTo(msg.length);
        assertThat(Coverage.problems(http, 0, msg.length)).isEmpty();
        assertThat(http.fields()).filteredOn(f -> f.key().equals("http.chunk.data")).hasSize(2);
        Pdu decoded = http.children().get(0);
        assertThat(decoded.source().name()).isEqualTo("Uncompressed entity body");
        assertThat(decoded.summary()).isEqualTo("Decoded body (chunked, gzip): " + chunks.length
                + " bytes on the wire, 113 bytes of content");
        assertThat(openPacket(decoded).text()).isEqualTo(OPEN.substring(1));
        // the whole message's content, as the capture decoder reads it
        HttpMessage m = HttpCodec.decode(msg, 0, msg.length).message();
        assertThat(ContentCoding.content(m, 1000).content().toArray()).isEqualTo(ascii(OPEN));
        assertThat(ContentCoding.content(m, 1000).how()).isEqualTo("chunked, gzip");
    }

    @Test
    void aBodyThatDoesNotInflateIsAProblemOfTheBodyFieldNotAnEngineIoError() {
        byte[] body = ascii(OPEN);
        byte[] msg = Bytes.join(ascii("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: " + body.length
                + "\r\n\r\n"), body);
        Pdu http = HttpCodec.dissect(msg, 0, msg.length, POLLING);
        assertThat(http.find(Protocol.ENGINEIO)).isEmpty();
        assertThat(http.field("http.body").orElseThrow().problem())
                .isEqualTo("gzip body of 113 bytes does not inflate: Not in GZIP format");
        assertThat(Coverage.problems(http, 0, msg.length)).isEmpty();
    }
}
