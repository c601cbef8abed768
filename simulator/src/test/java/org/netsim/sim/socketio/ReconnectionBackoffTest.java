package org.netsim.sim.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReconnectionBackoffTest {
    /**
     * The delays of socket.io-client 4.8.4's own backo2 (reconnectionDelay 1000, reconnectionDelayMax 5000,
     * randomizationFactor 0.5) for six attempts in a row with {@code Math.random} fixed, printed by Node 20:
     * {@code new Backoff({min: 1000, max: 5000, jitter: 0.5})}, {@code Math.random = () => r}, {@code duration()}
     * six times.
     */
    @Test
    void delaysAreBacko2sForEveryAttempt() {
        assertThat(delays(0.05)).containsExactly(975, 1950, 3900, 5000, 5000, 5000);
        assertThat(delays(0.15)).containsExactly(1075, 2150, 4300, 5000, 5000, 5000);
        assertThat(delays(0.42)).containsExactly(790, 1580, 3160, 5000, 5000, 5000);
        assertThat(delays(0.77)).containsExactly(1385, 2770, 5000, 5000, 5000, 5000);
        assertThat(delays(0.99)).containsExactly(1495, 2990, 5000, 5000, 5000, 5000);
        assertThat(delays(0.5)).containsExactly(1250, 2500, 5000, 5000, 5000, 5000);
    }

    private static long[] delays(double rand) {
        return IntStream.range(0, 6).mapToLong(a -> SocketIoClient.backoffDelay(a, rand)).toArray();
    }
}
