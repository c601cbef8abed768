package org.netsim.lessons.load;

import java.util.List;
import org.netsim.scenario.ScenarioFile;

/** The scenarios netsim ships (the simulator's {@code scenarios/} resources), by file name. */
public final class ShippedScenarios {
    private ShippedScenarios() {
    }

    /** Every shipped scenario's file name, sorted. */
    public static List<String> names() {
        return List.copyOf(ResourceFolders.list(ScenarioFile.class.getClassLoader(), "scenarios"));
    }

    /** Whether {@link ScenarioFile#builtIn} knows this name. */
    public static boolean exists(String name) {
        return !name.contains("/") && ScenarioFile.class.getResource("/scenarios/" + name) != null;
    }
}
