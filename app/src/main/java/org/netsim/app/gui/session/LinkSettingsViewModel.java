package org.netsim.app.gui.session;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.netsim.app.gui.Messages;
import org.netsim.scenario.Scenario;
import org.netsim.scenario.Scenario.LinkSpec;
import org.netsim.scenario.ScenarioException;
import org.netsim.scenario.ScenarioRunner;

/**
 * The link settings form: pick a link, change its rate, delay, loss and MTU. Each field is checked as it is typed,
 * its problem kept for the line under it, and {@link #validProperty() valid} only while all four are right, so a
 * mistake is fixed in the form instead of being lost with it. The rate and the delay are judged by the scenario runner
 * itself (on a copy of the network with nothing running on it), so the form accepts exactly what a scenario file may
 * say.
 */
public final class LinkSettingsViewModel {
    private final SessionViewModel session;
    private final Scenario scenario;
    private final ObservableList<Integer> links = FXCollections.observableArrayList();
    /**
     * The read-only views handed out, made once: an unmodifiable view listens to its list only weakly, so a view
     * made per call and listened to by a caller is collected, and its listeners with it, at the next GC.
     */
    private final ObservableList<Integer> readOnlyLinks = FXCollections.unmodifiableObservableList(links);
    private final ObjectProperty<Integer> link = new SimpleObjectProperty<>(this, "link");
    private final StringProperty rate = new SimpleStringProperty(this, "rate", "");
    private final StringProperty delay = new SimpleStringProperty(this, "delay", "");
    private final StringProperty loss = new SimpleStringProperty(this, "loss", "");
    private final StringProperty mtu = new SimpleStringProperty(this, "mtu", "");
    private final ReadOnlyStringWrapper rateProblem = new ReadOnlyStringWrapper(this, "rateProblem", "");
    private final ReadOnlyStringWrapper delayProblem = new ReadOnlyStringWrapper(this, "delayProblem", "");
    private final ReadOnlyStringWrapper lossProblem = new ReadOnlyStringWrapper(this, "lossProblem", "");
    private final ReadOnlyStringWrapper mtuProblem = new ReadOnlyStringWrapper(this, "mtuProblem", "");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");

    public LinkSettingsViewModel(SessionViewModel session) {
        this.session = session;
        this.scenario = session.scenario();
        for (int i = 0; scenario != null && i < scenario.links().size(); i++) {
            links.add(i);
        }
        link.addListener((o, was, i) -> fill(i));
        for (var p : List.of(rate, delay, loss, mtu)) {
            p.addListener(o -> check());
        }
        if (!links.isEmpty()) {
            link.set(0);
        }
        check();
    }

    public ObservableList<Integer> links() {
        return readOnlyLinks;
    }

    /** A link as the chooser lists it: its name and its two ends. */
    public String linkText(Integer i) {
        if (i == null) {
            return "";
        }
        LinkSpec l = scenario.links().get(i);
        return Messages.get("session.link.item", ScenarioEdits.linkName(l), String.join(" \u2194 ", l.between()));
    }

    public ObjectProperty<Integer> linkProperty() {
        return link;
    }

    public StringProperty rateProperty() {
        return rate;
    }

    public StringProperty delayProperty() {
        return delay;
    }

    public StringProperty lossProperty() {
        return loss;
    }

    public StringProperty mtuProperty() {
        return mtu;
    }

    public ReadOnlyStringProperty rateProblemProperty() {
        return rateProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty delayProblemProperty() {
        return delayProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lossProblemProperty() {
        return lossProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty mtuProblemProperty() {
        return mtuProblem.getReadOnlyProperty();
    }

    /** Whether a link is chosen and every field is right: OK is enabled only then. */
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** Changes the link and runs the scenario again (the session says how that went); false if the form is wrong. */
    public boolean apply() {
        return valid.get() && session.changeLink(link.get(), rate.get(), delay.get(), loss.get(), mtu.get());
    }

    private void fill(Integer i) {
        if (i == null) {
            return;
        }
        LinkSpec l = scenario.links().get(i);
        rate.set(l.rate() == null ? Messages.get("session.link.defaultRate") : l.rate());
        delay.set(l.delay() == null ? Messages.get("session.link.defaultDelay") : l.delay());
        loss.set(l.loss() == null ? "0" : String.valueOf(l.loss()));
        mtu.set(l.mtu() == null ? "1500" : String.valueOf(l.mtu()));
    }

    private void check() {
        Integer i = link.get();
        lossProblem.set(lossProblem(loss.get()));
        mtuProblem.set(mtuProblem(mtu.get()));
        rateProblem.set(i == null || blank(rate.get()) || accepted(i, rate.get(), null) ? ""
                : Messages.get("session.badRate", rate.get().strip()));
        delayProblem.set(i == null || blank(delay.get()) || accepted(i, null, delay.get()) ? ""
                : Messages.get("session.badDelay", delay.get().strip()));
        valid.set(i != null && rateProblem.get().isEmpty() && delayProblem.get().isEmpty()
                && lossProblem.get().isEmpty() && mtuProblem.get().isEmpty());
    }

    /**
     * Whether the runner takes link {@code index} with this rate or delay: it builds the network of a copy of the
     * scenario without its server, clients and script, so nothing but the links is read.
     */
    private boolean accepted(int index, String newRate, String newDelay) {
        Scenario bare = new Scenario(scenario.name(), scenario.description(), scenario.seed(), "0ns",
                scenario.hosts(), scenario.switches(), scenario.routers(), List.of(scenario.links().get(index)),
                List.of(), null, List.of(), List.of());
        try {
            ScenarioRunner.run(ScenarioEdits.withLink(bare, 0, newRate == null ? null : newRate.strip(),
                    newDelay == null ? null : newDelay.strip(), null, null));
            return true;
        } catch (ScenarioException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Why {@code text} is not a loss rate (a number from 0 to 1), or empty; a blank field keeps the setting. */
    static String lossProblem(String text) {
        if (blank(text)) {
            return "";
        }
        try {
            double v = Double.parseDouble(text.strip());
            return v >= 0 && v <= 1 ? "" : Messages.get("session.badLoss", text.strip());
        } catch (NumberFormatException e) {
            return Messages.get("session.badLoss", text.strip());
        }
    }

    /** Why {@code text} is not an MTU (a whole number of bytes from 68 to 9000), or empty; blank keeps it. */
    static String mtuProblem(String text) {
        if (blank(text)) {
            return "";
        }
        try {
            int v = Integer.parseInt(text.strip());
            return v >= 68 && v <= 9000 ? "" : Messages.get("session.badMtu", text.strip());
        } catch (NumberFormatException e) {
            return Messages.get("session.badMtu", text.strip());
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
