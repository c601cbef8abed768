package org.netsim.sim;

/** What a program using a TCP connection hears from it. Every call happens at the simulation's current time. */
public interface TcpApplication {
    /** The three-way handshake finished. */
    default void connected(TcpConnection c) {
    }

    /** In-order bytes arrived. */
    void received(TcpConnection c, byte[] data);

    /** The peer sent FIN: it will send nothing more. */
    default void peerClosed(TcpConnection c) {
    }

    /** The connection is gone (both FINs acknowledged, or reset). */
    default void closed(TcpConnection c) {
    }
}
