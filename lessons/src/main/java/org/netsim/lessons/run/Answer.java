package org.netsim.lessons.run;

import java.util.List;
import org.netsim.lessons.ByteRange;

/** A student's answer to a quiz. */
public sealed interface Answer {
    /** The chosen options of a choice quiz, by position from 0. */
    record Choice(List<Integer> options) implements Answer {
        public Choice {
            options = List.copyOf(options);
        }
    }

    /** Typed text: a short answer, or a number for a numeric quiz. */
    record Text(String text) implements Answer {
    }

    /** A number for a numeric quiz. */
    record Number(double value) implements Answer {
    }

    /** The bytes selected in the hex pane, for a bytes quiz. */
    record Bytes(ByteRange range) implements Answer {
    }

    static Answer choice(Integer... options) {
        return new Choice(List.of(options));
    }

    static Answer text(String text) {
        return new Text(text);
    }

    static Answer number(double value) {
        return new Number(value);
    }

    static Answer bytes(int start, int end) {
        return new Bytes(new ByteRange(start, end));
    }

    static Answer bytes(ByteRange range) {
        return new Bytes(range);
    }
}
