package org.netsim.wire.engineio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.netsim.random.RandomSource;
import org.netsim.random.SeededRandom;

class SessionIdsTest {
    /** Always gives the same byte. */
    private record Constant(byte value) implements RandomSource {
        @Override
        public void nextBytes(byte[] into) {
            Arrays.fill(into, value);
        }

        @Override
        public int nextInt(int bound) {
            return 0;
        }

        @Override
        public long nextLong() {
            return 0;
        }
    }

    @Test
    void twelveRandomBytesThenTheSequenceNumberInUrlSafeBase64() {
        // 12 bytes ff: base64 "////////////////" becomes "________________"; sequence 0 is "AAAA"
        assertThat(SessionIds.engineIoSid(new Constant((byte) 0xff))).isEqualTo("________________AAAA");
        // fb ef be in base64 is "++++", written "----"
        assertThat(SessionIds.engineIoSid(new Constant((byte) 0xfb), 0)).startsWith("-");
        assertThat(SessionIds.engineIoSid(new Constant((byte) 0), 1)).isEqualTo("AAAAAAAAAAAAAAAAAAAB");
    }

    @Test
    void aServerCountsItsSessionsLikeTheCaptureShows() {
        // real capture: three sessions on one server ended in AAAA, AAAB, AAAC
        SessionIds ids = new SessionIds();
        SeededRandom r = new SeededRandom(7);
        String a = ids.next(r);
        String b = ids.next(r);
        String c = ids.next(r);
        assertThat(a).hasSize(20).endsWith("AAAA").matches("[A-Za-z0-9_-]{20}");
        assertThat(b).endsWith("AAAB");
        assertThat(c).endsWith("AAAC");
        assertThat(new SessionIds(64).next(r)).endsWith("AABA");
        assertThat(SessionIds.engineIoSid(new SeededRandom(1))).isEqualTo(SessionIds.engineIoSid(new SeededRandom(1)));
    }
}
