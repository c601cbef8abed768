package org.netsim.lessons.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.netsim.lessons.Check;
import org.netsim.lessons.Page;
import org.netsim.lessons.ScreenPart;
import org.netsim.lessons.Step;
import org.netsim.lessons.TextPage;
import org.netsim.scenario.Scenario;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The pages of a lesson: each exactly one of a text page (a Markdown file of the lesson folder, see
 * {@link Markdown}), a step (its check read by {@link CheckReader}) or a quiz ({@link QuizReader}).
 */
final class PageReader {
    private static final List<String> PAGE_KEYS = List.of("text", "step", "quiz");
    private static final List<String> STEP_KEYS = List.of("id", "prompt", "points-at", "expect", "hints");

    private final LessonSource source;
    private final List<Problem> problems;
    private final CheckReader checkReader;
    private final RunChecks runChecks;

    PageReader(LessonSource source, List<Problem> problems, CheckReader checkReader, RunChecks runChecks) {
        this.source = source;
        this.problems = problems;
        this.checkReader = checkReader;
        this.runChecks = runChecks;
    }

    /**
     * Step and quiz ids must be unique in a lesson, and a text file appear once: progress files name pages by them.
     * Checked on the raw nodes, so a page with other problems still counts.
     */
    static void duplicateKeys(YamlFile y, SequenceNode pages) {
        Map<String, Node> seen = new HashMap<>();
        for (Node item : pages.getValue()) {
            if (!(item instanceof MappingNode m) || m.getValue().size() != 1) {
                continue;
            }
            NodeTuple only = m.getValue().get(0);
            String kind = only.getKeyNode() instanceof ScalarNode k ? k.getValue() : "";
            Node keyNode = null;
            if (kind.equals("text")) {
                keyNode = only.getValueNode();
            } else if ((kind.equals("step") || kind.equals("quiz")) && only.getValueNode() instanceof MappingNode pm) {
                for (NodeTuple t : pm.getValue()) {
                    if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("id")) {
                        keyNode = t.getValueNode();
                    }
                }
            }
            if (!(keyNode instanceof ScalarNode sk)) {
                continue;
            }
            Node prev = seen.putIfAbsent(sk.getValue(), keyNode);
            if (prev != null) {
                y.error(keyNode, (kind.equals("text") ? "text page " + sk.getValue() + " appears"
                        : kind + " id \"" + sk.getValue() + "\" is used") + " twice in this lesson (first at line "
                        + (prev.getStartMark().getLine() + 1) + ")");
            }
        }
    }

    Page page(YamlFile y, String folder, Node item, int n, Map<String, Scenario> scenarios) {
        MappingNode m = y.mapping(item, "", "page " + n);
        if (m == null) {
            return null;
        }
        Map<String, NodeTuple> e = y.entries(m, PAGE_KEYS, "page " + n + ": ");
        if (e.size() != 1) {
            if (e.size() > 1 || m.getValue().isEmpty()) {
                y.error(m, "page " + n + " has " + (e.isEmpty() ? "nothing" : String.join(" and ", e.keySet()))
                        + ": each page has exactly one of text, step, quiz");
            }
            return null;
        }
        Map.Entry<String, NodeTuple> only = e.entrySet().iterator().next();
        Node v = only.getValue().getValueNode();
        return switch (only.getKey()) {
            case "text" -> text(y, folder, v);
            case "step" -> step(y, folder, v, n, scenarios);
            default -> QuizReader.quiz(y, v, n, runChecks);
        };
    }

    private TextPage text(YamlFile y, String folder, Node v) {
        String name = y.word(v, "text page: ", "the Markdown file's name");
        if (name == null) {
            return null;
        }
        Optional<String> md = name.contains("..") ? Optional.empty() : source.read(folder + "/" + name);
        if (md.isEmpty()) {
            y.error(v, "text page: no Markdown file " + name + " in " + folder + "/");
            return null;
        }
        int before = problems.size();
        Markdown.check(folder + "/" + name, md.get(), problems);
        return problems.size() > before ? null : new TextPage(name, md.get());
    }

    private Step step(YamlFile y, String folder, Node v, int n, Map<String, Scenario> scenarios) {
        MappingNode m = y.mapping(v, "page " + n + ": ", "a step");
        if (m == null) {
            return null;
        }
        String id = idOf(y, m, "step");
        String ctx = id == null ? "page " + n + " (step): " : "step \"" + id + "\": ";
        Map<String, NodeTuple> e = y.entries(m, STEP_KEYS, ctx);
        String prompt = e.containsKey("prompt") ? y.word(e.get("prompt").getValueNode(), ctx, "prompt") : null;
        if (!e.containsKey("prompt")) {
            y.error(m, ctx + "needs a \"prompt\": what the student is to do");
        }
        ScreenPart pointsAt = null;
        if (e.containsKey("points-at")) {
            Node p = e.get("points-at").getValueNode();
            String w = y.word(p, ctx, "points-at");
            if (w != null) {
                pointsAt = ScreenPart.of(w);
                if (pointsAt == null) {
                    List<String> known = new ArrayList<>();
                    for (ScreenPart s : ScreenPart.values()) {
                        known.add(s.word());
                    }
                    y.error(p, ctx + "unknown screen part \"" + w + "\" (known: " + String.join(", ", known) + ")"
                            + Suggest.near(w, known));
                }
            }
        }
        Check check = null;
        if (!e.containsKey("expect")) {
            y.error(m, ctx + "needs \"expect\": the one check that says the step is done (known: "
                    + String.join(", ", Check.KEYS) + ")");
        } else {
            check = checkReader.expect(y, folder, e.get("expect").getValueNode(), ctx, scenarios);
        }
        List<String> hints = null;
        if (!e.containsKey("hints")) {
            y.error(m, ctx + "needs \"hints\": at least one, shown after a wrong try");
        } else {
            hints = y.texts(e.get("hints").getValueNode(), ctx, "hints");
            if (hints != null && hints.isEmpty()) {
                y.error(e.get("hints").getValueNode(), ctx + "hints is empty: a step has at least one hint");
                hints = null;
            }
        }
        if (id == null || prompt == null || check == null || hints == null) {
            return null;
        }
        return new Step(id, prompt, pointsAt, check, hints);
    }

    /** The {@code id} of a step or quiz (reported missing at the mapping). */
    static String idOf(YamlFile y, MappingNode m, String what) {
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("id")) {
                return y.word(t.getValueNode(), what + ": ", "id");
            }
        }
        y.error(m, "a " + what + " needs an \"id\", unique in the lesson");
        return null;
    }
}
