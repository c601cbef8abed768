package org.netsim.json;

/**
 * JSON text that {@code JSON.parse} would reject (ECMA-404 grammar, ECMA-262 §25.5.1), with where the problem is, so a
 * text field can underline it.
 */
public final class JsonSyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String reason;
    private final int offset;
    private final int line;
    private final int column;

    /**
     * @param found    what was found, e.g. "Unexpected character '}'" or "Unexpected end of input"
     * @param expected what the grammar wanted there, e.g. "expected a value"
     * @param offset 0-based index of the offending character in the text (UTF-16 units); the text's length at its end
     * @param line   1-based line
     * @param column 1-based column (UTF-16 units)
     */
    JsonSyntaxException(String found, String expected, int offset, int line, int column) {
        super(found + " at line " + line + ", column " + column + ": " + expected);
        this.reason = found + ": " + expected;
        this.offset = offset;
        this.line = line;
        this.column = column;
    }

    /** The problem without its position, e.g. "Unexpected character '}': expected a value". */
    public String reason() {
        return reason;
    }

    /** 0-based index of the offending character (UTF-16 units); the text's length if the text ended too early. */
    public int offset() {
        return offset;
    }

    /** 1-based line of {@link #offset()}. */
    public int line() {
        return line;
    }

    /** 1-based column of {@link #offset()}, in UTF-16 units. */
    public int column() {
        return column;
    }
}
