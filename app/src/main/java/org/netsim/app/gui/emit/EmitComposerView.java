package org.netsim.app.gui.emit;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.netsim.app.gui.Messages;

/**
 * The emit composer's form: the fields of {@link EmitComposerViewModel} top to bottom, each with its label, the
 * parser's message under the arguments, and Send (disabled while something is wrong). The form hides the fields the
 * chosen form does not use (room, bytes) and labels the client as sender or as the socket the server form names.
 */
public final class EmitComposerView extends VBox {
    public EmitComposerView(EmitComposerViewModel model) {
        getStyleClass().add("ns-panel");
        setFillWidth(true);
        Label title = new Label(Messages.get("emit.title"));
        title.getStyleClass().add("ns-panel-title");

        ComboBox<EmitVariant> variant = new ComboBox<>();
        variant.setId("emitVariant");
        variant.getItems().setAll(EmitVariant.values());
        variant.valueProperty().bindBidirectional(model.variantProperty());
        StringConverter<EmitVariant> names = new StringConverter<>() {
            @Override
            public String toString(EmitVariant v) {
                return v == null ? "" : Messages.get("emit.variant." + v.name());
            }

            @Override
            public EmitVariant fromString(String s) {
                return null;
            }
        };
        variant.setConverter(names);
        variant.setMaxWidth(Double.MAX_VALUE);
        Label code = new Label();
        code.getStyleClass().add("ns-hint");
        code.setWrapText(true);
        code.textProperty().bind(Bindings.createStringBinding(() -> model.variantProperty().get() == null ? ""
                : Messages.get("emit.code." + model.variantProperty().get().name()), model.variantProperty()));

        ComboBox<String> client = new ComboBox<>(model.clients());
        client.setId("emitClient");
        client.valueProperty().bindBidirectional(model.clientProperty());
        client.setMaxWidth(Double.MAX_VALUE);
        Label clientLabel = new Label();
        clientLabel.textProperty().bind(Bindings.when(Bindings.createBooleanBinding(
                () -> model.variantProperty().get() == null || model.variantProperty().get().fromClient(),
                model.variantProperty())).then(Messages.get("emit.from")).otherwise(Messages.get("emit.socket")));
        clientLabel.setLabelFor(client);
        clientLabel.setWrapText(true);

        TextField event = new TextField();
        event.setId("emitEvent");
        event.textProperty().bindBidirectional(model.eventProperty());
        TextField args = new TextField();
        args.setId("emitArgs");
        args.textProperty().bindBidirectional(model.argsProperty());
        args.setTooltip(new Tooltip(Messages.get("emit.args.tip")));
        Label argsHint = new Label(Messages.get("emit.args.hint"));
        argsHint.getStyleClass().add("ns-hint");
        argsHint.setWrapText(true);

        TextField hex = new TextField();
        hex.setId("emitBinary");
        hex.textProperty().bindBidirectional(model.binaryHexProperty());

        ComboBox<String> namespace = new ComboBox<>(model.namespaces());
        namespace.setId("emitNamespace");
        namespace.valueProperty().bindBidirectional(model.namespaceProperty());
        namespace.setMaxWidth(Double.MAX_VALUE);
        ComboBox<String> room = new ComboBox<>(model.rooms());
        room.setId("emitRoom");
        room.setEditable(true);
        room.getEditor().textProperty().bindBidirectional(model.roomProperty());
        room.setMaxWidth(Double.MAX_VALUE);

        Label problem = new Label();
        problem.setId("emitProblem");
        problem.getStyleClass().add("ns-error");
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());

        Button send = new Button(Messages.get("emit.send"));
        send.setId("emitSend");
        send.setDefaultButton(false);
        send.disableProperty().bind(model.canSendProperty().not());
        send.setOnAction(e -> model.send());
        send.setMaxWidth(Double.MAX_VALUE);
        send.setTooltip(new Tooltip(Messages.get("emit.send.tip")));

        BooleanBinding needsClient = Bindings.createBooleanBinding(() -> model.variantProperty().get() != null
                && model.variantProperty().get().needsClient(), model.variantProperty());
        BooleanBinding needsRoom = Bindings.createBooleanBinding(() -> model.variantProperty().get() != null
                && model.variantProperty().get().needsRoom(), model.variantProperty());
        BooleanBinding binary = model.variantProperty().isEqualTo(EmitVariant.BINARY);
        BooleanBinding hasNamespace = Bindings.createBooleanBinding(() -> model.variantProperty().get() == null
                || model.variantProperty().get().hasNamespace(), model.variantProperty());

        // label beside field, two columns, so the whole form fits above the inspector without scrolling
        GridPane form = new GridPane();
        form.setHgap(6);
        form.setVgap(4);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMaxWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        form.getColumnConstraints().setAll(labels, fields);
        int row = 0;
        form.add(label("emit.variant", variant), 0, row);
        form.add(variant, 1, row++);
        form.add(code, 0, row++, 2, 1);
        form.add(shown(needsClient, clientLabel), 0, row);
        form.add(shown(needsClient, client), 1, row++);
        form.add(label("emit.event", event), 0, row);
        form.add(event, 1, row++);
        form.add(label("emit.args", args), 0, row);
        form.add(args, 1, row++);
        form.add(argsHint, 0, row++, 2, 1);
        form.add(shown(binary, label("emit.binary", hex)), 0, row);
        form.add(shown(binary, hex), 1, row++);
        form.add(shown(hasNamespace, label("emit.namespace", namespace)), 0, row);
        form.add(shown(hasNamespace, namespace), 1, row++);
        form.add(shown(needsRoom, label("emit.room", room)), 0, row);
        form.add(shown(needsRoom, room), 1, row++);
        form.add(problem, 0, row++, 2, 1);
        getChildren().addAll(title, form, send);
    }

    private static Label label(String key, Node field) {
        Label label = new Label(Messages.get(key));
        label.setLabelFor(field);
        label.setWrapText(true);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    /** Shown (and taking space) only while {@code when} holds. */
    private static Node shown(BooleanBinding when, Node node) {
        node.visibleProperty().bind(when);
        node.managedProperty().bind(when);
        return node;
    }
}
