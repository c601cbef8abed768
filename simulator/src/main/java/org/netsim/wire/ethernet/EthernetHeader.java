package org.netsim.wire.ethernet;

import java.util.Objects;

/** An Ethernet II header: destination, source, EtherType. */
public record EthernetHeader(MacAddress destination, MacAddress source, EtherType etherType) {
    public EthernetHeader {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(etherType, "etherType");
    }
}
