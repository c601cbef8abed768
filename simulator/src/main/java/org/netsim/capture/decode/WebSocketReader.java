package org.netsim.capture.decode;

import static org.netsim.capture.decode.CaptureDecoder.s32;
import static org.netsim.capture.decode.CaptureDecoder.u16;
import static org.netsim.capture.decode.CaptureDecoder.u32;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.netsim.pdu.Bytes;
import org.netsim.pdu.PayloadDissector;
import org.netsim.pdu.Pdu;
import org.netsim.stack.StackDissector;
import org.netsim.wire.websocket.CloseCodes;
import org.netsim.wire.websocket.Masking;
import org.netsim.wire.websocket.MessageAssembler;
import org.netsim.wire.websocket.Opcode;
import org.netsim.wire.websocket.WebSocketCodec;

/**
 * The WebSocket side of one direction (RFC 6455 §5): frames of any length read from the stream as they
 * complete, masking undone in place (§5.3), control frames reported as they come (§5.5), fragmented messages joined
 * (§5.4), and each whole message handed to {@link SocketIoSessions}: a text one as an Engine.IO packet, a binary one
 * as its content. The frame header is read straight from the bytes; only a frame that breaks the protocol goes
 * through {@link WebSocketCodec}, for its words.
 */
final class WebSocketReader extends SideReader {
    private static final String[] CONTROL_TYPES = new String[16];

    static {
        for (int i = 8; i < 16; i++) {
            CONTROL_TYPES[i] = Opcode.of(i).label().toUpperCase(Locale.ROOT);
        }
    }

    // a fragmented message being joined
    private byte[] fragments;
    private int fragmentBytes;
    private int fragmentOpcode = -1;
    private int fragmentCount;
    private long fragmentFirstFrame;
    private List<Pdu> fragmentPdus;

    WebSocketReader(Side side, CaptureDecoder decoder) {
        super(side, decoder);
    }

    /** Decodes every whole frame in the buffer, as long as the direction stays WebSocket. */
    void read(long frame, long time) {
        while (side.mode == Side.Mode.WEBSOCKET) {
            int avail = in.available();
            if (avail < 2) {
                return;
            }
            byte[] b = in.buf;
            int p = in.start;
            int b0 = b[p] & 0xff;
            int b1 = b[p + 1] & 0xff;
            int len7 = b1 & 0x7f;
            boolean masked = (b1 & 0x80) != 0;
            int lengthEnd = 2 + (len7 == 126 ? 2 : len7 == 127 ? 8 : 0);
            int header = lengthEnd + (masked ? 4 : 0);
            if (avail < lengthEnd) {
                return;
            }
            long length = len7 < 126 ? len7 : len7 == 126 ? u16(b, p + 2)
                    : ((long) s32(b, p + 2) << 32) | u32(b, p + 6);
            int opcode = b0 & 0x0f;
            boolean fin = (b0 & 0x80) != 0;
            boolean control = (opcode & 0x8) != 0;
            boolean badFraming = (len7 == 126 && length <= 125) || (len7 == 127 && (length < 0 || length <= 0xffff))
                    || (control && (!fin || length > 125)) || (opcode == 8 && length == 1);
            if (badFraming) {
                // the frame's length cannot be trusted: report with the codec's words, then look for a new start
                org.netsim.pdu.Malformed why = WebSocketCodec.decode(b, p, avail).malformed();
                String reason = why != null ? why.reason() : "invalid frame header";
                out.bad(side, frame, in.firstFrame(), time, "WebSocket: " + reason, List.of());
                in.clear();
                dropFragments(frame, time, "a broken frame");
                side.resync = true;
                return;
            }
            long total = header + length;
            if (total > options.maxMessageBytes()) {
                skipTooLarge("WebSocket: frame", total, avail, frame, time);
                dropFragments(frame, time, "a frame too large to hold");
                if (side.skip > 0) {
                    return;
                }
                continue;
            }
            if (avail < total) {
                return;
            }
            int n = (int) length;
            int payload = p + header;
            long first = in.firstFrame();
            byte[] raw = null;
            boolean anomaly = (b0 & 0x70) != 0 || Opcode.of(opcode).isReserved();
            if (options.keepPdus() || anomaly) {
                raw = Arrays.copyOfRange(b, p, p + (int) total);
            }
            if (masked) {
                Masking.apply(b, payload, n, b, p + lengthEnd);
            }
            if (anomaly) {
                in.consume((int) total);
                out.bad(side, frame, first, time, MessageOut.problem(StackDissector.dissectWebSocketMessage(raw)),
                        List.of());
                continue;
            }
            List<Pdu> pdus = raw == null ? List.of() : List.of(StackDissector.dissectWebSocketMessage(raw));
            // the frame's bytes stay valid until consumed: decode first, then consume
            frameDone(opcode, fin, b, payload, n, p, frame, first, time, pdus);
            in.consume((int) total);
        }
    }

    private void frameDone(int opcode, boolean fin, byte[] b, int s, int n, int frameStart, long frame,
                           long first, long time, List<Pdu> pdus) {
        if ((opcode & 0x8) != 0) {
            out.message(side, frame, first, time, "websocket", "websocket", CONTROL_TYPES[opcode], null, null, null,
                    null, List.of(), CloseCodes.controlText(opcode, b, s, n), 0, null, pdus);
            return;
        }
        if (opcode == 0) {
            if (fragmentOpcode < 0) {
                out.bad(side, frame, first, time, "WebSocket: " + MessageAssembler.CONTINUATION_WITHOUT_MESSAGE,
                        pdus);
                return;
            }
            appendFragment(b, s, n, pdus);
            if (fragmentBytes > options.maxMessageBytes()) {
                dropFragments(frame, time, "its size passing the " + options.maxMessageBytes()
                        + " bytes this decoder holds");
                return;
            }
            if (fin) {
                int op = fragmentOpcode;
                byte[] all = fragments;
                int total = fragmentBytes;
                long firstFrame = fragmentFirstFrame;
                List<Pdu> allPdus = fragmentPdus;
                resetFragments();
                message(op, all, 0, total, -1, frame, firstFrame, time, allPdus);
            }
            return;
        }
        if (fragmentOpcode >= 0) {
            dropFragments(frame, time, "a new data frame");
            out.bad(side, frame, first, time, "WebSocket: " + MessageAssembler.DATA_DURING_FRAGMENTED, pdus);
            return;
        }
        if (fin) {
            message(opcode, b, s, n, frameStart, frame, first, time, pdus);
            return;
        }
        fragmentOpcode = opcode;
        fragmentFirstFrame = first;
        fragmentCount = 0;
        fragmentBytes = 0;
        fragmentPdus = pdus.isEmpty() ? List.of() : new ArrayList<>();
        appendFragment(b, s, n, pdus);
    }

    private void appendFragment(byte[] b, int s, int n, List<Pdu> pdus) {
        if (fragments == null || fragments.length < fragmentBytes + n) {
            fragments = Arrays.copyOf(fragments == null ? new byte[0] : fragments,
                    Math.max(fragmentBytes + n, fragments == null ? 256 : fragments.length * 2));
        }
        System.arraycopy(b, s, fragments, fragmentBytes, n);
        fragmentBytes += n;
        fragmentCount++;
        if (!pdus.isEmpty()) {
            fragmentPdus.addAll(pdus);
        }
    }

    private void resetFragments() {
        fragmentOpcode = -1;
        fragments = null;
        fragmentBytes = 0;
        fragmentCount = 0;
        fragmentPdus = null;
    }

    /** Reports and forgets a fragmented message that cannot be finished, if one is being joined. */
    void dropFragments(long frame, long time, String why) {
        if (fragmentOpcode >= 0) {
            out.bad(side, frame, fragmentFirstFrame, time, "WebSocket: fragmented message of " + fragmentCount
                    + (fragmentCount == 1 ? " frame" : " frames") + " so far dropped because of " + why,
                    List.of());
            resetFragments();
        }
    }

    /** A whole WebSocket message (RFC 6455 §5.6): a text one is an Engine.IO packet, a binary one its content. */
    private void message(int opcode, byte[] b, int s, int n, int frameStart, long frame, long first,
                         long time, List<Pdu> pdus) {
        if (opcode == 1) {
            if (!Utf8Check.isValid(b, s, s + n)) {
                // a single frame is judged by the codec, in its words; a fragmented message as a whole
                String reason;
                if (frameStart >= 0) {
                    // one frame: judged by the codec on its bytes as on the wire (masked again), in its words
                    byte[] wire = Arrays.copyOfRange(b, frameStart, s + n);
                    if ((wire[1] & 0x80) != 0) {
                        Masking.apply(wire, s - frameStart, n, wire, s - frameStart - 4);
                    }
                    reason = MessageOut.problem(StackDissector.dissectWebSocketMessage(wire));
                } else {
                    reason = "WebSocket: " + MessageAssembler.TEXT_NOT_UTF8;
                }
                out.bad(side, frame, first, time, reason, pdus);
                return;
            }
            sessions.engineIoText(side, "websocket", b, s, n, frame, first, time, pdus);
        } else {
            sessions.binary(side, "websocket", side.conv.session(), Bytes.of(b, s, s + n), frame, first, time, pdus);
        }
    }

    /** The length of the frame at the front of the buffer, or -1 while its header is incomplete. */
    long bufferedFrameLength() {
        int avail = in.available();
        if (avail < 2) {
            return -1;
        }
        byte[] b = in.buf;
        int p = in.start;
        int len7 = b[p + 1] & 0x7f;
        int lengthEnd = 2 + (len7 == 126 ? 2 : len7 == 127 ? 8 : 0);
        if (avail < lengthEnd) {
            return -1;
        }
        long length = len7 < 126 ? len7 : len7 == 126 ? u16(b, p + 2) : ((long) s32(b, p + 2) << 32) | u32(b, p + 6);
        return length < 0 ? -1 : lengthEnd + ((b[p + 1] & 0x80) != 0 ? 4 : 0) + length;
    }

    /** The stream ended inside a frame: the codec says how far the frame got. */
    void endOfStream(String why, long frame, long time) {
        List<Pdu> cut = WebSocketCodec.dissect(in.buf, in.start, in.available(), PayloadDissector.raw());
        String reason = cut.isEmpty() || !cut.get(0).isMalformed() ? "incomplete frame"
                : cut.get(0).malformed().reason();
        out.bad(side, frame, in.firstFrame(), time, "WebSocket: " + reason + why, List.of());
        in.clear();
    }

    /**
     * Whether a WebSocket frame plausibly starts at {@code b[off]}: a defined opcode that starts a message (not a
     * continuation), reserved bits clear, the shortest length form, and for a text frame whose first payload byte is
     * here, an Engine.IO packet type digit.
     */
    static boolean plausibleStart(byte[] b, int off, int len) {
        if (len < 2) {
            return false;
        }
        int b0 = b[off] & 0xff;
        int op = b0 & 0x0f;
        if ((b0 & 0x70) != 0 || !(op == 1 || op == 2 || op == 8 || op == 9 || op == 10)) {
            return false;
        }
        int b1 = b[off + 1] & 0xff;
        int len7 = b1 & 0x7f;
        boolean masked = (b1 & 0x80) != 0;
        int lengthEnd = 2 + (len7 == 126 ? 2 : len7 == 127 ? 8 : 0);
        if ((op & 0x8) != 0 && ((b0 & 0x80) == 0 || len7 > 125)) {
            return false;
        }
        if (len < lengthEnd) {
            return true;
        }
        long length = len7 < 126 ? len7 : len7 == 126 ? u16(b, off + 2)
                : ((long) s32(b, off + 2) << 32) | u32(b, off + 6);
        if ((len7 == 126 && length <= 125) || (len7 == 127 && (length <= 0xffff || length < 0))) {
            return false;
        }
        int header = lengthEnd + (masked ? 4 : 0);
        if (op == 1 && length > 0 && len > header) {
            int c = b[off + header] ^ (masked ? b[off + lengthEnd] : 0);
            return c >= '0' && c <= '6';
        }
        return true;
    }
}
