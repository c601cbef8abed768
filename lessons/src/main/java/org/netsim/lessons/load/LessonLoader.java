package org.netsim.lessons.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.netsim.lessons.Lesson;
import org.netsim.lessons.Page;
import org.netsim.lessons.Check;
import org.netsim.lessons.Step;
import org.netsim.scenario.Scenario;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads lesson folders (format version 1, {@code lessons/FORMAT.md}) and validates them. It never stops at the first
 * problem: every problem of every file is collected, each with its file, line and column, as
 * {@code 03-tcp/lesson.yaml:14:7: step "find-syn-ack": unknown check "selected-evnt" (known: ...)}.
 *
 * <p>Beyond the shape of the files it checks what only the engine knows: shipped scenario names, protocol names,
 * field keys (those the dissectors declare, see {@link FieldKeys}), and for quizzes that take a value or bytes from
 * the lesson's scenario, that the scenario runs and the event and field they name exist in its run.
 *
 * <p>This class reads {@code index.yaml} and the top level of each {@code lesson.yaml}; the parts are read by the
 * package's {@code PageReader} (text, step, quiz pages), {@code CheckReader} (a step's check), {@code QuizReader},
 * {@code EngineTerms} (field keys, protocols, event selectors), {@code ScenarioReader} (scenarios and their runs)
 * and {@code Markdown}.
 */
public final class LessonLoader {
    public static final String INDEX = "index.yaml";
    public static final String LESSON_FILE = "lesson.yaml";
    /** Where the shipped lessons are on the class path. */
    public static final String SHIPPED = "lessons";

    private static final List<String> INDEX_KEYS = List.of("lessons");
    private static final List<String> LESSON_KEYS = List.of("id", "title", "summary", "minutes", "objectives",
            "scenario", "pages");
    private static final List<String> OBJECTIVE_KEYS = List.of("describe", "execute");
    private static final Pattern LESSON_ID = Pattern.compile("[a-z0-9-]+");

    /**
     * What loading found.
     *
     * @param lessons  the lessons that loaded without a problem, in order
     * @param problems every problem, sorted by file, line and column
     */
    public record Result(List<Lesson> lessons, List<Problem> problems) {
        public Result {
            lessons = List.copyOf(lessons);
            List<Problem> sorted = new ArrayList<>(problems);
            sorted.sort(null);
            problems = List.copyOf(sorted);
        }

        public boolean isValid() {
            return problems.isEmpty();
        }
    }

    private final LessonSource source;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, String> lessonIds = new HashMap<>();

    private final ScenarioReader scenarioReader;
    private final PageReader pageReader;
    private final RunChecks runChecks = new RunChecks();

    private LessonLoader(LessonSource source) {
        this.source = source;
        this.scenarioReader = new ScenarioReader(source, problems);
        this.pageReader = new PageReader(source, problems, new CheckReader(scenarioReader, runChecks), runChecks);
    }

    /** The lessons netsim ships, from the class path. */
    public static Result shipped() {
        return loadAll(LessonSource.classPath(LessonLoader.class.getClassLoader(), SHIPPED));
    }

    /** Every lesson {@code index.yaml} lists, in its order. */
    public static Result loadAll(LessonSource source) {
        return new LessonLoader(source).all();
    }

    /** One lesson folder ({@code 03-tcp}) of the source. */
    public static Result loadLesson(LessonSource source, String folder) {
        LessonLoader l = new LessonLoader(source);
        List<Lesson> out = new ArrayList<>();
        if (!source.exists(folder + "/" + LESSON_FILE)) {
            l.problems.add(new Problem(folder, 0, 0, "no " + LESSON_FILE + " in this folder"));
        } else {
            l.lesson(folder).ifPresent(out::add);
        }
        return new Result(out, l.problems);
    }

    /**
     * A teacher's folder: a lessons folder with an {@code index.yaml}, or one lesson folder with a
     * {@code lesson.yaml}. File names in problems are relative to the lessons folder ({@code 03-tcp/lesson.yaml}).
     */
    public static Result validate(Path dir) {
        Path d = dir.toAbsolutePath().normalize();
        if (Files.isRegularFile(d.resolve(INDEX))) {
            return loadAll(LessonSource.folder(d));
        }
        if (Files.isRegularFile(d.resolve(LESSON_FILE)) && d.getParent() != null) {
            return loadLesson(LessonSource.folder(d.getParent()), d.getFileName().toString());
        }
        return new Result(List.of(), List.of(new Problem(dir.toString(), 0, 0, Files.isDirectory(d)
                ? "neither " + INDEX + " (a lessons folder) nor " + LESSON_FILE + " (one lesson) is here"
                : "no such folder")));
    }

    // ---------------------------------------------------------------- index

    private Result all() {
        List<Lesson> out = new ArrayList<>();
        Optional<String> text = source.read(INDEX);
        if (text.isEmpty()) {
            problems.add(new Problem(INDEX, 0, 0, "no " + INDEX + " in " + source.describe()));
            return new Result(out, problems);
        }
        YamlFile y = new YamlFile(INDEX, problems);
        Node root = y.parse(text.get());
        MappingNode m = root == null ? null : y.mapping(root, "", "the index");
        if (m == null) {
            return new Result(out, problems);
        }
        Map<String, NodeTuple> e = y.entries(m, INDEX_KEYS, "");
        NodeTuple list = e.get("lessons");
        if (list == null) {
            y.error(m, "the index needs \"lessons\": the lesson folders in order");
            return new Result(out, problems);
        }
        SequenceNode seq = y.sequence(list.getValueNode(), "", "lessons");
        if (seq == null) {
            return new Result(out, problems);
        }
        Set<String> seen = new LinkedHashSet<>();
        for (Node item : seq.getValue()) {
            String folder = y.word(item, "", "a lesson folder");
            if (folder == null) {
                continue;
            }
            if (!seen.add(folder)) {
                y.error(item, "lesson folder " + folder + " is listed twice");
                continue;
            }
            if (!source.exists(folder + "/" + LESSON_FILE)) {
                y.error(item, "no lesson folder " + folder + " (no " + folder + "/" + LESSON_FILE + ")");
                continue;
            }
            lesson(folder).ifPresent(out::add);
        }
        return new Result(out, problems);
    }

    // ---------------------------------------------------------------- one lesson

    private Optional<Lesson> lesson(String folder) {
        String file = folder + "/" + LESSON_FILE;
        int before = problems.size();
        YamlFile y = new YamlFile(file, problems);
        Node root = y.parse(source.read(file).orElseThrow());
        MappingNode m = root == null ? null : y.mapping(root, "", "a lesson");
        if (m == null) {
            return Optional.empty();
        }
        Map<String, NodeTuple> e = y.entries(m, LESSON_KEYS, "");
        String id = null;
        if (e.containsKey("id")) {
            Node n = e.get("id").getValueNode();
            id = y.word(n, "", "id");
            if (id != null && !LESSON_ID.matcher(id).matches()) {
                y.error(n, "lesson id \"" + id + "\" may hold only a-z, 0-9 and '-'");
            } else if (id != null && lessonIds.containsKey(id)) {
                y.error(n, "lesson id \"" + id + "\" is already used by " + lessonIds.get(id));
            } else if (id != null) {
                lessonIds.put(id, file);
            }
        } else {
            y.error(m, "the lesson needs an \"id\" (lower case, a-z 0-9 -)");
        }
        String title = need(y, m, e, "title", "the lesson needs a \"title\"");
        String summary = e.containsKey("summary") ? y.text(e.get("summary").getValueNode(), "", "summary") : "";
        Integer minutes = e.containsKey("minutes") ? y.integer(e.get("minutes").getValueNode(), "", "minutes", 1)
                : Integer.valueOf(0);
        List<Lesson.Objective> objectives = e.containsKey("objectives")
                ? objectives(y, e.get("objectives").getValueNode()) : List.of();

        Map<String, Scenario> scenarios = new LinkedHashMap<>();
        String scenario = null;
        Node scenarioNode = null;
        if (e.containsKey("scenario")) {
            scenarioNode = e.get("scenario").getValueNode();
            scenario = y.word(scenarioNode, "", "scenario");
            if (scenario != null) {
                Scenario s = scenarioReader.scenario(y, folder, scenario, scenarioNode, "");
                if (s != null) {
                    scenarios.put(scenario, s);
                } else {
                    scenario = null;
                }
            }
        }

        List<Page> pages = new ArrayList<>();
        Map<String, Lesson.Place> places = new LinkedHashMap<>();
        // the scenario the student has open on each page, and whether the student's own emits changed its run
        List<RunChecks.PageState> states = new ArrayList<>();
        if (!e.containsKey("pages")) {
            y.error(m, "the lesson needs \"pages\": its text, steps and quizzes in order");
        } else {
            SequenceNode seq = y.sequence(e.get("pages").getValueNode(), "", "pages");
            if (seq != null) {
                if (seq.getValue().isEmpty()) {
                    y.error(seq, "pages is empty: a lesson has at least one page");
                }
                PageReader.duplicateKeys(y, seq);
                int n = 0;
                String open = scenario;
                boolean edited = false;
                for (Node item : seq.getValue()) {
                    states.add(new RunChecks.PageState(open, edited));
                    runChecks.page(n);
                    n++;
                    Page p = pageReader.page(y, folder, item, n, scenarios);
                    if (p != null) {
                        pages.add(p);
                        places.put(p.key(), new Lesson.Place(file, item.getStartMark().getLine() + 1,
                                item.getStartMark().getColumn() + 1));
                    }
                    if (p instanceof Step s && s.expect() instanceof Check.OpenedScenario o) {
                        open = o.name();
                        edited = false;
                    } else if (p instanceof Step s && (s.expect() instanceof Check.Emitted
                            || s.expect() instanceof Check.Received)) {
                        edited = true;
                    }
                }
            }
        }
        runChecks.run(y, folder, states, scenarios);
        if (problems.size() > before || id == null || title == null || minutes == null) {
            return Optional.empty();
        }
        return Optional.of(new Lesson(folder, id, title, summary == null ? "" : summary, minutes, objectives,
                scenario, pages, scenarios, places));
    }

    private static String need(YamlFile y, MappingNode m, Map<String, NodeTuple> e, String key, String missing) {
        if (!e.containsKey(key)) {
            y.error(m, missing);
            return null;
        }
        return y.word(e.get(key).getValueNode(), "", key);
    }

    private List<Lesson.Objective> objectives(YamlFile y, Node n) {
        SequenceNode seq = y.sequence(n, "", "objectives");
        List<Lesson.Objective> out = new ArrayList<>();
        if (seq == null) {
            return out;
        }
        for (Node item : seq.getValue()) {
            MappingNode m = y.mapping(item, "", "an objective");
            if (m == null) {
                continue;
            }
            Map<String, NodeTuple> e = y.entries(m, OBJECTIVE_KEYS, "objective: ");
            if (e.size() != 1) {
                if (m.getValue().size() == e.size()) {
                    y.error(m, "an objective is one of describe: or execute:, followed by what the student will be "
                            + "able to do");
                }
                continue;
            }
            Map.Entry<String, NodeTuple> only = e.entrySet().iterator().next();
            String text = y.word(only.getValue().getValueNode(), "objective: ", only.getKey());
            if (text != null) {
                out.add(new Lesson.Objective(only.getKey().equals("describe") ? Lesson.Objective.Kind.DESCRIBE
                        : Lesson.Objective.Kind.EXECUTE, text));
            }
        }
        return out;
    }
}
