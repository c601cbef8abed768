package org.netsim.app.gui.stack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netsim.pdu.Field;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.Protocol;

/**
 * A field a device changed while forwarding a frame: a router's new MAC addresses, TTL one less and the checksums that
 * follow; a switch changes nothing. Found by comparing the frame that came in with the one that went out, field by
 * field (by key), in the layers the device read.
 *
 * @param protocol the layer
 * @param field    the field as it came in (its name and key)
 * @param before   its value coming in
 * @param after    its value going out
 */
public record Rewrite(Protocol protocol, Field field, String before, String after) {

    /** The fields of the layers up to {@code top} whose values differ between {@code in} and {@code out}. */
    static List<Rewrite> of(Pdu in, Pdu out, Protocol top) {
        Map<String, Field> before = fields(in, top);
        Map<String, Field> after = fields(out, top);
        List<Rewrite> changes = new ArrayList<>();
        for (Map.Entry<String, Field> e : before.entrySet()) {
            Field a = after.get(e.getKey());
            if (a != null && !a.display().equals(e.getValue().display())) {
                changes.add(new Rewrite(e.getValue().spec().protocol(), e.getValue(), e.getValue().display(),
                        a.display()));
            }
        }
        return changes;
    }

    private static Map<String, Field> fields(Pdu root, Protocol top) {
        Map<String, Field> out = new LinkedHashMap<>();
        root.walk(p -> {
            if (p.protocol().osi().number() <= top.osi().number()) {
                for (Field f : p.fields()) {
                    out.putIfAbsent(f.key(), f);
                }
                for (Field f : p.trailer()) {
                    out.putIfAbsent(f.key(), f);
                }
            }
        });
        return out;
    }
}
