package org.netsim.lessons.progress;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything one student has done in the lessons, as its JSON file holds it: one {@link LessonProgress} per lesson
 * id. Mutable: a {@link org.netsim.lessons.run.LessonSession} updates it and a {@link ProgressStore} writes it.
 */
public final class StudentProgress {
    /** The file format's version. */
    public static final int FORMAT = 1;

    @JsonProperty
    private int format = FORMAT;
    @JsonProperty
    private String student;
    @JsonProperty
    private Map<String, LessonProgress> lessons = new TreeMap<>();

    StudentProgress() {
    }

    public StudentProgress(String student) {
        this.student = student;
    }

    public String student() {
        return student;
    }

    public int format() {
        return format;
    }

    /** The progress in lesson {@code lessonId}, made empty on first use. */
    public LessonProgress lesson(String lessonId) {
        return lessons.computeIfAbsent(lessonId, k -> new LessonProgress());
    }

    /** The lessons the student has started, by id. */
    public Map<String, LessonProgress> lessons() {
        return java.util.Collections.unmodifiableMap(lessons);
    }

    /** Forgets one lesson. */
    public void reset(String lessonId) {
        lessons.remove(lessonId);
    }

    /** Forgets every lesson. */
    public void resetAll() {
        lessons.clear();
    }
}
