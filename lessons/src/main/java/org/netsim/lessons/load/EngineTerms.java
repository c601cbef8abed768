package org.netsim.lessons.load;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.netsim.lessons.EventSelector;
import org.netsim.pdu.Protocol;
import org.netsim.timeline.Direction;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * The words of a lesson file that only the engine defines, read from their nodes: field keys (those the dissectors
 * declare, see {@link FieldKeys}), protocol names and event selectors. Steps' checks and quizzes both use them.
 */
final class EngineTerms {
    private static final List<String> SELECTOR_KEYS = List.of("node", "protocol", "direction", "flags", "text",
            "peer");

    private EngineTerms() {
    }

    static String fieldKey(YamlFile y, Node n, String ctx) {
        String key = y.word(n, ctx, "field");
        if (key == null) {
            return null;
        }
        if (!FieldKeys.isKnown(key)) {
            String near = Suggest.near(key, FieldKeys.all().keySet());
            String prefix = key.contains(".") ? key.substring(0, key.indexOf('.') + 1) : key;
            List<String> same = new ArrayList<>();
            for (String k : FieldKeys.all().keySet()) {
                if (k.startsWith(prefix)) {
                    same.add(k);
                }
            }
            y.error(n, ctx + "no dissector defines a field \"" + key + "\""
                    + (near.isEmpty() && !same.isEmpty() && same.size() <= 40 ? " (fields " + prefix + "*: "
                    + String.join(", ", same) + ")" : near));
            return null;
        }
        return key;
    }

    static Protocol protocol(YamlFile y, Node n, String ctx) {
        String w = y.word(n, ctx, "protocol");
        if (w == null) {
            return null;
        }
        for (Protocol p : Protocol.values()) {
            if (p.name().equalsIgnoreCase(w)) {
                return p;
            }
        }
        List<String> known = new ArrayList<>();
        for (Protocol p : Protocol.values()) {
            known.add(p.name());
        }
        y.error(n, ctx + "unknown protocol \"" + w + "\" (known: " + String.join(", ", known) + ")"
                + Suggest.near(w.toUpperCase(Locale.ROOT), known));
        return null;
    }

    static EventSelector selector(YamlFile y, Node v, String ctx) {
        MappingNode m = y.mapping(v, ctx, "the event");
        if (m == null) {
            return null;
        }
        int before = y.problemCount();
        Map<String, NodeTuple> e = y.entries(m, SELECTOR_KEYS, ctx);
        if (m.getValue().isEmpty()) {
            y.error(m, ctx + "an empty selector matches every event: give at least one of "
                    + String.join(", ", SELECTOR_KEYS));
            return null;
        }
        String node = e.containsKey("node") ? y.word(e.get("node").getValueNode(), ctx, "node") : null;
        Protocol protocol = e.containsKey("protocol") ? protocol(y, e.get("protocol").getValueNode(), ctx) : null;
        Direction direction = null;
        if (e.containsKey("direction")) {
            Node d = e.get("direction").getValueNode();
            String w = y.word(d, ctx, "direction");
            for (Direction x : Direction.values()) {
                if (x.word().equals(w)) {
                    direction = x;
                }
            }
            if (w != null && direction == null) {
                y.error(d, ctx + "unknown direction \"" + w + "\" (known: down, wire, up, state)");
            }
        }
        Set<String> flags = null;
        if (e.containsKey("flags")) {
            Node f = e.get("flags").getValueNode();
            List<String> names = y.texts(f, ctx, "flags");
            if (names != null) {
                flags = new LinkedHashSet<>();
                for (String name : names) {
                    String upper = name.toUpperCase(Locale.ROOT);
                    if (!EventSelector.FLAG_NAMES.contains(upper)) {
                        y.error(f, ctx + "unknown TCP flag \"" + name + "\" (known: "
                                + String.join(", ", EventSelector.FLAG_NAMES) + ")");
                    }
                    flags.add(upper);
                }
            }
        }
        String text = e.containsKey("text") ? y.text(e.get("text").getValueNode(), ctx, "text") : null;
        String peer = e.containsKey("peer") ? y.word(e.get("peer").getValueNode(), ctx, "peer") : null;
        if (y.problemCount() > before) {
            return null;
        }
        return new EventSelector(node, protocol, direction, flags, text, peer);
    }
}
