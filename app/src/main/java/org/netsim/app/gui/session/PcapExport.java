package org.netsim.app.gui.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.netsim.app.pcap.PcapFileWriter;
import org.netsim.scenario.ScenarioRun;

/**
 * Writes what a capture point of a run saw as a pcap file, as {@code netsim run} does. {@link PcapFileWriter} writes to
 * a temporary file next to the target and moves it into place in one rename, so a failed export leaves nothing half
 * written behind.
 */
public final class PcapExport {
    private PcapExport() {
    }

    /** One file, {@code file}, with the frames of capture point {@code point}; returns the number of frames. */
    public static long write(ScenarioRun run, String point, Path file) throws IOException {
        try (PcapFileWriter pcap = PcapFileWriter.create(file)) {
            for (ScenarioRun.CapturedFrame f : run.capture(point)) {
                pcap.write(f.timeNanos(), f.bytes());
            }
            pcap.commit();
            return pcap.frameCount();
        }
    }

    /** One file per capture point in {@code folder}, named {@code <point>.pcap}; returns the files written. */
    public static List<Path> writeAll(ScenarioRun run, Path folder) throws IOException {
        List<Path> out = new ArrayList<>();
        for (String point : run.capturePoints()) {
            Path file = folder.resolve(point + ".pcap");
            write(run, point, file);
            out.add(file);
        }
        return List.copyOf(out);
    }
}
