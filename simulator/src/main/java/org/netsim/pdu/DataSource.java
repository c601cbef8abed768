package org.netsim.pdu;

import java.util.List;
import java.util.Objects;

/**
 * Bytes a PDU subtree was decoded from that lie at no position of the frame: a message TCP put back together from
 * several segments ("Reassembled TCP"), an HTTP body with its chunk framing or its Content-Encoding undone
 * ("Uncompressed entity body"). Wireshark shows each such array in a tab of its own beside the frame's bytes.
 *
 * <p>The PDU that {@linkplain Pdu#source() opens} a data source sits in its parent's bytes like any other (its
 * offset, length, fields and trailer count there: the bytes of this frame it was made from); its children count in
 * {@link #bytes()}, where every byte has exactly one owner, as in a frame ({@link Coverage} checks both).
 *
 * @param name   what the bytes are, e.g. {@code "Reassembled TCP"}
 * @param bytes  the bytes
 * @param pieces where they came from, in order, when they were joined from frames (each frame's share of them);
 *               empty when they were decoded from the bytes of one place (an inflated body)
 */
public record DataSource(String name, Bytes bytes, List<Piece> pieces) {

    /**
     * One frame's share of a data source.
     *
     * @param frame  the frame, as the user sees it named ("frame 7", "event 1234")
     * @param offset where its bytes start in the data source
     * @param length how many bytes it gave
     */
    public record Piece(String frame, int offset, int length) {
        public Piece {
            Objects.requireNonNull(frame, "frame");
        }

        public int end() {
            return offset + length;
        }
    }

    public DataSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bytes, "bytes");
        pieces = List.copyOf(pieces);
    }

    /** A data source decoded from one place: no pieces. */
    public static DataSource of(String name, Bytes bytes) {
        return new DataSource(name, bytes, List.of());
    }

    public int length() {
        return bytes.length();
    }

    /** The name with the size, as Wireshark titles the tab: {@code "Reassembled TCP (70026 bytes)"}. */
    public String title() {
        return name + " (" + bytes.length() + (bytes.length() == 1 ? " byte)" : " bytes)");
    }
}
