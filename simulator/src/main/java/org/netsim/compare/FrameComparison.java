package org.netsim.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netsim.pdu.Field;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.Protocol;
import org.netsim.stack.Reassembly;

/**
 * A simulated frame beside its captured twin, field by field: every field whose value differs, with the reason it
 * may. Layers are paired in order (the first TCP with the first TCP, the second WebSocket frame of a segment with the
 * second), fields within a layer by key and occurrence (the third option with the third). The physical layer's
 * preamble and the FCS are left out: captures do not hold them.
 *
 * @param differences the fields that differ, in frame order
 * @param same        how many paired fields are equal
 * @param layers      the protocols both frames have, outermost first
 */
public record FrameComparison(List<FieldDifference> differences, int same, List<Protocol> layers) {

    public FrameComparison {
        differences = List.copyOf(differences);
        layers = List.copyOf(layers);
    }

    /** The differences a real capture is not expected to have: the ones worth a look. */
    public List<FieldDifference> unexpected() {
        return differences.stream().filter(d -> !d.expected()).toList();
    }

    /** Compares the whole-frame trees of a simulated frame and a captured one. */
    public static FrameComparison of(Pdu simulated, Pdu captured) {
        return of(simulated, captured, p -> true);
    }

    /**
     * Compares only the layers {@code only} accepts: the lower layers of the frames that carried a message whose own
     * layers are compared unit by unit ({@link MessageComparison}).
     */
    public static FrameComparison of(Pdu simulated, Pdu captured, java.util.function.Predicate<Protocol> only) {
        Map<Protocol, List<Pdu>> sim = layers(simulated);
        Map<Protocol, List<Pdu>> cap = layers(captured);
        sim.keySet().removeIf(only.negate());
        List<FieldDifference> out = new ArrayList<>();
        List<Protocol> both = new ArrayList<>();
        int same = 0;
        for (Map.Entry<Protocol, List<Pdu>> e : sim.entrySet()) {
            List<Pdu> theirs = cap.get(e.getKey());
            if (theirs == null) {
                continue;
            }
            both.add(e.getKey());
            for (int i = 0; i < Math.min(e.getValue().size(), theirs.size()); i++) {
                same += compareFields(e.getValue().get(i), theirs.get(i), out);
            }
        }
        return new FrameComparison(out, same, both);
    }

    private static int compareFields(Pdu simulated, Pdu captured, List<FieldDifference> out) {
        Reasons.Layers layers = new Reasons.Layers(simulated, captured);
        Map<String, List<Field>> theirs = byKey(captured);
        Map<String, Integer> seen = new HashMap<>();
        int same = 0;
        for (Field f : simulated.fields()) {
            int n = seen.merge(f.key(), 1, Integer::sum) - 1;
            List<Field> candidates = theirs.get(f.key());
            Field twin = candidates != null && n < candidates.size() ? candidates.get(n) : null;
            if (twin != null && twin.display().equals(f.display())) {
                same++;
            } else {
                out.add(Reasons.explain(f, twin, layers));
            }
        }
        for (Map.Entry<String, List<Field>> e : theirs.entrySet()) {
            int ours = seen.getOrDefault(e.getKey(), 0);
            for (int i = ours; i < e.getValue().size(); i++) {
                out.add(Reasons.explain(null, e.getValue().get(i), layers));
            }
        }
        return same;
    }

    private static Map<String, List<Field>> byKey(Pdu p) {
        Map<String, List<Field>> m = new LinkedHashMap<>();
        for (Field f : p.fields()) {
            m.computeIfAbsent(f.key(), k -> new ArrayList<>()).add(f);
        }
        return m;
    }

    /**
     * Every PDU of the tree by protocol, in depth-first (frame) order; the physical layer left out, and so are the
     * dissector's notes on reassembly ({@link Reassembly}): where each side's TCP cut a long message is no field of
     * TCP's (the message they carry, below them, is compared).
     */
    private static Map<Protocol, List<Pdu>> layers(Pdu root) {
        Map<Protocol, List<Pdu>> m = new LinkedHashMap<>();
        root.walk(p -> {
            if (p.protocol() != Protocol.PHYSICAL && !(p.header() instanceof Reassembly)) {
                m.computeIfAbsent(p.protocol(), k -> new ArrayList<>()).add(p);
            }
        });
        return m;
    }
}
