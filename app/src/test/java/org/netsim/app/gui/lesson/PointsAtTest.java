package org.netsim.app.gui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import org.junit.jupiter.api.Test;
import org.netsim.lessons.ScreenPart;

/** The part of the window a step is about gets the outline, its tab comes to the front, and the outline moves on. */
class PointsAtTest {
    @Test
    void thePartAStepPointsAtIsOutlinedAndRevealedUntilTheStepChanges() {
        Map<ScreenPart, Node> targets = new EnumMap<>(ScreenPart.class);
        // plain panes stand for the window's parts: no toolkit is needed to style them
        Pane events = new Pane();
        Pane hex = new Pane();
        Pane topology = new Pane();
        targets.put(ScreenPart.EVENT_LIST, events);
        targets.put(ScreenPart.HEX, hex);
        targets.put(ScreenPart.TOPOLOGY, topology);
        List<String> revealed = new ArrayList<>();
        Map<ScreenPart, Runnable> reveal = new EnumMap<>(ScreenPart.class);
        reveal.put(ScreenPart.EVENT_LIST, () -> revealed.add("eventsTab"));
        reveal.put(ScreenPart.HEX, () -> revealed.add("inspectorTab"));
        SimpleObjectProperty<ScreenPart> part = new SimpleObjectProperty<>();
        PointsAt.install(part, targets, reveal);

        part.set(ScreenPart.HEX);
        assertThat(hex.getStyleClass()).containsOnlyOnce(PointsAt.STYLE);
        assertThat(events.getStyleClass()).doesNotContain(PointsAt.STYLE);
        assertThat(revealed).containsExactly("inspectorTab");

        part.set(ScreenPart.EVENT_LIST);
        assertThat(hex.getStyleClass()).doesNotContain(PointsAt.STYLE);
        assertThat(events.getStyleClass()).containsOnlyOnce(PointsAt.STYLE);
        assertThat(revealed).containsExactly("inspectorTab", "eventsTab");

        // a part without a tab is outlined only; a step that points nowhere leaves nothing outlined
        part.set(ScreenPart.TOPOLOGY);
        assertThat(topology.getStyleClass()).containsOnlyOnce(PointsAt.STYLE);
        assertThat(revealed).hasSize(2);
        part.set(null);
        assertThat(List.of(events, hex, topology)).allSatisfy(n -> assertThat(n.getStyleClass())
                .doesNotContain(PointsAt.STYLE));
        // a part the window does not map (the layer switch here) outlines nothing and does not fail
        part.set(ScreenPart.LAYER_SWITCH);
        assertThat(List.of(events, hex, topology)).allSatisfy(n -> assertThat(n.getStyleClass())
                .doesNotContain(PointsAt.STYLE));
    }
}
