package org.netsim.compare;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.netsim.pdu.Bytes;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.Protocol;
import org.netsim.stack.StackDissector;
import org.netsim.wire.engineio.EngineIoCodec;
import org.netsim.wire.engineio.EngineIoDecoded;
import org.netsim.wire.engineio.EngineIoPacket;
import org.netsim.wire.engineio.EngineIoType;
import org.netsim.wire.http.HttpCodec;
import org.netsim.wire.http.HttpDecoded;
import org.netsim.wire.http.HttpFraming;
import org.netsim.wire.websocket.Opcode;
import org.netsim.wire.websocket.WebSocketCodec;
import org.netsim.wire.websocket.WebSocketDecoded;
import org.netsim.wire.websocket.WebSocketFrame;

/**
 * Finds a decoded message's units in the bytes of its connection ({@link FlowBytes}): the message starts in the
 * bytes of its first frame and ends in those of its last, and its units hold exactly its text and attachments. The
 * first frame may begin with the end of an earlier message, so every start in it is tried; a cheap look at the first
 * header bytes rejects almost all of them.
 */
final class UnitFinder {
    /** The units, and the stretch of the stream they fill. */
    record Found(List<CarriedMessage.Unit> units, int from, int to) {
    }

    private final byte[] data;
    private final int startFrom;
    private final int startTo;
    private final int endFrom;
    private final int endTo;

    UnitFinder(FlowBytes flow, long firstFrame, long lastFrame) {
        this.data = flow.data();
        FlowBytes.Chunk first = flow.chunkOf(firstFrame);
        FlowBytes.Chunk last = flow.chunkOf(lastFrame);
        this.startFrom = first == null ? 0 : first.from();
        this.startTo = first == null ? Math.min(data.length, 1) : first.to();
        this.endFrom = last == null ? 0 : last.from();
        this.endTo = last == null ? data.length : last.to();
    }

    private boolean endsInLastFrame(int end) {
        return end > endFrom && end <= endTo;
    }

    // ------------------------------------------------------------------------------------------------ WebSocket

    /** A text message holding {@code text}, then one binary message per attachment. */
    Found webSocket(String text, List<Bytes> attachments) {
        byte[] want = text.getBytes(StandardCharsets.UTF_8);
        for (int s = startFrom; s < startTo; s++) {
            if (!mayStartText(s, want.length)) {
                continue;
            }
            List<CarriedMessage.Unit> units = new ArrayList<>();
            int at = message(s, Opcode.TEXT, want, CarriedMessage.Role.TEXT, units);
            for (int i = 0; at >= 0 && i < attachments.size(); i++) {
                at = message(at, Opcode.BINARY, attachments.get(i).toArray(), CarriedMessage.Role.ATTACHMENT, units);
                if (at >= 0) {
                    // an attachment's fragments (rare) all count as that attachment
                    for (int u = 0; u < units.size(); u++) {
                        CarriedMessage.Unit x = units.get(u);
                        if (x.role() == CarriedMessage.Role.ATTACHMENT && x.number() == 0) {
                            units.set(u, new CarriedMessage.Unit(x.role(), i + 1, x.bytes(), x.tree(), x.compared()));
                        }
                    }
                }
            }
            if (at >= 0 && endsInLastFrame(at)) {
                return new Found(units, s, at);
            }
        }
        return null;
    }

    /** FIN and the text opcode, no reserved bits, and (for an unfragmented frame) the payload length expected. */
    private boolean mayStartText(int s, int length) {
        if (data.length - s < 2) {
            return false;
        }
        int b0 = data[s] & 0xff;
        if ((b0 & 0x0f) != Opcode.TEXT.value() || (b0 & 0x70) != 0) {
            return false;
        }
        if ((b0 & 0x80) == 0) {
            return true;
        }
        int len7 = data[s + 1] & 0x7f;
        return length <= 125 ? len7 == length : length <= 0xffff ? len7 == 126 : len7 == 127;
    }

    /**
     * One data message at {@code at} (a frame, or a first frame and its continuations) of {@code opcode} whose payload
     * is {@code want}; adds its frames to {@code units} and returns where it ends, or -1.
     */
    private int message(int at, Opcode opcode, byte[] want, CarriedMessage.Role role, List<CarriedMessage.Unit> units) {
        List<CarriedMessage.Unit> frames = new ArrayList<>();
        byte[] got = new byte[0];
        int pos = at;
        boolean first = true;
        while (true) {
            WebSocketDecoded d = WebSocketCodec.decode(data, pos, data.length - pos);
            if (!d.isComplete()) {
                return -1;
            }
            WebSocketFrame f = d.frame();
            if (f.opcode().value() != (first ? opcode : Opcode.CONTINUATION).value()) {
                return -1;
            }
            got = Bytes.join(got, f.payload().toArray());
            if (got.length > want.length) {
                return -1;
            }
            byte[] raw = Arrays.copyOfRange(data, pos, pos + d.consumed());
            Pdu tree = StackDissector.dissectWebSocketMessage(raw);
            frames.add(new CarriedMessage.Unit(role, 0, raw, tree, tree));
            pos += d.consumed();
            first = false;
            if (f.fin()) {
                break;
            }
        }
        if (!Arrays.equals(got, want)) {
            return -1;
        }
        if (frames.size() > 1 && role == CarriedMessage.Role.TEXT) {
            for (int i = 0; i < frames.size(); i++) {
                CarriedMessage.Unit u = frames.get(i);
                frames.set(i, new CarriedMessage.Unit(role, i + 1, u.bytes(), u.tree(), u.compared()));
            }
        }
        units.addAll(frames);
        return pos;
    }

    // ------------------------------------------------------------------------------------------------ polling

    /**
     * An HTTP message whose polling body holds {@code text} as an Engine.IO packet, followed by the {@code b} packets
     * of its attachments, as many as the same body holds: a client whose transport is free when it writes sends the
     * text at once and its attachments in the next request, and those are not looked for.
     */
    Found polling(String text, List<Bytes> attachments) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        Bytes want = Bytes.utf8(text.substring(1));
        for (int s = startFrom; s < startTo; s++) {
            if (!HttpFraming.startsMessage(data, s, data.length - s)) {
                continue;
            }
            // no look at where it ends: a client's attachments may follow in later requests (see polling's doc)
            HttpDecoded d = HttpCodec.decode(data, s, data.length - s);
            if (!d.isOk()) {
                continue;
            }
            byte[] body = d.message().content().toArray();
            EngineIoDecoded payload = EngineIoCodec.decodePollingPayload(body, 0, body.length);
            int index = packetIndex(payload.packets(), want, attachments);
            if (index < 0) {
                continue;
            }
            byte[] raw = Arrays.copyOfRange(data, s, s + d.length());
            Pdu tree = StackDissector.dissectHttpMessage(raw, true);
            Pdu packets = tree.find(Protocol.ENGINEIO).orElse(null);
            if (packets == null || packets.children().size() != payload.packets().size()) {
                continue;
            }
            List<CarriedMessage.Unit> units = new ArrayList<>();
            units.add(new CarriedMessage.Unit(CarriedMessage.Role.HTTP, 0, raw, tree, tree));
            units.add(new CarriedMessage.Unit(CarriedMessage.Role.TEXT, 0, raw, tree, packets.children().get(index)));
            int held = attachmentsAfter(payload.packets(), index, attachments);
            for (int i = 0; i < held; i++) {
                units.add(new CarriedMessage.Unit(CarriedMessage.Role.ATTACHMENT, i + 1, raw, tree,
                        packets.children().get(index + 1 + i)));
            }
            return new Found(units, s, s + d.length());
        }
        return null;
    }

    /** Where the text packet {@code want} stands among {@code packets}, its attachments after it; -1 if nowhere. */
    private static int packetIndex(List<EngineIoPacket> packets, Bytes want, List<Bytes> attachments) {
        int found = -1;
        for (int i = 0; i < packets.size(); i++) {
            EngineIoPacket p = packets.get(i);
            if (p.type() == EngineIoType.MESSAGE && !p.binary() && p.data().equals(want)) {
                if (attachmentsAfter(packets, i, attachments) == attachments.size()) {
                    return i;
                }
                found = found < 0 ? i : found;
            }
        }
        return found;
    }

    /** How many of the attachments follow packet {@code i}, in order. */
    static int attachmentsAfter(List<EngineIoPacket> packets, int i, List<Bytes> attachments) {
        int n = 0;
        while (n < attachments.size() && i + 1 + n < packets.size() && packets.get(i + 1 + n).binary()
                && packets.get(i + 1 + n).data().equals(attachments.get(n))) {
            n++;
        }
        return n;
    }
}
