package org.netsim.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "decode", description = "Decode the Socket.IO messages in a capture file.")
final class DecodeCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserError("decode is not built yet");
    }
}
