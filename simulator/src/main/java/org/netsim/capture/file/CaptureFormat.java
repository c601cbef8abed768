package org.netsim.capture.file;

/** The capture file formats {@link CaptureFileReader} reads, told apart by the file's first four bytes. */
public enum CaptureFormat {
    /** libpcap's format (draft-ietf-opsawg-pcap): one link type and one timestamp resolution for the whole file. */
    PCAP,
    /** pcapng (draft-ietf-opsawg-pcapng): blocks, several sections and interfaces, per-interface resolution. */
    PCAPNG
}
