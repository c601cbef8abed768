package org.netsim.lessons;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.netsim.scenario.Scenario;

/**
 * One lesson, as read from its folder: metadata, then its pages in order.
 *
 * @param folder     the folder's name ({@code 03-tcp}); file names in problems are relative to its parent
 * @param id         unique, lower case, {@code [a-z0-9-]}
 * @param title      shown as the lesson's heading
 * @param summary    one sentence for the lesson list ("" when the file gives none)
 * @param minutes    estimated time, or 0 when the file gives none
 * @param objectives what the student will be able to do
 * @param scenario   the scenario the lesson opens with (a shipped name or a file of the folder), or {@code null}
 * @param pages      text, steps and quizzes in order
 * @param scenarios  every scenario the lesson names (its own and those of {@code opened-scenario} steps), read
 * @param places     where each page (by its key) is written in {@code lesson.yaml}, for messages about it
 */
public record Lesson(String folder, String id, String title, String summary, int minutes, List<Objective> objectives,
                     String scenario, List<Page> pages, Map<String, Scenario> scenarios, Map<String, Place> places) {

    public Lesson {
        objectives = List.copyOf(objectives);
        pages = List.copyOf(pages);
        scenarios = Map.copyOf(scenarios);
        places = Map.copyOf(places);
    }

    /**
     * A place in a lesson file.
     *
     * @param file   relative to the lessons folder ({@code 03-tcp/lesson.yaml})
     * @param line   from 1
     * @param column from 1
     */
    public record Place(String file, int line, int column) {
        @Override
        public String toString() {
            return file + ":" + line + ":" + column;
        }
    }

    /** Where the page with this key is written, or the lesson file's first line if it is not known. */
    public Place placeOf(String pageKey) {
        Place p = places.get(pageKey);
        return p != null ? p : new Place(folder + "/lesson.yaml", 1, 1);
    }

    /** The scenario the lesson opens with, read. */
    public Optional<Scenario> baseScenario() {
        return scenario == null ? Optional.empty() : Optional.ofNullable(scenarios.get(scenario));
    }

    /** A scenario the lesson names, by the name it uses. */
    public Optional<Scenario> scenario(String name) {
        return Optional.ofNullable(scenarios.get(name));
    }

    /** The step or quiz with this id. */
    public Optional<Page> page(String pageId) {
        return pages.stream().filter(p -> p.key().equals(pageId)).findFirst();
    }

    /** The index of the page with this key, or -1. */
    public int indexOf(String pageKey) {
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).key().equals(pageKey)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The scenario the student has open on page {@code index}: the one the last {@code opened-scenario} step before
     * it asks for, else the lesson's own; {@code null} if there is none.
     */
    public String scenarioAt(int index) {
        String open = scenario;
        for (int i = 0; i < Math.min(index, pages.size()); i++) {
            if (pages.get(i) instanceof Step s && s.expect() instanceof Check.OpenedScenario o) {
                open = o.name();
            }
        }
        return open;
    }

    /**
     * What the student will be able to do.
     *
     * @param kind {@code describe} (describe and define) or {@code execute} (do it in the app)
     */
    public record Objective(Kind kind, String text) {
        public enum Kind { DESCRIBE, EXECUTE }
    }
}
