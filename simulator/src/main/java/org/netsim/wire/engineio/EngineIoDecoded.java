package org.netsim.wire.engineio;

import java.util.List;
import org.netsim.pdu.Malformed;

/**
 * What decoding Engine.IO bytes gave: the packets read and, if the bytes broke the format, why and where decoding
 * stopped. Like engine.io-parser, decoding stops at the first bad packet; the packets before it are kept.
 *
 * @param packets   the packets decoded, in order
 * @param malformed why decoding stopped, or {@code null} if every byte was understood
 */
public record EngineIoDecoded(List<EngineIoPacket> packets, Malformed malformed) {
    public EngineIoDecoded {
        packets = List.copyOf(packets);
    }

    public boolean isOk() {
        return malformed == null;
    }
}
