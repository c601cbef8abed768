package org.netsim.lessons.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.netsim.scenario.Scenario;
import org.netsim.scenario.ScenarioException;
import org.netsim.scenario.ScenarioFile;
import org.yaml.snakeyaml.nodes.Node;

/** The scenarios lessons name: a file of the lesson folder, else a shipped one. */
final class ScenarioReader {
    private final LessonSource source;
    private final List<Problem> problems;

    ScenarioReader(LessonSource source, List<Problem> problems) {
        this.source = source;
        this.problems = problems;
    }

    /**
     * The scenario a lesson names: a file of its folder, else a shipped scenario. A file that does not read is a
     * problem at the line the scenario file gives.
     */
    Scenario scenario(YamlFile y, String folder, String name, Node at, String ctx) {
        if (!name.contains("/") && !name.contains("\\") && source.exists(folder + "/" + name)) {
            String file = folder + "/" + name;
            byte[] bytes = source.read(file).orElseThrow().getBytes(StandardCharsets.UTF_8);
            try {
                return ScenarioFile.read(new ByteArrayInputStream(bytes), name);
            } catch (ScenarioException e) {
                int line = 1;
                int column = 0;
                String message = e.getMessage().startsWith(name + ": ")
                        ? e.getMessage().substring(name.length() + 2) : e.getMessage();
                if (e.getCause() instanceof UnrecognizedPropertyException u) {
                    // Jackson's location is where its parser stopped; the key's own line is more use to a teacher
                    int[] pos = keyPosition(new String(bytes, StandardCharsets.UTF_8), u.getPropertyName());
                    line = pos[0];
                    column = pos[1];
                    message = message.replaceFirst(" \\(line \\d+, column \\d+\\)$", "");
                } else if (e.getCause() instanceof JsonProcessingException j && j.getLocation() != null) {
                    line = Math.max(1, j.getLocation().getLineNr());
                    column = Math.max(0, j.getLocation().getColumnNr());
                    message = message.replaceFirst(" \\(line \\d+, column \\d+\\)$", "");
                }
                problems.add(new Problem(file, line, column, "this scenario does not read: " + message));
                return null;
            }
        }
        if (ShippedScenarios.exists(name)) {
            try {
                return ScenarioFile.builtIn(name);
            } catch (ScenarioException e) {
                y.error(at, ctx + "shipped scenario " + name + " does not read: " + e.getMessage());
                return null;
            }
        }
        y.error(at, ctx + "unknown scenario \"" + name + "\": no file " + name + " in " + folder
                + "/ and no shipped scenario of that name (shipped: " + String.join(", ", ShippedScenarios.names())
                + ")" + Suggest.near(name, ShippedScenarios.names()));
        return null;
    }

    /** Line and column (from 1) of the first place {@code key} is written as a mapping key, or line 1. */
    private static int[] keyPosition(String text, String key) {
        Matcher m = Pattern.compile("(^|[\\s{,\\-])(" + Pattern.quote(key) + ")\\s*:", Pattern.MULTILINE)
                .matcher(text);
        if (!m.find()) {
            return new int[] {1, 0};
        }
        int start = m.start(2);
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < start; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, start - lineStart + 1};
    }
}
