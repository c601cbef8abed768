package org.netsim.lessons;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.netsim.pdu.Field;
import org.netsim.pdu.Pdu;
import org.netsim.timeline.Direction;
import org.netsim.timeline.Timeline;
import org.netsim.timeline.TimelineEvent;

/**
 * Where a quiz's answer is read off a run, as a student reads it off the screen: the first event {@code event}
 * matches, and there the value the inspector shows for its field {@code field}; or the first group of the regular
 * expression {@code match} in that value, or (without a field) in the event's info line or the info of a layer it
 * carries; or the number of events {@code count} matches.
 *
 * @param event the event, or {@code null} with {@code count}
 * @param field a field key, or {@code null}
 * @param match a regular expression (its first group, else the whole match, is the answer), or {@code null}
 * @param count counts the events this matches, or {@code null} with {@code event}
 */
public record FromRun(EventSelector event, String field, String match, EventSelector count) {

    /**
     * What was read.
     *
     * @param event   the event it was read off (the first counted one for a count), or {@code null}
     * @param text    the answer as text (the field's value as the inspector shows it, or the match)
     * @param number  the answer as a number, or {@code null} if the text is not one
     * @param problem why nothing could be read, or {@code null}
     */
    public record Reading(TimelineEvent event, String text, Double number, String problem) {
        public boolean ok() {
            return problem == null;
        }

        /** "the tcp.ack of event 34 (...)" for messages. */
        public String where(FromRun from) {
            if (from.count() != null) {
                return "the number of events matching " + from.count().describe();
            }
            return (from.field() == null ? "the info" : "the " + from.field()) + " of event " + event.index() + " ("
                    + event.node() + " " + event.direction().word() + " " + event.protocol().title() + ")";
        }

        static Reading failed(TimelineEvent e, String why) {
            return new Reading(e, null, null, why);
        }
    }

    /** The selector whose events the answer comes from. */
    public EventSelector selector() {
        return event != null ? event : count;
    }

    /** Reads the answer off the timeline. */
    public Reading read(Timeline t) {
        if (count != null) {
            List<TimelineEvent> all = t.events().stream().filter(count::matches).toList();
            if (all.isEmpty()) {
                return Reading.failed(null, "no event matches " + count.describe());
            }
            return new Reading(all.get(0), Integer.toString(all.size()), (double) all.size(), null);
        }
        Optional<TimelineEvent> first = event.first(t);
        if (first.isEmpty()) {
            return Reading.failed(null, "no event matches " + event.describe());
        }
        TimelineEvent e = first.get();
        List<String> texts = new ArrayList<>();
        Double value = null;
        if (field != null) {
            Optional<Field> f = fieldOf(e, field);
            if (f.isEmpty()) {
                return Reading.failed(e, "the first event matching " + event.describe() + " is "
                        + EventSelector.brief(e) + ", which has no field " + field);
            }
            texts.add(f.get().display());
            // a numeric field's value; a text field (an HTTP status code, say) is its text
            value = f.get().bytes() == null ? Double.valueOf(f.get().value()) : number(f.get().display());
        } else {
            texts.addAll(infos(e));
        }
        if (match == null) {
            return new Reading(e, texts.get(0), value, null);
        }
        Pattern p = Pattern.compile(match);
        for (String text : texts) {
            Matcher m = p.matcher(text);
            if (m.find()) {
                String found = m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : m.group();
                return new Reading(e, found, number(found), null);
            }
        }
        return Reading.failed(e, "/" + match + "/ finds nothing in " + (field == null ? "the info of "
                : "the " + field + " (" + texts.get(0) + ") of ") + EventSelector.brief(e));
    }

    /**
     * The first field with this key in the event's PDU tree, as the inspector lists it (in a reassembled message's
     * bytes too).
     */
    public static Optional<Field> fieldOf(TimelineEvent e, String key) {
        return EventFields.withKey(e, key).stream().findFirst().map(EventFields.Placed::field);
    }

    /** The event's info line, then the info of every layer it carries. */
    private static List<String> infos(TimelineEvent e) {
        List<String> out = new ArrayList<>();
        out.add(e.description());
        Pdu p = e.direction() == Direction.STATE ? null : e.pdu();
        if (p != null) {
            p.walk(x -> out.add(x.summary()));
        }
        return out;
    }

    private static Double number(String text) {
        try {
            return Double.valueOf(text.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
