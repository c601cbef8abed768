package org.netsim.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.netsim.app.gui.inspector.InspectorRow;
import org.netsim.app.gui.inspector.InspectorViewModel;
import org.netsim.pdu.FieldSpec;
import org.netsim.pdu.Protocol;
import org.netsim.timeline.Direction;
import org.netsim.timeline.TimelineEvent;

/**
 * Field names and explanations are translatable: a {@code fields_xx.properties} changes the layer tree's line, its
 * tooltip and the detail pane; a field it does not name keeps the engine's English; and a translation's keys name
 * real fields (a typo would silently translate nothing).
 */
class FieldTextsTest {
    private static final Locale XX = Locale.forLanguageTag("xx");

    @AfterEach
    void back() {
        Messages.useLocale(Locale.getDefault());
    }

    @Test
    void aTranslationChangesTheTreeLineTooltipAndDetailAndTheRestStaysEnglish() {
        Messages.useLocale(XX);
        InspectorViewModel vm = new InspectorViewModel(Messages.bundle());
        TimelineEvent emit = Scenarios.socketIo(Scenarios.run("one-client.yaml"), "alice", Direction.WIRE,
                Protocol.PHYSICAL, "\"chat\"");
        vm.show(emit);
        InspectorRow dst = vm.selectField("tcp.dstport").orElseThrow();
        assertThat(dst.text()).isEqualTo("Port de destination: 3000");
        assertThat(dst.tooltip()).isEqualTo("Le port du programme auquel le segment est destiné.");
        assertThat(vm.detailProperty().get().title()).isEqualTo("TCP \u00b7 Port de destination");
        assertThat(vm.detailProperty().get().explanation()).isEqualTo(dst.tooltip());
        InspectorRow src = vm.selectField("tcp.srcport").orElseThrow();
        assertThat(src.text()).startsWith("Source port: ");
        assertThat(src.tooltip()).isEqualTo(src.field().explanation());

        Messages.useLocale(Locale.getDefault());
        vm = new InspectorViewModel(Messages.bundle());
        vm.show(emit);
        assertThat(vm.selectField("tcp.dstport").orElseThrow().text()).isEqualTo("Destination port: 3000");
    }

    @Test
    void everyKeyOfATranslationNamesAFieldTheLayoutsDeclare() {
        Set<String> fields = org.netsim.app.fields_en_XA.specs().stream().map(FieldSpec::key)
                .collect(Collectors.toSet());
        assertThat(fields).contains("tcp.dstport", "ip.ttl", "eth.src", "websocket.mask");
        ResourceBundle xx = ResourceBundle.getBundle(FieldTexts.NAME, XX);
        for (String key : xx.keySet()) {
            assertThat(key).matches(".+\\.(name|explanation)");
            assertThat(fields).contains(key.substring(0, key.lastIndexOf('.')));
        }
        assertThat(xx.keySet()).contains("tcp.dstport.name");
    }
}
