package org.netsim.app.gui.theme;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import javafx.scene.paint.Color;
import org.netsim.pdu.Protocol;

/**
 * The colour of each protocol, read from {@code theme/protocols.properties} in the assets: the same colour marks a
 * protocol in the topology, the stack, the layer tree and the hex pane. Views that draw use {@link #colour}; views
 * that style use the class {@link #styleClass} and the stylesheet {@link #stylesheet} builds from the same values.
 */
public final class ProtocolPalette {
    private static final String RESOURCE = "/theme/protocols.properties";
    private static final Map<Theme, Map<Protocol, Color>> COLOURS = load();

    private ProtocolPalette() {
    }

    public static Color colour(Protocol protocol, Theme theme) {
        return COLOURS.get(theme).get(protocol);
    }

    /** The CSS style class of a protocol's blocks: {@code proto-tcp}, {@code proto-socketio}. */
    public static String styleClass(Protocol protocol) {
        return "proto-" + protocol.key();
    }

    /** The CSS colour literal, {@code #rrggbb}. */
    public static String web(Protocol protocol, Theme theme) {
        Color c = colour(protocol, theme);
        return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }

    /**
     * A stylesheet (as a {@code data:} URL, which JavaFX 17+ accepts) that gives every {@code proto-*} class its
     * colour: {@code -proto-colour} for the views to use, a tinted background for labelled blocks.
     */
    public static String stylesheet(Theme theme) {
        StringBuilder css = new StringBuilder();
        for (Protocol p : Protocol.values()) {
            css.append('.').append(styleClass(p)).append(" { -proto-colour: ").append(web(p, theme)).append("; }\n");
        }
        return "data:text/css;base64," + Base64.getEncoder().encodeToString(css.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Map<Theme, Map<Protocol, Color>> load() {
        Properties props = new Properties();
        try (InputStream in = ProtocolPalette.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path (the assets module)");
            }
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<Theme, Map<Protocol, Color>> all = new EnumMap<>(Theme.class);
        for (Theme theme : Theme.values()) {
            Map<Protocol, Color> colours = new EnumMap<>(Protocol.class);
            for (Protocol p : Protocol.values()) {
                String key = theme.key() + "." + p.key();
                String value = props.getProperty(key);
                if (value == null) {
                    throw new IllegalStateException(RESOURCE + " has no colour " + key);
                }
                colours.put(p, Color.web(value.trim()));
            }
            all.put(theme, colours);
        }
        return all;
    }
}
