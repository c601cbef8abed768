package org.netsim.app.capture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one-sentence remedies, for the cases a root CI machine cannot produce. */
class CaptureProblemTest {
    @Test
    void libpcapsRefusalsAreRecognisedAsPermissionProblemsWithTheirFix() {
        assertThat(CaptureProblem.isPermission("lo: You don't have permission to capture on that device "
                + "(socket: Operation not permitted)")).isTrue();
        assertThat(CaptureProblem.isPermission("(cannot open BPF device) /dev/bpf0: Permission denied")).isTrue();
        assertThat(CaptureProblem.isPermission("eth9: No such device exists")).isFalse();
        CaptureProblem p = CaptureProblem.noPermission("lo", null);
        assertThat(p.kind()).isEqualTo(CaptureProblem.Kind.NO_PERMISSION);
        // this machine is Linux: the Linux remedy
        assertThat(p.getMessage()).isEqualTo("no permission to capture on lo: run netsim as root, or give Java the "
                + "capture capability once with `sudo setcap cap_net_raw,cap_net_admin=eip $(readlink -f $(which "
                + "java))`");
        assertThat(CaptureProblem.libpcapMissing(null).getMessage())
                .isEqualTo("libpcap is not installed: install it with `sudo apt-get install libpcap0.8` "
                        + "(Debian/Ubuntu)");
        assertThat(CaptureProblem.noDevices().getMessage()).startsWith("no capture devices: ");
    }
}
