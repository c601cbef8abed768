package org.netsim.wire.tcp;

/**
 * The eight TCP control bits (RFC 9293 §3.1, with CWR and ECE from RFC 3168 §6.1), most significant first as in the
 * header: CWR, ECE, URG, ACK, PSH, RST, SYN, FIN.
 */
public record TcpFlags(boolean cwr, boolean ece, boolean urg, boolean ack, boolean psh, boolean rst, boolean syn,
                       boolean fin) {
    public static final int CWR = 0x80;
    public static final int ECE = 0x40;
    public static final int URG = 0x20;
    public static final int ACK_BIT = 0x10;
    public static final int PSH = 0x08;
    public static final int RST_BIT = 0x04;
    public static final int SYN_BIT = 0x02;
    public static final int FIN = 0x01;

    /** Every combination, made once: a simulated classroom reads millions of flag bytes. */
    private static final TcpFlags[] ALL = new TcpFlags[256];

    static {
        for (int bits = 0; bits < ALL.length; bits++) {
            ALL[bits] = new TcpFlags((bits & CWR) != 0, (bits & ECE) != 0, (bits & URG) != 0, (bits & ACK_BIT) != 0,
                    (bits & PSH) != 0, (bits & RST_BIT) != 0, (bits & SYN_BIT) != 0, (bits & FIN) != 0);
        }
    }

    public static final TcpFlags NONE = of(0);
    public static final TcpFlags SYN = of(SYN_BIT);
    public static final TcpFlags SYN_ACK = of(SYN_BIT | ACK_BIT);
    public static final TcpFlags ACK = of(ACK_BIT);
    public static final TcpFlags PSH_ACK = of(PSH | ACK_BIT);
    public static final TcpFlags FIN_ACK = of(FIN | ACK_BIT);
    public static final TcpFlags RST = of(RST_BIT);
    public static final TcpFlags RST_ACK = of(RST_BIT | ACK_BIT);

    /** The flags from the low 8 bits of {@code bits} (CWR = 0x80 ... FIN = 0x01). */
    public static TcpFlags of(int bits) {
        return ALL[bits & 0xff];
    }

    /** The control bits as one byte, CWR = 0x80 ... FIN = 0x01. */
    public int bits() {
        return (cwr ? CWR : 0) | (ece ? ECE : 0) | (urg ? URG : 0) | (ack ? ACK_BIT : 0) | (psh ? PSH : 0)
                | (rst ? RST_BIT : 0) | (syn ? SYN_BIT : 0) | (fin ? FIN : 0);
    }

    /** The set flags as tshark lists them, least significant first: "[SYN, ACK]", "[PSH, ACK]", "[<None>]". */
    public String label() {
        StringBuilder sb = new StringBuilder(24).append('[');
        append(sb, fin, "FIN");
        append(sb, syn, "SYN");
        append(sb, rst, "RST");
        append(sb, psh, "PSH");
        append(sb, ack, "ACK");
        append(sb, urg, "URG");
        append(sb, ece, "ECE");
        append(sb, cwr, "CWR");
        if (sb.length() == 1) {
            sb.append("<None>");
        }
        return sb.append(']').toString();
    }

    private static void append(StringBuilder sb, boolean set, String name) {
        if (set) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append(name);
        }
    }

    @Override
    public String toString() {
        return label();
    }
}
