package org.netsim.app.gui.lesson;

import java.util.Map;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import org.netsim.lessons.ScreenPart;

/**
 * Makes the part of the window a lesson step is about stand out: its tab comes to the front and it gets a thick
 * outline (style class {@code ns-pointed}) until the step changes. The outline is drawn with the focus colour and
 * the step's text names the part too, so colour is never the only sign.
 */
public final class PointsAt {
    static final String STYLE = "ns-pointed";

    private PointsAt() {
    }

    /**
     * @param part    the part the current step points at, or {@code null}
     * @param targets the node of each part
     * @param reveal  what brings a part into view (selects its tab), for parts that live in tabs
     */
    public static void install(ObservableValue<ScreenPart> part, Map<ScreenPart, Node> targets,
                               Map<ScreenPart, Runnable> reveal) {
        part.addListener((o, was, now) -> {
            targets.values().forEach(n -> n.getStyleClass().remove(STYLE));
            if (now == null) {
                return;
            }
            Runnable r = reveal.get(now);
            if (r != null) {
                r.run();
            }
            Node n = targets.get(now);
            if (n != null) {
                n.getStyleClass().add(STYLE);
            }
        });
    }
}
