package org.netsim.app.capture;

import java.util.Locale;
import org.netsim.app.pcap.LibpcapMissingException;

/**
 * Why a live capture cannot start, in one sentence that says how to fix it. pcap4j reports these as native errors
 * with libpcap's own words; the student needs the remedy, not the errno.
 */
public final class CaptureProblem extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong, for tests and for choosing an icon. */
    public enum Kind {
        LIBPCAP_MISSING,
        NO_PERMISSION,
        NO_DEVICES,
        NO_SUCH_DEVICE,
        BAD_FILTER,
        OTHER
    }

    private final Kind kind;

    CaptureProblem(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    static CaptureProblem libpcapMissing(Throwable cause) {
        return new CaptureProblem(Kind.LIBPCAP_MISSING, LibpcapMissingException.MESSAGE + osHint(
                "", " (macOS has libpcap built in)", " (on Windows install Npcap from npcap.com)"), cause);
    }

    /**
     * On Linux, a program with file capabilities runs in secure-execution mode, where the dynamic loader ignores the
     * {@code $ORIGIN} that {@code bin/java} finds {@code libjli.so} by: after {@code setcap} alone, java fails to
     * start for every user ("libjli.so: cannot open shared object file"). Telling ldconfig where the JDK's libraries
     * are makes it start again, with the capability. (Checked: a copy of the JDK, setcap, then a capture run as
     * {@code nobody}, on Debian 12 with OpenJDK 17.)
     */
    static final String LINUX_SETCAP = "J=$(readlink -f $(which java)); sudo setcap cap_net_raw,cap_net_admin=eip $J"
            + " && echo ${J%/bin/java}/lib | sudo tee /etc/ld.so.conf.d/netsim-java.conf && sudo ldconfig";

    static CaptureProblem noPermission(String device, Throwable cause) {
        return new CaptureProblem(Kind.NO_PERMISSION, "no permission to capture on " + device + ": " + osHint(
                "run netsim as root, or give Java the capture capability once with `" + LINUX_SETCAP + "` (a "
                        + "program with capabilities no longer finds the JDK's own libraries, so ldconfig is told "
                        + "where they are)",
                "install Wireshark's ChmodBPF (it lets your user open /dev/bpf*), then log out and in",
                "install Npcap without \"Restrict Npcap driver's access to Administrators only\", or run netsim as "
                        + "Administrator"), cause);
    }

    static CaptureProblem noDevices() {
        return new CaptureProblem(Kind.NO_DEVICES, "no capture devices: libpcap lists none, which usually means no "
                + "permission to list them (" + osHint("run as root, or give Java the capture capability once with `"
                + LINUX_SETCAP + "`", "install ChmodBPF",
                "install Npcap") + ")", null);
    }

    static CaptureProblem noSuchDevice(String device) {
        return new CaptureProblem(Kind.NO_SUCH_DEVICE, "no capture device named " + device
                + ": choose one from the list", null);
    }

    static CaptureProblem badFilter(String filter, String why) {
        return new CaptureProblem(Kind.BAD_FILTER, "the capture filter \"" + filter + "\" does not compile: " + why
                + " (BPF syntax, for example: tcp port 3000)", null);
    }

    static CaptureProblem other(String device, Throwable cause) {
        return new CaptureProblem(Kind.OTHER, "cannot capture on " + device + ": " + cause.getMessage(), cause);
    }

    /** libpcap's words for a refused open: Linux "Operation not permitted", macOS "Permission denied". */
    static boolean isPermission(String message) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        return m.contains("permission denied") || m.contains("operation not permitted")
                || m.contains("you don't have permission");
    }

    private static String osHint(String linux, String mac, String windows) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return mac;
        }
        if (os.contains("win")) {
            return windows;
        }
        return linux;
    }
}
