package org.netsim.app.gui.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.netsim.pdu.Protocol;

class ProtocolPaletteTest {
    @Test
    void everyProtocolHasItsOwnColourInEachTheme() {
        for (Theme theme : Theme.values()) {
            Set<String> seen = new HashSet<>();
            for (Protocol p : Protocol.values()) {
                assertThat(seen.add(ProtocolPalette.web(p, theme))).as("%s %s", theme, p).isTrue();
            }
        }
        assertThat(ProtocolPalette.web(Protocol.TCP, Theme.LIGHT)).isEqualTo("#d98e00");
    }

    @Test
    void stylesheetDefinesOneClassPerProtocol() {
        String url = ProtocolPalette.stylesheet(Theme.DARK);
        assertThat(url).startsWith("data:text/css;base64,");
        String css = new String(Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1)), StandardCharsets.UTF_8);
        assertThat(css).contains(".proto-websocket { -proto-colour: #f08a4b; }");
        assertThat(css.lines().count()).isEqualTo(Protocol.values().length);
    }
}
