package org.netsim.capture.file;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** What the capture file reader tests share: two short frames, and reading a whole file or up to its error. */
final class CaptureReads {
    static final byte[] A = HexFormat.of().parseHex("ffffffffffff0200000000010806");
    static final byte[] B = HexFormat.of().parseHex("0200000000020200000000010800450000");

    static List<CapturedFrame> readAll(byte[] file) {
        try (CaptureFileReader r = CaptureFileReader.open(new ByteArrayInputStream(file))) {
            List<CapturedFrame> out = new ArrayList<>();
            for (CapturedFrame f; (f = r.read()) != null; ) {
                out.add(f);
            }
            return out;
        }
    }

    static CaptureFileException failure(byte[] file) {
        try (CaptureFileReader r = CaptureFileReader.open(new ByteArrayInputStream(file))) {
            while (r.read() != null) {
                // read on to the bad record
            }
        } catch (CaptureFileException e) {
            return e;
        }
        throw new AssertionError("the file was read without an error");
    }

    private CaptureReads() {
    }
}
