package org.netsim.app.gui.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The link settings form without a window: each field checked as typed (the rate and the delay by the scenario
 * runner itself), valid only when all four are right, and applying changes the link and runs again.
 */
class LinkSettingsViewModelTest {
    private final SessionViewModel session = new SessionViewModel();

    private LinkSettingsViewModel form() {
        assertThat(session.openShipped("one-client.yaml")).isTrue();
        return new LinkSettingsViewModel(session);
    }

    @Test
    void theFirstLinkIsChosenWithItsSettingsAndTheFormIsValid() {
        LinkSettingsViewModel f = form();
        assertThat(f.links()).hasSize(session.scenario().links().size());
        assertThat(f.linkProperty().get()).isZero();
        assertThat(f.linkText(0)).isEqualTo("lan1 (server \u2194 switch)");
        assertThat(f.rateProperty().get()).isEqualTo("100Mbps");
        assertThat(f.mtuProperty().get()).isEqualTo("1500");
        assertThat(f.validProperty().get()).isTrue();
    }

    @Test
    void eachWrongFieldSaysWhyAndKeepsTheFormInvalidUntilItIsRight() {
        LinkSettingsViewModel f = form();
        f.rateProperty().set("fast");
        assertThat(f.rateProblemProperty().get()).isEqualTo("\u201cfast\u201d is not a rate like 100Mbps, 10Mbps or 1Gbps");
        assertThat(f.validProperty().get()).isFalse();
        f.rateProperty().set("2.5Gbps");
        assertThat(f.rateProblemProperty().get()).isEmpty();
        f.delayProperty().set("2 weeks");
        assertThat(f.delayProblemProperty().get()).isEqualTo("\u201c2 weeks\u201d is not a time like 500ns, 40us or 2ms");
        f.delayProperty().set("40us");
        assertThat(f.delayProblemProperty().get()).isEmpty();
        f.lossProperty().set("1.5");
        assertThat(f.lossProblemProperty().get()).isEqualTo("loss \u201c1.5\u201d is not a number from 0 to 1");
        f.mtuProperty().set("67");
        assertThat(f.mtuProblemProperty().get()).contains("from 68 to 9000");
        assertThat(f.validProperty().get()).isFalse();
        assertThat(f.apply()).isFalse();
        assertThat(session.scenario().links().get(0).rate()).isNotEqualTo("2.5Gbps");
        f.lossProperty().set("0.25");
        f.mtuProperty().set("576");
        assertThat(f.validProperty().get()).isTrue();
        // a blank field keeps the setting
        f.delayProperty().set(" ");
        assertThat(f.validProperty().get()).isTrue();
        assertThat(f.apply()).isTrue();
        var link = session.scenario().links().get(0);
        assertThat(link.rate()).isEqualTo("2.5Gbps");
        assertThat(link.loss()).isEqualTo(0.25);
        assertThat(link.mtu()).isEqualTo(576);
        assertThat(session.messageIsErrorProperty().get()).isFalse();
    }

    @Test
    void choosingAnotherLinkFillsInItsSettings() {
        LinkSettingsViewModel f = form();
        f.rateProperty().set("fast");
        f.linkProperty().set(1);
        assertThat(f.rateProperty().get()).isEqualTo("100Mbps");
        assertThat(f.rateProblemProperty().get()).isEmpty();
        assertThat(f.linkText(1)).contains("alice");
    }
}
