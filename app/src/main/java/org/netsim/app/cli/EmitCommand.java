package org.netsim.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "emit", description = "Encode one Socket.IO emit through every layer.")
final class EmitCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserError("emit is not built yet");
    }
}
