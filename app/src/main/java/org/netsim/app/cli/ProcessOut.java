package org.netsim.app.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;

/**
 * The command line's writer on the process's standard output, which also hands out the byte stream beneath it: a
 * command printing millions of lines ({@code decode}) writes UTF-8 bytes there directly instead of through a
 * character encoder.
 */
final class ProcessOut extends PrintWriter {
    private final PrintStream stream;

    ProcessOut(PrintStream stream) {
        super(stream, true);
        this.stream = stream;
    }

    /** The bytes beneath; flush this writer before writing to it. */
    OutputStream stream() {
        return stream;
    }
}
