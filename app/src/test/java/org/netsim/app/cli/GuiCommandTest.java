package org.netsim.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the window can open, and what {@code netsim} says where it cannot. */
class GuiCommandTest {
    @Test
    void linuxNeedsAnX11OrWaylandSession() {
        assertThat(GuiCommand.hasDisplay(Map.<String, String>of()::get, "Linux")).isFalse();
        assertThat(GuiCommand.hasDisplay(Map.of("DISPLAY", ":0")::get, "Linux")).isTrue();
        assertThat(GuiCommand.hasDisplay(Map.of("WAYLAND_DISPLAY", "wayland-0")::get, "Linux")).isTrue();
    }

    @Test
    void windowsAndMacAlwaysHaveOne() {
        assertThat(GuiCommand.hasDisplay(Map.<String, String>of()::get, "Windows 11")).isTrue();
        assertThat(GuiCommand.hasDisplay(Map.<String, String>of()::get, "Mac OS X")).isTrue();
    }

    @Test
    void withoutOneTheMessageNamesBothWaysOn() {
        assertThat(GuiCommand.NO_DISPLAY).contains("desktop session").contains("netsim --help");
    }
}
