package org.netsim.wire.socketio;

import java.util.List;
import java.util.Objects;
import org.netsim.pdu.Bytes;

/**
 * A packet as socket.io-parser's encoder hands it to Engine.IO: the text, then one binary message per attachment
 * (socket.io-protocol v5, "Packet encoding": "+ binary attachments extracted").
 *
 * @param text        the packet text, sent as one Engine.IO message
 * @param attachments the binary attachments, each sent as its own binary Engine.IO message after the text
 */
public record EncodedSocketIo(String text, List<Bytes> attachments) {
    public EncodedSocketIo {
        Objects.requireNonNull(text, "text");
        attachments = List.copyOf(attachments);
    }
}
