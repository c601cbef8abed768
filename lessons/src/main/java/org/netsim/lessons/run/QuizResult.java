package org.netsim.lessons.run;

/**
 * How a quiz answer was graded.
 *
 * @param correct  whether it is right
 * @param feedback why it is right or, above all, why it is wrong
 * @param hint     the hint revealed by this wrong answer, or {@code null}
 * @param tries    answers given to this quiz so far, this one included
 */
public record QuizResult(boolean correct, String feedback, String hint, int tries) {
}
