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
        // setcap alone leaves java unable to find libjli.so (secure-execution mode ignores $ORIGIN): ldconfig too
        assertThat(p.getMessage()).isEqualTo("no permission to capture on lo: run netsim as root, or give Java the "
                + "capture capability once with `J=$(readlink -f $(which java)); sudo setcap "
                + "cap_net_raw,cap_net_admin=eip $J && echo ${J%/bin/java}/lib | sudo tee "
                + "/etc/ld.so.conf.d/netsim-java.conf && sudo ldconfig` (a program with capabilities no longer finds "
                + "the JDK's own libraries, so ldconfig is told where they are)");
        assertThat(p.getMessage()).doesNotContain("\n");
        assertThat(CaptureProblem.libpcapMissing(null).getMessage())
                .isEqualTo("libpcap is not installed: install it with `sudo apt-get install libpcap0.8` "
                        + "(Debian/Ubuntu)");
        assertThat(CaptureProblem.noDevices().getMessage()).startsWith("no capture devices: ");
    }
}
