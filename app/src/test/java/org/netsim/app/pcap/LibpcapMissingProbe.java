package org.netsim.app.pcap;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run in a separate JVM by {@link PcapFileWriterTest} with pcap4j pointed at a library that does not exist: prints, for
 * two attempts to create a pcap file, the exception's class and message, one line each.
 */
public final class LibpcapMissingProbe {
    private LibpcapMissingProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        for (int attempt = 0; attempt < 2; attempt++) {
            try (PcapFileWriter w = PcapFileWriter.create(dir.resolve("out.pcap"))) {
                System.out.println("no exception");
            } catch (Throwable t) {
                System.out.println(t.getClass().getName() + "|" + t.getMessage());
            }
        }
        try (var files = Files.list(dir)) {
            System.out.println("files: " + files.count());
        }
    }
}
