package org.netsim.lessons.load;

import static org.netsim.lessons.load.EngineTerms.fieldKey;
import static org.netsim.lessons.load.EngineTerms.selector;
import static org.netsim.lessons.load.PageReader.idOf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.netsim.lessons.EventSelector;
import org.netsim.lessons.Quiz;
import org.netsim.lessons.load.ScenarioReader.RunCheck;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A quiz page: its type's keys ({@link Quiz#TYPES}) read into the {@link Quiz} record. A quiz that takes a value or
 * bytes from the lesson's scenario leaves a {@link RunCheck}, checked against the run once the whole lesson is read.
 */
final class QuizReader {
    private static final List<String> QUIZ_COMMON = List.of("id", "type", "question", "hints");
    private static final Map<String, List<String>> QUIZ_KEYS = Map.of(
            "choice", List.of("multiple", "options"),
            "short", List.of("accept", "why-wrong"),
            "numeric", List.of("answer", "from", "tolerance", "why-wrong"),
            "bytes", List.of("event", "field", "why-wrong"));
    private static final List<String> OPTION_KEYS = List.of("text", "correct", "why");

    private QuizReader() {
    }

    static Quiz quiz(YamlFile y, Node v, int n, List<RunCheck> runChecks) {
        MappingNode m = y.mapping(v, "page " + n + ": ", "a quiz");
        if (m == null) {
            return null;
        }
        String id = idOf(y, m, "quiz");
        String ctx = id == null ? "page " + n + " (quiz): " : "quiz \"" + id + "\": ";
        String type = null;
        Node typeNode = null;
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("type")) {
                typeNode = t.getValueNode();
                type = y.word(typeNode, ctx, "type");
            }
        }
        List<String> known = new ArrayList<>(QUIZ_COMMON);
        if (type != null && QUIZ_KEYS.containsKey(type)) {
            known.addAll(QUIZ_KEYS.get(type));
        } else {
            if (typeNode == null) {
                y.error(m, ctx + "needs a \"type\" (known: " + String.join(", ", Quiz.TYPES) + ")");
            } else if (type != null) {
                y.error(typeNode, ctx + "unknown quiz type \"" + type + "\" (known: " + String.join(", ", Quiz.TYPES)
                        + ")" + Suggest.near(type, Quiz.TYPES));
            }
            for (String t : Quiz.TYPES) {
                for (String k : QUIZ_KEYS.get(t)) {
                    if (!known.contains(k)) {
                        known.add(k);
                    }
                }
            }
            type = null;
        }
        Map<String, NodeTuple> e = y.entries(m, known, ctx);
        String question = e.containsKey("question") ? y.word(e.get("question").getValueNode(), ctx, "question") : null;
        if (!e.containsKey("question")) {
            y.error(m, ctx + "needs a \"question\"");
        }
        List<String> hints = e.containsKey("hints") ? y.texts(e.get("hints").getValueNode(), ctx, "hints") : List.of();
        if (id == null || type == null || question == null || hints == null) {
            return null;
        }
        switch (type) {
            case "choice": {
                boolean multiple = false;
                if (e.containsKey("multiple")) {
                    Boolean b = y.bool(e.get("multiple").getValueNode(), ctx, "multiple");
                    if (b == null) {
                        return null;
                    }
                    multiple = b;
                }
                List<Quiz.Choice.Option> options = options(y, m, e.get("options"), ctx, multiple);
                return options == null ? null : new Quiz.Choice(id, question, hints, multiple, options);
            }
            case "short": {
                List<String> accept = null;
                if (!e.containsKey("accept")) {
                    y.error(m, ctx + "needs \"accept\": the answers counted right");
                } else {
                    accept = y.texts(e.get("accept").getValueNode(), ctx, "accept");
                    if (accept != null && accept.isEmpty()) {
                        y.error(e.get("accept").getValueNode(), ctx + "accept is empty");
                        accept = null;
                    }
                }
                String why = whyWrong(y, m, e, ctx);
                return accept == null || why == null ? null : new Quiz.Short(id, question, hints, accept, why);
            }
            case "numeric": {
                Double answer = null;
                Quiz.FieldOfEvent from = null;
                boolean bad = false;
                if (e.containsKey("answer") == e.containsKey("from")) {
                    y.error(m, ctx + "give either \"answer\" (a number) or \"from\" (a field of an event of the "
                            + "lesson's scenario), " + (e.containsKey("answer") ? "not both" : "one of them"));
                    bad = true;
                } else if (e.containsKey("answer")) {
                    answer = y.number(e.get("answer").getValueNode(), ctx, "answer");
                    bad = answer == null;
                } else {
                    from = fieldOfEvent(y, e.get("from").getValueNode(), ctx + "from: ", runChecks);
                    bad = from == null;
                }
                double tolerance = 0;
                if (e.containsKey("tolerance")) {
                    Double t = y.number(e.get("tolerance").getValueNode(), ctx, "tolerance");
                    if (t != null && t < 0) {
                        y.error(e.get("tolerance").getValueNode(), ctx + "tolerance cannot be negative");
                        t = null;
                    }
                    bad |= t == null;
                    tolerance = t == null ? 0 : t;
                }
                String why = whyWrong(y, m, e, ctx);
                return bad || why == null ? null
                        : new Quiz.Numeric(id, question, hints, answer, from, tolerance, why);
            }
            default: {
                EventSelector s = null;
                String field = null;
                if (!e.containsKey("event")) {
                    y.error(m, ctx + "needs \"event\": which event's frame the hex pane shows");
                } else {
                    s = selector(y, e.get("event").getValueNode(), ctx + "event: ");
                }
                if (!e.containsKey("field")) {
                    y.error(m, ctx + "needs \"field\": the field whose bytes are the answer");
                } else {
                    field = fieldKey(y, e.get("field").getValueNode(), ctx);
                }
                String why = whyWrong(y, m, e, ctx);
                if (s == null || field == null || why == null) {
                    return null;
                }
                runChecks.add(new RunCheck(ctx, s, e.get("event").getValueNode(), field,
                        e.get("field").getValueNode()));
                return new Quiz.Bytes(id, question, hints, s, field, why);
            }
        }
    }

    private static String whyWrong(YamlFile y, MappingNode m, Map<String, NodeTuple> e, String ctx) {
        if (!e.containsKey("why-wrong")) {
            y.error(m, ctx + "needs \"why-wrong\": the feedback that says why a wrong answer is wrong");
            return null;
        }
        return y.word(e.get("why-wrong").getValueNode(), ctx, "why-wrong");
    }

    private static Quiz.FieldOfEvent fieldOfEvent(YamlFile y, Node v, String ctx, List<RunCheck> runChecks) {
        MappingNode m = y.mapping(v, ctx, "from");
        if (m == null) {
            return null;
        }
        Map<String, NodeTuple> e = y.entries(m, List.of("event", "field"), ctx);
        if (!e.containsKey("event") || !e.containsKey("field")) {
            y.error(m, ctx + "needs \"event\" (which event) and \"field\" (which of its fields)");
            return null;
        }
        EventSelector s = selector(y, e.get("event").getValueNode(), ctx + "event: ");
        String field = fieldKey(y, e.get("field").getValueNode(), ctx);
        if (s == null || field == null) {
            return null;
        }
        runChecks.add(new RunCheck(ctx, s, e.get("event").getValueNode(), field, e.get("field").getValueNode()));
        return new Quiz.FieldOfEvent(s, field);
    }

    private static List<Quiz.Choice.Option> options(YamlFile y, MappingNode quiz, NodeTuple t, String ctx,
                                                    boolean multiple) {
        if (t == null) {
            y.error(quiz, ctx + "needs \"options\": at least two");
            return null;
        }
        SequenceNode seq = y.sequence(t.getValueNode(), ctx, "options");
        if (seq == null) {
            return null;
        }
        int before = y.problemCount();
        List<Quiz.Choice.Option> out = new ArrayList<>();
        int n = 0;
        for (Node item : seq.getValue()) {
            n++;
            MappingNode m = y.mapping(item, ctx, "option " + n);
            if (m == null) {
                continue;
            }
            String c = ctx + "option " + n + ": ";
            Map<String, NodeTuple> e = y.entries(m, OPTION_KEYS, c);
            String text = e.containsKey("text") ? y.word(e.get("text").getValueNode(), c, "text") : null;
            if (!e.containsKey("text")) {
                y.error(m, c + "needs \"text\"");
            }
            Boolean correct = e.containsKey("correct") ? y.bool(e.get("correct").getValueNode(), c, "correct")
                    : Boolean.FALSE;
            String why = e.containsKey("why") ? y.word(e.get("why").getValueNode(), c, "why") : "";
            if (!e.containsKey("why") && Boolean.FALSE.equals(correct)) {
                y.error(m, c + "a wrong option needs \"why\": the feedback that says why it is wrong");
            }
            if (text != null && correct != null && why != null) {
                out.add(new Quiz.Choice.Option(text, correct, why));
            }
        }
        if (y.problemCount() > before) {
            return null;
        }
        long right = out.stream().filter(Quiz.Choice.Option::correct).count();
        if (out.size() < 2) {
            y.error(seq, ctx + "a choice needs at least two options");
            return null;
        }
        if (right == 0) {
            y.error(seq, ctx + "no option is correct: mark the right one with correct: true");
            return null;
        }
        if (right > 1 && !multiple) {
            y.error(seq, ctx + right + " options are correct, and a single-answer choice has one (say multiple: true "
                    + "if all of them are required)");
            return null;
        }
        return out;
    }
}
