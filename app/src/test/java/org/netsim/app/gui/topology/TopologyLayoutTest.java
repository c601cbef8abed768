package org.netsim.app.gui.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.netsim.app.gui.Scenarios;
import org.netsim.app.gui.theme.Appearance;
import org.netsim.scenario.ScenarioRun;
import org.netsim.sim.LinkConfig;
import org.netsim.timeline.Direction;
import org.netsim.timeline.TimelineEvent;
import org.netsim.timeline.Unit;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The topology's layout at the sizes the window gives it: no two labels overlap, no label covers an icon, no cable
 * strikes a label through, no frame's callout hides a label, an icon or another callout; and at the window's real
 * sizes every device keeps its name. Text is measured by JavaFX (the toolkit runs headless), as the view draws it.
 */
@ExtendWith(ApplicationExtension.class)
class TopologyLayoutTest {
    private static final double EM = 13;
    private static final double PROJECTOR = EM * Appearance.PROJECTOR_SCALE;
    /**
     * The drawing's canvas in the 1280x800 window: as the README's screenshots show it, with the lesson panel open
     * (a narrow pane), in projector mode, and both (measured with TopologyShots).
     */
    static final double[][] WINDOW = {{737, 286, EM}, {563, 286, EM}, {735, 262, PROJECTOR}, {550, 248, PROJECTOR}};
    static final String[] SHIPPED = {"one-client.yaml", "broadcast-three-clients.yaml", "rooms.yaml",
            "lossy-retransmission.yaml", "router-two-subnets.yaml", "small-mtu.yaml"};
    private static final String[] NAMES = {"alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan",
            "judy", "mallory", "niaj"};

    private final TextWidths widths = new TextWidths();
    private final TopologyGeometry geometry = new TopologyGeometry(widths, new CableLabels(Scenarios.TEXT));

    /** A server and {@code n} clients on one switch, as "add a client" makes them. */
    static TopologyGraph star(int n) {
        List<TopologyGraph.Device> devices = new ArrayList<>();
        List<TopologyGraph.Cable> cables = new ArrayList<>();
        devices.add(new TopologyGraph.Device("server", TopologyGraph.Kind.HOST, List.of("192.168.1.1/24"), 0, 0));
        devices.add(new TopologyGraph.Device("switch", TopologyGraph.Kind.SWITCH, List.of(), 0, 0));
        cables.add(new TopologyGraph.Cable("server-switch", "server", "switch", LinkConfig.DEFAULT));
        for (int i = 0; i < n; i++) {
            devices.add(new TopologyGraph.Device(NAMES[i], TopologyGraph.Kind.HOST,
                    List.of("192.168.1." + (i + 2) + "/24"), 0, 0));
            cables.add(new TopologyGraph.Cable(NAMES[i] + "-switch", NAMES[i], "switch", LinkConfig.DEFAULT));
        }
        return TopologyLayout.layout(new TopologyGraph(devices, cables), "server");
    }

    static TopologyGraph shipped(String file) {
        ScenarioRun run = Scenarios.run(file);
        return TopologyGraph.of(run.network(), run.scenario().server() == null ? null
                : run.scenario().server().host());
    }

    static Stream<Arguments> graphs() {
        List<Arguments> out = new ArrayList<>();
        for (String f : SHIPPED) {
            out.add(Arguments.of(f, shipped(f)));
        }
        for (int n = 1; n <= 12; n++) {
            out.add(Arguments.of(n + " clients", star(n)));
        }
        return out.stream();
    }

    /** Every overlap in {@code d}, named; empty when the drawing is clean. */
    static List<String> overlaps(Drawing d) {
        List<String> out = new ArrayList<>();
        List<Box> icons = new ArrayList<>();
        List<String> iconNames = new ArrayList<>();
        List<Box> labels = new ArrayList<>();
        List<String> labelNames = new ArrayList<>();
        for (Drawing.DevicePlace p : d.devices()) {
            icons.add(p.icon());
            iconNames.add(p.device().name() + " icon");
            if (p.label() != null) {
                labels.add(p.label());
                labelNames.add(p.device().name() + " label");
            }
        }
        for (Drawing.CablePlace c : d.cables()) {
            if (c.label() != null) {
                labels.add(c.label());
                labelNames.add(c.cable().name() + " label");
            }
        }
        for (int i = 0; i < labels.size(); i++) {
            if (!labels.get(i).within(d.width(), d.height())) {
                out.add(labelNames.get(i) + " is cut off");
            }
            for (int j = i + 1; j < labels.size(); j++) {
                if (labels.get(i).intersects(labels.get(j))) {
                    out.add(labelNames.get(i) + " overlaps " + labelNames.get(j));
                }
            }
            for (int j = 0; j < icons.size(); j++) {
                if (labels.get(i).intersects(icons.get(j))) {
                    out.add(labelNames.get(i) + " covers " + iconNames.get(j));
                }
            }
            for (Drawing.CablePlace c : d.cables()) {
                if (labels.get(i).crosses(c.centreA()[0], c.centreA()[1], c.centreB()[0], c.centreB()[1])) {
                    out.add(c.cable().name() + " strikes through " + labelNames.get(i));
                }
            }
        }
        for (int i = 0; i < icons.size(); i++) {
            if (!icons.get(i).within(d.width(), d.height())) {
                out.add(iconNames.get(i) + " is cut off");
            }
            for (int j = i + 1; j < icons.size(); j++) {
                if (icons.get(i).intersects(icons.get(j))) {
                    out.add(iconNames.get(i) + " overlaps " + iconNames.get(j));
                }
            }
        }
        return out;
    }

    /** Every overlap of the frames' callouts with each other, the labels and the icons. */
    static List<String> overlaps(Drawing d, List<FramePlacement.Placed> frames) {
        List<String> out = new ArrayList<>();
        List<Box> fixed = d.obstacles();
        for (int i = 0; i < frames.size(); i++) {
            Box c = frames.get(i).callout();
            if (c == null) {
                continue;
            }
            String name = "callout " + frames.get(i).text() + " (event " + frames.get(i).frame().event() + ")";
            if (!c.within(d.width(), d.height())) {
                out.add(name + " is cut off");
            }
            for (Box b : fixed) {
                if (c.intersects(b)) {
                    out.add(name + " hides " + b);
                }
            }
            for (int j = i + 1; j < frames.size(); j++) {
                Box o = frames.get(j).callout();
                if (o != null && c.intersects(o)) {
                    out.add(name + " overlaps callout " + frames.get(j).text());
                }
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("graphs")
    void atTheWindowsSizesNothingOverlapsAndEveryDeviceKeepsItsName(String what, TopologyGraph g) {
        for (double[] size : WINDOW) {
            Drawing d = geometry.layout(g, size[0], size[1], size[2]);
            String at = what + " at " + size[0] + "x" + size[1] + ", font " + size[2];
            assertThat(overlaps(d)).as(at).isEmpty();
            assertThat(d.devices()).as(at).allMatch(p -> p.label() != null
                    || p.device().kind() == TopologyGraph.Kind.SWITCH && p.icon().w() > 3 * d.scale());
            // legible: never below 70 % of the font size the window asks for; with a dozen clients in projector mode's
            // small pane, never below 60 % of its font size, about the normal size (the addresses go to the tooltips first)
            assertThat(d.scale()).as(at).isGreaterThanOrEqualTo((size[2] > EM ? 0.6 : 0.7) * size[2]);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("graphs")
    void atAnySizeNothingOverlaps(String what, TopologyGraph g) {
        for (double w : new double[] {220, 320, 450, 640, 900, 1260}) {
            for (double h : new double[] {90, 160, 240, 330, 480, 700}) {
                for (double em : new double[] {EM, PROJECTOR}) {
                    Drawing d = geometry.layout(g, w, h, em);
                    assertThat(overlaps(d)).as(what + " at " + w + "x" + h + ", font " + em).isEmpty();
                }
            }
        }
    }

    @Test
    void theShippedScenariosShowEveryCablesSettingsAtTheNormalFontSize() {
        for (String f : SHIPPED) {
            for (double[] size : new double[][] {WINDOW[0], WINDOW[1]}) {
                Drawing d = geometry.layout(shipped(f), size[0], size[1], size[2]);
                assertThat(d.complete()).as(f + " at " + size[0] + "x" + size[1]).isTrue();
                assertThat(d.scale()).isEqualTo(EM);
            }
        }
    }

    @Test
    void projectorModeSpacesTheDevicesFurtherApart() {
        TopologyGraph g = shipped("one-client.yaml");
        Drawing normal = geometry.layout(g, 1200, 700, EM);
        Drawing projector = geometry.layout(g, 1200, 700, PROJECTOR);
        assertThat(projector.scale()).isEqualTo(PROJECTOR);
        assertThat(projector.devices().get(0).icon().w()).isGreaterThan(normal.devices().get(0).icon().w() * 1.5);
        assertThat(overlaps(projector)).isEmpty();
    }

    @Test
    void aTooLongCableLabelIsShortenedToWhatFits() {
        Drawing wide = geometry.layout(shipped("broadcast-three-clients.yaml"), 1200, 600, EM);
        Drawing narrow = geometry.layout(shipped("broadcast-three-clients.yaml"), WINDOW[1][0], WINDOW[1][1], EM);
        assertThat(wide.cables()).allMatch(c -> c.lines().get(0).startsWith(c.cable().name() + ":"));
        int wideChars = wide.cables().stream().mapToInt(c -> String.join("", c.lines()).length()).sum();
        int narrowChars = narrow.cables().stream().mapToInt(c -> String.join("", c.lines()).length()).sum();
        assertThat(narrowChars).isLessThan(wideChars);
    }

    @Test
    void framesInFlightHideNoLabelNoIconAndNoOtherFrameAndTheSelectedOneIsLabelled() {
        FramePlacement placement = new FramePlacement(widths, "lost");
        TopologyViewModel vm = new TopologyViewModel(Scenarios.TEXT);
        for (String f : SHIPPED) {
            ScenarioRun run = Scenarios.run(f);
            vm.setRun(run);
            List<TimelineEvent> wire = run.timeline().query().direction(Direction.WIRE).list();
            for (double[] size : WINDOW) {
                Drawing d = geometry.layout(vm.graphProperty().get(), size[0], size[1], size[2]);
                for (TimelineEvent e : wire.subList(0, Math.min(wire.size(), 150))) {
                    Unit.Hop hop = (Unit.Hop) e.unit();
                    for (double p : new double[] {0.02, 0.5, 0.97}) {
                        long t = e.timeNanos() + (long) ((hop.arrivalNanos() - e.timeNanos()) * p);
                        List<FramePlacement.Placed> placed = placement.place(d, vm.framesAt(t), e.index());
                        String at = f + " at " + size[0] + "x" + size[1] + ", event " + e.index() + " at " + p;
                        assertThat(overlaps(d, placed)).as(at).isEmpty();
                        assertThat(placed).as(at).filteredOn(FramePlacement.Placed::selected).singleElement()
                                .matches(x -> x.callout() != null, "has a callout");
                    }
                }
            }
        }
    }
}
