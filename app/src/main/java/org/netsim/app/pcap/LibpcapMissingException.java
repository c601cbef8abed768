package org.netsim.app.pcap;

import java.io.IOException;

/** The native libpcap library, which pcap4j needs to write pcap files and to capture, could not be loaded. */
public final class LibpcapMissingException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The one sentence shown to the user. */
    public static final String MESSAGE =
            "libpcap is not installed: install it with `sudo apt-get install libpcap0.8` (Debian/Ubuntu)";

    public LibpcapMissingException(Throwable cause) {
        super(MESSAGE, cause);
    }

    /**
     * Whether {@code t} is pcap4j failing to load libpcap. pcap4j 1.8.2 loads the library in the static initializer of
     * {@code org.pcap4j.core.NativeMappings} through JNA: the first call fails with an
     * {@link ExceptionInInitializerError} caused by JNA's {@link UnsatisfiedLinkError} ("Unable to load library
     * 'pcap'"), every later call with a {@link NoClassDefFoundError} "Could not initialize class
     * org.pcap4j.core.NativeMappings". A library that loads but lacks one function ("Error looking up function") is
     * not a missing library.
     */
    public static boolean isMissingLibpcap(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof UnsatisfiedLinkError u) {
                return u.getMessage() == null || !u.getMessage().startsWith("Error looking up function");
            }
            if (c instanceof NoClassDefFoundError && c.getMessage() != null
                    && c.getMessage().contains("org.pcap4j.core.NativeMappings")) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }
}
