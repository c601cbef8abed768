package org.netsim.app.gui.lesson;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.netsim.app.gui.Messages;
import org.netsim.lessons.Lesson;
import org.netsim.lessons.Page;
import org.netsim.lessons.progress.LessonProgress;
import org.netsim.lessons.progress.ProgressStore;
import org.netsim.lessons.progress.StudentProgress;

/**
 * One row of the lesson list: a lesson and how far the student got in it.
 *
 * @param done  pages done
 * @param pages pages in the lesson
 */
public record LessonListItem(Lesson lesson, State state, int done, int pages) {
    /** How far the student got. */
    public enum State { NOT_STARTED, IN_PROGRESS, DONE }

    /**
     * The rows of the lesson list for {@code student}: from {@code open} (the progress in memory) when it is theirs,
     * else from their saved file, read only (an unreadable file is dealt with when a lesson opens).
     */
    static List<LessonListItem> list(List<Lesson> lessons, ProgressStore store, String student, StudentProgress open) {
        StudentProgress p = open != null && open.student().equals(student) ? open : null;
        if (p == null && student != null && !student.isBlank()) {
            try {
                p = store.load(student);
            } catch (IOException | IllegalArgumentException e) {
                p = null;
            }
        }
        List<LessonListItem> items = new ArrayList<>();
        for (Lesson l : lessons) {
            items.add(of(l, p == null ? null : p.lessons().get(l.id())));
        }
        return items;
    }

    /** The row for a lesson and the student's progress in it ({@code null}: none saved). */
    static LessonListItem of(Lesson lesson, LessonProgress p) {
        int pages = lesson.pages().size();
        int done = 0;
        if (p != null) {
            for (Page page : lesson.pages()) {
                done += p.isDone(page.key()) ? 1 : 0;
            }
        }
        State state = done == pages ? State.DONE : done > 0 || p != null && p.currentPage() != null
                && lesson.indexOf(p.currentPage()) > 0 ? State.IN_PROGRESS : State.NOT_STARTED;
        return new LessonListItem(lesson, state, done, pages);
    }

    /** "Done", "In progress: 5 of 17 pages", "Not started". */
    public String stateText() {
        return switch (state) {
            case DONE -> Messages.get("lesson.state.done");
            case IN_PROGRESS -> Messages.get("lesson.state.started", done, pages);
            case NOT_STARTED -> Messages.get("lesson.state.new");
        };
    }
}
