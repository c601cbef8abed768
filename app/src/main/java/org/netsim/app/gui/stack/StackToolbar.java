package org.netsim.app.gui.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;
import org.netsim.app.gui.session.LayerModel;

/**
 * The stack view's toolbar: which device's stacks (the device picker), OSI or TCP/IP, replay the animation, skip to
 * its end. It wraps onto a second row rather than cutting a control when the pane is narrow.
 */
final class StackToolbar extends FlowPane {
    /** The device picker's entry for "no device": the sender's and the receiver's stacks. */
    private static final String JOURNEY = "";

    private final StackViewModel vm;
    private final ResourceBundle text;
    private final ComboBox<String> devicePicker = new ComboBox<>();

    StackToolbar(StackViewModel vm, ResourceBundle text, Runnable replay, Runnable skip) {
        this.vm = vm;
        this.text = text;
        getStyleClass().add("stack-toolbar");
        ToggleGroup models = new ToggleGroup();
        ToggleButton osi = new ToggleButton(text.getString("stack.model.osi"));
        ToggleButton tcpIp = new ToggleButton(text.getString("stack.model.tcpip"));
        osi.setId("stack-osi");
        tcpIp.setId("stack-tcpip");
        osi.setToggleGroup(models);
        tcpIp.setToggleGroup(models);
        models.selectToggle(vm.layerModelProperty().get() == LayerModel.OSI ? osi : tcpIp);
        models.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                models.selectToggle(a);
            } else {
                vm.layerModelProperty().set(b == osi ? LayerModel.OSI : LayerModel.TCP_IP);
            }
        });
        vm.layerModelProperty().addListener((o, a, b) -> models.selectToggle(b == LayerModel.OSI ? osi : tcpIp));
        Button again = new Button(text.getString("stack.replay"));
        again.setId("stack-replay");
        again.setOnAction(e -> replay.run());
        Button end = new Button(text.getString("stack.end"));
        end.setId("stack-end");
        end.setOnAction(e -> skip.run());
        Label deviceLabel = new Label(text.getString("stack.device"));
        deviceLabel.setLabelFor(devicePicker);
        deviceLabel.setMinWidth(Region.USE_PREF_SIZE);
        setUpDevicePicker();
        HBox deviceBox = new HBox(deviceLabel, devicePicker);
        deviceBox.getStyleClass().add("stack-device");
        for (Node n : List.of(osi, tcpIp, again, end)) {
            ((Region) n).setMinWidth(Region.USE_PREF_SIZE);
        }
        getChildren().addAll(deviceBox, osi, tcpIp, again, end);
    }

    /** The device picker: the journey, then every device on the frame's path; it and the view model agree. */
    private void setUpDevicePicker() {
        devicePicker.setId("stack-device");
        devicePicker.setConverter(new StringConverter<>() {
            @Override
            public String toString(String node) {
                return node == null || node.equals(JOURNEY) ? text.getString("stack.device.journey") : node;
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        Runnable fill = () -> {
            List<String> items = new ArrayList<>();
            items.add(JOURNEY);
            items.addAll(vm.devices());
            String d = vm.deviceProperty().get();
            if (d != null && !items.contains(d)) {
                items.add(d); // chosen elsewhere (the topology) but not on this frame's path: it stays chosen
            }
            devicePicker.getItems().setAll(items);
            devicePicker.setValue(d == null ? JOURNEY : d);
        };
        vm.devices().addListener((ListChangeListener<String>) c -> fill.run());
        vm.deviceProperty().addListener((o, was, d) -> fill.run());
        devicePicker.valueProperty().addListener((o, was, d) -> {
            if (d != null) {
                vm.deviceProperty().set(d.equals(JOURNEY) ? null : d);
            }
        });
        fill.run();
    }
}
