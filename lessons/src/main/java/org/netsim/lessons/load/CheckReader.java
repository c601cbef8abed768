package org.netsim.lessons.load;

import static org.netsim.lessons.load.EngineTerms.fieldKey;
import static org.netsim.lessons.load.EngineTerms.protocol;
import static org.netsim.lessons.load.EngineTerms.selector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.netsim.lessons.Check;
import org.netsim.lessons.EventSelector;
import org.netsim.lessons.LayerModel;
import org.netsim.pdu.Protocol;
import org.netsim.scenario.Scenario;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * A step's {@code expect}: exactly one of the nine checks ({@link Check#KEYS}), each read into its {@link Check}
 * record. A scenario an {@code opened-scenario} check names must read, like the lesson's own.
 */
final class CheckReader {
    private final ScenarioReader scenarioReader;
    private final RunChecks runChecks;

    CheckReader(ScenarioReader scenarioReader, RunChecks runChecks) {
        this.scenarioReader = scenarioReader;
        this.runChecks = runChecks;
    }

    Check expect(YamlFile y, String folder, Node v, String ctx, Map<String, Scenario> scenarios) {
        MappingNode m = y.mapping(v, ctx, "expect");
        if (m == null) {
            return null;
        }
        List<NodeTuple> checks = new ArrayList<>();
        for (NodeTuple t : m.getValue()) {
            String k = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : String.valueOf(t.getKeyNode());
            if (!Check.KEYS.contains(k)) {
                y.error(t.getKeyNode(), ctx + "unknown check \"" + k + "\" (known: " + String.join(", ", Check.KEYS)
                        + ")" + Suggest.near(k, Check.KEYS));
            } else {
                checks.add(t);
            }
        }
        if (checks.size() > 1) {
            List<String> names = new ArrayList<>();
            for (NodeTuple t : checks) {
                names.add(((ScalarNode) t.getKeyNode()).getValue());
            }
            y.error(m, ctx + "expect has " + checks.size() + " checks (" + String.join(", ", names)
                    + "): a step has exactly one");
            return null;
        }
        if (checks.isEmpty()) {
            if (m.getValue().isEmpty()) {
                y.error(m, ctx + "expect is empty: give one check (known: " + String.join(", ", Check.KEYS) + ")");
            }
            return null;
        }
        String key = ((ScalarNode) checks.get(0).getKeyNode()).getValue();
        Node cv = checks.get(0).getValueNode();
        String c = ctx + key + ": ";
        switch (key) {
            case "selected-event": {
                EventSelector s = selector(y, cv, c);
                if (s == null) {
                    return null;
                }
                runChecks.ifOpen(cv, open -> RunChecks.matches(y, cv, c, s, open));
                return new Check.SelectedEvent(s);
            }
            case "selected-field": {
                Map<String, NodeTuple> e = checkEntries(y, cv, c, List.of("field", "protocol", "event"), "field");
                if (e == null) {
                    return null;
                }
                Node fieldNode = e.get("field").getValueNode();
                String field = fieldKey(y, fieldNode, c);
                Protocol p = e.containsKey("protocol") ? protocol(y, e.get("protocol").getValueNode(), c) : null;
                if (field != null && p != null && FieldKeys.protocolOf(field).orElse(p) != p) {
                    y.error(e.get("protocol").getValueNode(), c + "field " + field + " belongs to "
                            + FieldKeys.protocolOf(field).get().name() + ", not " + p.name());
                    return null;
                }
                EventSelector event = e.containsKey("event") ? selector(y, e.get("event").getValueNode(), c + "event: ")
                        : null;
                if (field == null || e.containsKey("protocol") && p == null || e.containsKey("event") && event == null) {
                    return null;
                }
                inSelectedEvent(y, c, field, fieldNode, event, e);
                return new Check.SelectedField(field, p, event);
            }
            case "selected-bytes": {
                Map<String, NodeTuple> e = checkEntries(y, cv, c, List.of("field", "event"), "field");
                String field = e == null ? null : fieldKey(y, e.get("field").getValueNode(), c);
                EventSelector event = e != null && e.containsKey("event")
                        ? selector(y, e.get("event").getValueNode(), c + "event: ") : null;
                if (field == null || e.containsKey("event") && event == null) {
                    return null;
                }
                inSelectedEvent(y, c, field, e.get("field").getValueNode(), event, e);
                return new Check.SelectedBytes(field, event);
            }
            case "emitted": {
                Map<String, NodeTuple> e = checkEntries(y, cv, c, List.of("from", "event", "args", "namespace",
                        "transport"), "event");
                if (e == null) {
                    return null;
                }
                String event = y.word(e.get("event").getValueNode(), c, "event");
                String from = e.containsKey("from") ? y.word(e.get("from").getValueNode(), c, "from") : null;
                String ns = e.containsKey("namespace") ? namespace(y, e.get("namespace").getValueNode(), c) : null;
                String transport = e.containsKey("transport") ? transport(y, e.get("transport").getValueNode(), c)
                        : null;
                boolean bad = event == null || e.containsKey("from") && from == null
                        || e.containsKey("namespace") && ns == null || e.containsKey("transport") && transport == null;
                if (bad) {
                    return null;
                }
                runChecks.ifOpen(cv, open -> {
                    if (from != null) {
                        RunChecks.clients(y, e.get("from").getValueNode(), c, List.of(from), open);
                    }
                    if (ns != null) {
                        RunChecks.namespace(y, e.get("namespace").getValueNode(), c, ns, open);
                    }
                });
                return new Check.Emitted(from, event,
                        e.containsKey("args") ? YamlFile.json(e.get("args").getValueNode()) : null, ns, transport);
            }
            case "received": {
                return received(y, cv, c);
            }
            case "layer-model": {
                String w = y.word(cv, c, "the layer model");
                if (w == null) {
                    return null;
                }
                LayerModel lm = LayerModel.of(w);
                if (lm == null) {
                    y.error(cv, c + "unknown layer model \"" + w + "\" (known: osi, tcp-ip)");
                    return null;
                }
                return new Check.LayerModelIs(lm);
            }
            case "reached-time": {
                Map<String, NodeTuple> e = checkEntries(y, cv, c, List.of("after"), "after");
                if (e == null) {
                    return null;
                }
                Node a = e.get("after").getValueNode();
                String after = y.word(a, c, "after");
                if (after == null) {
                    return null;
                }
                try {
                    return new Check.ReachedTime(after, TimeText.nanos(after));
                } catch (IllegalArgumentException ex) {
                    y.error(a, c + ex.getMessage());
                    return null;
                }
            }
            case "opened-scenario": {
                String name = y.word(cv, c, "the scenario's name");
                if (name == null) {
                    return null;
                }
                Scenario s = scenarios.containsKey(name) ? scenarios.get(name)
                        : scenarioReader.scenario(y, folder, name, cv, c);
                if (s == null) {
                    return null;
                }
                scenarios.put(name, s);
                return new Check.OpenedScenario(name);
            }
            default: {
                return captured(y, cv, c);
            }
        }
    }

    /** {@code captured}: what the live capture must hold; at least one of event, type, transport. */
    private static Check captured(YamlFile y, Node cv, String c) {
        MappingNode m = y.mapping(cv, c, "the check");
        if (m == null) {
            return null;
        }
        int before = y.problemCount();
        // min-frames is the name version 1 first gave at-least; both are read
        Map<String, NodeTuple> e = y.entries(m, List.of("event", "type", "transport", "namespace", "args", "at-least",
                "min-frames"), c);
        if (!e.containsKey("event") && !e.containsKey("type") && !e.containsKey("transport")) {
            y.error(m, c + "say what the capture must hold: an \"event\" (its name), a \"type\" or a \"transport\"");
            return null;
        }
        if (e.containsKey("at-least") && e.containsKey("min-frames")) {
            y.error(e.get("min-frames").getKeyNode(), c + "min-frames is the old name of at-least: give one of them");
            return null;
        }
        String event = e.containsKey("event") ? y.word(e.get("event").getValueNode(), c, "event") : null;
        String type = e.containsKey("type") ? y.word(e.get("type").getValueNode(), c, "type") : null;
        String transport = e.containsKey("transport") ? transport(y, e.get("transport").getValueNode(), c) : null;
        String ns = e.containsKey("namespace") ? namespace(y, e.get("namespace").getValueNode(), c) : null;
        NodeTuple count = e.containsKey("at-least") ? e.get("at-least") : e.get("min-frames");
        Integer min = count == null ? Integer.valueOf(1)
                : y.integer(count.getValueNode(), c, ((ScalarNode) count.getKeyNode()).getValue(), 1);
        if (y.problemCount() > before || min == null) {
            return null;
        }
        return new Check.Captured(event, type == null ? null : type.toUpperCase(java.util.Locale.ROOT), transport,
                ns, e.containsKey("args") ? YamlFile.json(e.get("args").getValueNode()) : null, min);
    }

    /**
     * {@code received}: who must get the emit. {@code by-at-least} (a count) and {@code by} (at least these) may
     * come with {@code not-by} (none of these); {@code only} (exactly these) stands alone.
     */
    private Check received(YamlFile y, Node cv, String c) {
        Map<String, NodeTuple> e = checkEntries(y, cv, c, List.of("event", "by-at-least", "by", "only", "not-by",
                "namespace"), "event");
        if (e == null) {
            return null;
        }
        String event = y.word(e.get("event").getValueNode(), c, "event");
        if (e.containsKey("by") && e.containsKey("by-at-least")) {
            y.error(e.get("by").getKeyNode(), c + "give by (these clients) or by-at-least (how many), not both");
            return null;
        }
        if (e.containsKey("only") && (e.containsKey("by") || e.containsKey("by-at-least")
                || e.containsKey("not-by"))) {
            y.error(e.get("only").getKeyNode(), c + "only names exactly who receives it: give it alone, or by, "
                    + "by-at-least and not-by");
            return null;
        }
        Integer atLeast = e.containsKey("by-at-least")
                ? y.integer(e.get("by-at-least").getValueNode(), c, "by-at-least", 1) : Integer.valueOf(1);
        List<String> by = hosts(y, e, "by", c);
        List<String> only = hosts(y, e, "only", c);
        List<String> notBy = hosts(y, e, "not-by", c);
        String ns = e.containsKey("namespace") ? namespace(y, e.get("namespace").getValueNode(), c) : null;
        if (event == null || atLeast == null || by == null || only == null || notBy == null
                || e.containsKey("namespace") && ns == null) {
            return null;
        }
        for (String h : by) {
            if (notBy.contains(h)) {
                y.error(e.get("not-by").getValueNode(), c + h + " is in both by and not-by");
                return null;
            }
        }
        Map<String, List<String>> lists = Map.of("by", by, "only", only, "not-by", notBy);
        runChecks.ifOpen(cv, open -> {
            for (String k : List.of("by", "only", "not-by")) {
                if (e.containsKey(k)) {
                    RunChecks.clients(y, e.get(k).getValueNode(), c, lists.get(k), open);
                }
            }
            if (ns != null) {
                RunChecks.namespace(y, e.get("namespace").getValueNode(), c, ns, open);
            }
        });
        boolean named = e.containsKey("by") || e.containsKey("only");
        return new Check.Received(event, named ? 0 : atLeast, by, only, notBy, ns);
    }

    /** A list of client hosts under {@code key}; empty if absent, {@code null} (reported) if bad or empty. */
    private static List<String> hosts(YamlFile y, Map<String, NodeTuple> e, String key, String c) {
        if (!e.containsKey(key)) {
            return List.of();
        }
        List<String> hosts = y.texts(e.get(key).getValueNode(), c, key);
        if (hosts != null && hosts.isEmpty()) {
            y.error(e.get(key).getValueNode(), c + key + " is empty: name the clients");
            return null;
        }
        return hosts;
    }

    /** The field must be in the event the step asks to select it in (or in some event); checked against the run. */
    private void inSelectedEvent(YamlFile y, String c, String field, Node fieldNode, EventSelector event,
                                 Map<String, NodeTuple> e) {
        Node eventNode = event == null ? null : e.get("event").getValueNode();
        runChecks.ifOpen(fieldNode, open -> {
            if (event == null || RunChecks.matches(y, eventNode, c + "event: ", event, open)) {
                RunChecks.carries(y, fieldNode, c, event, field, open);
            }
        });
    }

    private static String transport(YamlFile y, Node n, String ctx) {
        String t = y.word(n, ctx, "transport");
        if (t != null && !t.equals("websocket") && !t.equals("polling")) {
            y.error(n, ctx + "unknown transport \"" + t + "\" (known: websocket, polling)");
            return null;
        }
        return t;
    }

    /** A check's mapping with its keys; {@code null} if it is not a mapping or lacks {@code required}. */
    private static Map<String, NodeTuple> checkEntries(YamlFile y, Node v, String ctx, List<String> known,
                                                       String required) {
        MappingNode m = y.mapping(v, ctx, "the check");
        if (m == null) {
            return null;
        }
        Map<String, NodeTuple> e = y.entries(m, known, ctx);
        if (!e.containsKey(required)) {
            y.error(m, ctx + "needs \"" + required + "\"");
            return null;
        }
        return e;
    }

    private static String namespace(YamlFile y, Node n, String ctx) {
        String ns = y.word(n, ctx, "namespace");
        if (ns != null && (!ns.startsWith("/") || ns.contains(","))) {
            y.error(n, ctx + "namespace \"" + ns + "\" must start with '/' and hold no ','");
            return null;
        }
        return ns;
    }
}
