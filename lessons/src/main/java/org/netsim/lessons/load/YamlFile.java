package org.netsim.lessons.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One YAML file read as SnakeYAML's node tree (every node knows its line and column) and the problems found in it.
 * The typed readers here report what is wrong at the node and return {@code null}, so a loader goes on and finds
 * every problem of a file, not only the first.
 */
final class YamlFile {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final String file;
    private final List<Problem> problems;

    YamlFile(String file, List<Problem> problems) {
        this.file = file;
        this.problems = problems;
    }

    String file() {
        return file;
    }

    /** The document's root node, or {@code null} (and a problem) if the text is not YAML or is empty. */
    Node parse(String text) {
        try {
            Node root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
            if (root == null) {
                problems.add(new Problem(file, 1, 1, "the file is empty"));
            }
            return root;
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
            Mark c = e.getContextMark();
            String context = e.getContext() == null ? "" : " (" + e.getContext()
                    + (c != null && m != null && c.getLine() != m.getLine() ? " that starts at line " + (c.getLine() + 1)
                    + ", column " + (c.getColumn() + 1) : "") + ")";
            problems.add(new Problem(file, m == null ? 1 : m.getLine() + 1, m == null ? 0 : m.getColumn() + 1,
                    "not valid YAML: " + what + context));
            return null;
        } catch (YAMLException e) {
            problems.add(new Problem(file, 1, 0, "not valid YAML: " + e.getMessage()));
            return null;
        }
    }

    /** How many problems have been found so far (in every file of the load). */
    int problemCount() {
        return problems.size();
    }

    void error(Node at, String message) {
        Mark m = at.getStartMark();
        problems.add(new Problem(file, m.getLine() + 1, m.getColumn() + 1, message));
    }

    void error(int line, int column, String message) {
        problems.add(new Problem(file, line, column, message));
    }

    /**
     * The mapping's entries by key, in file order. An unknown key, a duplicate key or a key that is not text is a
     * problem (reported at the key) and left out.
     */
    Map<String, NodeTuple> entries(MappingNode m, Collection<String> known, String context) {
        Map<String, NodeTuple> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            Node k = t.getKeyNode();
            if (!(k instanceof ScalarNode s) || s.getTag().equals(Tag.NULL)) {
                error(k, context + "a key must be a name");
                continue;
            }
            String key = s.getValue();
            if (!known.contains(key)) {
                error(k, context + "unknown key \"" + key + "\" (known: " + String.join(", ", known) + ")"
                        + Suggest.near(key, known));
            } else if (out.containsKey(key)) {
                error(k, context + "\"" + key + "\" is given twice");
            } else {
                out.put(key, t);
            }
        }
        return out;
    }

    MappingNode mapping(Node n, String context, String what) {
        if (n instanceof MappingNode m) {
            return m;
        }
        error(n, context + what + " must be a mapping (key: value)");
        return null;
    }

    SequenceNode sequence(Node n, String context, String what) {
        if (n instanceof SequenceNode s) {
            return s;
        }
        error(n, context + what + " must be a list");
        return null;
    }

    /** A scalar as text (numbers and booleans as written); {@code null} and a problem for a list, mapping or null. */
    String text(Node n, String context, String what) {
        if (n instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
            return s.getValue();
        }
        error(n, context + what + (n instanceof ScalarNode ? " is empty" : " must be text, not a "
                + (n instanceof MappingNode ? "mapping" : "list")));
        return null;
    }

    /** Non-blank text. */
    String word(Node n, String context, String what) {
        String s = text(n, context, what);
        if (s != null && s.isBlank()) {
            error(n, context + what + " is empty");
            return null;
        }
        return s;
    }

    Integer integer(Node n, String context, String what, int min) {
        if (n instanceof ScalarNode s && s.getTag().equals(Tag.INT)) {
            try {
                int v = Integer.parseInt(s.getValue().replace("_", ""));
                if (v >= min) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        error(n, context + what + " must be a whole number of at least " + min);
        return null;
    }

    Double number(Node n, String context, String what) {
        if (n instanceof ScalarNode s && (s.getTag().equals(Tag.INT) || s.getTag().equals(Tag.FLOAT))) {
            try {
                return Double.parseDouble(s.getValue().replace("_", ""));
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        error(n, context + what + " must be a number");
        return null;
    }

    Boolean bool(Node n, String context, String what) {
        if (n instanceof ScalarNode s && s.getTag().equals(Tag.BOOL)) {
            return Boolean.parseBoolean(s.getValue().toLowerCase(java.util.Locale.ROOT));
        }
        error(n, context + what + " must be true or false");
        return null;
    }

    /** A list of non-blank texts; a single text stands for a list of one. */
    List<String> texts(Node n, String context, String what) {
        if (n instanceof ScalarNode) {
            String s = word(n, context, what);
            return s == null ? null : List.of(s);
        }
        SequenceNode seq = sequence(n, context, what);
        if (seq == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (Node item : seq.getValue()) {
            String s = word(item, context, what + " entry");
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    /** The node as JSON, with YAML's scalar types (int, float, bool, null, string). */
    static JsonNode json(Node n) {
        if (n instanceof MappingNode m) {
            ObjectNode o = JSON.objectNode();
            for (NodeTuple t : m.getValue()) {
                o.set(t.getKeyNode() instanceof ScalarNode k ? k.getValue() : String.valueOf(t.getKeyNode()),
                        json(t.getValueNode()));
            }
            return o;
        }
        if (n instanceof SequenceNode s) {
            ArrayNode a = JSON.arrayNode();
            for (Node item : s.getValue()) {
                a.add(json(item));
            }
            return a;
        }
        ScalarNode s = (ScalarNode) n;
        String v = s.getValue();
        Tag tag = s.getTag();
        try {
            if (tag.equals(Tag.NULL)) {
                return JSON.nullNode();
            } else if (tag.equals(Tag.BOOL)) {
                return JSON.booleanNode(Boolean.parseBoolean(v.toLowerCase(java.util.Locale.ROOT)));
            } else if (tag.equals(Tag.INT)) {
                return JSON.numberNode(new BigInteger(v.replace("_", "")));
            } else if (tag.equals(Tag.FLOAT)) {
                return JSON.numberNode(Double.parseDouble(v.replace("_", "")));
            }
        } catch (NumberFormatException e) {
            return JSON.textNode(v);
        }
        return JSON.textNode(v);
    }
}
