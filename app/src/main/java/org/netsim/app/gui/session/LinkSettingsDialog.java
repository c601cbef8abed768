package org.netsim.app.gui.session;

import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;
import org.netsim.app.gui.FieldProblem;
import org.netsim.app.gui.Fxml;
import org.netsim.app.gui.Messages;

/**
 * The link settings dialog ({@code LinkSettingsDialog.fxml}): pick a link, change its rate, delay, loss and MTU.
 * Every field is checked as it is typed ({@link LinkSettingsViewModel}), a wrong one marked with the reason under it,
 * and OK stays disabled until all are right, so nothing typed is lost to a mistake; OK changes the link and the
 * scenario runs again.
 */
public final class LinkSettingsDialog extends Dialog<ButtonType> {
    private final LinkSettingsViewModel model;

    @FXML private Label linkLabel;
    @FXML private ComboBox<Integer> linkChoice;
    @FXML private Label rateLabel;
    @FXML private TextField rate;
    @FXML private Label rateProblem;
    @FXML private Label delayLabel;
    @FXML private TextField delay;
    @FXML private Label delayProblem;
    @FXML private Label lossLabel;
    @FXML private TextField loss;
    @FXML private Label lossProblem;
    @FXML private Label mtuLabel;
    @FXML private TextField mtu;
    @FXML private Label mtuProblem;

    public LinkSettingsDialog(SessionViewModel session) {
        this(new LinkSettingsViewModel(session));
    }

    public LinkSettingsDialog(LinkSettingsViewModel model) {
        this.model = model;
        setTitle(Messages.get("session.link.title"));
        setHeaderText(Messages.get("session.link.header"));
        getDialogPane().setContent(Fxml.content(this));
        getDialogPane().setId("linkSettings");
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);

        linkChoice.setItems(model.links());
        linkChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer i) {
                return model.linkText(i);
            }

            @Override
            public Integer fromString(String text) {
                return null;
            }
        });
        linkChoice.valueProperty().bindBidirectional(model.linkProperty());
        rate.textProperty().bindBidirectional(model.rateProperty());
        delay.textProperty().bindBidirectional(model.delayProperty());
        loss.textProperty().bindBidirectional(model.lossProperty());
        mtu.textProperty().bindBidirectional(model.mtuProperty());
        linkLabel.setLabelFor(linkChoice);
        rateLabel.setLabelFor(rate);
        delayLabel.setLabelFor(delay);
        lossLabel.setLabelFor(loss);
        mtuLabel.setLabelFor(mtu);
        FieldProblem.show(rate, rateProblem, model.rateProblemProperty(), this::fit);
        FieldProblem.show(delay, delayProblem, model.delayProblemProperty(), this::fit);
        FieldProblem.show(loss, lossProblem, model.lossProblemProperty(), this::fit);
        FieldProblem.show(mtu, mtuProblem, model.mtuProblemProperty(), this::fit);

        Node ok = getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("linkOk");
        ok.disableProperty().bind(model.validProperty().not());
        // the change runs when OK is pressed, while the dialog still holds what was typed
        ok.addEventFilter(ActionEvent.ACTION, e -> model.apply());
    }

    public LinkSettingsViewModel model() {
        return model;
    }

    /** A problem line appeared or went: the dialog's window takes the form's new height. */
    private void fit() {
        if (getDialogPane().getScene() != null && getDialogPane().getScene().getWindow() != null) {
            javafx.application.Platform.runLater(() -> getDialogPane().getScene().getWindow().sizeToScene());
        }
    }
}
