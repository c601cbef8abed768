package org.netsim.lessons;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.netsim.pdu.Protocol;

/**
 * What a step expects of the student's session: one key of a step's {@code expect}. The runner judges it
 * ({@link org.netsim.lessons.run.Checks}); this is the check as the lesson file states it.
 */
public sealed interface Check {
    /** Every check's key, in the order the format lists them. */
    List<String> KEYS = List.of("selected-event", "selected-field", "selected-bytes", "emitted", "received",
            "layer-model", "reached-time", "opened-scenario", "captured");

    /** The key the lesson file uses for this check. */
    String key();

    /** The selected event matches every key the selector gives. */
    record SelectedEvent(EventSelector selector) implements Check {
        @Override
        public String key() {
            return "selected-event";
        }
    }

    /**
     * The inspector's selected field has this key, in that layer, and (with {@code event}) the selected event is one
     * the selector matches: the More Fragments flag of a fragment, not of any packet.
     *
     * @param protocol the layer the field must be in, or {@code null} (the key's own)
     * @param event    the event the field must be selected in, or {@code null} for any event
     */
    record SelectedField(String field, Protocol protocol, EventSelector event) implements Check {
        public SelectedField(String field, Protocol protocol) {
            this(field, protocol, null);
        }

        @Override
        public String key() {
            return "selected-field";
        }
    }

    /**
     * The highlighted bytes are exactly this field's bytes in the selected event's frame, and (with {@code event}) the
     * selected event is one the selector matches.
     */
    record SelectedBytes(String field, EventSelector event) implements Check {
        public SelectedBytes(String field) {
            this(field, null);
        }

        @Override
        public String key() {
            return "selected-bytes";
        }
    }

    /**
     * The run holds a Socket.IO EVENT named {@code event} sent by a client that the student added.
     *
     * @param from      the client host, or {@code null} for any
     * @param args      the arguments (a JSON array; a single value stands for one argument), or {@code null} for any
     * @param namespace the namespace, or {@code null} for the main one "/"
     * @param transport {@code websocket} or {@code polling}: how the emit must travel, or {@code null} for either
     */
    record Emitted(String from, String event, JsonNode args, String namespace, String transport) implements Check {
        public Emitted(String from, String event, JsonNode args, String namespace) {
            this(from, event, args, namespace, null);
        }

        @Override
        public String key() {
            return "emitted";
        }
    }

    /**
     * One emit's Socket.IO EVENT named {@code event} arrives, up the stack at the Socket.IO layer, at client hosts:
     * at least {@code byAtLeast} of them, or at least every host of {@code by}, or exactly the hosts of {@code only};
     * and at none of {@code notBy}.
     *
     * @param byAtLeast how many clients at least (1 when nothing else is given), or 0 with {@code by} or {@code only}
     * @param by        these client hosts at least, or an empty list
     * @param only      exactly these client hosts and no other, or an empty list
     * @param notBy     none of these client hosts, or an empty list
     * @param namespace the namespace, or {@code null} for the main one "/"
     */
    record Received(String event, int byAtLeast, List<String> by, List<String> only, List<String> notBy,
                    String namespace) implements Check {
        public Received {
            by = List.copyOf(by);
            only = List.copyOf(only);
            notBy = List.copyOf(notBy);
        }

        public Received(String event, int byAtLeast, List<String> by, String namespace) {
            this(event, byAtLeast, by, List.of(), List.of(), namespace);
        }

        @Override
        public String key() {
            return "received";
        }
    }

    /** The views show this layer model. */
    record LayerModelIs(LayerModel model) implements Check {
        @Override
        public String key() {
            return "layer-model";
        }
    }

    /**
     * The current time is at or past {@code after} since the scenario's start.
     *
     * @param after      as written ({@code 300ms})
     * @param afterNanos the same in nanoseconds
     */
    record ReachedTime(String after, long afterNanos) implements Check {
        @Override
        public String key() {
            return "reached-time";
        }
    }

    /** That scenario (a shipped name, or a file of the lesson folder) is loaded. */
    record OpenedScenario(String name) implements Check {
        @Override
        public String key() {
            return "opened-scenario";
        }
    }

    /**
     * What the live capture decoded (real traffic captured in the app's Live capture tab, or a capture file opened
     * there) holds at least {@code atLeast} messages that match every given key: a Socket.IO EVENT named
     * {@code event}, of {@code type}, that went over {@code transport}, in {@code namespace}, with {@code args}.
     *
     * @param event     a Socket.IO EVENT's name (binary events too), or {@code null} for any message
     * @param type      the decoded message's type ({@code EVENT}, {@code ACK}, {@code CONNECT}, {@code PING}, ...,
     *                  as the decoder names them), or {@code null}
     * @param transport {@code websocket} or {@code polling}, or {@code null}
     * @param namespace a Socket.IO namespace, or {@code null} for any
     * @param args      the arguments (a JSON array; one value stands for one argument), or {@code null} for any
     * @param atLeast   how many such messages, at least 1
     */
    record Captured(String event, String type, String transport, String namespace, JsonNode args, int atLeast)
            implements Check {
        public Captured(String event, int atLeast) {
            this(event, null, null, null, null, atLeast);
        }

        @Override
        public String key() {
            return "captured";
        }

        /** "a Socket.IO EVENT "some-event" over websocket" for messages. */
        public String describe() {
            String what = event != null ? "a Socket.IO EVENT \"" + event + "\"" : type != null ? "a " + type
                    + " message" : "a message";
            return what + (args == null ? "" : " with " + args) + (namespace == null ? "" : " in " + namespace)
                    + (transport == null ? "" : " over " + transport);
        }
    }
}
