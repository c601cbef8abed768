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

    /**
     * Free text, compared trimmed and case-insensitively to each accepted answer.
     *
     * @param accept the answers counted right (may be empty with {@code from})
     * @param from   where the answer is read off the run, or {@code null}: what it reads is right too, and must be
     *               one of {@code accept} when both are given
     */
    record Short(String id, String question, List<String> hints, List<String> accept, FromRun from,
                 String whyWrong) implements Quiz {
        public Short {
            hints = List.copyOf(hints);
            accept = List.copyOf(accept);
        }

        @Override
        public String type() {
            return "short";
        }

        /** An answer as it is compared: trimmed, lower case, runs of white space as one space. */
        public static String normal(String s) {
            return s.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
        }

        @Override
        public EventSelector aboutEvent() {
            return from == null ? null : from.selector();
        }
    }

    /**
     * A number: {@code answer} as written, or read off the run ({@code from}). With both, the answer is a fact of the
     * run stated by the teacher: the validator checks that the run agrees, and the grader takes {@code answer}.
     *
     * @param answer the expected number, or {@code null} with {@code from}
     * @param from   where the number is read off the run, or {@code null} with {@code answer}
     */
    record Numeric(String id, String question, List<String> hints, Double answer, FromRun from,
                   double tolerance, String whyWrong) implements Quiz {
        public Numeric {
            hints = List.copyOf(hints);
        }

        @Override
        public String type() {
            return "numeric";
        }

        /** A number as feedback writes it: 32, not 32.0. */
        public static String format(double v) {
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        }

        @Override
        public EventSelector aboutEvent() {
            return from == null ? null : from.selector();
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
}
