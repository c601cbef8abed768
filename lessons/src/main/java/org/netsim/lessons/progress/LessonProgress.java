package org.netsim.lessons.progress;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One student's progress in one lesson. Pages are named by their key (a step's or quiz's id, a text page's file), so
 * progress survives a teacher adding a page.
 */
public final class LessonProgress {
    @JsonProperty
    private String currentPage;
    /** In the order they were done (a list: JSON has no ordered set). */
    @JsonProperty
    private List<String> pagesDone = new ArrayList<>();
    @JsonProperty
    private Map<String, StepRecord> steps = new LinkedHashMap<>();
    @JsonProperty
    private Map<String, QuizRecord> quizzes = new LinkedHashMap<>();

    /** The key of the page the student is on, or {@code null} before the first. */
    public String currentPage() {
        return currentPage;
    }

    public void currentPage(String key) {
        currentPage = key;
    }

    public boolean isDone(String pageKey) {
        return pagesDone.contains(pageKey);
    }

    public void done(String pageKey) {
        if (!pagesDone.contains(pageKey)) {
            pagesDone.add(pageKey);
        }
    }

    public List<String> pagesDone() {
        return java.util.Collections.unmodifiableList(pagesDone);
    }

    public StepRecord step(String id) {
        return steps.computeIfAbsent(id, k -> new StepRecord());
    }

    public QuizRecord quiz(String id) {
        return quizzes.computeIfAbsent(id, k -> new QuizRecord());
    }

    /** A step's tries and hints. */
    public static final class StepRecord {
        @JsonProperty
        private int tries;
        @JsonProperty
        private int hintsShown;
        @JsonProperty
        private boolean passed;

        public int tries() {
            return tries;
        }

        public int hintsShown() {
            return hintsShown;
        }

        public boolean passed() {
            return passed;
        }

        public void tried(boolean ok) {
            tries++;
            passed |= ok;
        }

        public void hintShown() {
            hintsShown++;
        }
    }

    /** A quiz's answers (each with right or wrong), tries and hints. */
    public static final class QuizRecord {
        @JsonProperty
        private List<AnswerRecord> answers = new ArrayList<>();
        @JsonProperty
        private int hintsShown;
        @JsonProperty
        private boolean correct;

        public int tries() {
            return answers.size();
        }

        public int hintsShown() {
            return hintsShown;
        }

        public boolean correct() {
            return correct;
        }

        public List<AnswerRecord> answers() {
            return java.util.Collections.unmodifiableList(answers);
        }

        public void answered(String answer, boolean right) {
            answers.add(new AnswerRecord(answer, right));
            correct |= right;
        }

        public void hintShown() {
            hintsShown++;
        }
    }

    /** One answer as the student gave it, and whether it was right. */
    public record AnswerRecord(String answer, boolean correct) {
    }
}
