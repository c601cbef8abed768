package org.netsim.pdu;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One protocol's data unit inside a frame: its header fields, what it carries (child PDUs, or raw bytes owned by a
 * field), an optional trailer, and the byte range it covers.
 *
 * <p>Offsets are absolute in the buffer the PDU was decoded from (usually the whole frame), so the inspector can
 * highlight a field's bytes directly. A PDU that could not be decoded completely is {@linkplain #malformed() malformed}:
 * its fields hold what was read before the problem, and the rest of its bytes are owned by a field named
 * {@code <proto>.malformed}.
 *
 * <p>A PDU may open a {@linkplain DataSource data source}: bytes at no position of the frame (a message reassembled
 * from several TCP segments, an inflated HTTP body). Its own offset, length, fields and trailer still count in its
 * parent's bytes; the offsets of its children, and of everything below them, count in {@link #source()}'s bytes.
 * {@link DataSources} lists a tree's byte arrays and says which one each field and PDU counts in.
 *
 * @param protocol  the protocol
 * @param offset    first byte of this PDU in the buffer
 * @param length    number of bytes, header + payload + trailer
 * @param fields    header fields, in frame order
 * @param children  the PDUs carried in the payload, in frame order (several WebSocket frames can share a TCP segment)
 * @param trailer   fields after the payload (Ethernet padding and FCS)
 * @param summary   one line like tshark's Info column
 * @param malformed why decoding stopped, or {@code null}
 * @param header    the decoded header value (e.g. a {@code TcpHeader}), or {@code null}
 * @param source    the bytes the children were decoded from when they are not the parent's, or {@code null}
 */
public record Pdu(Protocol protocol, int offset, int length, List<Field> fields, List<Pdu> children,
                  List<Field> trailer, String summary, Malformed malformed, Object header, DataSource source) {

    public Pdu {
        Objects.requireNonNull(protocol, "protocol");
        fields = List.copyOf(fields);
        children = List.copyOf(children);
        trailer = List.copyOf(trailer);
        summary = summary == null ? "" : summary;
    }

    public static Builder builder(Protocol protocol, int offset) {
        return new Builder(protocol, offset);
    }

    public boolean isMalformed() {
        return malformed != null;
    }

    public int end() {
        return offset + length;
    }

    public OsiLayer osi() {
        return protocol.osi();
    }

    public TcpIpLayer tcpIp() {
        return protocol.tcpIp();
    }

    /** The header value if it is of the given type. */
    public <T> Optional<T> header(Class<T> type) {
        return type.isInstance(header) ? Optional.of(type.cast(header)) : Optional.empty();
    }

    /** The first field of this PDU (header or trailer) with the given key. */
    public Optional<Field> field(String key) {
        for (Field f : fields) {
            if (f.key().equals(key)) {
                return Optional.of(f);
            }
        }
        for (Field f : trailer) {
            if (f.key().equals(key)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** This PDU or the first PDU below it, depth first, of the given protocol. */
    public Optional<Pdu> find(Protocol p) {
        if (protocol == p) {
            return Optional.of(this);
        }
        for (Pdu c : children) {
            Optional<Pdu> found = c.find(p);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Every PDU of the given protocol in this tree, depth first. */
    public List<Pdu> findAll(Protocol p) {
        List<Pdu> out = new ArrayList<>();
        walk(pdu -> {
            if (pdu.protocol == p) {
                out.add(pdu);
            }
        });
        return out;
    }

    /** Visits this PDU and all below it, depth first, in frame order. */
    public void walk(Consumer<Pdu> visitor) {
        visitor.accept(this);
        for (Pdu c : children) {
            c.walk(visitor);
        }
    }

    /**
     * Every field in the tree that counts in the frame's bytes (headers, then children, then trailer), in frame order:
     * the subtrees of data sources ({@link #source()}) are left out; {@link DataSources} has their fields.
     */
    public List<Field> allFields() {
        List<Field> out = new ArrayList<>();
        collect(out);
        return out;
    }

    private void collect(List<Field> out) {
        out.addAll(fields);
        if (source == null) {
            for (Pdu c : children) {
                c.collect(out);
            }
        }
        out.addAll(trailer);
    }

    /** Whether this PDU opens a data source: its children count in {@link #source()}'s bytes, not its parent's. */
    public boolean opensSource() {
        return source != null;
    }

    /** The first malformed PDU in this tree, if any. */
    public Optional<Pdu> firstMalformed() {
        if (malformed != null) {
            return Optional.of(this);
        }
        for (Pdu c : children) {
            Optional<Pdu> m = c.firstMalformed();
            if (m.isPresent()) {
                return m;
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return protocol.title() + " [" + offset + ", " + end() + ")" + (summary.isEmpty() ? "" : " " + summary)
                + (malformed == null ? "" : " [Malformed: " + malformed + "]")
                + (source == null ? "" : " {" + source.title() + "}");
    }

    /** Collects the parts of a PDU while a codec decodes it. */
    public static final class Builder {
        private final Protocol protocol;
        private final int offset;
        private int end;
        private final List<Field> fields = new ArrayList<>();
        private final List<Pdu> children = new ArrayList<>(1);
        private final List<Field> trailer = new ArrayList<>(0);
        private String summary = "";
        private Malformed malformed;
        private Object header;
        private DataSource source;

        private Builder(Protocol protocol, int offset) {
            this.protocol = protocol;
            this.offset = offset;
            this.end = offset;
        }

        public Builder field(Field f) {
            fields.add(f);
            end = Math.max(end, f.byteEnd());
            return this;
        }

        /**
         * For a header cut short: the fixed fields of {@code specs} (in header order) that lie wholly within the
         * {@code available} bytes from {@code headerStart}, stopping at the last whole byte they fill, so the
         * malformed region that follows starts on a byte boundary with no bit left unowned. Returns where that region
         * starts (an absolute byte offset).
         */
        public int fixedFieldsWithin(List<FieldSpec> specs, byte[] buf, int headerStart, int available) {
            int n = 0;
            long alignedBits = 0;
            int alignedCount = 0;
            for (FieldSpec s : specs) {
                if (s.endByte() > available) {
                    break;
                }
                n++;
                long bitEnd = (long) s.bitOffset() + s.bitLength();
                if ((bitEnd & 7) == 0) {
                    alignedBits = bitEnd;
                    alignedCount = n;
                }
            }
            for (int i = 0; i < alignedCount; i++) {
                FieldSpec s = specs.get(i);
                field(s.at(headerStart, s.read(buf, headerStart)));
            }
            return headerStart + (int) (alignedBits >>> 3);
        }

        public Builder child(Pdu p) {
            children.add(p);
            if (source == null) {
                // the children of a data source count in its bytes: they say nothing about where this PDU ends
                end = Math.max(end, p.end());
            }
            return this;
        }

        public Builder children(List<Pdu> ps) {
            for (Pdu p : ps) {
                child(p);
            }
            return this;
        }

        public Builder trailer(Field f) {
            trailer.add(f);
            end = Math.max(end, f.byteEnd());
            return this;
        }

        public Builder summary(String s) {
            this.summary = s;
            return this;
        }

        public Builder header(Object h) {
            this.header = h;
            return this;
        }

        /**
         * Makes this PDU open a data source: the children added after this count in {@code s}'s bytes (call it
         * before adding them), while this PDU's own fields and trailer stay in its parent's.
         */
        public Builder source(DataSource s) {
            this.source = s;
            return this;
        }

        /** Sets the PDU's end explicitly (it otherwise ends after its last field, child or trailer). */
        public Builder end(int endExclusive) {
            this.end = endExclusive;
            return this;
        }

        /**
         * Marks the PDU malformed: decoding stopped at {@code at}; the bytes from there to {@code end} become one field
         * {@code <proto>.malformed} so that every byte still has an owner.
         */
        public Builder malformed(String reason, int at, int endExclusive) {
            this.malformed = new Malformed(reason, at);
            if (endExclusive > at) {
                fields.add(malformedSpec(protocol).span(at, endExclusive - at, 0, null, "[Malformed: " + reason + "]"));
            }
            this.end = Math.max(end, endExclusive);
            return this;
        }

        public boolean isMalformed() {
            return malformed != null;
        }

        public Pdu build() {
            return new Pdu(protocol, offset, end - offset, fields, children, trailer, summary, malformed, header,
                    source);
        }
    }

    private static final java.util.Map<Protocol, FieldSpec> MALFORMED_SPECS = new java.util.EnumMap<>(Protocol.class);

    static {
        for (Protocol p : Protocol.values()) {
            MALFORMED_SPECS.put(p, FieldSpec.variable(p, p.key() + ".malformed", "Undecodable bytes", FieldFormat.BYTES,
                    "Bytes after the point where decoding stopped; see the PDU's malformed reason.", null));
        }
    }

    static FieldSpec malformedSpec(Protocol p) {
        return MALFORMED_SPECS.get(p);
    }

    private static final java.util.Map<Protocol, FieldSpec> DATA_SPECS = new java.util.EnumMap<>(Protocol.class);

    static {
        for (Protocol p : Protocol.values()) {
            DATA_SPECS.put(p, FieldSpec.variable(p, p.key() + ".data", "Data", FieldFormat.BYTES,
                    "Bytes this layer carries without interpreting them.", null));
        }
    }

    /** A field owning raw payload bytes of protocol {@code p}. */
    public static Field dataField(Protocol p, byte[] buf, int offset, int length) {
        return DATA_SPECS.get(p).span(offset, length, 0, Bytes.of(buf, offset, offset + length), null);
    }

    /** A {@link Protocol#DATA} PDU owning {@code [offset, offset+length)}: bytes no dissector claimed. */
    public static Pdu data(byte[] buf, int offset, int length) {
        return builder(Protocol.DATA, offset).field(dataField(Protocol.DATA, buf, offset, length))
                .summary(length + " bytes").end(offset + length).build();
    }
}
