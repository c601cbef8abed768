package org.netsim.lessons;

import java.util.ArrayList;
import java.util.List;
import org.netsim.pdu.DataSources;
import org.netsim.pdu.Field;
import org.netsim.pdu.Pdu;
import org.netsim.timeline.Direction;
import org.netsim.timeline.TimelineEvent;

/**
 * Every field of an event's PDU tree in the order the inspector's tree lists them, each with the byte array its
 * offsets count in: the event's own bytes, or a data source (a message reassembled from several segments), which the
 * inspector shows under its own button below the hex pane.
 */
public final class EventFields {
    private EventFields() {
    }

    /**
     * A field and its array.
     *
     * @param source      0 for the event's own bytes, then the data sources in tree order ({@link ByteRange#source()})
     * @param sourceTitle the array's title as the inspector's button says it ({@code "Reassembled TCP (90,030
     *                    bytes)"}); {@code "Frame"} for array 0
     */
    public record Placed(Field field, int source, String sourceTitle) {
        /** The field's bytes in its array. */
        public ByteRange range() {
            return new ByteRange(field.byteStart(), field.byteEnd(), source);
        }
    }

    /** Every field of {@code e}'s tree, depth first (a state event has none). */
    public static List<Placed> of(TimelineEvent e) {
        Pdu whole = treeOf(e);
        if (whole == null) {
            return List.of();
        }
        List<Placed> out = new ArrayList<>();
        collect(whole, DataSources.of(whole, null), out);
        return out;
    }

    /** The fields of {@code e} with this key ({@code websocket.masking_key}), in tree order. */
    public static List<Placed> withKey(TimelineEvent e, String key) {
        List<Placed> out = new ArrayList<>(1);
        for (Placed p : of(e)) {
            if (p.field().key().equals(key)) {
                out.add(p);
            }
        }
        return out;
    }

    /** The fields of array {@code source} of {@code e}'s tree, in tree order (none if it has no such array). */
    public static List<Placed> inArray(TimelineEvent e, int source) {
        Pdu whole = treeOf(e);
        DataSources sources = whole == null ? null : DataSources.of(whole, null);
        if (sources == null || source >= sources.size()) {
            return List.of();
        }
        DataSources.Source s = sources.get(source);
        return s.fields().stream().map(f -> new Placed(f, s.index(), s.title())).toList();
    }

    private static Pdu treeOf(TimelineEvent e) {
        return e.direction() == Direction.STATE ? null : e.wholePdu();
    }

    private static void collect(Pdu p, DataSources sources, List<Placed> out) {
        for (Field f : p.fields()) {
            out.add(place(f, sources));
        }
        for (Pdu c : p.children()) {
            collect(c, sources, out);
        }
        for (Field f : p.trailer()) {
            out.add(place(f, sources));
        }
    }

    private static Placed place(Field f, DataSources sources) {
        DataSources.Source s = sources.sourceOf(f);
        return new Placed(f, s.index(), s.title());
    }
}
