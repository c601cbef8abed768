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
        assertThat(GuiCommand.cannotOpen(":99")).startsWith("cannot open the display :99: ").contains("ssh -X")
                .contains("netsim --help");
    }

    /** What goes wrong opening the window (an X display that cannot be reached) is one line, as for every command. */
    @Test
    void aFailureToOpenTheWindowIsOneLineAndAnExitCode() {
        java.io.StringWriter text = new java.io.StringWriter();
        java.io.PrintWriter err = new java.io.PrintWriter(text, true);
        assertThat(NetsimCommand.failed(new UnsupportedOperationException("Unable to open DISPLAY"), err))
                .isEqualTo(70);
        assertThat(text.toString().strip()).isEqualTo(
                "netsim: internal error: UnsupportedOperationException: Unable to open DISPLAY");
        text.getBuffer().setLength(0);
        assertThat(NetsimCommand.failed(new UserError(GuiCommand.NO_DISPLAY), err)).isNotZero();
        assertThat(text.toString().strip()).isEqualTo("netsim: " + GuiCommand.NO_DISPLAY);
    }
}
