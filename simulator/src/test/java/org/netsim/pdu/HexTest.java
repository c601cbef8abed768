package org.netsim.pdu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class HexTest {
    @Test
    void digitsAreZeroPaddedAndCutToTheWidth() {
        assertThat(Hex.digits(0x800, 4)).isEqualTo("0800");
        assertThat(Hex.prefixed(0xd59ecaadL, 8)).isEqualTo("0xd59ecaad");
        assertThat(Hex.digits(0xfffff, 4)).isEqualTo("ffff");
        assertThat(Hex.digits(-1L, 16)).isEqualTo("ffffffffffffffff");
    }

    @Test
    void agreesWithStringFormatOnASweep() {
        for (long v = 0; v < 70_000; v += 7) {
            assertThat(Hex.digits(v, 5)).isEqualTo(String.format(Locale.ROOT, "%05x", v));
        }
    }

    @Test
    void macAddressesAreSixColonSeparatedBytes() {
        assertThat(Hex.mac(0x0200_0000_0001L)).isEqualTo("02:00:00:00:00:01");
        assertThat(Hex.mac(0xffff_ffff_ffffL)).isEqualTo("ff:ff:ff:ff:ff:ff");
        assertThat(Hex.mac(0x0a1b_2c3d_4e5fL)).isEqualTo("0a:1b:2c:3d:4e:5f");
    }
}
