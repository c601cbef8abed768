package org.netsim.app.pcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netsim.app.testing.ExternalTool;
import org.netsim.capture.file.CaptureFileReader;
import org.netsim.capture.file.CaptureFormat;
import org.netsim.capture.file.CapturedFrame;
import org.netsim.pdu.Bytes;
import org.netsim.wire.ethernet.EtherType;
import org.netsim.wire.ethernet.EthernetCodec;
import org.netsim.wire.ethernet.EthernetHeader;
import org.netsim.wire.ethernet.MacAddress;

class PcapFileWriterTest {
    private static final MacAddress CLIENT = MacAddress.parse("02:00:00:00:00:01");
    private static final MacAddress SERVER = MacAddress.parse("02:00:00:00:00:02");

    @TempDir
    Path dir;

    private static List<PcapRecord> records() {
        byte[] a = EthernetCodec.encode(new EthernetHeader(MacAddress.BROADCAST, CLIENT, EtherType.ARP), new byte[28],
                false);
        byte[] b = EthernetCodec.encode(new EthernetHeader(SERVER, CLIENT, new EtherType(0x88b6)), new byte[100],
                false);
        byte[] c = EthernetCodec.encode(new EthernetHeader(CLIENT, SERVER, new EtherType(0x88b5)), new byte[1500],
                false);
        return List.of(new PcapRecord(1_700_000_000_123_456_789L, Bytes.wrap(a)),
                new PcapRecord(1_700_000_000_500_000_001L, Bytes.wrap(b)),
                new PcapRecord(1_700_000_002_000_000_000L, Bytes.wrap(c)));
    }

    /** Writes {@code records()}; skips (or fails on CI) when libpcap is missing. */
    private boolean writeRecords(Path target) throws IOException {
        try (PcapFileWriter w = PcapFileWriter.create(target)) {
            for (PcapRecord r : records()) {
                w.write(r);
            }
            assertThat(w.frameCount()).isEqualTo(3);
            w.commit();
            return w.nanosecondTimestamps();
        } catch (LibpcapMissingException e) {
            ExternalTool.missing("libpcap", LibpcapMissingException.MESSAGE);
            throw e;
        }
    }

    private List<String> filesInDir() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void ourReaderReadsBackEveryFrameAndTimestamp() throws IOException {
        Path target = dir.resolve("scenario.pcap");
        boolean nanos = writeRecords(target);
        byte[] file = Files.readAllBytes(target);
        // the header as libpcap writes it on a little-endian machine: magic, 2.4, zone 0, sigfigs 0, snaplen, link 1
        assertThat(Bytes.of(file, 0, 24).hex()).isEqualTo((nanos ? "4d3cb2a1" : "d4c3b2a1")
                + "02000400" + "00000000" + "00000000" + "00000400" + "01000000");
        List<CapturedFrame> frames = new ArrayList<>();
        try (CaptureFileReader r = CaptureFileReader.open(target)) {
            assertThat(r.format()).isEqualTo(CaptureFormat.PCAP);
            r.forEachRemaining(frames::add);
        }
        List<PcapRecord> expected = records();
        assertThat(frames).hasSize(3);
        for (int i = 0; i < 3; i++) {
            PcapRecord want = expected.get(i);
            long ts = nanos ? want.timestampNanos() : want.timestampNanos() / 1000 * 1000;
            assertThat(frames.get(i)).isEqualTo(new CapturedFrame(i + 1, ts, CapturedFrame.LINKTYPE_ETHERNET,
                    want.frame().length(), want.frame()));
        }
        assertThat(filesInDir()).containsExactly("scenario.pcap");
    }

    @Test
    void tsharkReadsTheFile() throws Exception {
        ExternalTool.requireTshark();
        Path tshark = Path.of("tshark");
        Path target = dir.resolve("for tshark.pcap");
        boolean nanos = writeRecords(target);
        String out = ExternalTool.runOk(List.of(tshark.toString(), "-r", target.toString(), "-T", "fields",
                "-e", "frame.number", "-e", "frame.time_epoch", "-e", "frame.len", "-e", "eth.dst", "-e", "eth.src",
                "-e", "eth.type", "-e", "_ws.expert"));
        assertThat(out.lines().toList()).containsExactly(
                "1\t1700000000." + (nanos ? "123456789" : "123456000")
                        + "\t60\tff:ff:ff:ff:ff:ff\t02:00:00:00:00:01\t0x0806\t",
                "2\t1700000000." + (nanos ? "500000001" : "500000000")
                        + "\t114\t02:00:00:00:00:02\t02:00:00:00:00:01\t0x88b6\t",
                "3\t1700000002.000000000\t1514\t02:00:00:00:00:01\t02:00:00:00:00:02\t0x88b5\t");
    }

    @Test
    void replacesAnExistingFileInOneStep() throws IOException {
        Path target = dir.resolve("scenario.pcap");
        Files.writeString(target, "old content");
        writeRecords(target);
        try (CaptureFileReader r = CaptureFileReader.open(target)) {
            assertThat(r.stream().count()).isEqualTo(3);
        }
        assertThat(filesInDir()).containsExactly("scenario.pcap");
    }

    @Test
    void aFailingRecordSourceLeavesNoTargetAndNoTempFile() throws IOException {
        requireLibpcap();
        Path target = dir.resolve("broken.pcap");
        Iterable<PcapRecord> failing = () -> new Iterator<>() {
            private int n;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public PcapRecord next() {
                if (n++ == 2) {
                    throw new IllegalStateException("the scenario failed at its third frame");
                }
                return records().get(0);
            }
        };
        assertThatThrownBy(() -> PcapFileWriter.write(target, failing))
                .isInstanceOf(IllegalStateException.class).hasMessage("the scenario failed at its third frame");
        assertThat(filesInDir()).isEmpty();
    }

    @Test
    void aFrameLongerThanTheSnapshotLengthAbortsAndKeepsTheOldFile() throws IOException {
        requireLibpcap();
        Path target = dir.resolve("scenario.pcap");
        Files.writeString(target, "old content");
        List<PcapRecord> tooLong = List.of(records().get(0),
                new PcapRecord(0, Bytes.wrap(new byte[PcapFileWriter.SNAPLEN + 1])));
        assertThatThrownBy(() -> PcapFileWriter.write(target, tooLong))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a frame of 262145 bytes is longer than the 262144-byte snapshot length of a pcap file");
        assertThat(filesInDir()).containsExactly("scenario.pcap");
        assertThat(Files.readString(target)).isEqualTo("old content");
    }

    @Test
    void closingWithoutCommitThrowsTheFramesAway() throws IOException {
        requireLibpcap();
        Path target = dir.resolve("scenario.pcap");
        try (PcapFileWriter w = PcapFileWriter.create(target)) {
            w.write(records().get(0));
            assertThat(filesInDir()).hasSize(1).allMatch(n -> n.startsWith(".scenario.pcap.") && n.endsWith(".tmp"));
        }
        assertThat(filesInDir()).isEmpty();
    }

    @Test
    void aRenameThatFailsDeletesTheTempFile() throws IOException {
        requireLibpcap();
        Path target = dir.resolve("scenario.pcap");
        PcapFileWriter w = PcapFileWriter.create(target);
        w.write(records().get(0));
        // someone makes a non-empty folder of that name before the commit: the rename cannot replace it
        Files.createDirectories(target.resolve("inside"));
        assertThatThrownBy(w::commit).isInstanceOf(IOException.class);
        assertThat(filesInDir()).containsExactly("scenario.pcap");
        assertThat(Files.isDirectory(target)).isTrue();
        w.close();
        assertThatThrownBy(() -> w.write(records().get(0))).isInstanceOf(IllegalStateException.class)
                .hasMessageEndingWith("is already committed or closed");
    }

    @Test
    void badTargets() throws IOException {
        requireLibpcap();
        assertThatThrownBy(() -> PcapFileWriter.create(dir.resolve("no such folder").resolve("x.pcap")))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("the folder for the pcap file does not exist");
        Files.createDirectory(dir.resolve("folder"));
        assertThatThrownBy(() -> PcapFileWriter.create(dir.resolve("folder")))
                .hasMessage(dir.resolve("folder") + " is a folder, not a file name for the pcap file");
    }

    @Test
    void missingLibpcapIsOneClearSentence() throws Exception {
        // A separate JVM, because pcap4j loads libpcap once per class loader, in a static initializer.
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path work = Files.createDirectory(dir.resolve("probe"));
        String out = ExternalTool.runOk(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-Dorg.pcap4j.core.pcapLibName=" + dir.resolve("no-such-libpcap.so"),
                LibpcapMissingProbe.class.getName(), work.toString()));
        String line = LibpcapMissingException.class.getName() + "|" + LibpcapMissingException.MESSAGE;
        assertThat(out.lines().toList()).containsExactly(line, line, "files: 0");
        assertThat(LibpcapMissingException.MESSAGE).isEqualTo(
                "libpcap is not installed: install it with `sudo apt-get install libpcap0.8` (Debian/Ubuntu)");
    }

    @Test
    void recognisesPcap4jsWaysOfSayingTheLibraryIsMissing() {
        UnsatisfiedLinkError load = new UnsatisfiedLinkError("Unable to load library 'pcap': libpcap.so: cannot open");
        ExceptionInInitializerError first = new ExceptionInInitializerError(load);
        NoClassDefFoundError later =
                new NoClassDefFoundError("Could not initialize class org.pcap4j.core.NativeMappings");
        assertThat(LibpcapMissingException.isMissingLibpcap(load)).isTrue();
        assertThat(LibpcapMissingException.isMissingLibpcap(first)).isTrue();
        assertThat(LibpcapMissingException.isMissingLibpcap(later)).isTrue();
        assertThat(LibpcapMissingException.isMissingLibpcap(
                new UnsatisfiedLinkError("Error looking up function 'pcap_open_dead_with_tstamp_precision'")))
                .isFalse();
        assertThat(LibpcapMissingException.isMissingLibpcap(new NoClassDefFoundError("com/sun/jna/Pointer")))
                .isFalse();
        assertThat(LibpcapMissingException.isMissingLibpcap(new IOException("disk full"))).isFalse();
    }

    private void requireLibpcap() throws IOException {
        try (PcapFileWriter w = PcapFileWriter.create(dir.resolve("probe.pcap"))) {
            // opened and thrown away
        } catch (LibpcapMissingException e) {
            ExternalTool.missing("libpcap", LibpcapMissingException.MESSAGE);
        }
        assertThat(filesInDir()).isEmpty();
    }

}
