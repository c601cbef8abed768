package org.netsim.wire.http;

import java.util.Objects;

/**
 * One header field line (RFC 9112 §5: {@code field-name ":" OWS field-value OWS}), kept with the name's case exactly
 * as on the wire: Node writes {@code Content-Length} but {@code cache-control}, and the capture must match.
 *
 * @param name  the field name, case preserved
 * @param value the field value without the optional whitespace around it
 */
public record HttpHeader(String name, String value) {
    public HttpHeader {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a header field name is at least one character");
        }
    }

    /** Field names are case-insensitive (RFC 9110 §5.1). */
    public boolean is(String otherName) {
        return name.equalsIgnoreCase(otherName);
    }

    /** The line as encoded, without its CRLF: {@code Name: value}. */
    @Override
    public String toString() {
        return name + ": " + value;
    }
}
