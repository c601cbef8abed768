package org.netsim.app.gui.events;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.util.StringConverter;
import org.netsim.app.gui.Messages;
import org.netsim.app.gui.session.SessionViewModel;
import org.netsim.app.gui.theme.ProtocolPalette;
import org.netsim.pdu.Protocol;
import org.netsim.timeline.Connection;
import org.netsim.timeline.Direction;
import org.netsim.timeline.TimelineEvent;

/**
 * The event list: filters (protocol, node, connection) above a table of events. Selecting a row selects the event in
 * the session; when the session's selection moves (stepping, playback, another view) the table selects and scrolls
 * to that row.
 */
public final class EventListView extends VBox {
    private final TableView<TimelineEvent> table = new TableView<>();
    private final EventListViewModel model;
    private TableColumn<TimelineEvent, String> info;
    private final ComboBox<Connection> connection;
    private double em = Font.getDefault().getSize();
    private boolean following;

    public EventListView(EventListViewModel model, SessionViewModel session) {
        this.model = model;
        getStyleClass().add("ns-panel");

        ComboBox<Protocol> protocol = filter(model.protocols(), Protocol::title, "events.filter.protocol");
        protocol.setId("protocolFilter");
        protocol.valueProperty().bindBidirectional(model.protocolFilterProperty());
        ComboBox<String> node = filter(model.nodes(), n -> n, "events.filter.node");
        node.setId("nodeFilter");
        node.valueProperty().bindBidirectional(model.nodeFilterProperty());
        connection = filter(model.connections(), EventListViewModel::connection,
                "events.filter.connection");
        connection.setId("connectionFilter");
        connection.valueProperty().bindBidirectional(model.connectionFilterProperty());
        Button clear = new Button(Messages.get("events.filter.clear"));
        clear.setId("clearFilters");
        clear.setMinWidth(Region.USE_PREF_SIZE);
        clear.setOnAction(e -> model.clearFilters());
        // the tab above says "Events": the filters take the whole row
        FlowPane filters = new FlowPane(6, 4, protocol, node, connection, clear);
        filters.setAlignment(Pos.CENTER_LEFT);

        table.setId("eventTable");
        table.setItems(model.rows());
        table.setPlaceholder(new Label(Messages.get("events.empty")));
        // Wireshark's order: number, time, where, which way, the layer and protocol, then the info line, which takes
        // the rest of the width (its full text is the cell's tooltip); the menu button hides columns on a projector
        table.getColumns().add(column("events.column.index", e -> String.valueOf(e.index())));
        table.getColumns().add(column("events.column.time", EventListViewModel::time));
        table.getColumns().add(column("events.column.node", TimelineEvent::node));
        table.getColumns().add(column("events.column.direction", EventListViewModel::direction));
        table.getColumns().add(column("events.column.layer", model::layer));
        table.getColumns().add(protocolColumn());
        info = column("events.column.info", EventListViewModel::info);
        table.getColumns().add(info);
        // a column hidden with the table's menu leaves its width to the info line
        table.getColumns().forEach(c -> c.visibleProperty().addListener(o -> fitInfo()));
        // the columns keep their widths; the info line is sized to what is left (fitInfo), a horizontal scroll bar
        // only when even its minimum does not fit
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.widthProperty().addListener(o -> fitInfo());
        table.setTableMenuButtonVisible(true);
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(filters, table);

        table.getSelectionModel().selectedItemProperty().addListener((o, was, e) -> {
            if (!following && e != null) {
                model.select(e);
            }
        });
        session.selectedEventProperty().addListener((o, was, e) -> follow(e));
        model.rows().addListener((javafx.collections.ListChangeListener<TimelineEvent>) c -> {
            follow(session.selectedEvent());
            fitColumns();
        });
        session.layerModelProperty().addListener((o, a, b) -> {
            table.refresh();
            fitColumns();
        });
        // the session may have an event selected before this view exists; the table can scroll once it has a skin
        table.skinProperty().addListener((o, was, skin) -> Platform.runLater(() -> follow(session.selectedEvent())));
        // the prompt is measured in the font the theme gives the drop-down's button, known once it is styled
        connection.getButtonCell().fontProperty().addListener(o -> fitColumns());
        follow(session.selectedEvent());
        fitColumns();
    }

    /** Sizes the columns for a font of {@code px} pixels per em (projector mode makes it larger). */
    public void setEm(double px) {
        em = px;
        fitColumns();
    }

    /**
     * Every column but the info line as wide as its widest text (its heading, or the widest value it can hold in this
     * run: every node, protocol, direction and layer name, the last time), so none is cut in any language; the info
     * line takes what is left, at least 8 em.
     */
    private void fitColumns() {
        Font plain = Font.font(Font.getDefault().getFamily(), em);
        Font bold = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, em);
        List<List<String>> values = new ArrayList<>();
        var rows = model.rows();
        TimelineEvent last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
        values.add(last == null ? List.of("000") : List.of(String.valueOf(last.index())));
        values.add(last == null ? List.of() : List.of(EventListViewModel.time(last),
                EventListViewModel.time(rows.get(0))));
        values.add(model.nodes());
        List<String> directions = new ArrayList<>();
        for (Direction d : Direction.values()) {
            directions.add(Messages.get("events.direction." + d.name().toLowerCase(java.util.Locale.ROOT)));
        }
        values.add(directions);
        values.add(model.layerNames());
        values.add(model.protocols().stream().map(Protocol::title).toList());
        double pad = 0.9 * em;
        for (int i = 0; i < values.size(); i++) {
            TableColumn<TimelineEvent, ?> c = table.getColumns().get(i);
            double w = width(c.getText(), bold) + pad;
            for (String v : values.get(i)) {
                w = Math.max(w, width(v, plain) + pad + (i == values.size() - 1 ? 1.3 * em : 0));
            }
            c.setPrefWidth(Math.ceil(w));
            c.setMinWidth(Math.ceil(w));
        }
        info.setMinWidth(8 * em);
        fitInfo();
        // a connection's name is long (its number, ends and purpose): the drop-down keeps 16 em and shows it cut with
        // the whole name as tooltip, but never cuts its prompt, whatever the language and font
        String prompt = Messages.get("events.filter.connection");
        Font shown = connection.getButtonCell() == null ? plain : connection.getButtonCell().getFont();
        connection.setPrefWidth(Math.ceil(Math.max(16 * em, width(prompt, shown) + 4 * em)));
        connection.setMinWidth(Region.USE_PREF_SIZE);
    }

    /** The info line takes the width the other columns leave (less the vertical scroll bar's), at least 8 em. */
    private void fitInfo() {
        double used = 0;
        for (TableColumn<TimelineEvent, ?> c : table.getColumns()) {
            if (c != info && c.isVisible()) {
                used += c.getPrefWidth();
            }
        }
        double free = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset() - used - 1.3 * em;
        info.setPrefWidth(Math.max(info.getMinWidth(), Math.floor(free)));
    }

    private static double width(String s, Font f) {
        Text t = new Text(s);
        t.setFont(f);
        return t.getLayoutBounds().getWidth();
    }

    public TableView<TimelineEvent> table() {
        return table;
    }

    /** Selects and shows the session's event, or clears the selection when the filters hide it. */
    private void follow(TimelineEvent e) {
        following = true;
        try {
            int row = e == null ? -1 : model.rowOf(e.index());
            if (row < 0) {
                table.getSelectionModel().clearSelection();
                return;
            }
            if (table.getSelectionModel().getSelectedIndex() != row) {
                table.getSelectionModel().clearAndSelect(row);
            }
            scrollIntoView(row);
        } finally {
            following = false;
        }
    }

    /** Scrolls only when the row is outside the visible rows, keeping a little context above it. */
    private void scrollIntoView(int row) {
        var flow = (javafx.scene.control.skin.VirtualFlow<?>) table.lookup(".virtual-flow");
        if (flow != null && flow.getFirstVisibleCell() != null && flow.getLastVisibleCell() != null) {
            int first = flow.getFirstVisibleCell().getIndex();
            int last = flow.getLastVisibleCell().getIndex();
            if (row > first && row < last) {
                return;
            }
        }
        table.scrollTo(Math.max(0, row - 3));
    }

    private static TableColumn<TimelineEvent, String> column(String key, Function<TimelineEvent, String> text) {
        TableColumn<TimelineEvent, String> c = new TableColumn<>(Messages.get(key));
        c.setSortable(false);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(text.apply(cell.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.length() < 24 ? null : new Tooltip(item));
                TimelineEvent e = empty ? null : getTableRow().getItem();
                getStyleClass().remove("ns-lost");
                if (e != null && e.lost()) {
                    getStyleClass().add("ns-lost");
                }
            }
        });
        return c;
    }

    /** The protocol's name with its colour as a swatch: the name carries the meaning, the colour helps. */
    private static TableColumn<TimelineEvent, Protocol> protocolColumn() {
        TableColumn<TimelineEvent, Protocol> c = new TableColumn<>(Messages.get("events.column.protocol"));
        c.setSortable(false);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().protocol()));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Protocol p, boolean empty) {
                super.updateItem(p, empty);
                if (empty || p == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                Region swatch = new Region();
                swatch.getStyleClass().addAll("ns-proto-swatch", ProtocolPalette.styleClass(p));
                setGraphic(swatch);
                setText(p.title());
            }
        });
        return c;
    }

    /** A filter box whose empty value reads "all ...". */
    private static <T> ComboBox<T> filter(ObservableList<T> items, Function<T, String> text, String promptKey) {
        ComboBox<T> box = new ComboBox<>(items);
        box.setPromptText(Messages.get(promptKey));
        box.setTooltip(new Tooltip(Messages.get(promptKey + ".tip")));
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? Messages.get(promptKey) : text.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        });
        box.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(T t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? Messages.get(promptKey) : text.apply(t));
                setTooltip(empty || t == null ? null : new Tooltip(getText()));
            }
        });
        box.setMaxWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(box, Priority.NEVER);
        return box;
    }
}
