package org.netsim.app.gui.compare;

import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import org.netsim.app.gui.Messages;
import org.netsim.app.gui.inspector.InspectorView;
import org.netsim.app.gui.theme.Theme;
import org.netsim.compare.FieldDifference;

/**
 * The comparison: the simulated frame's layers and bytes beside the captured one's, and under them every field that
 * differs with its reason; rows a real capture should not have are marked.
 */
public final class ComparisonView extends BorderPane {
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);

    public ComparisonView(ComparisonViewModel model) {
        getStyleClass().addAll("ns-panel", "comparison-view");
        setId("comparisonView");
        Label summary = new Label(Messages.get("compare.empty"));
        summary.setId("comparisonSummary");
        summary.setWrapText(true);
        model.summaryProperty().addListener((o, a, b) -> summary.setText(b));
        Label notes = new Label();
        notes.setWrapText(true);
        notes.getStyleClass().add("ns-note");
        notes.textProperty().bind(model.notesProperty());
        notes.visibleProperty().bind(model.notesProperty().isNotEmpty());
        notes.managedProperty().bind(notes.visibleProperty());
        javafx.scene.control.ComboBox<ComparisonViewModel.PartItem> part =
                new javafx.scene.control.ComboBox<>(model.parts());
        part.setId("comparisonPart");
        part.valueProperty().bindBidirectional(model.partProperty());
        part.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.parts()));
        part.managedProperty().bind(part.visibleProperty());
        Label partLabel = new Label(Messages.get("compare.part"));
        partLabel.visibleProperty().bind(part.visibleProperty());
        partLabel.managedProperty().bind(part.visibleProperty());
        javafx.scene.layout.HBox partRow = new javafx.scene.layout.HBox(partLabel, part);
        partRow.getStyleClass().add("ns-row");
        partRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        setTop(new VBox(summary, notes, partRow));

        InspectorView simulated = new InspectorView(model.simulated(), Messages.bundle());
        InspectorView captured = new InspectorView(model.captured(), Messages.bundle());
        simulated.setStacked(true);
        captured.setStacked(true);
        simulated.themeProperty().bind(theme);
        captured.themeProperty().bind(theme);
        SplitPane trees = new SplitPane(titled("compare.simulated", simulated), titled("compare.captured", captured));

        TableView<ComparisonViewModel.Row> table = new TableView<>(model.differences());
        table.setId("comparisonDifferences");
        table.setPlaceholder(new Label(Messages.get("compare.none")));
        TableColumn<ComparisonViewModel.Row, String> partColumn = column("compare.column.part", d -> "", 8);
        partColumn.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().part()));
        table.getColumns().add(partColumn);
        table.getColumns().add(column("compare.column.layer", d -> d.protocol().title(), 7));
        table.getColumns().add(column("compare.column.field", FieldDifference::name, 10));
        table.getColumns().add(column("compare.column.simulated", d -> d.simulated() == null ? "\u2014"
                : d.simulated(), 10));
        table.getColumns().add(column("compare.column.captured", d -> d.captured() == null ? "\u2014"
                : d.captured(), 10));
        table.getColumns().add(column("compare.column.why", FieldDifference::why, 40));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ComparisonViewModel.Row row, boolean empty) {
                super.updateItem(row, empty);
                FieldDifference d = row == null ? null : row.difference();
                getStyleClass().remove("comparison-unexpected");
                setTooltip(empty || d == null ? null : new Tooltip(d.why()));
                if (!empty && d != null && !d.expected()) {
                    getStyleClass().add("comparison-unexpected");
                }
            }
        });
        SplitPane split = new SplitPane(trees, table);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.6);
        setCenter(split);
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    private static BorderPane titled(String key, javafx.scene.Node content) {
        Label title = new Label(Messages.get(key));
        title.getStyleClass().add("ns-panel-title");
        BorderPane p = new BorderPane(content);
        p.setTop(title);
        return p;
    }

    private static TableColumn<ComparisonViewModel.Row, String> column(String key,
                                                                        Function<FieldDifference, String> value,
                                                                        double ems) {
        TableColumn<ComparisonViewModel.Row, String> c = new TableColumn<>(Messages.get(key));
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue().difference())));
        c.setPrefWidth(ems * Font.getDefault().getSize());
        return c;
    }
}
