package org.netsim.app.gui.theme;

/** The two colour themes; projector mode is a separate switch (larger everything) that works with both. */
public enum Theme {
    LIGHT("light"),
    DARK("dark");

    private final String key;

    Theme(String key) {
        this.key = key;
    }

    /** The key used in resource and stylesheet names: {@code light}, {@code dark}. */
    public String key() {
        return key;
    }
}
