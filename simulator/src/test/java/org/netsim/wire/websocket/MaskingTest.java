package org.netsim.wire.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.netsim.pdu.Bytes;

class MaskingTest {
    @Test
    void unmasksInPlaceWithTheKeyWhereTheHeaderHoldsIt() {
        // RFC 6455 §5.7: a masked text frame "Hello"
        byte[] frame = Bytes.ofHex("818537fa213d7f9f4d5158").toArray();
        Masking.apply(frame, 6, 5, frame, 2);
        assertThat(Bytes.wrap(frame).hexSpaced()).isEqualTo("81 85 37 fa 21 3d 48 65 6c 6c 6f");
    }

    @Test
    void everyLengthMatchesTheCodecsMaskAndTwiceIsTheIdentity() {
        Bytes key = Bytes.ofHex("37fa213d");
        byte[] keyInHeader = Bytes.ofHex("0037fa213d").toArray();
        for (int n = 0; n <= 9; n++) {
            byte[] original = new byte[n + 3];
            for (int i = 0; i < original.length; i++) {
                original[i] = (byte) (0x41 + i);
            }
            byte[] a = original.clone();
            byte[] b = original.clone();
            Masking.apply(a, 3, n, keyInHeader, 1);
            WebSocketCodec.mask(b, 3, n, key);
            assertThat(a).as("length %d", n).isEqualTo(b);
            for (int i = 0; i < n; i++) {
                assertThat(a[3 + i]).isEqualTo((byte) (original[3 + i] ^ key.get(i % 4)));
            }
            assertThat(Arrays.copyOf(a, 3)).isEqualTo(Arrays.copyOf(original, 3));
            Masking.apply(a, 3, n, keyInHeader, 1);
            assertThat(a).isEqualTo(original);
        }
    }
}
