package org.netsim.pdu;

import java.util.Objects;

/**
 * One header field's layout, declared once per protocol and used by encode, decode, the inspector and the lessons.
 *
 * @param protocol    the protocol the field belongs to
 * @param key         a stable Wireshark-style key, e.g. {@code tcp.srcport}
 * @param name        the name shown to people, e.g. "Source port"
 * @param bitOffset   offset from the start of the protocol's header, in bits; {@code -1} for a field whose position
 *                    depends on the content (options, text protocols)
 * @param bitLength   length in bits; {@code -1} for a variable-length field
 * @param format      how the value is shown when the codec gives no text
 * @param explanation one line a student can read: what the field is for
 * @param reference   where it is specified, e.g. "RFC 9293 §3.1"
 */
public record FieldSpec(Protocol protocol, String key, String name, int bitOffset, int bitLength, FieldFormat format,
                        String explanation, String reference) {

    public FieldSpec {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(explanation, "explanation");
        if (bitLength > 64 && bitOffset >= 0) {
            throw new IllegalArgumentException(key + ": a fixed field longer than 64 bits must be declared variable");
        }
    }

    /** A field at a fixed position in its header. */
    public static FieldSpec fixed(Protocol p, String key, String name, int bitOffset, int bitLength, FieldFormat format,
                                  String explanation, String reference) {
        return new FieldSpec(p, key, name, bitOffset, bitLength, format, explanation, reference);
    }

    /** A field whose position or length depends on the content. */
    public static FieldSpec variable(Protocol p, String key, String name, FieldFormat format, String explanation,
                                     String reference) {
        return new FieldSpec(p, key, name, -1, -1, format, explanation, reference);
    }

    public boolean isFixed() {
        return bitOffset >= 0 && bitLength >= 0;
    }

    /** Reads this fixed field from a header that starts at byte {@code headerStart} of {@code buf}. */
    public long read(byte[] buf, int headerStart) {
        return Bits.get(buf, headerStart * 8L + bitOffset, bitLength);
    }

    /** Writes this fixed field into a header that starts at byte {@code headerStart} of {@code buf}. */
    public void write(byte[] buf, int headerStart, long value) {
        Bits.put(buf, headerStart * 8L + bitOffset, bitLength, value);
    }

    /** The byte just past this fixed field, counted from the header start. */
    public int endByte() {
        return (bitOffset + bitLength + 7) / 8;
    }

    /** The decoded field for a header starting at byte {@code headerStart} of the frame. */
    public Field at(int headerStart, long value) {
        return new Field(this, headerStart * 8L + bitOffset, bitLength, value, null, null, null);
    }

    /** The same, with the codec's own text for the value (an opcode's name, "Set (1)", ...). */
    public Field at(int headerStart, long value, String text) {
        return new Field(this, headerStart * 8L + bitOffset, bitLength, value, null, text, null);
    }

    /** A variable field covering bytes {@code [byteOffset, byteOffset + byteLength)} of the frame. */
    public Field span(int byteOffset, int byteLength, long value, Bytes bytes, String text) {
        return new Field(this, byteOffset * 8L, byteLength * 8L, value, bytes, text, null);
    }
}
