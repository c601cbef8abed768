package org.netsim.wire.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netsim.pdu.Bytes;
import org.netsim.pdu.Coverage;
import org.netsim.pdu.Field;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.PayloadDissector;
import org.netsim.pdu.Protocol;
import org.netsim.random.RandomSource;
import org.netsim.random.SeededRandom;
import org.netsim.wire.engineio.EngineIoCodec;
import org.netsim.wire.engineio.EngineIoDecoded;
import org.netsim.wire.engineio.EngineIoPacket;
import org.netsim.wire.engineio.OpenPacket;

/**
 * HTTP vectors from a real loopback capture of Node 20 with socket.io 4.8.4 and socket.io-client 4.8.4 (see
 * src/test/resources/org/netsim/wire/http/README.txt; the pcap files are there too).
 */
class HttpCodecTest {
    private static final String HOST = "127.0.0.1:3107";
    private static final Instant DATE = Instant.parse("2026-11-25T04:16:53Z");

    // frame 4: the Node client's first poll (opens the session)
    // 474554202f736f636b65742e696f2f3f45494f3d34267472616e73706f72743d706f6c6c696e6726743d6d336a717930647920485454
    // 502f312e310d0a557365722d4167656e743a206e6f64652d584d4c48747470526571756573740d0a4163636570743a202a2f2a0d0a486f
    // 73743a203132372e302e302e313a333130370d0a436f6e6e656374696f6e3a20636c6f73650d0a0d0a
    private static final String OPEN_GET = "GET /socket.io/?EIO=4&transport=polling&t=m3jqy0dy HTTP/1.1\r\n"
            + "User-Agent: node-XMLHttpRequest\r\nAccept: */*\r\nHost: 127.0.0.1:3107\r\nConnection: close\r\n\r\n";

    // frame 6: the server's answer with the open packet
    // 485454502f312e3120323030204f4b0d0a436f6e74656e742d547970653a20746578742f706c61696e3b20636861727365743d555446
    // 2d380d0a436f6e74656e742d4c656e6774683a203131380d0a63616368652d636f6e74726f6c3a206e6f2d73746f72650d0a44617465
    // 3a205765642c203235204e6f7620323032362030343a31363a353320474d540d0a436f6e6e656374696f6e3a20636c6f73650d0a0d0a
    // 307b22736964223a22765a31373662525770356634684d506a41414141222c227570677261646573223a5b22776562736f636b657422
    // 5d2c2270696e67496e74657276616c223a32353030302c2270696e6754696d656f7574223a32303030302c226d61785061796c6f6164
    // 223a313030303030307d
    private static final String OPEN_BODY = "0{\"sid\":\"vZ176bRWp5f4hMPjAAAA\",\"upgrades\":[\"websocket\"],"
            + "\"pingInterval\":25000,\"pingTimeout\":20000,\"maxPayload\":1000000}";
    private static final String OPEN_RESPONSE = "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=UTF-8\r\n"
            + "Content-Length: 118\r\ncache-control: no-store\r\nDate: Wed, 25 Nov 2026 04:16:53 GMT\r\n"
            + "Connection: close\r\n\r\n" + OPEN_BODY;

    // frame 17: the POST carrying the Socket.IO connect 40
    // 504f5354202f736f636b65742e696f2f3f45494f3d34267472616e73706f72743d706f6c6c696e6726743d6d336a72656e7933267369
    // 643d765a31373662525770356634684d506a4141414120485454502f312e310d0a557365722d4167656e743a206e6f64652d584d4c48
    // 747470526571756573740d0a4163636570743a202a2f2a0d0a436f6e74656e742d747970653a20746578742f706c61696e3b63686172
    // 7365743d5554462d380d0a486f73743a203132372e302e302e313a333130370d0a436f6e74656e742d4c656e6774683a20320d0a436f
    // 6e6e656374696f6e3a20636c6f73650d0a0d0a3430
    private static final String POST = "POST /socket.io/?EIO=4&transport=polling&t=m3jreny3&sid=vZ176bRWp5f4hMPjAAAA"
            + " HTTP/1.1\r\nUser-Agent: node-XMLHttpRequest\r\nAccept: */*\r\nContent-type: text/plain;charset=UTF-8\r\n"
            + "Host: 127.0.0.1:3107\r\nContent-Length: 2\r\nConnection: close\r\n\r\n40";

    // frame 21: the answer to the POST
    // 485454502f312e3120323030204f4b0d0a436f6e74656e742d547970653a20746578742f68746d6c0d0a436f6e74656e742d4c656e67
    // 74683a20320d0a63616368652d636f6e74726f6c3a206e6f2d73746f72650d0a446174653a205765642c203235204e6f762032303236
    // 2030343a31363a353320474d540d0a436f6e6e656374696f6e3a20636c6f73650d0a0d0a6f6b
    private static final String POST_OK = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 2\r\n"
            + "cache-control: no-store\r\nDate: Wed, 25 Nov 2026 04:16:53 GMT\r\nConnection: close\r\n\r\nok";

    // frame 100: the ws library's upgrade request for session S6ycxmPqpLSEL9MxAAAB
    // 474554202f736f636b65742e696f2f3f45494f3d34267472616e73706f72743d776562736f636b6574267369643d53367963786d5071
    // 704c53454c394d784141414220485454502f312e310d0a5365632d576562536f636b65742d56657273696f6e3a2031330d0a5365632d
    // 576562536f636b65742d4b65793a206b75534f4d6e626a4d75737755676f62524a4d4a34413d3d0d0a436f6e6e656374696f6e3a2055
    // 7067726164650d0a557067726164653a20776562736f636b65740d0a5365632d576562536f636b65742d457874656e73696f6e733a20
    // 7065726d6573736167652d6465666c6174653b20636c69656e745f6d61785f77696e646f775f626974730d0a486f73743a203132372e
    // 302e302e313a333130370d0a0d0a
    private static final String UPGRADE = "GET /socket.io/?EIO=4&transport=websocket&sid=S6ycxmPqpLSEL9MxAAAB HTTP/1.1"
            + "\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: kuSOMnbjMuswUgobRJMJ4A==\r\nConnection: Upgrade\r\n"
            + "Upgrade: websocket\r\nSec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n"
            + "Host: 127.0.0.1:3107\r\n\r\n";

    // frame 109: the 101 answer
    // 485454502f312e312031303120537769746368696e672050726f746f636f6c730d0a557067726164653a20776562736f636b65740d0a
    // 436f6e6e656374696f6e3a20557067726164650d0a5365632d576562536f636b65742d4163636570743a2042657368572b7147355035
    // 7342674a6572446b4136644a564c6a6f3d0d0a0d0a
    private static final String SWITCHING = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
            + "Connection: Upgrade\r\nSec-WebSocket-Accept: BeshW+qG5P5sBgJerDkA6dJVLjo=\r\n\r\n";

    // curl capture, frame 9: engine.io's 400 for EIO=3, chunked by Node's http module
    // 485454502f312e31203430302042616420526571756573740d0a436f6e74656e742d547970653a206170706c69636174696f6e2f6a73
    // 6f6e0d0a446174653a205765642c203235204e6f7620323032362030343a31373a333120474d540d0a436f6e6e656374696f6e3a206b
    // 6565702d616c6976650d0a4b6565702d416c6976653a2074696d656f75743d350d0a5472616e736665722d456e636f64696e673a2063
    // 68756e6b65640d0a0d0a33330d0a7b22636f6465223a352c226d657373616765223a22556e737570706f727465642070726f746f636f
    // 6c2076657273696f6e227d0d0a300d0a0d0a
    private static final String BAD_REQUEST = "HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\n"
            + "Date: Wed, 25 Nov 2026 04:17:31 GMT\r\nConnection: keep-alive\r\nKeep-Alive: timeout=5\r\n"
            + "Transfer-Encoding: chunked\r\n\r\n33\r\n{\"code\":5,\"message\":\"Unsupported protocol version\"}\r\n0\r\n\r\n";

    // curl capture, frame 6: the handshake answer to a keep-alive client
    private static final String KEEP_ALIVE_OPEN = "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=UTF-8\r\n"
            + "Content-Length: 118\r\ncache-control: no-store\r\nDate: Wed, 25 Nov 2026 04:17:31 GMT\r\n"
            + "Connection: keep-alive\r\nKeep-Alive: timeout=5\r\n\r\n0{\"sid\":\"b4AbVQBfTWzrZDvqAAAA\","
            + "\"upgrades\":[\"websocket\"],\"pingInterval\":25000,\"pingTimeout\":20000,\"maxPayload\":1000000}";

    private static final List<String> VECTORS = List.of(OPEN_GET, OPEN_RESPONSE, POST, POST_OK, UPGRADE, SWITCHING,
            BAD_REQUEST, KEEP_ALIVE_OPEN);

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    /** Engine.IO polling bodies inside HTTP, as the session layer will wire it. */
    private static final PayloadDissector<HttpMessage> POLLING = (m, buf, off, len) ->
            m.header("Content-Type").filter(t -> t.startsWith("text/plain")).isPresent()
                    ? List.of(EngineIoCodec.dissectPollingPayload(buf, off, len, PayloadDissector.raw()))
                    : List.of(Pdu.data(buf, off, len));

    /** Gives a fixed sequence of nextInt answers. */
    private static final class Scripted implements RandomSource {
        private final int[] ints;
        private int i;

        Scripted(int... ints) {
            this.ints = ints;
        }

        @Override
        public void nextBytes(byte[] into) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int nextInt(int bound) {
            return ints[i++];
        }

        @Override
        public long nextLong() {
            throw new UnsupportedOperationException();
        }
    }

    // ------------------------------------------------------------ builders reproduce the capture

    @Test
    void pollingGetIsByteExact() {
        // t=m3jqy0dy: Date.now().toString(36) was "mwvm3jqy", Math.random() gave "0dy"
        String t = NodeSocketIoHttp.timestamp(Long.parseLong("mwvm3jqy", 36), new Scripted(0, 13, 34));
        assertThat(t).isEqualTo("m3jqy0dy");
        assertThat(text(HttpCodec.encode(NodeSocketIoHttp.pollingGet(HOST, t, null)))).isEqualTo(OPEN_GET);
    }

    @Test
    void openResponseIsByteExact() {
        Bytes body = Bytes.wrap(EngineIoCodec.encodePollingPayload(List.of(EngineIoPacket.open(
                OpenPacket.polling("vZ176bRWp5f4hMPjAAAA")))));
        assertThat(text(HttpCodec.encode(NodeSocketIoHttp.pollingResponse(body, DATE.plusMillis(789), false))))
                .isEqualTo(OPEN_RESPONSE);
        Bytes other = Bytes.utf8(KEEP_ALIVE_OPEN.substring(KEEP_ALIVE_OPEN.indexOf("\r\n\r\n") + 4));
        assertThat(text(HttpCodec.encode(NodeSocketIoHttp.pollingResponse(other,
                Instant.parse("2026-11-25T04:17:31Z"), true)))).isEqualTo(KEEP_ALIVE_OPEN);
    }

    @Test
    void postAndItsOkAreByteExact() {
        HttpMessage post = NodeSocketIoHttp.pollingPost(HOST, "m3jreny3", "vZ176bRWp5f4hMPjAAAA", Bytes.ascii("40"));
        assertThat(text(HttpCodec.encode(post))).isEqualTo(POST);
        assertThat(text(HttpCodec.encode(NodeSocketIoHttp.postOk(DATE, false)))).isEqualTo(POST_OK);
    }

    @Test
    void upgradeAndSwitchingProtocolsAreByteExact() {
        String key = "kuSOMnbjMuswUgobRJMJ4A==";
        assertThat(text(HttpCodec.encode(NodeSocketIoHttp.webSocketUpgrade(HOST, "S6ycxmPqpLSEL9MxAAAB", key))))
                .isEqualTo(UPGRADE);
        assertThat(text(HttpCodec.encode(NodeSocketIoHttp.switchingProtocols(key)))).isEqualTo(SWITCHING);
        // the WebSocket-only client (frame 150) sends no sid
        assertThat(NodeSocketIoHttp.webSocketUpgrade(HOST, null, key).target())
                .isEqualTo("/socket.io/?EIO=4&transport=websocket");
    }

    @Test
    void badRequestIsByteExactAndChunked() {
        HttpMessage m = NodeSocketIoHttp.badRequest(5, "Unsupported protocol version",
                Instant.parse("2026-11-25T04:17:31Z"), true);
        assertThat(text(HttpCodec.encode(m))).isEqualTo(BAD_REQUEST);
        assertThat(m.isChunked()).isTrue();
        assertThat(m.content().utf8()).isEqualTo("{\"code\":5,\"message\":\"Unsupported protocol version\"}");
    }

    // ------------------------------------------------------------ decode

    @Test
    void everyVectorRoundTripsBothWaysAndIsFullyCovered() {
        for (String v : VECTORS) {
            byte[] wire = bytes(v);
            HttpDecoded d = HttpCodec.decode(wire, 0, wire.length);
            assertThat(d.isOk()).as(v).isTrue();
            assertThat(d.length()).isEqualTo(wire.length);
            assertThat(HttpCodec.encode(d.message())).isEqualTo(wire);
            HttpDecoded again = HttpCodec.decode(HttpCodec.encode(d.message()), 0, wire.length);
            assertThat(again.message()).isEqualTo(d.message());
            Pdu pdu = HttpCodec.dissect(wire, 0, wire.length, POLLING);
            assertThat(pdu.isMalformed()).isFalse();
            assertThat(pdu.header(HttpMessage.class)).contains(d.message());
            assertThat(Coverage.problems(pdu, 0, wire.length)).as(v).isEmpty();
        }
    }

    @Test
    void requestLineFields() {
        byte[] wire = bytes(OPEN_GET);
        Pdu pdu = HttpCodec.dissect(wire, 0, wire.length, POLLING);
        assertThat(pdu.summary()).isEqualTo("GET /socket.io/?EIO=4&transport=polling&t=m3jqy0dy HTTP/1.1");
        assertThat(pdu.fields()).extracting(Field::key).containsExactly("http.request.method", "http.sp",
                "http.request.uri", "http.sp", "http.request.version", "http.crlf", "http.header", "http.crlf",
                "http.header", "http.crlf", "http.header", "http.crlf", "http.header", "http.crlf", "http.blank_line");
        assertThat(pdu.fields().get(0).display()).isEqualTo("GET");
        assertThat(pdu.fields().get(6).display()).isEqualTo("User-Agent: node-XMLHttpRequest");
        HttpMessage m = (HttpMessage) pdu.header();
        assertThat(m.method()).isEqualTo("GET");
        assertThat(m.headers()).extracting(HttpHeader::name).containsExactly("User-Agent", "Accept", "Host",
                "Connection");
    }

    @Test
    void responseBodyGoesToTheEngineIoDissector() {
        byte[] wire = bytes("xx" + OPEN_RESPONSE);
        Pdu pdu = HttpCodec.dissect(wire, 2, wire.length - 2, POLLING);
        assertThat(pdu.field("http.response.code").orElseThrow().display()).isEqualTo("200");
        assertThat(pdu.field("http.response.phrase").orElseThrow().display()).isEqualTo("OK");
        Pdu eio = pdu.find(Protocol.ENGINEIO).orElseThrow();
        assertThat(eio.offset()).isEqualTo(wire.length - 118);
        assertThat(eio.header(EngineIoDecoded.class).orElseThrow().packets().get(0).text())
                .startsWith("{\"sid\":\"vZ176bRWp5f4hMPjAAAA\"");
        assertThat(pdu.field("http.body")).isEmpty();
        assertThat(Coverage.problems(pdu, 2, wire.length - 2)).isEmpty();
    }

    @Test
    void chunkedBodyIsShownChunkByChunk() {
        byte[] wire = bytes(BAD_REQUEST);
        Pdu pdu = HttpCodec.dissect(wire, 0, wire.length, POLLING);
        // the chunks own the bytes on the wire; the content they carry is handed on below them, read from its own bytes
        assertThat(pdu.children()).singleElement().satisfies(c -> assertThat(c.source().bytes()
                .utf8()).isEqualTo("{\"code\":5,\"message\":\"Unsupported protocol version\"}"));
        assertThat(pdu.children().get(0).source().name()).isEqualTo("De-chunked entity body");
        assertThat(pdu.fields()).extracting(Field::display).contains("33 (51 bytes)", "0 (0 bytes), last chunk");
        assertThat(pdu.field("http.chunk.data").orElseThrow().bytes().utf8())
                .isEqualTo("{\"code\":5,\"message\":\"Unsupported protocol version\"}");
        assertThat(Coverage.problems(pdu, 0, wire.length)).isEmpty();
    }

    @Test
    void switchingProtocolsEndsAtTheBlankLineAndTheStreamHandsTheRestOn() {
        // the server's 101 followed in the same segment by its first WebSocket frame 81 06 "3probe"
        byte[] head = bytes(SWITCHING);
        byte[] wire = new byte[head.length + 8];
        System.arraycopy(head, 0, wire, 0, head.length);
        System.arraycopy(Bytes.ofHex("8106") .concat(Bytes.ascii("3probe")).toArray(), 0, wire, head.length, 8);
        Pdu pdu = HttpCodec.dissect(wire, 0, wire.length, POLLING);
        assertThat(pdu.end()).isEqualTo(head.length);
        List<Pdu> all = HttpCodec.dissectStream(wire, 0, wire.length, POLLING);
        assertThat(all).hasSize(2);
        assertThat(all.get(1).protocol()).isEqualTo(Protocol.DATA);
        assertThat(all.get(1).offset()).isEqualTo(head.length);
    }

    @Test
    void pipelinedMessagesAreDissectedOneAfterTheOther() {
        byte[] wire = bytes(POST_OK + POST_OK);
        List<Pdu> all = HttpCodec.dissectStream(wire, 0, wire.length, POLLING);
        assertThat(all).hasSize(2);
        assertThat(all.get(1).offset()).isEqualTo(POST_OK.length());
        assertThat(all.get(1).end()).isEqualTo(wire.length);
    }

    // ------------------------------------------------------------ malformed

    @Test
    void headersWithoutTheBlankLineAreTruncated() {
        for (int len = 0; len < UPGRADE.length(); len++) {
            byte[] wire = bytes(UPGRADE);
            HttpDecoded d = HttpCodec.decode(wire, 0, len);
            assertThat(d.malformed().reason()).isEqualTo("truncated: headers not terminated by CRLF CRLF");
            assertThat(d.isTruncated()).isTrue();
            Pdu pdu = HttpCodec.dissect(wire, 0, len, POLLING);
            assertThat(pdu.malformed().reason()).isEqualTo("truncated: headers not terminated by CRLF CRLF");
            assertThat(Coverage.problems(pdu, 0, len)).as("length %d", len).isEmpty();
        }
        byte[] wire = bytes(UPGRADE);
        assertThat(HttpCodec.decode(wire, 0, 20).malformed().offset()).isZero();
        // after the request line and two headers, decoding stopped at the start of the third header line
        int third = UPGRADE.indexOf("Connection:");
        assertThat(HttpCodec.decode(wire, 0, third + 3).malformed().offset()).isEqualTo(third);
    }

    @Test
    void shortBodyIsTruncatedAndKeepsWhatCame() {
        byte[] wire = bytes(OPEN_RESPONSE);
        int cut = wire.length - 113;
        HttpDecoded d = HttpCodec.decode(wire, 0, cut);
        assertThat(d.malformed().reason()).isEqualTo("truncated: body has 5 of the 118 bytes Content-Length announces");
        assertThat(d.malformed().offset()).isEqualTo(cut);
        assertThat(d.message().body().utf8()).isEqualTo("0{\"si");
        Pdu pdu = HttpCodec.dissect(wire, 0, cut, POLLING);
        assertThat(pdu.field("http.body").orElseThrow().byteEnd()).isEqualTo(cut);
        assertThat(Coverage.problems(pdu, 0, cut)).isEmpty();
    }

    @Test
    void everyTruncationOfEveryVectorIsCoveredAndNeverThrows() {
        for (String v : VECTORS) {
            byte[] wire = bytes(v);
            for (int len = 0; len <= wire.length; len++) {
                Pdu pdu = HttpCodec.dissect(wire, 0, len, POLLING);
                assertThat(Coverage.problems(pdu, 0, pdu.length())).as("%s at %d", v, len).isEmpty();
                assertThat(pdu.length()).isEqualTo(len);
                HttpDecoded d = HttpCodec.decode(wire, 0, len);
                assertThat(d.isOk() || d.isTruncated()).as("%s at %d: %s", v, len, d.malformed()).isTrue();
            }
        }
    }

    @Test
    void syntaxErrorsSayWhatIsWrong() {
        assertMalformed("GET /\r\n\r\n", "malformed request line: expected method SP request-target SP HTTP-version",
                0);
        assertMalformed("HTTP/1.1 2x0 OK\r\n\r\n",
                "malformed status line: expected HTTP-version SP status-code SP reason-phrase", 0);
        assertMalformed("GET / HTTP/1.1\r\nHost 1\r\n\r\n", "header field line without ':'", 16);
        assertMalformed("GET / HTTP/1.1\r\nHost : 1\r\n\r\n", "whitespace between header field name and colon", 16);
        assertMalformed("GET / HTTP/1.1\r\n: 1\r\n\r\n", "empty header field name", 16);
        assertMalformed("POST / HTTP/1.1\r\nContent-Length: 1x\r\n\r\nab", "invalid Content-Length: \"1x\"", 39);
        assertMalformed("POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
                "conflicting Content-Length values 1 and 2", 57);
        assertMalformed("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "invalid chunk size: \"zz\"", 47);
        assertMalformed("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabXY0\r\n\r\n",
                "chunk data not followed by CRLF", 52);
        assertMalformed("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab",
                "truncated: chunk has 2 of the 5 bytes its size announces", 52);
    }

    private static void assertMalformed(String text, String reason, int offset) {
        byte[] wire = bytes(text);
        HttpDecoded d = HttpCodec.decode(wire, 0, wire.length);
        assertThat(d.malformed().reason()).isEqualTo(reason);
        assertThat(d.malformed().offset()).isEqualTo(offset);
        Pdu pdu = HttpCodec.dissect(wire, 0, wire.length, POLLING);
        assertThat(pdu.malformed().reason()).isEqualTo(reason);
        assertThat(pdu.malformed().offset()).isEqualTo(offset);
        assertThat(Coverage.problems(pdu, 0, wire.length)).isEmpty();
    }

    @Test
    void bodyFramingFollowsRfc9112() {
        // a response without Content-Length runs to the end of the bytes; a request without one has no body
        byte[] resp = bytes("HTTP/1.1 200 OK\r\n\r\nabc");
        assertThat(HttpCodec.decode(resp, 0, resp.length).message().body().utf8()).isEqualTo("abc");
        byte[] req = bytes("GET / HTTP/1.1\r\n\r\nabc");
        HttpDecoded d = HttpCodec.decode(req, 0, req.length);
        assertThat(d.length()).isEqualTo(req.length - 3);
        assertThat(d.message().body().isEmpty()).isTrue();
        // 204 has no body even with bytes after it
        byte[] noContent = bytes("HTTP/1.1 204 No Content\r\n\r\nabc");
        assertThat(HttpCodec.decode(noContent, 0, noContent.length).length()).isEqualTo(noContent.length - 3);
    }

    @Test
    void withBodyKeepsContentLengthInStep() {
        HttpMessage post = NodeSocketIoHttp.pollingPost(HOST, "t", "s", Bytes.ascii("40"));
        HttpMessage longer = post.withBody(Bytes.ascii("42[\"chat\",\"hi\"]"));
        assertThat(longer.header("content-length")).contains("15");
        assertThat(longer.headers().get(4).name()).isEqualTo("Content-Length");
    }

    // ------------------------------------------------------------ the whole real capture

    @Test
    void everyHttpMessageInTheRealCapturesDissectsCleanlyAndEncodesBack() throws IOException {
        int messages = 0;
        int polling = 0;
        for (String file : List.of("node-socketio-4.8.4-sessions.pcap", "node-socketio-4.8.4-curl.pcap")) {
            for (NodeCapture.Segment s : NodeCapture.segments(file)) {
                byte[] p = s.payload();
                String start = new String(p, 0, Math.min(5, p.length), StandardCharsets.ISO_8859_1);
                if (!start.startsWith("GET ") && !start.startsWith("POST ") && !start.startsWith("HTTP/")) {
                    continue;
                }
                messages++;
                Pdu pdu = HttpCodec.dissect(p, 0, p.length, POLLING);
                assertThat(pdu.firstMalformed()).as("frame %d", s.frame()).isEmpty();
                assertThat(pdu.end()).as("frame %d", s.frame()).isEqualTo(p.length);
                assertThat(Coverage.problems(pdu, 0, p.length)).as("frame %d", s.frame()).isEmpty();
                HttpMessage m = (HttpMessage) pdu.header();
                assertThat(HttpCodec.encode(m)).as("frame %d", s.frame()).isEqualTo(p);
                if (pdu.find(Protocol.ENGINEIO).isPresent()) {
                    polling++;
                }
                String accept = m.header("Sec-WebSocket-Accept").orElse(null);
                if (accept != null) {
                    assertThat(accept).isIn("BeshW+qG5P5sBgJerDkA6dJVLjo=", "xK1RGxQC6cmdLaSACxDDc3HQ8fM=");
                }
            }
        }
        assertThat(messages).isEqualTo(31);
        // 8 polling answers (text/plain; charset=UTF-8) and 4 POSTs (Content-type: text/plain;charset=UTF-8)
        assertThat(polling).isEqualTo(12);
    }

    // ------------------------------------------------------------ WebSocket handshake values, date, t

    @Test
    void acceptOfTheRfc6455Example() {
        // RFC 6455 §1.3
        assertThat(WebSocketHandshake.accept("dGhlIHNhbXBsZSBub25jZQ==")).isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
        // the two handshakes in the real capture
        assertThat(WebSocketHandshake.accept("kuSOMnbjMuswUgobRJMJ4A==")).isEqualTo("BeshW+qG5P5sBgJerDkA6dJVLjo=");
        assertThat(WebSocketHandshake.accepts("5yfMebU0NIIpPHYyluIaKA==", "xK1RGxQC6cmdLaSACxDDc3HQ8fM=")).isTrue();
    }

    @Test
    void keysAreSixteenSeededBytesInBase64() {
        String key = WebSocketHandshake.newKey(new SeededRandom(3));
        assertThat(key).hasSize(24).endsWith("==");
        assertThat(java.util.Base64.getDecoder().decode(key)).hasSize(16);
        assertThat(WebSocketHandshake.newKey(new SeededRandom(3))).isEqualTo(key);
    }

    @Test
    void datesAreImfFixdate() {
        assertThat(HttpDate.format(Instant.parse("1994-11-06T08:49:37Z"))).isEqualTo("Sun, 06 Nov 1994 08:49:37 GMT");
        assertThat(HttpDate.format(Instant.parse("2026-11-25T04:16:53.999Z"))).isEqualTo(
                "Wed, 25 Nov 2026 04:16:53 GMT");
        assertThat(HttpDate.format(Instant.EPOCH)).isEqualTo("Thu, 01 Jan 1970 00:00:00 GMT");
    }

    @Test
    void timestampsAreEightBase36Characters() {
        SeededRandom r = new SeededRandom(9);
        String t = NodeSocketIoHttp.timestamp(Instant.parse("2026-11-25T04:16:53.442Z").toEpochMilli(), r);
        // Date.now().toString(36) is "mwvm3jr6" then; the captured poll sent 8 ms earlier had t=m3jqy…
        assertThat(t).hasSize(8).matches("[0-9a-z]{8}").startsWith("m3jr6");
    }
}
