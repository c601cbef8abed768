package org.netsim.timeline;

import org.netsim.pdu.Protocol;

/**
 * What a timeline event carries. Units are created once and shared by every event that concerns them (a frame sent,
 * crossing two links, received), so a classroom of a million frames holds each frame's bytes once.
 */
public sealed interface Unit permits Unit.Frame, Unit.Packet, Unit.Message, Unit.Note, Unit.Hop {

    /**
     * An Ethernet frame as a capture holds it (no preamble, no FCS).
     *
     * @param bytes      the frame
     * @param connection the TCP connection it belongs to, or -1 (ARP)
     * @param position   its place among the frames its connection's hosts built (0, 1, 2 ...), or -1
     * @param origin     the frame as its sender built it: itself, or for a router's copy (new MACs, TTL one less) the
     *                   frame it copies, or {@code null} for itself
     */
    record Frame(byte[] bytes, int connection, int position, Frame origin) implements Unit {
        /** A router's copy of {@code original} with new bytes. */
        public Frame copyOf(byte[] newBytes) {
            return new Frame(newBytes, connection, position, origin());
        }

        @Override
        public Frame origin() {
            return origin == null ? this : origin;
        }
    }

    /**
     * An IPv4 packet not (yet) in a frame: one waiting for ARP to find the next hop's address, or one a host put
     * back together from fragments.
     */
    record Packet(byte[] bytes, int connection) implements Unit {
    }

    /**
     * Bytes an application hands to TCP or receives from it, before segmentation or after reassembly: one WebSocket
     * frame, or one HTTP message.
     *
     * @param protocol     {@link Protocol#WEBSOCKET} or {@link Protocol#HTTP}
     * @param bytes        the message
     * @param pollingBody  for HTTP, whether the body is an Engine.IO polling payload
     */
    record Message(Protocol protocol, byte[] bytes, boolean pollingBody) implements Unit {
    }

    /** A sentence about a change of state. */
    record Note(String text) implements Unit {
    }

    /**
     * A frame crossing one link.
     *
     * @param frame       the frame
     * @param link        the link's name
     * @param to          the node at the other end
     * @param arrivalNanos when its last bit reaches {@code to}
     * @param lost        whether the link lost it
     */
    record Hop(Frame frame, String link, String to, long arrivalNanos, boolean lost) implements Unit {
    }
}
