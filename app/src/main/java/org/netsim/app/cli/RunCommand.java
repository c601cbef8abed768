package org.netsim.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.netsim.app.pcap.PcapFileWriter;
import org.netsim.scenario.Scenario;
import org.netsim.scenario.ScenarioException;
import org.netsim.scenario.ScenarioFile;
import org.netsim.scenario.ScenarioRun;
import org.netsim.scenario.ScenarioRunner;
import org.netsim.timeline.TimelineEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code netsim run}: simulates a scenario and writes one pcap file per capture point. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Simulate a scenario (a YAML or JSON file, or the name of a built-in one such as",
                "one-client.yaml) and write one pcap file per capture point, as Wireshark on that machine would."})
public final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "A scenario file, or a built-in scenario's name.")
    String scenario;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = ".",
            description = "Folder for the pcap files (created if missing; default: the current folder).")
    Path out;

    @Option(names = "--seed", description = "Use this seed instead of the scenario's.")
    Long seed;

    @Option(names = "--timeline", description = "Also print every event of the timeline.")
    boolean timeline;

    @Override
    public Integer call() throws IOException {
        Scenario s;
        try {
            Path p = Path.of(scenario);
            s = Files.exists(p) ? ScenarioFile.read(p) : ScenarioFile.builtIn(scenario);
            if (seed != null) {
                s = new Scenario(s.name(), s.description(), seed, s.duration(), s.hosts(), s.switches(), s.routers(),
                        s.links(), s.capture(), s.server(), s.clients(), s.script());
            }
        } catch (ScenarioException e) {
            throw new UserError(e.getMessage().startsWith("no built-in") ? "no scenario file " + scenario
                    + " and no built-in scenario of that name" : e.getMessage());
        }
        ScenarioRun run;
        try {
            run = ScenarioRunner.run(s);
        } catch (ScenarioException e) {
            throw new UserError(scenario + ": " + e.getMessage());
        }
        PrintWriter w = spec.commandLine().getOut();
        if (timeline) {
            for (TimelineEvent e : run.timeline().events()) {
                w.println(e);
            }
        }
        Files.createDirectories(out);
        for (String point : run.capturePoints()) {
            Path file = out.resolve(point + ".pcap");
            try (PcapFileWriter pcap = PcapFileWriter.create(file)) {
                for (ScenarioRun.CapturedFrame f : run.capture(point)) {
                    pcap.write(f.timeNanos(), f.bytes());
                }
                pcap.commit();
                w.println(file + ": " + pcap.frameCount() + " frames");
            }
        }
        w.println(run.timeline().size() + " events, " + run.timeline().connections().size() + " TCP connections");
        return 0;
    }
}
