package org.netsim.lessons;

/** The parts of the window a step can point at ({@code points-at}). */
public enum ScreenPart {
    TOPOLOGY("topology"),
    EVENT_LIST("event-list"),
    TIME_CONTROLS("time-controls"),
    STACK("stack"),
    INSPECTOR_TREE("inspector-tree"),
    HEX("hex"),
    EMIT_COMPOSER("emit-composer"),
    SCENARIO_MENU("scenario-menu"),
    LAYER_SWITCH("layer-switch"),
    LIVE_CAPTURE("live-capture");

    private final String word;

    ScreenPart(String word) {
        this.word = word;
    }

    /** The name lesson files use. */
    public String word() {
        return word;
    }

    /** The part a lesson file names, or {@code null}. */
    public static ScreenPart of(String word) {
        for (ScreenPart p : values()) {
            if (p.word.equals(word)) {
                return p;
            }
        }
        return null;
    }
}
