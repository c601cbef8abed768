package org.netsim.wire.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpFramingTest {
    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void startLinesOfRequestsAndResponses() {
        for (String start : new String[] {"GET / HTTP/1.1", "POST /socket.io/", "HTTP/1.1 200 OK", "PUT /",
                "HEAD /", "OPTIONS *", "DELETE /x"}) {
            byte[] b = ascii("xx" + start);
            assertThat(HttpFraming.startsMessage(b, 2, b.length - 2)).as(start).isTrue();
        }
        assertThat(HttpFraming.startsMessage(ascii("GET"), 0, 3)).isFalse();
        assertThat(HttpFraming.startsMessage(ascii("GET / HTTP/1.1"), 0, 3)).isFalse();
        assertThat(HttpFraming.startsMessage(ascii("get / HTTP/1.1"), 0, 14)).isFalse();
        assertThat(HttpFraming.startsMessage(ascii("HTTP/2 200"), 0, 10)).isFalse();
        assertThat(HttpFraming.startsMessage(new byte[] {(byte) 0x81, 0x02, '4', '2'}, 0, 4)).isFalse();
    }

    @Test
    void headEndIsAfterTheEmptyLine() {
        byte[] b = ascii("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
        assertThat(HttpFraming.headEnd(b, 0, b.length)).isEqualTo(b.length - 2);
        assertThat(HttpFraming.headEnd(b, 0, b.length - 3)).isEqualTo(-1);
        assertThat(HttpFraming.headEnd(b, 0, b.length - 2)).isEqualTo(b.length - 2);
        assertThat(HttpFraming.headEnd(b, b.length - 5, b.length)).isEqualTo(-1);
        assertThat(HttpFraming.headEnd(ascii("\r\n\r\n"), 0, 4)).isEqualTo(4);
        assertThat(HttpFraming.headEnd(ascii("a\r\n\rb\n\r\n"), 0, 8)).isEqualTo(-1);
    }

    @Test
    void contentLengthIsDigitsOnly() {
        assertThat(HttpFraming.contentLength("0")).isZero();
        assertThat(HttpFraming.contentLength("118")).isEqualTo(118);
        assertThat(HttpFraming.contentLength("999999999999999")).isEqualTo(999_999_999_999_999L);
        assertThat(HttpFraming.contentLength("1000000000000000")).isEqualTo(-1);
        assertThat(HttpFraming.contentLength("")).isEqualTo(-1);
        assertThat(HttpFraming.contentLength("+5")).isEqualTo(-1);
        assertThat(HttpFraming.contentLength("5 ")).isEqualTo(-1);
        assertThat(HttpFraming.contentLength("0x10")).isEqualTo(-1);
    }
}
