package org.netsim.app.gui.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.netsim.app.pcap.PcapFileWriter;
import org.netsim.capture.file.CaptureFileReader;
import org.netsim.capture.file.CaptureFormat;
import org.netsim.capture.file.CapturedFrame;

/**
 * "Save as pcap" of what the list shows the frames of: the live capture's spool, or the file that was opened. Always
 * atomic: a temporary file next to the target, moved over it in one rename only when it is complete. A pcap file is
 * copied byte for byte (every frame, every link type, the timestamps' precision as they were); a pcapng file is
 * written again as pcap, frame by frame.
 */
final class CaptureSaving {
    private CaptureSaving() {
    }

    /** Saves {@code source} as the pcap file {@code target}. */
    static void save(Path source, Path target) throws IOException {
        CaptureFormat format;
        try (CaptureFileReader reader = CaptureFileReader.open(source)) {
            format = reader.format();
        }
        if (format == CaptureFormat.PCAP) {
            copy(source, target);
        } else {
            rewrite(source, target);
        }
    }

    private static void copy(Path source, Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * A pcapng file's frames as pcap. A pcap file has one link type; a pcapng file may mix them (one per interface),
     * and then only Wireshark can save it.
     */
    private static void rewrite(Path source, Path target) throws IOException {
        try (CaptureFileReader reader = CaptureFileReader.open(source)) {
            PcapFileWriter out = null;
            try {
                while (reader.hasNext()) {
                    CapturedFrame f = reader.next();
                    if (out == null) {
                        out = PcapFileWriter.create(target, f.linkType());
                    } else if (f.linkType() != out.linkType()) {
                        throw new IOException("frame " + f.index() + " has link type " + f.linkType() + " and the "
                                + "first frame " + out.linkType() + ": a pcap file holds one link type, so open the "
                                + "file in Wireshark to save it");
                    }
                    out.write(f.hasTimestamp() ? f.timestampNanos() : 0, f.data().toArray());
                }
                if (out == null) {
                    out = PcapFileWriter.create(target);
                }
                out.commit();
            } finally {
                if (out != null) {
                    out.close();
                }
            }
        } catch (RuntimeException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
