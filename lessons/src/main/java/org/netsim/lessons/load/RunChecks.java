package org.netsim.lessons.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.netsim.lessons.EventSelector;
import org.netsim.lessons.FromRun;
import org.netsim.scenario.Scenario;
import org.netsim.scenario.ScenarioException;
import org.netsim.scenario.ScenarioRun;
import org.netsim.scenario.ScenarioRunner;
import org.netsim.timeline.Timeline;
import org.netsim.timeline.TimelineEvent;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Checks of a lesson's steps and quizzes against a run of the scenario the student has open on each page (the
 * lesson's own, or the one the last {@code opened-scenario} step before it asked for): an event selector must match
 * an event, a field must be in the event's PDU, a client must be a client of the scenario, an answer read off the run
 * must agree with the one the lesson states. The readers leave them here while they read; they run once the whole
 * lesson is read. Each scenario is run once per load.
 *
 * <p>After a step that has the student add emits ({@code emitted}, {@code received}) the run the student sees holds
 * events the lesson's scenario does not; a selector that finds nothing there is left to the automated student, which
 * makes those emits (see {@code org.netsim.lessons.student}).
 */
final class RunChecks {
    /**
     * What a check sees of its page.
     *
     * @param name   the scenario's name as the lesson writes it
     * @param run    its run
     * @param edited whether a step before this page has the student add emits to it
     */
    record Open(String name, Scenario scenario, ScenarioRun run, boolean edited) {
        Timeline timeline() {
            return run.timeline();
        }
    }

    /** A check of one page against its open scenario. */
    @FunctionalInterface
    interface Check {
        void against(Open open);
    }

    /** Which scenario is open on a page, and whether the student changed its run before. */
    record PageState(String scenario, boolean edited) {
    }

    private record Pending(int page, Node at, String ctx, boolean needsScenario, Check check) {
    }

    private final Map<String, Optional<ScenarioRun>> runs = new HashMap<>();
    private final List<Pending> pending = new ArrayList<>();
    private int page;

    /** The page the readers are reading now (from 0). */
    void page(int index) {
        page = index;
    }

    /** A check left out when the page has no scenario open (a step's, or a second check of a quiz). */
    void ifOpen(Node at, Check c) {
        pending.add(new Pending(page, at, "", false, c));
    }

    /** A check of a quiz, which needs a scenario: without one it is a problem at {@code at}. */
    void quiz(Node at, String ctx, Check c) {
        pending.add(new Pending(page, at, ctx, true, c));
    }

    /** Runs the lesson's pending checks, then forgets them. */
    void run(YamlFile y, String folder, List<PageState> pages, Map<String, Scenario> scenarios) {
        Set<String> failed = new LinkedHashSet<>();
        for (Pending p : pending) {
            PageState state = p.page() < pages.size() ? pages.get(p.page()) : new PageState(null, false);
            if (state.scenario() == null || !scenarios.containsKey(state.scenario())) {
                if (p.needsScenario()) {
                    y.error(p.at(), p.ctx() + "needs the lesson's scenario (the \"scenario\" key): the event is "
                            + "looked up in its run");
                }
                continue;
            }
            String key = folder + "/" + state.scenario();
            Optional<ScenarioRun> run = runs.get(key);
            if (run == null) {
                try {
                    run = Optional.of(ScenarioRunner.run(scenarios.get(state.scenario())));
                } catch (ScenarioException | IllegalArgumentException e) {
                    run = Optional.empty();
                    if (failed.add(state.scenario())) {
                        y.error(p.at(), "scenario " + state.scenario() + " does not run: " + e.getMessage());
                    }
                }
                runs.put(key, run);
            }
            if (run.isPresent()) {
                p.check().against(new Open(state.scenario(), scenarios.get(state.scenario()), run.get(),
                        state.edited()));
            }
        }
        pending.clear();
    }

    // ---------------------------------------------------------------- what the checks say

    /**
     * Reports a selector that matches no event of the open run (unless the student's own emits may make one), with
     * the events that come nearest; true if it matched.
     */
    static boolean matches(YamlFile y, Node at, String ctx, EventSelector s, Open open) {
        if (s.first(open.timeline()).isPresent()) {
            return true;
        }
        // no emit of the student's adds a node: a name the scenario lacks is a mistake whatever the student does
        List<String> nodes = nodes(open.scenario());
        for (String n : java.util.Arrays.asList(s.node(), s.peer())) {
            if (n != null && !nodes.contains(n)) {
                y.error(at, ctx + "no node " + n + " in " + open.name() + " (nodes: " + String.join(", ", nodes) + ")"
                        + Suggest.near(n, nodes));
                return false;
            }
        }
        if (!open.edited()) {
            y.error(at, ctx + "no event of " + open.name() + " matches " + s.describe() + nearest(s, open.timeline()));
        }
        return false;
    }

    /**
     * " (events at alice going state with protocol TCP: "SYN_SENT", ...)" when only the text differs, else the one
     * event that differs in the fewest keys.
     */
    static String nearest(EventSelector s, Timeline t) {
        if (s.text() != null) {
            EventSelector withoutText = new EventSelector(s.node(), s.protocol(), s.direction(), s.flags(), null,
                    s.peer());
            Set<String> infos = new LinkedHashSet<>();
            for (TimelineEvent e : t.events()) {
                if (withoutText.matches(e)) {
                    String d = e.description();
                    infos.add("\"" + (d.length() > 60 ? d.substring(0, 57) + "..." : d) + "\"");
                }
            }
            if (!infos.isEmpty()) {
                List<String> some = new ArrayList<>(infos).subList(0, Math.min(5, infos.size()));
                return "; the events matching " + withoutText.describe() + " say " + String.join(", ", some)
                        + (infos.size() > some.size() ? " and " + (infos.size() - some.size()) + " more" : "");
            }
        }
        TimelineEvent best = null;
        List<String> bestDiff = null;
        for (TimelineEvent e : t.events()) {
            List<String> diff = s.mismatches(e);
            if (bestDiff == null || diff.size() < bestDiff.size()) {
                best = e;
                bestDiff = diff;
            }
        }
        return best == null ? "" : "; the nearest is " + EventSelector.brief(best) + ": " + String.join("; ",
                bestDiff);
    }

    /** Every host, switch and router of the scenario, by name. */
    static List<String> nodes(Scenario s) {
        List<String> out = new ArrayList<>();
        s.hosts().forEach(h -> out.add(h.name()));
        s.switches().forEach(w -> out.add(w.name()));
        s.routers().forEach(r -> out.add(r.name()));
        return out;
    }

    /** Whether some event the selector matches (every event, for {@code null}) carries the field; reported if not. */
    static void carries(YamlFile y, Node at, String ctx, EventSelector s, String field, Open open) {
        for (TimelineEvent e : open.timeline().events()) {
            if ((s == null || s.matches(e)) && FromRun.fieldOf(e, field).isPresent()) {
                return;
            }
        }
        if (!open.edited()) {
            y.error(at, ctx + "no event of " + open.name() + (s == null ? "" : " matching " + s.describe())
                    + " carries a field " + field);
        }
    }

    /** Reports host names that are not clients of the open scenario. */
    static void clients(YamlFile y, Node at, String ctx, List<String> hosts, Open open) {
        List<String> clients = new ArrayList<>();
        for (Scenario.ClientSpec c : open.scenario().clients()) {
            clients.add(c.host());
        }
        for (String h : hosts) {
            if (!clients.contains(h)) {
                y.error(at, ctx + h + " is not a client of " + open.name() + " (clients: " + String.join(", ",
                        clients) + ")" + Suggest.near(h, clients));
            }
        }
    }

    /** Reports a namespace the open scenario's server does not have. */
    static void namespace(YamlFile y, Node at, String ctx, String ns, Open open) {
        if (ns == null || ns.equals("/")) {
            return;
        }
        List<String> known = new ArrayList<>(List.of("/"));
        if (open.scenario().server() != null) {
            known.addAll(open.scenario().server().namespaces());
        }
        if (!known.contains(ns)) {
            y.error(at, ctx + "the server of " + open.name() + " has no namespace " + ns + " (it has: "
                    + String.join(", ", known) + ")");
        }
    }
}
