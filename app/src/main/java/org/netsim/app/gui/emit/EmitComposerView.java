package org.netsim.app.gui.emit;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.netsim.app.gui.FieldProblem;
import org.netsim.app.gui.Fxml;
import org.netsim.app.gui.Messages;

/**
 * The emit composer's form ({@code EmitComposerView.fxml}): the fields of {@link EmitComposerViewModel} top to
 * bottom, each with its label and, as it is typed, its problem on the line under it (the JSON parser's message under
 * the arguments) with the field marked; Send is disabled while something is wrong. The form hides the fields the
 * chosen form does not use (room, bytes) and labels the client as sender or as the socket the server form names.
 */
public final class EmitComposerView extends VBox {
    private final EmitComposerViewModel model;

    @FXML private Label variantLabel;
    @FXML private ComboBox<EmitVariant> emitVariant;
    @FXML private Label code;
    @FXML private Label clientLabel;
    @FXML private ComboBox<String> emitClient;
    @FXML private Label emitClientProblem;
    @FXML private Label eventLabel;
    @FXML private TextField emitEvent;
    @FXML private Label emitEventProblem;
    @FXML private Label argsLabel;
    @FXML private TextField emitArgs;
    @FXML private Label emitArgsProblem;
    @FXML private Label binaryLabel;
    @FXML private TextField emitBinary;
    @FXML private Label emitBinaryProblem;
    @FXML private Label namespaceLabel;
    @FXML private ComboBox<String> emitNamespace;
    @FXML private Label roomLabel;
    @FXML private ComboBox<String> emitRoom;
    @FXML private Label emitRoomProblem;
    @FXML private Label emitVariantProblem;
    @FXML private Button emitSend;

    public EmitComposerView(EmitComposerViewModel model) {
        this.model = model;
        Fxml.load(this);

        emitVariant.getItems().setAll(EmitVariant.values());
        emitVariant.valueProperty().bindBidirectional(model.variantProperty());
        emitVariant.setConverter(new StringConverter<>() {
            @Override
            public String toString(EmitVariant v) {
                return v == null ? "" : Messages.get("emit.variant." + v.name());
            }

            @Override
            public EmitVariant fromString(String s) {
                return null;
            }
        });
        code.textProperty().bind(Bindings.createStringBinding(() -> model.variantProperty().get() == null ? ""
                : Messages.get("emit.code." + model.variantProperty().get().name()), model.variantProperty()));
        emitClient.setItems(model.clients());
        emitClient.valueProperty().bindBidirectional(model.clientProperty());
        clientLabel.textProperty().bind(Bindings.when(Bindings.createBooleanBinding(
                () -> model.variantProperty().get() == null || model.variantProperty().get().fromClient(),
                model.variantProperty())).then(Messages.get("emit.from")).otherwise(Messages.get("emit.socket")));
        emitEvent.textProperty().bindBidirectional(model.eventProperty());
        emitArgs.textProperty().bindBidirectional(model.argsProperty());
        emitBinary.textProperty().bindBidirectional(model.binaryHexProperty());
        emitNamespace.setItems(model.namespaces());
        emitNamespace.valueProperty().bindBidirectional(model.namespaceProperty());
        emitRoom.setItems(model.rooms());
        emitRoom.getEditor().textProperty().bindBidirectional(model.roomProperty());
        emitSend.disableProperty().bind(model.canSendProperty().not());

        variantLabel.setLabelFor(emitVariant);
        clientLabel.setLabelFor(emitClient);
        eventLabel.setLabelFor(emitEvent);
        argsLabel.setLabelFor(emitArgs);
        binaryLabel.setLabelFor(emitBinary);
        namespaceLabel.setLabelFor(emitNamespace);
        roomLabel.setLabelFor(emitRoom);

        FieldProblem.show(emitArgs, emitArgsProblem, model.argsProblemProperty(), () -> { });
        FieldProblem.show(emitEvent, emitEventProblem, model.eventProblemProperty(), () -> { });
        FieldProblem.show(emitClient, emitClientProblem, model.clientProblemProperty(), () -> { });
        FieldProblem.show(emitBinary, emitBinaryProblem, model.binaryProblemProperty(), () -> { });
        FieldProblem.show(emitRoom, emitRoomProblem, model.roomProblemProperty(), () -> { });
        FieldProblem.show(emitVariant, emitVariantProblem, model.variantProblemProperty(), () -> { });

        BooleanBinding needsClient = Bindings.createBooleanBinding(() -> model.variantProperty().get() != null
                && model.variantProperty().get().needsClient(), model.variantProperty());
        BooleanBinding needsRoom = Bindings.createBooleanBinding(() -> model.variantProperty().get() != null
                && model.variantProperty().get().needsRoom(), model.variantProperty());
        BooleanBinding binary = model.variantProperty().isEqualTo(EmitVariant.BINARY);
        BooleanBinding hasNamespace = Bindings.createBooleanBinding(() -> model.variantProperty().get() == null
                || model.variantProperty().get().hasNamespace(), model.variantProperty());
        shown(needsClient, clientLabel, emitClient);
        shown(binary, binaryLabel, emitBinary);
        shown(hasNamespace, namespaceLabel, emitNamespace);
        shown(needsRoom, roomLabel, emitRoom);
    }

    @FXML
    private void send() {
        model.send();
    }

    /** Shown (and taking space) only while {@code when} holds. */
    private static void shown(BooleanBinding when, Node... nodes) {
        for (Node node : nodes) {
            node.visibleProperty().bind(when);
            node.managedProperty().bind(when);
        }
    }
}
