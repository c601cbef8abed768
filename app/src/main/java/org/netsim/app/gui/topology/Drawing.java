package org.netsim.app.gui.topology;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.text.Font;

/**
 * The topology laid out for one pane size and font size: where each device, its icon and its label go, where each
 * cable runs and where its label sits. Built by {@link TopologyGeometry} when the network, the size or the font
 * change; the frames in flight are placed around it every pulse ({@link FramePlacement}).
 *
 * @param scale    the font size the drawing uses (the view's, or smaller where the pane is too small for it)
 * @param width    the canvas width
 * @param height   the canvas height
 * @param complete whether every device and every cable has its label
 */
record Drawing(double scale, double width, double height, List<DevicePlace> devices, List<CablePlace> cables,
               boolean complete) {

    Drawing {
        devices = List.copyOf(devices);
        cables = List.copyOf(cables);
    }

    /**
     * A device drawn at (x, y).
     *
     * @param label its name and addresses' box, or null when the name is inside the icon (a switch) or did not fit
     * @param lines the label's lines: the name first, then the addresses
     */
    record DevicePlace(TopologyGraph.Device device, double x, double y, Box icon, Box label, List<String> lines) {
    }

    /**
     * A cable, drawn between its ends' centres; frames travel from (ax, ay) to (bx, by), the edges of the two icons.
     *
     * @param label its label's box, or null when no variant of the text fits
     * @param lines the label's lines
     */
    record CablePlace(TopologyGraph.Cable cable, double ax, double ay, double bx, double by, double[] centreA,
                      double[] centreB, Box label, List<String> lines) {
    }

    /** Fonts of one scale. */
    record Fonts(Font name, Font address, Font cable, Font frame) {
        static Fonts of(double s) {
            return new Fonts(Font.font(null, javafx.scene.text.FontWeight.BOLD, s), Font.font(0.9 * s),
                    Font.font(0.85 * s), Font.font(null, javafx.scene.text.FontWeight.BOLD, 0.85 * s));
        }
    }

    Fonts fonts() {
        return Fonts.of(scale);
    }

    /** Every box a frame's callout must keep clear of: icons, device labels, cable labels. */
    List<Box> obstacles() {
        List<Box> out = new ArrayList<>();
        for (DevicePlace d : devices) {
            out.add(d.icon());
            if (d.label() != null) {
                out.add(d.label());
            }
        }
        for (CablePlace c : cables) {
            if (c.label() != null) {
                out.add(c.label());
            }
        }
        return out;
    }
}
