package org.netsim.pdu;

import java.util.Objects;

/**
 * One decoded field: where it sits in the frame (in bits), its value and how to read it.
 *
 * @param spec      the field's declaration (name, key, explanation)
 * @param bitOffset absolute offset in the buffer the PDU was decoded from, in bits
 * @param bitLength length in bits
 * @param value     the numeric value for fields of up to 64 bits (0 otherwise)
 * @param bytes     the field's content for byte strings (text, payloads, options); {@code null} for numeric fields
 * @param text      the codec's own display text, or {@code null} to render {@code value}/{@code bytes} by the format
 * @param problem   what is wrong with the value (a bad checksum, a length that disagrees), or {@code null}
 */
public record Field(FieldSpec spec, long bitOffset, long bitLength, long value, Bytes bytes, String text,
                    String problem) {

    public Field {
        Objects.requireNonNull(spec, "spec");
        if (bitOffset < 0 || bitLength < 0) {
            throw new IllegalArgumentException(spec.key() + ": negative position " + bitOffset + "+" + bitLength);
        }
    }

    public String key() {
        return spec.key();
    }

    public String name() {
        return spec.name();
    }

    public String explanation() {
        return spec.explanation();
    }

    /** The value as shown in the inspector. */
    public String display() {
        return text != null ? text : spec.format().render(value, bitLength, bytes);
    }

    public Field withProblem(String why) {
        return new Field(spec, bitOffset, bitLength, value, bytes, text, why);
    }

    public Field withText(String newText) {
        return new Field(spec, bitOffset, bitLength, value, bytes, newText, problem);
    }

    /** First byte touched by this field. */
    public int byteStart() {
        return (int) (bitOffset >>> 3);
    }

    /** One past the last byte touched by this field. */
    public int byteEnd() {
        return (int) ((bitOffset + bitLength + 7) >>> 3);
    }

    public long bitEnd() {
        return bitOffset + bitLength;
    }

    @Override
    public String toString() {
        return name() + ": " + display() + (problem == null ? "" : " [" + problem + "]");
    }

    /** Whether the field does not fill whole bytes (TCP's flags, IPv4's fragment offset): it is shown bit by bit. */
    public boolean isBitField() {
        return (bitOffset & 7) != 0 || (bitLength & 7) != 0;
    }

    /**
     * The bytes of {@code frame} that hold this field, its own bits written and the others as dots, in groups of four
     * as Wireshark draws them: {@code .... ..1.} for TCP's SYN.
     */
    public String bitPicture(byte[] frame) {
        StringBuilder sb = new StringBuilder();
        long first = byteStart() * 8L;
        long last = byteEnd() * 8L;
        for (long bit = first; bit < last; bit++) {
            if (bit > first && (bit - first) % 4 == 0) {
                sb.append(' ');
            }
            if (bit >= bitOffset && bit < bitEnd()) {
                sb.append((frame[(int) (bit >>> 3)] >>> (7 - (int) (bit & 7))) & 1);
            } else {
                sb.append('.');
            }
        }
        return sb.toString();
    }
}
