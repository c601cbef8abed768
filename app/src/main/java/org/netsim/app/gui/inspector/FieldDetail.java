package org.netsim.app.gui.inspector;

/**
 * The detail line under the layer tree for the selected row, so that a field's explanation can be read without a
 * mouse (keyboard users, the back of a projected room), each part as shown.
 *
 * @param title       the layer and the field's name, {@code TCP · Destination port}
 * @param value       the value as the tree shows it, or empty for a layer
 * @param bits        where it sits in the frame in bits (offset and length)
 * @param bytes       the bytes it occupies
 * @param explanation what it is for (a field's explanation, a layer's place in OSI and TCP/IP, a malformed reason)
 * @param reference   where it is specified ({@code RFC 9293 §3.1}), or empty
 */
public record FieldDetail(String title, String value, String bits, String bytes, String explanation,
                          String reference) {
}
