package org.netsim.wire.ipv4;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@link Ipv4Fragmenter#fragment} produced: the encoded datagrams to send, in offset order, or why none can be
 * sent (a datagram too big for the link with DF set is dropped, RFC 791 §3.2).
 *
 * @param fragments the encoded datagrams (one if no fragmentation was needed); empty on error
 * @param error     why the datagram cannot be sent, or {@code null}
 */
public record FragmentResult(List<org.netsim.pdu.Bytes> fragments, String error) {
    public FragmentResult {
        fragments = List.copyOf(fragments);
    }

    static FragmentResult failed(String why) {
        return new FragmentResult(List.of(), why);
    }

    public boolean ok() {
        return error == null;
    }

    public boolean isError() {
        return error != null;
    }

    /** The encoded datagrams as fresh arrays. */
    public List<byte[]> packets() {
        List<byte[]> out = new ArrayList<>(fragments.size());
        for (org.netsim.pdu.Bytes f : fragments) {
            out.add(f.toArray());
        }
        return out;
    }
}
