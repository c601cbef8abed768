package org.netsim.capture.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netsim.capture.file.CaptureFileReader;
import org.netsim.capture.file.CapturedFrame;
import org.netsim.pdu.Coverage;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.Protocol;
import org.netsim.stack.DecodedMessage;
import org.netsim.stack.MessageExtractor;
import org.netsim.stack.StackDissector;

/**
 * A real capture of the app's built-in peer (assets/src/main/resources/captures/netty-socketio-peer: netty-socketio
 * gzips and chunks every polling response because okhttp accepts gzip; see the .txt beside it for what tshark finds).
 * Before the decoder inflated bodies, the open packet, the server's CONNECT and the NOOP were reported as
 * "[Malformed] Engine.IO: unknown packet type 0x1f" (0x1f: gzip's first byte).
 */
class BuiltInPeerCaptureTest {
    static final Path CAPTURE = Path.of("../assets/src/main/resources/captures/netty-socketio-peer/"
            + "polling-handshake.pcap");
    private static final String SID = "4b8a291c-df31-4335-b6ce-b42becfb919c";

    /** What tshark finds in the file (polling-handshake.txt), in the decoder's words. */
    private static final List<String> EXPECTED = List.of(
            "6 polling engine.io OPEN 0{\"sid\":\"" + SID + "\",\"upgrades\":[\"websocket\"],\"pingInterval\":25000,"
                    + "\"pingTimeout\":60000}",
            "15 polling socket.io CONNECT 40",
            "31 polling socket.io CONNECT 40{\"sid\":\"" + SID + "\"}",
            "39 websocket engine.io PING 2probe",
            "41 websocket engine.io PONG 3probe",
            "50 polling engine.io NOOP 6",
            "52 websocket engine.io UPGRADE 5",
            "56 websocket socket.io EVENT 42[\"chat\",\"hi\"]",
            "58 websocket socket.io EVENT 42[\"chat\",\"hi\"]",
            "60 websocket socket.io DISCONNECT 41",
            "62 websocket websocket CONNECTION CLOSE 1000 (Normal Closure)",
            "64 websocket websocket CONNECTION CLOSE 1000 (Normal Closure)");

    @Test
    void everyMessageOfTheGzippedPollingHandshakeDecodesAndNothingIsMalformed() throws IOException {
        List<CaptureMessage> ms = CaptureDecoder.decodeAll(CAPTURE, CaptureDecoder.Options.DEFAULT.withPdus());
        assertThat(ms).noneMatch(CaptureMessage::isMalformed).noneMatch(CaptureMessage::isGap);
        assertThat(ms).extracting(m -> m.frame() + " " + m.transport() + " " + m.protocol() + " " + m.type() + " "
                + m.text()).containsExactlyElementsOf(EXPECTED);

        // the open packet's tree: the chunks own the gzip bytes, the inflated body is decoded below them
        Pdu http = ms.get(0).pdus().get(0);
        assertThat(http.protocol()).isEqualTo(Protocol.HTTP);
        assertThat(http.fields()).filteredOn(f -> f.key().equals("http.chunk.data")).extracting(f -> f.byteEnd()
                - f.byteStart()).containsExactly(120, 10);
        Pdu decoded = http.children().get(0);
        assertThat(decoded.summary()).startsWith("Decoded body (chunked, gzip): ");
        assertThat(decoded.source().title()).isEqualTo("Uncompressed entity body (113 bytes)");
        assertThat(decoded.find(Protocol.ENGINEIO)).isPresent();
    }

    @Test
    void theFrameByFrameDissectorDecodesTheSameWithEveryByteOwned() throws IOException {
        StackDissector d = new StackDissector();
        MessageExtractor x = new MessageExtractor();
        List<String> found = new ArrayList<>();
        try (CaptureFileReader r = CaptureFileReader.open(CAPTURE)) {
            for (CapturedFrame f; (f = r.read()) != null; ) {
                byte[] data = f.data().toArray();
                Pdu root = d.dissect(data, 0, data.length, false);
                assertThat(Coverage.problems(root, 0, data.length)).as("frame %d", f.index()).isEmpty();
                for (DecodedMessage m : x.accept(f.index(), f.timestampNanos(), root)) {
                    assertThat(m.malformed()).as("frame %d", f.index()).isNull();
                    found.add(m.frame() + " " + m.transport() + " " + m.protocol() + " " + m.type() + " " + m.text());
                }
            }
        }
        assertThat(found).containsExactlyElementsOf(EXPECTED);
    }
}
