package org.netsim.lessons;

import java.util.List;

/** A question with an answer the runner grades, and feedback that says why a wrong answer is wrong. */
public sealed interface Quiz extends Page permits Quiz.Choice, Quiz.Short, Quiz.Numeric, Quiz.Bytes {
    /** Every quiz type, as lesson files name them. */
    List<String> TYPES = List.of("choice", "short", "numeric", "bytes");

    String id();

    String question();

    /** Shown one by one after wrong answers. */
    List<String> hints();

    /** The type's name in lesson files. */
    String type();

    @Override
    default String key() {
        return id();
    }

    /** The selector of the event the quiz is about (its bytes, or the value it asks for), or {@code null}. */
    default EventSelector aboutEvent() {
        return null;
    }

    /**
     * Multiple choice: one correct option, or with {@code multiple} several, all of them required.
     *
     * @param options in the order shown
     */
    record Choice(String id, String question, List<String> hints, boolean multiple, List<Option> options)
            implements Quiz {
        public Choice {
            hints = List.copyOf(hints);
            options = List.copyOf(options);
        }

        @Override
        public String type() {
            return "choice";
        }

        /**
         * @param why shown when the option is chosen: why it is right or wrong ({@code ""} if the file gives none)
         */
        public record Option(String text, boolean correct, String why) {
        }
    }

    /** Free text, compared trimmed and case-insensitively to each accepted answer. */
    record Short(String id, String question, List<String> hints, List<String> accept, String whyWrong)
            implements Quiz {
        public Short {
            hints = List.copyOf(hints);
            accept = List.copyOf(accept);
        }

        @Override
        public String type() {
            return "short";
        }
    }

    /**
     * A number: {@code answer} as written, or taken from a field of an event of the lesson's scenario run.
     *
     * @param answer the expected number, or {@code null} with {@code from}
     * @param from   where the number comes from, or {@code null} with {@code answer}
     */
    record Numeric(String id, String question, List<String> hints, Double answer, FieldOfEvent from,
                   double tolerance, String whyWrong) implements Quiz {
        public Numeric {
            hints = List.copyOf(hints);
        }

        @Override
        public String type() {
            return "numeric";
        }

        @Override
        public EventSelector aboutEvent() {
            return from == null ? null : from.event();
        }
    }

    /** The student selects bytes in the hex pane; correct when the selection is exactly the field's bytes. */
    record Bytes(String id, String question, List<String> hints, EventSelector event, String field, String whyWrong)
            implements Quiz {
        public Bytes {
            hints = List.copyOf(hints);
        }

        @Override
        public String type() {
            return "bytes";
        }

        @Override
        public EventSelector aboutEvent() {
            return event;
        }
    }

    /** A field of the first event of the lesson's scenario run that the selector matches. */
    record FieldOfEvent(EventSelector event, String field) {
    }
}
