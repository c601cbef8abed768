package org.netsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioFileTest {
    static final Path JSON = Path.of("src/test/resources/scenario-files/one-client.json");

    @Test
    void aJsonScenarioFileRunsExactlyAsTheSameScenarioInYaml() {
        Scenario json = ScenarioFile.read(JSON);
        Scenario yaml = ScenarioFile.builtIn("one-client.yaml");
        assertThat(json.hosts()).isEqualTo(yaml.hosts());
        assertThat(json.server()).isEqualTo(yaml.server());
        assertThat(json.script()).hasSameSizeAs(yaml.script());
        ScenarioRun a = ScenarioRunner.run(json);
        ScenarioRun b = ScenarioRunner.run(yaml);
        assertThat(a.capturePoints()).isEqualTo(b.capturePoints()).containsExactly("server", "alice");
        for (String p : a.capturePoints()) {
            List<ScenarioRun.CapturedFrame> fa = a.capture(p);
            List<ScenarioRun.CapturedFrame> fb = b.capture(p);
            assertThat(fa).hasSameSizeAs(fb).hasSizeGreaterThan(60);
            for (int i = 0; i < fa.size(); i++) {
                assertThat(fa.get(i).timeNanos()).isEqualTo(fb.get(i).timeNanos());
                assertThat(fa.get(i).bytes()).as("%s frame %d", p, i + 1).isEqualTo(fb.get(i).bytes());
            }
        }
        assertThat(Wire.textsFrom(Wire.messages(a, "server"), "192.168.1.2"))
                .contains("42[\"chat\",\"hi\"]", "420[\"question\",\"the answer?\"]", "41");
    }

    @Test
    void aJsonMistakeIsNamedWithItsLine() {
        assertThatThrownBy(() -> ScenarioFile.read(new java.io.ByteArrayInputStream(
                "{\n  \"hosts\": [\n    {\"name\": \"a\", \"ip\": }\n  ]\n}".getBytes()), "bad.json"))
                .isInstanceOf(ScenarioException.class).hasMessageStartingWith("bad.json: ")
                .hasMessageContaining("line 3");
    }

    @Test
    void aShippedScenarioIsFoundByItsBareName() {
        assertThat(ScenarioFile.builtIn("one-client")).isEqualTo(ScenarioFile.builtIn("one-client.yaml"));
        assertThat(ScenarioFile.builtIn("small-mtu").name()).isEqualTo("A small MTU that fragments");
        assertThatThrownBy(() -> ScenarioFile.builtIn("two-clients")).isInstanceOf(ScenarioException.class)
                .hasMessage("no built-in scenario two-clients");
    }
}
