package org.netsim.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * {@code JSON.parse} for {@link JsJson}: a recursive-descent reader of ECMA-404 JSON text, with ECMA-262's numbers and
 * key order, that names the offending character of every error.
 */
final class JsJsonReader {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final char[] UPPER_HEX = "0123456789ABCDEF".toCharArray();

    private final String s;
    private final int n;
    private int i;

    /** {@code JSON.parse(text)}: one value, with only white space around it. */
    static JsonNode parse(String text) {
        JsJsonReader r = new JsJsonReader(text);
        JsonNode value = r.value(0, "expected a value");
        r.skipWhitespace();
        if (r.i < text.length()) {
            throw r.fail(r.i, "expected the end of the JSON text");
        }
        return value;
    }

    private JsJsonReader(String s) {
        this.s = s;
        this.n = s.length();
    }

    void skipWhitespace() {
        while (i < n) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            i++;
        }
    }

    JsonNode value(int depth, String expected) {
        skipWhitespace();
        if (i >= n) {
            throw fail(i, expected);
        }
        char c = s.charAt(i);
        switch (c) {
            case '{':
                return object(depth + 1);
            case '[':
                return array(depth + 1);
            case '"':
                return TextNode.valueOf(string());
            case 't':
                literal("true");
                return BooleanNode.TRUE;
            case 'f':
                literal("false");
                return BooleanNode.FALSE;
            case 'n':
                literal("null");
                return NullNode.instance;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return DoubleNode.valueOf(number());
                }
                throw fail(i, expected);
        }
    }

    private void checkDepth(int depth) {
        if (depth > JsJson.MAX_DEPTH) {
            throw fail(i, "nesting deeper than " + JsJson.MAX_DEPTH + " arrays and objects is not supported");
        }
    }

    private ObjectNode object(int depth) {
        checkDepth(depth);
        i++;
        ObjectNode obj = new ObjectNode(NODES);
        skipWhitespace();
        if (i < n && s.charAt(i) == '}') {
            i++;
            return obj;
        }
        String expectedKey = "expected a string key or '}'";
        while (true) {
            skipWhitespace();
            if (i >= n || s.charAt(i) != '"') {
                throw fail(i, expectedKey);
            }
            String key = string();
            skipWhitespace();
            if (i >= n || s.charAt(i) != ':') {
                throw fail(i, "expected ':' after the key");
            }
            i++;
            // JSON.parse defines each member in turn: a repeated key keeps its place and takes the later value
            obj.set(key, value(depth, "expected a value"));
            skipWhitespace();
            if (i < n && s.charAt(i) == ',') {
                i++;
                expectedKey = "expected a string key";
            } else if (i < n && s.charAt(i) == '}') {
                i++;
                return obj;
            } else {
                throw fail(i, "expected ',' or '}'");
            }
        }
    }

    private ArrayNode array(int depth) {
        checkDepth(depth);
        i++;
        ArrayNode arr = new ArrayNode(NODES);
        skipWhitespace();
        if (i < n && s.charAt(i) == ']') {
            i++;
            return arr;
        }
        String expected = "expected a value or ']'";
        while (true) {
            arr.add(value(depth, expected));
            skipWhitespace();
            if (i < n && s.charAt(i) == ',') {
                i++;
                expected = "expected a value";
            } else if (i < n && s.charAt(i) == ']') {
                i++;
                return arr;
            } else {
                throw fail(i, "expected ',' or ']'");
            }
        }
    }

    private String string() {
        int start = ++i;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '"') {
                return s.substring(start, i++);
            }
            if (c == '\\' || c < 0x20) {
                break;
            }
            i++;
        }
        StringBuilder sb = new StringBuilder(i - start + 16).append(s, start, i);
        while (i < n) {
            char c = s.charAt(i);
            if (c == '"') {
                i++;
                return sb.toString();
            }
            if (c < 0x20) {
                throw fail(i, "a control character inside a string must be written as an escape such as \\n or \\u00"
                        + HEX[c >>> 4] + HEX[c & 15]);
            }
            if (c != '\\') {
                sb.append(c);
                i++;
                continue;
            }
            if (++i >= n) {
                break;
            }
            char e = s.charAt(i++);
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    int v = 0;
                    for (int k = 0; k < 4; k++) {
                        int d = i < n ? Character.digit(s.charAt(i), 16) : -1;
                        if (d < 0 || s.charAt(i) > 'f') {
                            throw fail(i, "expected four hex digits after \\u");
                        }
                        v = (v << 4) | d;
                        i++;
                    }
                    sb.append((char) v);
                }
                default -> throw fail(i - 1,
                        "expected an escape: \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\u followed by four hex digits");
            }
        }
        throw fail(n, "expected '\"' to close the string");
    }

    private double number() {
        int start = i;
        boolean negative = s.charAt(i) == '-';
        if (negative) {
            i++;
        }
        int intStart = i;
        if (i < n && s.charAt(i) == '0') {
            i++;
            if (i < n && isDigit(s.charAt(i))) {
                throw fail(i, "a number cannot have a leading zero");
            }
        } else if (i < n && isDigit(s.charAt(i))) {
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
        } else {
            throw fail(i, "expected a digit after '-'");
        }
        int intEnd = i;
        boolean plain = true;
        if (i < n && s.charAt(i) == '.') {
            plain = false;
            i++;
            if (i >= n || !isDigit(s.charAt(i))) {
                throw fail(i, "expected a digit after the decimal point");
            }
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            plain = false;
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            if (i >= n || !isDigit(s.charAt(i))) {
                throw fail(i, "expected a digit in the exponent");
            }
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
        }
        if (plain && intEnd - intStart <= 15) {
            long v = 0;
            for (int k = intStart; k < intEnd; k++) {
                v = v * 10 + (s.charAt(k) - '0');
            }
            // a long below 10^15 is exact as a double; negating the double keeps -0
            return negative ? -(double) v : v;
        }
        // correctly rounded, as ECMA-262 §7.1.4.1.1 requires; 1e400 becomes Infinity as in JavaScript
        return Double.parseDouble(s.substring(start, i));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void literal(String word) {
        int len = word.length();
        for (int k = 0; k < len; k++) {
            if (i + k >= n || s.charAt(i + k) != word.charAt(k)) {
                throw fail(i + k, "expected '" + word + "'");
            }
        }
        i += len;
    }

    JsonSyntaxException fail(int at, String expected) {
        int line = 1;
        int lineStart = 0;
        for (int k = 0; k < at; k++) {
            char c = s.charAt(k);
            if (c == '\n' || (c == '\r' && (k + 1 >= n || s.charAt(k + 1) != '\n'))) {
                line++;
                lineStart = k + 1;
            }
        }
        String found = at >= n ? "Unexpected end of input" : "Unexpected character " + describe(s.charAt(at));
        return new JsonSyntaxException(found, expected, at, line, at - lineStart + 1);
    }

    private static String describe(char c) {
        int type = Character.getType(c);
        boolean visible = c > 0x20 && type != Character.CONTROL && type != Character.FORMAT
                && type != Character.SURROGATE && type != Character.PRIVATE_USE && type != Character.UNASSIGNED
                && type != Character.SPACE_SEPARATOR && type != Character.LINE_SEPARATOR
                && type != Character.PARAGRAPH_SEPARATOR;
        if (visible) {
            return "'" + c + "'";
        }
        return "U+" + String.valueOf(new char[] {UPPER_HEX[c >>> 12], UPPER_HEX[(c >>> 8) & 15],
                UPPER_HEX[(c >>> 4) & 15], UPPER_HEX[c & 15]});
    }
}
