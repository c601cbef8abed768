package org.netsim.lessons.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.netsim.lessons.ByteRange;
import org.netsim.lessons.EventFields;
import org.netsim.lessons.FromRun;
import org.netsim.lessons.Quiz;
import org.netsim.scenario.ScenarioRun;
import org.netsim.timeline.TimelineEvent;

/**
 * Grades quiz answers. Wrong answers get feedback that says why: the chosen option's own {@code why}, the quiz's
 * {@code why-wrong}, and what the answer actually was (the number given, the field the selected bytes belong to).
 */
final class Grader {
    /** A graded answer: right or wrong, the feedback, and the answer as the progress file records it. */
    record Graded(boolean correct, String feedback, String recorded) {
    }

    private Grader() {
    }

    static Graded grade(Quiz quiz, Answer answer, ScenarioRun lessonRun) {
        if (quiz instanceof Quiz.Choice c) {
            return choice(c, answer);
        } else if (quiz instanceof Quiz.Short s) {
            return shortAnswer(s, answer, lessonRun);
        } else if (quiz instanceof Quiz.Numeric n) {
            return numeric(n, answer, lessonRun);
        }
        return bytes((Quiz.Bytes) quiz, answer, lessonRun);
    }

    private static Graded choice(Quiz.Choice q, Answer answer) {
        if (!(answer instanceof Answer.Choice a)) {
            throw new IllegalArgumentException("quiz " + q.id() + " takes chosen options, not " + answer);
        }
        TreeSet<Integer> chosen = new TreeSet<>(a.options());
        for (int i : chosen) {
            if (i < 0 || i >= q.options().size()) {
                throw new IllegalArgumentException("quiz " + q.id() + " has no option " + i);
            }
        }
        List<String> texts = new ArrayList<>();
        for (int i : chosen) {
            texts.add(q.options().get(i).text());
        }
        String recorded = String.join(" | ", texts);
        if (chosen.isEmpty()) {
            return new Graded(false, "Choose " + (q.multiple() ? "every option that is right." : "one option."),
                    recorded);
        }
        if (!q.multiple() && chosen.size() > 1) {
            return new Graded(false, "Choose one option only.", recorded);
        }
        List<String> wrong = new ArrayList<>();
        List<String> right = new ArrayList<>();
        for (int i : chosen) {
            Quiz.Choice.Option o = q.options().get(i);
            if (o.correct()) {
                if (!o.why().isBlank()) {
                    right.add(o.why());
                }
            } else {
                wrong.add("\u201c" + o.text() + "\u201d is wrong: " + o.why());
            }
        }
        int missing = 0;
        for (int i = 0; i < q.options().size(); i++) {
            if (q.options().get(i).correct() && !chosen.contains(i)) {
                missing++;
            }
        }
        if (wrong.isEmpty() && missing == 0) {
            return new Graded(true, right.isEmpty() ? "Right." : "Right. " + String.join(" ", right), recorded);
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.join(" ", wrong));
        if (missing > 0 && q.multiple()) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(missing == 1 ? "One more option is right as well: all the right ones are needed."
                    : missing + " more options are right as well: all the right ones are needed.");
        }
        return new Graded(false, sb.toString(), recorded);
    }

    private static Graded shortAnswer(Quiz.Short q, Answer answer, ScenarioRun run) {
        if (!(answer instanceof Answer.Text t)) {
            throw new IllegalArgumentException("quiz " + q.id() + " takes text, not " + answer);
        }
        String given = normal(t.text());
        List<String> accepted = new ArrayList<>(q.accept());
        if (q.from() != null) {
            accepted.add(read(q.id(), q.from(), run).text());
        }
        for (String a : accepted) {
            if (normal(a).equals(given)) {
                return new Graded(true, "Right: " + accepted.get(0) + ".", t.text());
            }
        }
        return new Graded(false, (given.isEmpty() ? "No answer given. " : "\u201c" + t.text().strip()
                + "\u201d is not it. ") + q.whyWrong(), t.text());
    }

    private static String normal(String s) {
        return Quiz.Short.normal(s);
    }

    private static Graded numeric(Quiz.Numeric q, Answer answer, ScenarioRun run) {
        double given;
        String recorded;
        if (answer instanceof Answer.Number n) {
            given = n.value();
            recorded = number(given);
        } else if (answer instanceof Answer.Text t) {
            recorded = t.text();
            try {
                given = Double.parseDouble(t.text().strip().replace(",", ""));
            } catch (NumberFormatException e) {
                return new Graded(false, "\u201c" + t.text().strip() + "\u201d is not a number.", recorded);
            }
        } else {
            throw new IllegalArgumentException("quiz " + q.id() + " takes a number, not " + answer);
        }
        FromRun.Reading reading = q.from() == null ? null : read(q.id(), q.from(), run);
        double expected;
        if (q.answer() != null) {
            expected = q.answer();
        } else if (reading.number() != null) {
            expected = reading.number();
        } else {
            throw new IllegalStateException("quiz " + q.id() + ": " + reading.where(q.from()) + " is \""
                    + reading.text() + "\", not a number");
        }
        if (Math.abs(given - expected) <= q.tolerance()) {
            return new Graded(true, "Right: " + number(expected) + (reading == null ? "." : ", "
                    + reading.where(q.from()) + "."), recorded);
        }
        return new Graded(false, number(given) + " is not it. " + q.whyWrong(), recorded);
    }

    /** The answer read off the run; the loader has checked that the lesson's run has it. */
    static FromRun.Reading read(String quizId, FromRun from, ScenarioRun run) {
        if (run == null) {
            throw new IllegalStateException("quiz " + quizId + " needs the lesson's scenario run");
        }
        FromRun.Reading r = from.read(run.timeline());
        if (!r.ok()) {
            throw new IllegalStateException("quiz " + quizId + ": " + r.problem());
        }
        return r;
    }

    private static Graded bytes(Quiz.Bytes q, Answer answer, ScenarioRun run) {
        if (!(answer instanceof Answer.Bytes b)) {
            throw new IllegalArgumentException("quiz " + q.id() + " takes a byte range, not " + answer);
        }
        ByteRange r = b.range();
        String recorded = "[" + r.start() + ", " + r.end() + ")" + (r.source() == 0 ? ""
                : " of byte array " + r.source());
        TimelineEvent e = event(q.id(), q.event(), run);
        List<EventFields.Placed> fields = EventFields.withKey(e, q.field());
        for (EventFields.Placed f : fields) {
            if (f.range().equals(r)) {
                return new Graded(true, "Right: " + r + " are the " + f.field().name() + ".", recorded);
            }
        }
        String array = fields.isEmpty() ? "" : Checks.otherArray(fields, r);
        return new Graded(false, "The selected " + r + " are not exactly the field" + Checks.covering(e, r) + array
                + ". " + q.whyWrong(), recorded);
    }

    /** The event a quiz means: the first of the lesson's run that its selector matches. */
    static TimelineEvent event(String quizId, org.netsim.lessons.EventSelector selector, ScenarioRun run) {
        if (run == null) {
            throw new IllegalStateException("quiz " + quizId + " needs the lesson's scenario run");
        }
        Optional<TimelineEvent> e = selector.first(run.timeline());
        return e.orElseThrow(() -> new IllegalStateException("quiz " + quizId + ": no event matches "
                + selector.describe()));
    }

    private static String number(double v) {
        return Quiz.Numeric.format(v);
    }
}
