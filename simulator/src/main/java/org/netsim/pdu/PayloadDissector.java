package org.netsim.pdu;

import java.util.List;

/**
 * Decodes what a layer carries, given that layer's decoded header: how the stack is wired without one codec package
 * depending on the next (Ethernet hands its payload on by EtherType, IPv4 by protocol number, TCP by connection).
 *
 * @param <H> the carrying layer's header type
 */
@FunctionalInterface
public interface PayloadDissector<H> {
    /** The PDUs found in {@code buf[offset, offset+length)}; never throws, and owns every byte it is given. */
    List<Pdu> dissect(H header, byte[] buf, int offset, int length);

    /** Raw data: no dissector claims the payload. */
    static <H> PayloadDissector<H> raw() {
        return (h, buf, offset, length) -> length == 0 ? List.of() : List.of(Pdu.data(buf, offset, length));
    }
}
