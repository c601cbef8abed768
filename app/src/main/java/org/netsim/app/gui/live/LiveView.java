package org.netsim.app.gui.live;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.netsim.app.gui.Messages;
import org.netsim.capture.decode.CaptureMessage;
import java.util.function.Function;

/** The live capture screen: device, filter, start and stop, counters, the built-in peer, and the decoded messages. */
public final class LiveView extends VBox {
    private final Timeline polling;

    public LiveView(LiveViewModel model, java.util.function.Consumer<CaptureMessage> compare) {
        getStyleClass().addAll("ns-panel", "live-view");
        setId("liveView");
        Label title = new Label(Messages.get("live.title"));
        title.getStyleClass().add("ns-panel-title");
        Label lead = new Label(Messages.get("live.lead"));
        lead.setWrapText(true);
        lead.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);

        ComboBox<String> device = new ComboBox<>(model.devices());
        device.setId("liveDevice");
        device.valueProperty().bindBidirectional(model.deviceProperty());
        device.setOnShowing(e -> {
            if (model.devices().isEmpty()) {
                model.loadDevices();
            }
        });
        TextField filter = new TextField();
        filter.setId("liveFilter");
        filter.textProperty().bindBidirectional(model.filterProperty());
        filter.disableProperty().bind(model.capturingProperty());
        HBox.setHgrow(filter, Priority.ALWAYS);
        Button start = new Button(Messages.get("live.start"));
        start.setId("liveStart");
        start.setOnAction(e -> model.start());
        start.disableProperty().bind(model.capturingProperty());
        Button stop = new Button(Messages.get("live.stop"));
        stop.setId("liveStop");
        stop.setOnAction(e -> model.stop());
        stop.disableProperty().bind(model.capturingProperty().not());
        Button open = new Button(Messages.get("live.open"));
        open.setId("liveOpen");
        open.setOnAction(e -> {
            javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
            chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("pcap, pcapng",
                    "*.pcap", "*.pcapng", "*.cap"));
            java.io.File f = chooser.showOpenDialog(getScene().getWindow());
            if (f != null) {
                model.openCapture(f.toPath(), java.util.concurrent.ForkJoinPool.commonPool());
            }
        });
        Button save = new Button(Messages.get("live.save"));
        save.setId("liveSave");
        save.disableProperty().bind(model.capturingProperty());
        save.setOnAction(e -> {
            javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
            chooser.setInitialFileName("netsim-capture.pcap");
            java.io.File f = chooser.showSaveDialog(getScene().getWindow());
            if (f != null) {
                model.saveCapture(f.toPath());
            }
        });
        javafx.scene.control.ProgressBar reading = new javafx.scene.control.ProgressBar();
        reading.setId("liveProgress");
        reading.progressProperty().bind(model.progressProperty());
        reading.visibleProperty().bind(model.progressProperty().greaterThanOrEqualTo(0));
        reading.managedProperty().bind(reading.visibleProperty());
        FlowPane captureRow = new FlowPane(new Label(Messages.get("live.device")), device,
                new Label(Messages.get("live.filter")), filter, start, stop, open, save, reading);
        captureRow.getStyleClass().add("ns-row");

        Label counters = new Label();
        counters.setId("liveCounters");
        counters.textProperty().bind(model.countersProperty());
        Label problem = new Label();
        problem.setId("liveProblem");
        problem.setWrapText(true);
        problem.getStyleClass().add("ns-error");
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        Button peer = new Button();
        peer.setId("livePeer");
        peer.textProperty().bind(Bindings.when(model.peerRunningProperty())
                .then(Messages.get("live.peer.stop")).otherwise(Messages.get("live.peer.start")));
        peer.setOnAction(e -> {
            if (model.peerRunningProperty().get()) {
                model.stopPeer();
            } else {
                model.startPeer();
            }
        });
        Label peerState = new Label();
        peerState.setWrapText(true);
        peerState.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        peerState.textProperty().bind(Bindings.createStringBinding(() -> model.peerRunningProperty().get()
                ? Messages.get("live.peer.running", model.peerPort()) : Messages.get("live.peer.note"),
                model.peerRunningProperty()));
        TextField event = new TextField("chat");
        event.setId("liveEvent");
        event.setPromptText(Messages.get("live.emit.event"));
        TextField args = new TextField("[\"hi\"]");
        args.setId("liveArgs");
        args.setPromptText(Messages.get("live.emit.args"));
        HBox.setHgrow(args, Priority.ALWAYS);
        Button send = new Button(Messages.get("live.emit.send"));
        send.setId("liveSend");
        send.setDefaultButton(false);
        send.setOnAction(e -> model.sendEmit(event.getText(), args.getText()));
        FlowPane peerRow = new FlowPane(peer, new Label(Messages.get("live.emit.event")), event,
                new Label(Messages.get("live.emit.args")), args, send);
        peerRow.getStyleClass().add("ns-row");

        TableView<CaptureMessage> table = new TableView<>(model.messages());
        table.setId("liveMessages");
        table.getColumns().add(column("live.column.frame", m -> Long.toString(m.frame()), 5));
        table.getColumns().add(column("live.column.from", CaptureMessage::src, 10));
        table.getColumns().add(column("live.column.to", CaptureMessage::dst, 10));
        table.getColumns().add(column("live.column.transport", m -> m.transport() == null ? "" : m.transport(), 6));
        table.getColumns().add(column("live.column.packet", m -> m.malformed() != null ? m.malformed()
                : m.text() == null ? m.type() : m.text(), 30));
        VBox.setVgrow(table, Priority.ALWAYS);
        Button compareButton = new Button(Messages.get("live.compare"));
        compareButton.setId("liveCompare");
        compareButton.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            CaptureMessage m = table.getSelectionModel().getSelectedItem();
            return m == null || m.event() == null;
        }, table.getSelectionModel().selectedItemProperty()));
        compareButton.setOnAction(e -> compare.accept(table.getSelectionModel().getSelectedItem()));
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && !compareButton.isDisabled()) {
                compare.accept(table.getSelectionModel().getSelectedItem());
            }
        });

        // the tab often gets little height beside the topology: the list keeps room for a few rows, and the whole
        // screen scrolls rather than squeezing the list to nothing
        table.setMinHeight(7 * javafx.scene.text.Font.getDefault().getSize() * 2);
        VBox content = new VBox(title, lead, captureRow, counters, problem, peerRow, peerState, table, compareButton);
        content.getStyleClass().add("live-content");
        content.spacingProperty().bind(spacingProperty());
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(content);
        scroll.setId("liveScroll");
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("edge-to-edge");
        setVgrow(scroll, Priority.ALWAYS);
        getChildren().add(scroll);

        polling = new Timeline(new KeyFrame(Duration.millis(100), e -> model.poll()));
        polling.setCycleCount(Timeline.INDEFINITE);
        polling.play();
    }

    private static TableColumn<CaptureMessage, String> column(String key, Function<CaptureMessage, String> value,
                                                              double ems) {
        TableColumn<CaptureMessage, String> c = new TableColumn<>(Messages.get(key));
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(ems * javafx.scene.text.Font.getDefault().getSize());
        c.setSortable(false);
        return c;
    }

    /** Stops polling; the window calls it when it closes. */
    public void dispose() {
        polling.stop();
    }
}
