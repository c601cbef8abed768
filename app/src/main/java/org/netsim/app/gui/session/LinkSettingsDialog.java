package org.netsim.app.gui.session;

import java.util.List;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.util.StringConverter;
import org.netsim.app.gui.Messages;
import org.netsim.scenario.Scenario;
import org.netsim.scenario.Scenario.LinkSpec;

/**
 * The link settings form: pick a link, change its rate, delay, loss and MTU; OK hands the text to
 * {@link SessionViewModel#changeLink(int, String, String, String, String)}, which checks it and runs again.
 */
public final class LinkSettingsDialog extends Dialog<ButtonType> {
    public LinkSettingsDialog(SessionViewModel session) {
        setTitle(Messages.get("session.link.title"));
        setHeaderText(Messages.get("session.link.header"));
        Scenario s = session.scenario();
        List<LinkSpec> links = s.links();
        ComboBox<Integer> link = new ComboBox<>();
        for (int i = 0; i < links.size(); i++) {
            link.getItems().add(i);
        }
        link.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer i) {
                return i == null ? "" : Messages.get("session.link.item", ScenarioEdits.linkName(links.get(i)),
                        String.join(" \u2194 ", links.get(i).between()));
            }

            @Override
            public Integer fromString(String text) {
                return null;
            }
        });
        TextField rate = new TextField();
        TextField delay = new TextField();
        TextField loss = new TextField();
        TextField mtu = new TextField();
        link.valueProperty().addListener((o, was, i) -> {
            LinkSpec l = links.get(i);
            rate.setText(l.rate() == null ? Messages.get("session.link.defaultRate") : l.rate());
            delay.setText(l.delay() == null ? Messages.get("session.link.defaultDelay") : l.delay());
            loss.setText(l.loss() == null ? "0" : String.valueOf(l.loss()));
            mtu.setText(l.mtu() == null ? "1500" : String.valueOf(l.mtu()));
        });
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, label("session.link.link", link), link);
        grid.addRow(1, label("session.link.rate", rate), rate);
        grid.addRow(2, label("session.link.delay", delay), delay);
        grid.addRow(3, label("session.link.loss", loss), loss);
        grid.addRow(4, label("session.link.mtu", mtu), mtu);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        if (!links.isEmpty()) {
            link.getSelectionModel().select(0);
        }
        setResultConverter(b -> {
            if (b == ButtonType.OK && link.getValue() != null) {
                session.changeLink(link.getValue(), rate.getText(), delay.getText(), loss.getText(), mtu.getText());
            }
            return b;
        });
    }

    private static Label label(String key, javafx.scene.Node field) {
        Label l = new Label(Messages.get(key));
        l.setLabelFor(field);
        return l;
    }
}
