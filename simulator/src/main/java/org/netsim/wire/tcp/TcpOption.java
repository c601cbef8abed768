package org.netsim.wire.tcp;

import java.util.List;
import java.util.Objects;
import org.netsim.pdu.Bytes;

/**
 * One TCP option (RFC 9293 §3.1 "Options", §3.2 "Specific Option Definitions"): a kind byte, and for every kind but
 * End of Option List and No-Operation a length byte counting the whole option, then the value. The kinds are those of
 * IANA's "TCP Option Kind Numbers"; unknown kinds survive as {@link Unknown}.
 */
public sealed interface TcpOption {
    int KIND_EOL = 0;
    int KIND_NOP = 1;
    int KIND_MSS = 2;
    int KIND_WINDOW_SCALE = 3;
    int KIND_SACK_PERMITTED = 4;
    int KIND_SACK = 5;
    int KIND_TIMESTAMPS = 8;

    /** The kind byte. */
    int kind();

    /** Bytes the option takes in the header, kind and length included. */
    int length();

    /** End of Option List (kind 0, RFC 9293 §3.2): the options end here; what follows up to the data is padding. */
    record EndOfOptionList() implements TcpOption {
        public int kind() {
            return KIND_EOL;
        }

        public int length() {
            return 1;
        }
    }

    /** No-Operation (kind 1, RFC 9293 §3.2): one byte, used to align the next option on a word boundary. */
    record NoOperation() implements TcpOption {
        public int kind() {
            return KIND_NOP;
        }

        public int length() {
            return 1;
        }
    }

    /** Maximum Segment Size (kind 2, length 4, RFC 9293 §3.7.1): the largest segment data this end can receive. */
    record MaximumSegmentSize(int mss) implements TcpOption {
        public MaximumSegmentSize {
            if (mss < 0 || mss > 0xffff) {
                throw new IllegalArgumentException("MSS is 16 bits: " + mss);
            }
        }

        public int kind() {
            return KIND_MSS;
        }

        public int length() {
            return 4;
        }
    }

    /** Window Scale (kind 3, length 3, RFC 7323 §2): the receive window is shifted left by this many bits. */
    record WindowScale(int shift) implements TcpOption {
        public WindowScale {
            if (shift < 0 || shift > 0xff) {
                throw new IllegalArgumentException("window scale shift is one byte: " + shift);
            }
        }

        public int kind() {
            return KIND_WINDOW_SCALE;
        }

        public int length() {
            return 3;
        }

        /** The factor the window is multiplied by: 2^shift (RFC 7323 caps the shift at 14). */
        public long multiplier() {
            return 1L << Math.min(shift, 30);
        }
    }

    /** SACK Permitted (kind 4, length 2, RFC 2018 §2): selective acknowledgements may be used. */
    record SackPermitted() implements TcpOption {
        public int kind() {
            return KIND_SACK_PERMITTED;
        }

        public int length() {
            return 2;
        }
    }

    /** One SACK block (RFC 2018 §3): bytes from {@code left} up to, not including, {@code right} were received. */
    record SackBlock(long left, long right) {
        public SackBlock {
            if ((left & ~0xffff_ffffL) != 0 || (right & ~0xffff_ffffL) != 0) {
                throw new IllegalArgumentException("SACK edges are 32-bit sequence numbers");
            }
        }
    }

    /** SACK (kind 5, length 2 + 8n, RFC 2018 §3): blocks of data received beyond the acknowledged point. */
    record Sack(List<SackBlock> blocks) implements TcpOption {
        public Sack {
            blocks = List.copyOf(blocks);
            if (blocks.isEmpty() || blocks.size() > 4) {
                throw new IllegalArgumentException("a SACK option holds 1 to 4 blocks: " + blocks.size());
            }
        }

        public int kind() {
            return KIND_SACK;
        }

        public int length() {
            return 2 + 8 * blocks.size();
        }
    }

    /** Timestamps (kind 8, length 10, RFC 7323 §3): the sender's clock and the last timestamp it received. */
    record Timestamps(long tsval, long tsecr) implements TcpOption {
        public Timestamps {
            if ((tsval & ~0xffff_ffffL) != 0 || (tsecr & ~0xffff_ffffL) != 0) {
                throw new IllegalArgumentException("timestamps are 32-bit values");
            }
        }

        public int kind() {
            return KIND_TIMESTAMPS;
        }

        public int length() {
            return 10;
        }
    }

    /** Any other kind, with its value bytes (the length byte is {@code 2 + data.length()}). */
    record Unknown(int kind, Bytes data) implements TcpOption {
        public Unknown {
            Objects.requireNonNull(data, "data");
            if (kind < 2 || kind > 0xff) {
                throw new IllegalArgumentException("an option kind with a length byte is 2..255: " + kind);
            }
            if (data.length() > 253) {
                throw new IllegalArgumentException("option data is at most 253 bytes: " + data.length());
            }
        }

        public int length() {
            return 2 + data.length();
        }
    }
}
