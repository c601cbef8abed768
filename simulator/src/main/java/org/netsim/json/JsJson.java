package org.netsim.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSON exactly as JavaScript reads and writes it ({@code JSON.parse} and {@code JSON.stringify}, ECMA-262 §25.5), on
 * Jackson's {@link JsonNode} tree. Socket.IO puts {@code JSON.stringify}'s output on the wire, so the simulator's
 * bytes match Node's only if this text matches byte for byte.
 *
 * <p>Reading: every number becomes a {@code DoubleNode} holding the double JavaScript would hold
 * ({@code 9007199254740993} reads as 9007199254740992, {@code 1.0} as 1, {@code -0} as negative zero); object keys keep
 * the order they were read in, and a repeated key keeps its first position with its last value, as {@code JSON.parse}
 * does. The grammar is ECMA-404's, no more: no comments, trailing commas, single quotes, leading zeros or {@code NaN};
 * white space is only space, tab, line feed and carriage return. Errors are {@link JsonSyntaxException}s with the
 * position. The text is read by {@link JsJsonReader}, not by Jackson's parser, so that exactly this grammar is
 * accepted and every error points at the offending character.
 *
 * <p>Writing ({@code JSON.stringify} without replacer or indentation, ECMA-262 §25.5.2): no white space; object keys
 * in JavaScript's property order (array indices "0".."4294967294" first in ascending numeric order, then the other
 * keys in insertion order); strings escape only {@code "}, {@code \}, U+0000–U+001F ({@code \b \f \n \r \t}, the rest
 * as <code>&#92;u00xx</code>) and lone surrogates (<code>&#92;udxxx</code>), never {@code /}, non-ASCII or U+2028; numbers as
 * {@link JsNumber#toString(double)}, with NaN and ±Infinity as {@code null}. A {@code BinaryNode} is written as Node's
 * {@code Buffer.prototype.toJSON} writes a Buffer: {@code {"type":"Buffer","data":[1,2,3]}}. A {@code MissingNode}
 * plays {@code undefined}: skipped as an object member, {@code null} as an array element.
 */
public final class JsJson {
    private JsJson() {
    }

    /** Deeper nesting is refused (JavaScript allows more; no Socket.IO payload needs it, and recursion needs a bound). */
    public static final int MAX_DEPTH = 1000;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** {@code JSON.parse(text)}. */
    public static JsonNode parse(String text) {
        return JsJsonReader.parse(text);
    }

    /** {@code JSON.stringify(node)}. */
    public static String stringify(JsonNode node) {
        StringBuilder sb = new StringBuilder(32);
        stringify(node, sb);
        return sb.toString();
    }

    /** Appends {@code JSON.stringify(node)} to {@code out}. */
    public static void stringify(JsonNode node, StringBuilder out) {
        if (node == null || node.isMissingNode()) {
            throw new IllegalArgumentException("JSON.stringify(undefined) produces no text");
        }
        write(node, out);
    }

    /** Appends {@code s} as a JSON string literal, quotes included (ECMA-262 §25.5.2.3 QuoteJSONString). */
    public static void quote(String s, StringBuilder out) {
        out.append('"');
        int run = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate(c)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
                continue;
            }
            out.append(s, run, i);
            run = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append("\\u").append(HEX[c >>> 12]).append(HEX[(c >>> 8) & 15])
                        .append(HEX[(c >>> 4) & 15]).append(HEX[c & 15]);
            }
        }
        out.append(s, run, n).append('"');
    }

    /**
     * Whether {@code key} is an array index (ECMA-262 §6.1.7): the canonical decimal form of an integer in
     * 0..2^32−2. Such keys come first, in numeric order, when JavaScript lists an object's properties.
     */
    public static boolean isArrayIndex(String key) {
        int n = key.length();
        if (n == 0 || n > 10 || (key.charAt(0) == '0' && n > 1)) {
            return false;
        }
        long v = 0;
        for (int i = 0; i < n; i++) {
            char c = key.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            v = v * 10 + (c - '0');
        }
        return v <= 4294967294L;
    }

    /** The object's keys in JavaScript's property order. */
    public static List<String> keysInJsOrder(ObjectNode node) {
        List<String> indices = new ArrayList<>(0);
        List<String> others = new ArrayList<>(node.size());
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            (isArrayIndex(k) ? indices : others).add(k);
        }
        if (indices.isEmpty()) {
            return others;
        }
        indices.sort((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)));
        indices.addAll(others);
        return indices;
    }

    private static void write(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> writeObject((ObjectNode) node, out);
            case ARRAY -> {
                out.append('[');
                for (int i = 0, n = node.size(); i < n; i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    JsonNode e = node.get(i);
                    if (e == null || e.isMissingNode()) {
                        out.append("null");
                    } else {
                        write(e, out);
                    }
                }
                out.append(']');
            }
            case STRING -> quote(node.textValue(), out);
            case NUMBER -> {
                double d = node.doubleValue();
                if (Double.isFinite(d)) {
                    JsNumber.append(out, d);
                } else {
                    out.append("null");
                }
            }
            case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
            case NULL -> out.append("null");
            case BINARY -> {
                out.append("{\"type\":\"Buffer\",\"data\":[");
                byte[] data = binary(node);
                for (int i = 0; i < data.length; i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    out.append(data[i] & 0xff);
                }
                out.append("]}");
            }
            case MISSING -> out.append("null");
            case POJO -> throw new IllegalArgumentException("a POJONode has no JSON text of its own: " + node);
        }
    }

    private static byte[] binary(JsonNode node) {
        try {
            return node.binaryValue();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeObject(ObjectNode node, StringBuilder out) {
        boolean ordered = true;
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            if (isArrayIndex(it.next())) {
                ordered = false;
                break;
            }
        }
        out.append('{');
        boolean first = true;
        if (ordered) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                first = member(e.getKey(), e.getValue(), first, out);
            }
        } else {
            for (String k : keysInJsOrder(node)) {
                first = member(k, node.get(k), first, out);
            }
        }
        out.append('}');
    }

    private static boolean member(String key, JsonNode value, boolean first, StringBuilder out) {
        if (value == null || value.isMissingNode()) {
            return first;
        }
        if (!first) {
            out.append(',');
        }
        quote(key, out);
        out.append(':');
        write(value, out);
        return false;
    }
}
