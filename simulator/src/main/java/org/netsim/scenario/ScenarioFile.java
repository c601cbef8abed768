package org.netsim.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a scenario from a JSON file ({@code .json}) or a YAML file (anything else). */
public final class ScenarioFile {
    private static final ObjectMapper JSON = configure(new ObjectMapper());
    private static final ObjectMapper YAML = configure(new ObjectMapper(new YAMLFactory()));

    private ScenarioFile() {
    }

    private static ObjectMapper configure(ObjectMapper m) {
        return m.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    public static Scenario read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.getFileName().toString());
        } catch (NoSuchFileException e) {
            throw new ScenarioException(file + ": no such file");
        } catch (IOException e) {
            throw new ScenarioException(file + ": " + e.getMessage(), e);
        }
    }

    /** Reads from a stream; {@code name} (a file name) says whether it is JSON. */
    public static Scenario read(InputStream in, String name) {
        ObjectMapper m = name.endsWith(".json") ? JSON : YAML;
        try {
            return m.readValue(in, Scenario.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ScenarioException(name + ": unknown key \"" + e.getPropertyName() + "\" at "
                    + e.getPathReference() + " (known keys: " + e.getKnownPropertyIds() + ")", e);
        } catch (JsonProcessingException e) {
            throw new ScenarioException(name + ": " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")"), e);
        } catch (IOException e) {
            throw new ScenarioException(name + ": " + e.getMessage(), e);
        }
    }

    /** A scenario shipped with netsim, by file name ({@code one-client.yaml}) or by its bare name ({@code one-client}). */
    public static Scenario builtIn(String name) {
        String fileName = name;
        InputStream in = ScenarioFile.class.getResourceAsStream("/scenarios/" + fileName);
        if (in == null && !name.contains(".") && !name.contains("/")) {
            for (String ext : new String[] {".yaml", ".json"}) {
                in = ScenarioFile.class.getResourceAsStream("/scenarios/" + name + ext);
                if (in != null) {
                    fileName = name + ext;
                    break;
                }
            }
        }
        if (in == null) {
            throw new ScenarioException("no built-in scenario " + name);
        }
        try (InputStream file = in) {
            return read(file, fileName);
        } catch (IOException e) {
            throw new ScenarioException(fileName + ": " + e.getMessage(), e);
        }
    }
}
