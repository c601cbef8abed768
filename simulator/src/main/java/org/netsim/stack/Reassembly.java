package org.netsim.stack;

/**
 * The header of a TCP-level PDU the stack dissector adds where a message spans several segments (as Wireshark's
 * "[TCP segment of a reassembled PDU]" and "[N Reassembled TCP Segments]"): what it says about the bytes it covers.
 *
 * @param role          which of the five it is
 * @param message       the message the bytes belong to ("WebSocket frame", "HTTP request"), or {@code null}
 * @param length        that message's length in bytes, or -1 while it is not known
 * @param reassembledIn the frame whose segment completes the message, as {@link FrameContext#name} names it, or
 *                      {@code null} when it is not known (yet)
 */
public record Reassembly(Role role, String message, long length, String reassembledIn) {

    public enum Role {
        /** Bytes of a message that does not end in this segment: held, and shown whole where it ends. */
        SEGMENT,
        /** The segment that completes a message: the PDU opens the reassembled bytes as a data source. */
        COMPLETED,
        /** Bytes of a message a gap in the sequence numbers left incomplete: not decoded. */
        INCOMPLETE,
        /** Bytes seen before: a retransmission, not joined again. */
        RETRANSMITTED,
        /** A note: this segment is not joined to the ones before (a gap in the sequence numbers). */
        NOT_REASSEMBLED
    }
}
