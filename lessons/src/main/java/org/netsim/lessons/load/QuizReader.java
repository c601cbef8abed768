package org.netsim.lessons.load;

import static org.netsim.lessons.load.EngineTerms.fieldKey;
import static org.netsim.lessons.load.EngineTerms.selector;
import static org.netsim.lessons.load.PageReader.idOf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.netsim.lessons.EventSelector;
import org.netsim.lessons.FromRun;
import org.netsim.lessons.Quiz;
import org.netsim.timeline.TimelineEvent;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A quiz page: its type's keys ({@link Quiz#TYPES}) read into the {@link Quiz} record. A quiz that takes a value or
 * bytes from the run leaves checks in {@link RunChecks}, done against the run once the whole lesson is read.
 */
final class QuizReader {
    private static final List<String> QUIZ_COMMON = List.of("id", "type", "question", "hints");
    private static final Map<String, List<String>> QUIZ_KEYS = Map.of(
            "choice", List.of("multiple", "options"),
            "short", List.of("accept", "from", "why-wrong"),
            "numeric", List.of("answer", "from", "tolerance", "why-wrong"),
            "bytes", List.of("event", "field", "why-wrong"));
    private static final List<String> OPTION_KEYS = List.of("text", "correct", "why");

    private QuizReader() {
    }

    private static final List<String> FROM_KEYS = List.of("event", "field", "match", "count");
    /** A question that asks for one byte ("select exactly the byte that ..."), not several. */
    private static final java.util.regex.Pattern ONE_BYTE = java.util.regex.Pattern.compile(
            "\\bthe byte\\b(?!s)", java.util.regex.Pattern.CASE_INSENSITIVE);

    static Quiz quiz(YamlFile y, Node v, int n, RunChecks runChecks) {
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
                List<String> accept = List.of();
                FromRun from = null;
                boolean bad = false;
                if (!e.containsKey("accept") && !e.containsKey("from")) {
                    y.error(m, ctx + "needs \"accept\": the answers counted right (or \"from\": where the run shows "
                            + "the answer)");
                    bad = true;
                }
                if (e.containsKey("accept")) {
                    accept = y.texts(e.get("accept").getValueNode(), ctx, "accept");
                    if (accept != null && accept.isEmpty()) {
                        y.error(e.get("accept").getValueNode(), ctx + "accept is empty");
                        accept = null;
                    }
                    bad |= accept == null;
                }
                if (e.containsKey("from")) {
                    from = fromRun(y, e.get("from").getValueNode(), ctx + "from: ", runChecks);
                    bad |= from == null;
                }
                String why = whyWrong(y, m, e, ctx);
                if (bad || why == null) {
                    return null;
                }
                if (from != null && !accept.isEmpty()) {
                    agreeText(y, e.get("accept").getValueNode(), ctx, accept, from, runChecks);
                }
                return new Quiz.Short(id, question, hints, accept, from, why);
            }
            case "numeric": {
                Double answer = null;
                FromRun from = null;
                boolean bad = false;
                if (!e.containsKey("answer") && !e.containsKey("from")) {
                    y.error(m, ctx + "give \"answer\" (a number), \"from\" (where the run shows it) or both");
                    bad = true;
                }
                if (e.containsKey("answer")) {
                    answer = y.number(e.get("answer").getValueNode(), ctx, "answer");
                    bad |= answer == null;
                }
                if (e.containsKey("from")) {
                    from = fromRun(y, e.get("from").getValueNode(), ctx + "from: ", runChecks);
                    bad |= from == null;
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
                if (bad || why == null) {
                    return null;
                }
                if (from != null) {
                    agreeNumber(y, e.containsKey("answer") ? e.get("answer").getValueNode()
                            : e.get("from").getValueNode(), ctx, answer, tolerance, from, runChecks);
                }
                return new Quiz.Numeric(id, question, hints, answer, from, tolerance, why);
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
                bytesAgainstRun(y, ctx, s, e.get("event").getValueNode(), field, e.get("field").getValueNode(),
                        ONE_BYTE.matcher(question).find() ? e.get("question").getValueNode() : null, runChecks);
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

    /** {@code from}: an event and its field or a match in its info, or a count of events. */
    private static FromRun fromRun(YamlFile y, Node v, String ctx, RunChecks runChecks) {
        MappingNode m = y.mapping(v, ctx, "from");
        if (m == null) {
            return null;
        }
        int before = y.problemCount();
        Map<String, NodeTuple> e = y.entries(m, FROM_KEYS, ctx);
        if (e.containsKey("count") == e.containsKey("event")) {
            y.error(m, ctx + (e.containsKey("count") ? "give \"event\" (read off one event) or \"count\" (count "
                    + "the events), not both" : "needs \"event\" (which event) and \"field\" or \"match\" (what of it), "
                    + "or \"count\" (the events to count)"));
            return null;
        }
        if (e.containsKey("count") && (e.containsKey("field") || e.containsKey("match"))) {
            y.error(m, ctx + "a count takes no \"field\" or \"match\"");
            return null;
        }
        EventSelector event = e.containsKey("event") ? selector(y, e.get("event").getValueNode(), ctx + "event: ")
                : null;
        EventSelector count = e.containsKey("count") ? selector(y, e.get("count").getValueNode(), ctx + "count: ")
                : null;
        String field = e.containsKey("field") ? fieldKey(y, e.get("field").getValueNode(), ctx) : null;
        String match = null;
        if (e.containsKey("match")) {
            Node mn = e.get("match").getValueNode();
            match = y.word(mn, ctx, "match");
            try {
                if (match != null) {
                    java.util.regex.Pattern.compile(match);
                }
            } catch (java.util.regex.PatternSyntaxException ex) {
                y.error(mn, ctx + "match is not a regular expression: " + ex.getDescription());
                match = null;
            }
        }
        if (y.problemCount() > before) {
            return null;
        }
        FromRun from = new FromRun(event, field, match, count);
        Node at = e.containsKey("event") ? e.get("event").getValueNode() : e.get("count").getValueNode();
        Node fieldAt = e.containsKey("match") ? e.get("match").getValueNode()
                : e.containsKey("field") ? e.get("field").getValueNode() : at;
        runChecks.quiz(at, ctx, open -> {
            if (RunChecks.matches(y, at, ctx, from.selector(), open)) {
                FromRun.Reading r = from.read(open.timeline());
                if (!r.ok()) {
                    y.error(fieldAt, ctx + r.problem());
                }
            }
        });
        return from;
    }

    /** A number stated and read off the run must agree; a value read must be a number. */
    private static void agreeNumber(YamlFile y, Node answerAt, String ctx, Double answer, double tolerance,
                                    FromRun from, RunChecks runChecks) {
        runChecks.ifOpen(answerAt, open -> {
            FromRun.Reading r = from.read(open.timeline());
            if (!r.ok()) {
                return;
            }
            if (r.number() == null) {
                y.error(answerAt, ctx + r.where(from) + " is \"" + r.text() + "\", not a number");
            } else if (answer != null && Math.abs(answer - r.number()) > tolerance) {
                y.error(answerAt, ctx + "answer " + Quiz.Numeric.format(answer) + ", but the run shows "
                        + Quiz.Numeric.format(r.number()) + " (" + r.where(from) + ")");
            }
        });
    }

    /** An answer read off the run must be one of the accepted answers a teacher wrote. */
    private static void agreeText(YamlFile y, Node acceptAt, String ctx, List<String> accept, FromRun from,
                                  RunChecks runChecks) {
        runChecks.ifOpen(acceptAt, open -> {
            FromRun.Reading r = from.read(open.timeline());
            if (r.ok() && accept.stream().noneMatch(a -> Quiz.Short.normal(a).equals(Quiz.Short.normal(r.text())))) {
                y.error(acceptAt, ctx + "accept does not hold \"" + r.text() + "\", which the run shows ("
                        + r.where(from) + ")");
            }
        });
    }

    /** A bytes quiz's event must be in the run and carry its field; "the byte" must be one byte. */
    private static void bytesAgainstRun(YamlFile y, String ctx, EventSelector s, Node eventAt, String field,
                                        Node fieldAt, Node oneByteAt, RunChecks runChecks) {
        runChecks.quiz(eventAt, ctx, open -> {
            if (!RunChecks.matches(y, eventAt, ctx, s, open)) {
                return;
            }
            TimelineEvent e = s.first(open.timeline()).orElseThrow();
            var f = FromRun.fieldOf(e, field);
            if (f.isEmpty()) {
                y.error(fieldAt, ctx + "the first event matching " + s.describe() + " is " + EventSelector.brief(e)
                        + ", which has no field " + field);
            } else if (oneByteAt != null && f.get().byteEnd() - f.get().byteStart() != 1) {
                int n = f.get().byteEnd() - f.get().byteStart();
                y.error(oneByteAt, ctx + "the question asks for one byte, but " + field + " is " + n + " bytes ("
                        + f.get().display() + ") in " + EventSelector.brief(e));
            }
        });
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
