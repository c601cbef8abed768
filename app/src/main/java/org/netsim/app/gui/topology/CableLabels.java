package org.netsim.app.gui.topology;

import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import org.netsim.sim.LinkConfig;

/**
 * What a cable's label says, from the full text down to what fits: the layout tries each in turn beside the cable and
 * keeps the first that collides with nothing; the full text is always the cable's tooltip.
 */
final class CableLabels {
    private final ResourceBundle text;

    CableLabels(ResourceBundle text) {
        this.text = text;
    }

    /** The full text in two lines: name, rate and delay; MTU, loss and the frames it drops on purpose. */
    List<String> full(String name, LinkConfig c) {
        return List.of(MessageFormat.format(text.getString("topology.link.speed"), name, rate(c.bitsPerSecond()),
                duration(c.propagationNanos())), limits(c));
    }

    /** The full text on one line, for a tooltip. */
    String tooltip(String name, LinkConfig c) {
        return String.join(" \u00b7 ", full(name, c));
    }

    /**
     * Longest first: the full two lines; without the name (the cable's ends say which it is); the same on one line
     * (for a short horizontal cable); rate and delay only.
     */
    List<List<String>> variants(String name, LinkConfig c) {
        String speed = MessageFormat.format(text.getString("topology.link.speed.short"), rate(c.bitsPerSecond()),
                duration(c.propagationNanos()));
        return List.of(full(name, c), List.of(speed, limits(c)), List.of(speed + " \u00b7 " + limits(c)),
                List.of(speed));
    }

    private String limits(LinkConfig c) {
        String drops = c.dropFrames().isEmpty() ? "" : MessageFormat.format(text.getString("topology.link.drop"),
                c.dropFrames().stream().sorted().map(String::valueOf).collect(Collectors.joining(", ")));
        return MessageFormat.format(text.getString("topology.link.limits"), c.mtu(), percent(c.lossRate())) + drops;
    }

    private String unit(String key, Object value) {
        return MessageFormat.format(text.getString("topology.unit." + key), value);
    }

    String rate(long bps) {
        if (bps % 1_000_000_000L == 0) {
            return unit("gbps", bps / 1_000_000_000L);
        } else if (bps % 1_000_000L == 0) {
            return unit("mbps", bps / 1_000_000L);
        } else if (bps % 1_000L == 0) {
            return unit("kbps", bps / 1_000L);
        }
        return unit("bps", bps);
    }

    String duration(long nanos) {
        if (nanos >= 1_000_000 && nanos % 1_000_000 == 0) {
            return unit("ms", nanos / 1_000_000);
        } else if (nanos >= 1_000 && nanos % 1_000 == 0) {
            return unit("us", nanos / 1_000);
        }
        return unit("ns", nanos);
    }

    String percent(double p) {
        return unit("percent", p * 100);
    }
}
