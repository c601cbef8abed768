package org.netsim.app.gui.session;

import java.util.ArrayList;
import java.util.List;
import org.netsim.scenario.Scenario;
import org.netsim.scenario.ScenarioFile;

/**
 * A scenario netsim ships (in the simulator's {@code scenarios/} resources), with the name and description written in
 * its file, for the welcome screen and the menu. The list is written here because a resource folder inside a jar
 * cannot be listed portably.
 *
 * @param fileName    what {@link ScenarioFile#builtIn} takes
 * @param name        the scenario's own name
 * @param description the scenario's own description
 */
public record ShippedScenario(String fileName, String name, String description) {
    /** The first scenario a newcomer should open: one client and a server. */
    public static final String FIRST = "one-client.yaml";

    private static final List<String> FILES = List.of(FIRST, "broadcast-three-clients.yaml", "rooms.yaml",
            "lossy-retransmission.yaml", "router-two-subnets.yaml", "small-mtu.yaml", "slow-reader.yaml");

    /** Every shipped scenario, simplest first (read once, on first use). */
    public static List<ShippedScenario> all() {
        return Loaded.ALL;
    }

    /** The files are read when first asked for, by whichever thread asks first (the JVM makes that thread-safe). */
    private static final class Loaded {
        static final List<ShippedScenario> ALL = read();
    }

    private static List<ShippedScenario> read() {
        List<ShippedScenario> out = new ArrayList<>();
        for (String f : FILES) {
            Scenario s = ScenarioFile.builtIn(f);
            out.add(new ShippedScenario(f, s.name(), s.description() == null ? "" : s.description().strip()));
        }
        return List.copyOf(out);
    }
}
