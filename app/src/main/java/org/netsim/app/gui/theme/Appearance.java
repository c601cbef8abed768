package org.netsim.app.gui.theme;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The window's look: light or dark theme, and projector mode (everything larger, for the back row). The stylesheets
 * live in the assets ({@code theme/base.css} for the layout, {@code light.css} / {@code dark.css} for the colours,
 * {@code projector.css} for the sizes, all in {@code em} so one root font size scales everything) plus the protocol
 * colours from {@link ProtocolPalette#stylesheet}.
 */
public final class Appearance {
    /** How much larger projector mode makes everything: the root font size projector.css sets, in em. */
    public static final double PROJECTOR_SCALE = 1.6;

    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private final BooleanProperty projector = new SimpleBooleanProperty(this, "projector");

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public BooleanProperty projectorProperty() {
        return projector;
    }

    /** The stylesheet URLs for the current theme and mode, in the order they apply. */
    public List<String> stylesheets() {
        List<String> out = new ArrayList<>();
        out.add(resource("base.css"));
        out.add(resource(theme.get().key() + ".css"));
        if (projector.get()) {
            out.add(resource("projector.css"));
        }
        out.add(ProtocolPalette.stylesheet(theme.get()));
        return out;
    }

    private static String resource(String name) {
        URL url = Appearance.class.getResource("/theme/" + name);
        if (url == null) {
            throw new IllegalStateException("/theme/" + name + " is missing from the class path (the assets module)");
        }
        return url.toExternalForm();
    }
}
