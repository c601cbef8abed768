package org.netsim.lessons;

import java.util.List;

/**
 * Something the student does in the simulator, judged by one {@link Check}.
 *
 * @param id       unique in the lesson
 * @param prompt   one or two sentences: what to do
 * @param pointsAt which part of the screen the step is about, or {@code null}
 * @param expect   what must be true of the student's session for the step to pass
 * @param hints    shown one by one after each wrong try or on request (at least one)
 */
public record Step(String id, String prompt, ScreenPart pointsAt, Check expect, List<String> hints) implements Page {
    public Step {
        hints = List.copyOf(hints);
    }

    @Override
    public String key() {
        return id;
    }
}
