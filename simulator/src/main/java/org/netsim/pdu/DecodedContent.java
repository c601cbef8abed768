package org.netsim.pdu;

import java.util.Objects;

/**
 * The header of a PDU whose children were decoded from bytes that are not in the frame as such: an HTTP body after
 * its chunk framing and its Content-Encoding (gzip, deflate) were undone. The PDU itself covers the encoded bytes in
 * the frame (which the fields of the PDU above it own); the offsets of its children count in {@link #bytes()}, as
 * Wireshark shows such content in a tab of its own ("Uncompressed entity body"). {@link Pdu#allFields()}, and so
 * {@link Coverage}, leave those children out: they own bytes of {@code bytes}, not of the frame.
 *
 * @param how   what was undone, e.g. {@code "chunked, gzip"}
 * @param bytes the decoded bytes the children were read from
 */
public record DecodedContent(String how, Bytes bytes) {
    public DecodedContent {
        Objects.requireNonNull(how, "how");
        Objects.requireNonNull(bytes, "bytes");
    }
}
