package org.netsim.sim;

/** The states of a TCP connection (RFC 9293 §3.3.2), named as {@code ss} and {@code netstat} print them. */
public enum TcpState {
    CLOSED, LISTEN, SYN_SENT, SYN_RECEIVED, ESTABLISHED, FIN_WAIT_1, FIN_WAIT_2, CLOSE_WAIT, CLOSING, LAST_ACK,
    TIME_WAIT;

    /** Whether data may still arrive in this state. */
    boolean receives() {
        return this == ESTABLISHED || this == FIN_WAIT_1 || this == FIN_WAIT_2;
    }
}
