package org.netsim.wire.ipv6;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The text forms of RFC 4291 §2.2 read, and RFC 5952's recommended one written, with the RFCs' own examples. */
class Ipv6AddressTest {
    @Test
    void writtenInTheRecommendedForm() {
        // RFC 5952 §4.1 leading zeros, §4.2 the longest run of zeros, §4.2.2 not one group, §4.2.3 the first run on a
        // tie, §4.3 lower case, §5 IPv4-mapped
        assertThat(Ipv6Address.parse("2001:0db8:0000:0000:0000:ff00:0042:8329")).hasToString("2001:db8::ff00:42:8329");
        assertThat(Ipv6Address.parse("2001:db8:0:0:1:0:0:1")).hasToString("2001:db8::1:0:0:1");
        assertThat(Ipv6Address.parse("2001:db8:0:1:1:1:1:1")).hasToString("2001:db8:0:1:1:1:1:1");
        assertThat(Ipv6Address.parse("2001:0:0:1:0:0:0:1")).hasToString("2001:0:0:1::1");
        assertThat(Ipv6Address.parse("2001:DB8::AbCd")).hasToString("2001:db8::abcd");
        assertThat(Ipv6Address.parse("::ffff:192.0.2.1")).hasToString("::ffff:192.0.2.1");
        assertThat(Ipv6Address.LOOPBACK).hasToString("::1");
        assertThat(Ipv6Address.UNSPECIFIED).hasToString("::");
        assertThat(Ipv6Address.parse("fe80::")).hasToString("fe80::");
        assertThat(Ipv6Address.parse("[::1]")).isEqualTo(Ipv6Address.LOOPBACK);
    }

    @Test
    void bytesGroupsAndSumsAgree() {
        Ipv6Address a = Ipv6Address.parse("2001:db8::ff00:42:8329");
        byte[] b = a.toBytes();
        assertThat(b[0]).isEqualTo((byte) 0x20);
        assertThat(b[15]).isEqualTo((byte) 0x29);
        assertThat(Ipv6Address.of(b, 0)).isEqualTo(a);
        assertThat(a.group(1)).isEqualTo(0xdb8);
        assertThat(a.groupSum()).isEqualTo(0x2001 + 0xdb8 + 0xff00 + 0x42 + 0x8329);
        assertThat(Ipv6Address.LOOPBACK.isLoopback()).isTrue();
    }

    @Test
    void whatIsNotAnAddressIsRefused() {
        for (String bad : new String[] {"", ":", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::", "::g",
                "1:2:3:4:5:6:7:", ":1:2:3:4:5:6:7", "::1.2.3", "1:2:3:4:5:6:7:1.2.3.4"}) {
            assertThatThrownBy(() -> Ipv6Address.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("not an IPv6 address: " + bad);
        }
    }
}
