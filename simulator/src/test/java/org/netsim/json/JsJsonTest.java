package org.netsim.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every expected text below was printed by node v20.20.2 ({@code String(Number(lit))},
 * {@code JSON.stringify(JSON.parse(text))}, {@code Number(text)}) and pasted here; every syntax error is a text that
 * node's {@code JSON.parse} rejects.
 */
class JsJsonTest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** {number literal, String(Number(literal)) in node}. */
    private static final String[][] NUMBERS = {
            {"0", "0"},
            {"-0", "0"},
            {"1", "1"},
            {"-1", "-1"},
            {"0.1", "0.1"},
            {"0.2", "0.2"},
            {"0.30000000000000004", "0.30000000000000004"},
            {"1.5", "1.5"},
            {"100", "100"},
            {"1e21", "1e+21"},
            {"1e-7", "1e-7"},
            {"1.5e-7", "1.5e-7"},
            {"123456789012345680000", "123456789012345680000"},
            {"1.2345678901234568e20", "123456789012345680000"},
            {"9007199254740991", "9007199254740991"},
            {"9007199254740992", "9007199254740992"},
            {"9007199254740993", "9007199254740992"},
            {"9007199254740994", "9007199254740994"},
            {"1152921504606846976", "1152921504606847000"},
            {"9223372036854775807", "9223372036854776000"},
            {"18446744073709551616", "18446744073709552000"},
            {"1e20", "100000000000000000000"},
            {"1e-6", "0.000001"},
            {"0.000001", "0.000001"},
            {"0.0000001", "1e-7"},
            {"123e-20", "1.23e-18"},
            {"5e-324", "5e-324"},
            {"2.2250738585072014e-308", "2.2250738585072014e-308"},
            {"1.7976931348623157e308", "1.7976931348623157e+308"},
            {"4.35", "4.35"},
            {"0.5", "0.5"},
            {"3.14159", "3.14159"},
            {"2e23", "2e+23"},
            {"1e23", "1e+23"},
            {"8.41e21", "8.41e+21"},
            {"-1.5e-9", "-1.5e-9"},
            {"123.456", "123.456"},
            {"1000000000000000128", "1000000000000000100"},
            {"0.1e-6", "1e-7"},
            {"1.7976931348623157e307", "1.7976931348623158e+307"},
            {"4294967295", "4294967295"},
            {"4294967296", "4294967296"},
            {"999999999999999999999", "1e+21"},
            {"99999999999999999999", "100000000000000000000"},
            {"0.000123", "0.000123"},
            {"1e300", "1e+300"},
            {"2.5", "2.5"},
            {"-2.5e-300", "-2.5e-300"},
            {"9.5367431640625e-7", "9.5367431640625e-7"},
            {"1e22", "1e+22"},
            {"1e16", "10000000000000000"}
    };

    /** {JSON text, JSON.stringify(JSON.parse(text)) in node}. */
    private static final String[][] ROUND_TRIPS = {
            {"{\"10\":1,\"2\":2,\"a\":3,\"1\":4}", "{\"1\":4,\"2\":2,\"10\":1,\"a\":3}"},
            {"{\"b\":1,\"a\":2,\"-1\":3,\"01\":4,\"1.5\":5,\"4294967294\":6,\"4294967295\":7,\"0\":8,\" 1\":9}", "{\"0\":8,\"4294967294\":6,\"b\":1,\"a\":2,\"-1\":3,\"01\":4,\"1.5\":5,\"4294967295\":7,\" 1\":9}"},
            {"{\"a\":1,\"b\":2,\"a\":3}", "{\"a\":3,\"b\":2}"},
            {"[1, 2 , [3,[4,[]]],{}, {\"x\":[null,true,false]}]", "[1,2,[3,[4,[]]],{},{\"x\":[null,true,false]}]"},
            {" \t\n\r{ \"k\" : \"v\" } \n", "{\"k\":\"v\"}"},
            {"\"\\u0000\\u0001\\u001f\\u0020\\b\\f\\n\\r\\t\\\"\\\\\\/\"", "\"\\u0000\\u0001\\u001f \\b\\f\\n\\r\\t\\\"\\\\/\""},
            {"\"\\u007f\\u0080\\u00e9\\u20ac\\u2028\\u2029\\ufeff\"", "\"\u007f\u0080\u00e9\u20ac\u2028\u2029\ufeff\""},
            {"\"\\ud83d\\ude00 \\ud83d \\ude00 \\udbff\\udfff \\ud800x\"", "\"\ud83d\ude00 \\ud83d \\ude00 \udbff\udfff \\ud800x\""},
            {"\"\\uDC00\\uD800\"", "\"\\udc00\\ud800\""},
            {"\"\u00e9\u20ac\ud83d\ude00</script>\"", "\"\u00e9\u20ac\ud83d\ude00</script>\""},
            {"[1.0, -0, 0.0, 1e21, 1E+21, 1e-7, 123456789012345678901234567890, 9007199254740993, 0.1, 1e400, -1e400, 5e-325]", "[1,0,0,1e+21,1e+21,1e-7,1.2345678901234568e+29,9007199254740992,0.1,null,null,0]"},
            {"{\"__proto__\":1,\"constructor\":2}", "{\"__proto__\":1,\"constructor\":2}"},
            {"[[[[[[\"deep\"]]]]]]", "[[[[[[\"deep\"]]]]]]"},
            {"{\"\":\"\",\"\\u0000\":0}", "{\"\":\"\",\"\\u0000\":0}"},
            {"{\"emoji\ud83d\ude00\":\"key\",\"\u043a\u043b\u044e\u0447\":\"\u0437\u043d\u0430\u0447\u0435\u043d\u0438\u0435\"}", "{\"emoji\ud83d\ude00\":\"key\",\"\u043a\u043b\u044e\u0447\":\"\u0437\u043d\u0430\u0447\u0435\u043d\u0438\u0435\"}"}
    };

    static Stream<Arguments> numbers() {
        return Stream.of(NUMBERS).map(r -> Arguments.of(r[0], r[1]));
    }

    static Stream<Arguments> roundTrips() {
        return Stream.of(ROUND_TRIPS).map(r -> Arguments.of(r[0], r[1]));
    }

    @ParameterizedTest
    @MethodSource("numbers")
    void numbersPrintAsJavaScriptPrintsThem(String literal, String js) {
        double d = Double.parseDouble(literal);
        assertThat(JsNumber.toString(d)).isEqualTo(js);
        assertThat(JsJson.stringify(DoubleNode.valueOf(d))).isEqualTo(js);
        assertThat(JsJson.stringify(JsJson.parse(literal))).isEqualTo(js);
        StringBuilder sb = new StringBuilder("x");
        JsNumber.append(sb, d);
        assertThat(sb.toString()).isEqualTo("x" + js);
    }

    @Test
    void sweepOfSixThousandDoublesMatchesNode() throws Exception {
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                JsJsonTest.class.getResourceAsStream("js-number-tostring.txt"), StandardCharsets.US_ASCII))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("#")) {
                    continue;
                }
                int sp = line.indexOf(' ');
                double d = Double.longBitsToDouble(Long.parseUnsignedLong(line.substring(0, sp), 16));
                String expected = line.substring(sp + 1);
                String actual = JsNumber.toString(d);
                if (!actual.equals(expected)) {
                    mismatches.add(line + " but got " + actual);
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(6000);
        assertThat(mismatches).isEmpty();
    }

    @Test
    void nonFiniteNumbersPrintAsJavaScriptsToStringDoes() {
        assertThat(JsNumber.toString(Double.NaN)).isEqualTo("NaN");
        assertThat(JsNumber.toString(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
        assertThat(JsNumber.toString(-0.0)).isEqualTo("0");
    }

    @ParameterizedTest
    @MethodSource("roundTrips")
    void parseThenStringifyMatchesNode(String text, String js) {
        assertThat(JsJson.stringify(JsJson.parse(text))).isEqualTo(js);
        // what we write reads back and writes again unchanged
        assertThat(JsJson.stringify(JsJson.parse(js))).isEqualTo(js);
    }

    @Test
    void nonFiniteNumbersUndefinedAndBuffersAsJavaScript() {
        // node: JSON.stringify(0.1+0.2) → 0.30000000000000004
        assertThat(JsJson.stringify(DoubleNode.valueOf(0.1 + 0.2))).isEqualTo("0.30000000000000004");
        // node: JSON.stringify([NaN, Infinity, -Infinity, -0]) → [null,null,null,0]
        ArrayNode a = F.arrayNode().add(Double.NaN).add(Double.POSITIVE_INFINITY).add(Double.NEGATIVE_INFINITY)
                .add(-0.0);
        assertThat(JsJson.stringify(a)).isEqualTo("[null,null,null,0]");
        // node: JSON.stringify({a: undefined, b: 1}) → {"b":1}; JSON.stringify([undefined]) → [null]
        ObjectNode o = F.objectNode();
        o.set("a", MissingNode.getInstance());
        o.put("b", 1);
        assertThat(JsJson.stringify(o)).isEqualTo("{\"b\":1}");
        assertThat(JsJson.stringify(F.arrayNode().add(MissingNode.getInstance()))).isEqualTo("[null]");
        // node: JSON.stringify(Buffer.from([1,2,255])) → {"type":"Buffer","data":[1,2,255]}
        assertThat(JsJson.stringify(BinaryNode.valueOf(new byte[] {1, 2, (byte) 255})))
                .isEqualTo("{\"type\":\"Buffer\",\"data\":[1,2,255]}");
        assertThatThrownBy(() -> JsJson.stringify(MissingNode.getInstance()))
                .isInstanceOf(IllegalArgumentException.class);
        // Jackson's other number nodes print by their double value, as JavaScript holds every number
        assertThat(JsJson.stringify(F.arrayNode().add(IntNode.valueOf(7)).add(LongNode.valueOf(Long.MAX_VALUE))))
                .isEqualTo("[7,9223372036854776000]");
    }

    @Test
    void stringsEscapeOnlyWhatJsonStringifyEscapes() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x80; c++) {
            all.append(c);
        }
        // node: JSON.stringify(String.fromCharCode(...Array(128).keys()))
        String expected = "\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r"
                + "\\u000e\\u000f\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019\\u001a"
                + "\\u001b\\u001c\\u001d\\u001e\\u001f !\\\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                + "[\\\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\u007f\"";
        assertThat(JsJson.stringify(TextNode.valueOf(all.toString()))).isEqualTo(expected);
        // node: JSON.stringify("\uD83D\uDE00|\uD83D|\uDE00|\uDBFF|a\u2028\u00e9/") → lone surrogates escaped in
        // lower case, the pair kept, U+2028, é and / raw
        assertThat(JsJson.stringify(TextNode.valueOf("\uD83D\uDE00|\uD83D|\uDE00|\uDBFF|a\u2028\u00e9/")))
                .isEqualTo("\"\uD83D\uDE00|\\ud83d|\\ude00|\\udbff|a\u2028\u00e9/\"");
    }

    @Test
    void objectKeysFollowJavaScriptPropertyOrder() {
        ObjectNode o = F.objectNode();
        o.put("10", 1).put("2", 2).put("a", 3).put("1", 4);
        // node: JSON.stringify({"10":1,"2":2,"a":3,"1":4}) → {"1":4,"2":2,"10":1,"a":3}
        assertThat(JsJson.stringify(o)).isEqualTo("{\"1\":4,\"2\":2,\"10\":1,\"a\":3}");
        assertThat(JsJson.isArrayIndex("0")).isTrue();
        assertThat(JsJson.isArrayIndex("4294967294")).isTrue();
        assertThat(JsJson.isArrayIndex("4294967295")).isFalse();
        assertThat(JsJson.isArrayIndex("01")).isFalse();
        assertThat(JsJson.isArrayIndex("-1")).isFalse();
        assertThat(JsJson.isArrayIndex("")).isFalse();
        assertThat(JsJson.isArrayIndex("99999999999")).isFalse();
        // nested: node JSON.stringify([{"b":[{"2":0,"1":0}],"0":{"y":1,"x":2}}]) → [{"0":{"y":1,"x":2},"b":[{"1":0,"2":0}]}]
        assertThat(JsJson.stringify(JsJson.parse("[{\"b\":[{\"2\":0,\"1\":0}],\"0\":{\"y\":1,\"x\":2}}]")))
                .isEqualTo("[{\"0\":{\"y\":1,\"x\":2},\"b\":[{\"1\":0,\"2\":0}]}]");
    }

    @Test
    void parseHoldsNumbersAsJavaScriptDoubles() {
        JsonNode n = JsJson.parse("[9007199254740993, 1.0, -0, 1e400, 123456789012345678901234567890]");
        assertThat(n.get(0)).isEqualTo(DoubleNode.valueOf(9007199254740992.0));
        assertThat(n.get(1)).isEqualTo(DoubleNode.valueOf(1.0));
        assertThat(Double.doubleToRawLongBits(n.get(2).doubleValue())).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(n.get(3).doubleValue()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(n.get(4).doubleValue()).isEqualTo(1.2345678901234568e29);
        for (JsonNode e : n) {
            assertThat(e).isInstanceOf(DoubleNode.class);
        }
    }

    @Test
    void parseKeepsInsertionOrderAndTheLastOfRepeatedKeys() {
        JsonNode n = JsJson.parse("{\"z\":1,\"b\":2,\"z\":3,\"1\":4}");
        List<String> keys = new ArrayList<>();
        n.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("z", "b", "1");
        assertThat(n.get("z").doubleValue()).isEqualTo(3.0);
        assertThat(JsJson.keysInJsOrder((ObjectNode) n)).containsExactly("1", "z", "b");
    }

    /** {text, message, offset}: every text is one node's JSON.parse rejects (checked in node v20.20.2). */
    static Stream<Arguments> syntaxErrors() {
        return Stream.of(
                Arguments.of("{\"a\":1,}", "Unexpected character '}' at line 1, column 8: expected a string key", 7),
                Arguments.of("[1,2", "Unexpected end of input at line 1, column 5: expected ',' or ']'", 4),
                Arguments.of("", "Unexpected end of input at line 1, column 1: expected a value", 0),
                Arguments.of("  ", "Unexpected end of input at line 1, column 3: expected a value", 2),
                Arguments.of("{\"a\" 1}", "Unexpected character '1' at line 1, column 6: expected ':' after the key", 5),
                Arguments.of("[01]", "Unexpected character '1' at line 1, column 3: a number cannot have a leading zero",
                        2),
                Arguments.of("-01", "Unexpected character '1' at line 1, column 3: a number cannot have a leading zero",
                        2),
                Arguments.of("[1.]",
                        "Unexpected character ']' at line 1, column 4: expected a digit after the decimal point", 3),
                Arguments.of("[-]", "Unexpected character ']' at line 1, column 3: expected a digit after '-'", 2),
                Arguments.of("[.5]", "Unexpected character '.' at line 1, column 2: expected a value or ']'", 1),
                Arguments.of("tru", "Unexpected end of input at line 1, column 4: expected 'true'", 3),
                Arguments.of("nul1", "Unexpected character '1' at line 1, column 4: expected 'null'", 3),
                Arguments.of("\"abc", "Unexpected end of input at line 1, column 5: expected '\"' to close the string",
                        4),
                Arguments.of("\"a\u0001\"", "Unexpected character U+0001 at line 1, column 3: a control character "
                        + "inside a string must be written as an escape such as \\n or \\u0001", 2),
                Arguments.of("\"\\x\"", "Unexpected character 'x' at line 1, column 3: expected an escape: \\\" \\\\ \\/ "
                        + "\\b \\f \\n \\r \\t or \\u followed by four hex digits", 2),
                Arguments.of("\"\\u12G4\"",
                        "Unexpected character 'G' at line 1, column 6: expected four hex digits after \\u", 5),
                Arguments.of("1 2", "Unexpected character '2' at line 1, column 3: expected the end of the JSON text",
                        2),
                Arguments.of("{a:1}", "Unexpected character 'a' at line 1, column 2: expected a string key or '}'", 1),
                Arguments.of("{\"a\":}", "Unexpected character '}' at line 1, column 6: expected a value", 5),
                Arguments.of("NaN", "Unexpected character 'N' at line 1, column 1: expected a value", 0),
                Arguments.of("'a'", "Unexpected character ''' at line 1, column 1: expected a value", 0),
                Arguments.of("[1e]", "Unexpected character ']' at line 1, column 4: expected a digit in the exponent",
                        3),
                Arguments.of("[1]//x",
                        "Unexpected character '/' at line 1, column 4: expected the end of the JSON text", 3),
                Arguments.of("\ufeff1", "Unexpected character U+FEFF at line 1, column 1: expected a value", 0),
                Arguments.of("\u00a01", "Unexpected character U+00A0 at line 1, column 1: expected a value", 0),
                Arguments.of("+1", "Unexpected character '+' at line 1, column 1: expected a value", 0),
                Arguments.of("[1,\n2,\n]", "Unexpected character ']' at line 3, column 1: expected a value", 7),
                Arguments.of("{\"a\":1\r\n,}", "Unexpected character '}' at line 2, column 2: expected a string key",
                        9),
                Arguments.of("\"a\nb\"", "Unexpected character U+000A at line 1, column 3: a control character "
                        + "inside a string must be written as an escape such as \\n or \\u000a", 2),
                Arguments.of("[true false]", "Unexpected character 'f' at line 1, column 7: expected ',' or ']'", 6),
                Arguments.of("\"\\", "Unexpected end of input at line 1, column 3: expected '\"' to close the string",
                        2));
    }

    @ParameterizedTest
    @MethodSource("syntaxErrors")
    void syntaxErrorsSayWhereAndWhat(String text, String message, int offset) {
        assertThatThrownBy(() -> JsJson.parse(text))
                .isInstanceOfSatisfying(JsonSyntaxException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo(message);
                    assertThat(e.offset()).isEqualTo(offset);
                    assertThat(e.reason()).isEqualTo(message.replaceFirst(" at line \\d+, column \\d+", ""));
                });
    }

    @Test
    void lineAndColumnAreReported() {
        assertThatThrownBy(() -> JsJson.parse("{\n  \"a\": [1,\n  2,]\n}"))
                .isInstanceOfSatisfying(JsonSyntaxException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.column()).isEqualTo(5);
                    assertThat(e.offset()).isEqualTo(17);
                });
    }

    @Test
    void nestingIsBounded() {
        String deep = "[".repeat(JsJson.MAX_DEPTH) + "]".repeat(JsJson.MAX_DEPTH);
        assertThat(JsJson.stringify(JsJson.parse(deep))).isEqualTo(deep);
        String tooDeep = "[".repeat(JsJson.MAX_DEPTH + 1);
        assertThatThrownBy(() -> JsJson.parse(tooDeep)).isInstanceOf(JsonSyntaxException.class)
                .hasMessage("Unexpected character '[' at line 1, column 1001: nesting deeper than 1000 arrays and "
                        + "objects is not supported");
    }

    @ParameterizedTest
    @MethodSource("stringToNumber")
    void stringToNumberAsJavaScript(String text, double expected) {
        assertThat(Double.valueOf(JsNumber.parse(text, 0, text.length()))).isEqualTo(Double.valueOf(expected));
    }

    /** {text, Number(text) in node v20.20.2}. */
    static Stream<Arguments> stringToNumber() {
        // node: [" 1 ","","0x10","1e1",".5","5.","+1","-0x1","\u00a01","0b11","0o7","Infinity","infinity","1_0",
        //        "00012","\u20281","-Infinity","1.5e-3","0x","12a"," \t\n","0x20000000000001"].map(Number)
        return Stream.of(Arguments.of(" 1 ", 1.0), Arguments.of("", 0.0), Arguments.of("0x10", 16.0),
                Arguments.of("1e1", 10.0), Arguments.of(".5", 0.5), Arguments.of("5.", 5.0), Arguments.of("+1", 1.0),
                Arguments.of("-0x1", Double.NaN), Arguments.of("\u00a01", 1.0), Arguments.of("0b11", 3.0),
                Arguments.of("0o7", 7.0), Arguments.of("Infinity", Double.POSITIVE_INFINITY),
                Arguments.of("infinity", Double.NaN), Arguments.of("1_0", Double.NaN), Arguments.of("00012", 12.0),
                Arguments.of("\u20281", 1.0), Arguments.of("-Infinity", Double.NEGATIVE_INFINITY),
                Arguments.of("1.5e-3", 0.0015), Arguments.of("0x", Double.NaN), Arguments.of("12a", Double.NaN),
                Arguments.of(" \t\n", 0.0), Arguments.of("0x20000000000001", 9007199254740992.0));
    }
}
