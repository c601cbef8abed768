package org.netsim.app.gui.inspector;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.netsim.app.gui.FieldTexts;
import org.netsim.pdu.DataSources;
import org.netsim.pdu.Field;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.Protocol;
import org.netsim.timeline.TimelineEvent;

/**
 * The state of the inspector: the layer tree of one frame (or message), its bytes, which protocol owns each byte, and
 * the selection that ties the two panes together. Selecting a row highlights exactly the bytes its field occupies
 * ({@code [Field.byteStart, Field.byteEnd)}); selecting a byte selects the innermost field that owns it.
 */
public final class InspectorViewModel {
    private final ResourceBundle text;
    private final InspectorRows rows;
    private final ObservableList<InspectorRow> layers = FXCollections.observableArrayList();
    private final ObservableList<InspectorRow> readOnlyLayers = FXCollections.unmodifiableObservableList(layers);
    private final ObservableList<Protocol> legend = FXCollections.observableArrayList();
    private final ObservableList<Protocol> readOnlyLegend = FXCollections.unmodifiableObservableList(legend);
    private final ReadOnlyObjectWrapper<byte[]> bytes = new ReadOnlyObjectWrapper<>(new byte[0]);
    private final ReadOnlyObjectWrapper<InspectorRow> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper highlightStart = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyIntegerWrapper highlightEnd = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyIntegerWrapper cursor = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyStringWrapper selectionText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper malformed = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<FieldDetail> detail = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> sourceTitles = FXCollections.observableArrayList();
    private final ObservableList<String> readOnlySourceTitles = FXCollections.unmodifiableObservableList(sourceTitles);
    private final ReadOnlyIntegerWrapper source = new ReadOnlyIntegerWrapper(0);
    /** The byte arrays the shown tree counts in: the frame, then any reassembled message or inflated body. */
    private DataSources sources;
    /** The innermost layer owning each byte of the shown array, for the hex pane's tint. */
    private Protocol[] owners = new Protocol[0];
    /** All field and malformed rows in frame order, for byte-to-field lookup. */
    private final List<InspectorRow> leafRows = new ArrayList<>();

    public InspectorViewModel(ResourceBundle text) {
        this.text = text;
        this.rows = new InspectorRows(text);
    }

    /** Shows the PDU tree of an event; a change of state (no PDU) clears the inspector. */
    public void show(TimelineEvent event) {
        Pdu whole = event == null ? null : event.wholePdu();
        if (whole == null) {
            clear();
        } else {
            show(whole, EventBytes.of(event));
        }
    }

    /**
     * Shows a PDU tree decoded from {@code frame} (its offsets are positions in {@code frame}, or in the data source
     * a layer of it opens: a message reassembled from several segments has its own array, a tab beside the frame's).
     */
    public void show(Pdu wholeTree, byte[] frame) {
        select(null);
        sources = DataSources.of(wholeTree, frame);
        List<InspectorRow> built = rows.of(wholeTree, sources);
        leafRows.clear();
        List<Protocol> seen = new ArrayList<>();
        for (InspectorRow layer : built) {
            leafRows.addAll(layer.children());
            if (!seen.contains(layer.protocol())) {
                seen.add(layer.protocol());
            }
        }
        List<String> titles = new ArrayList<>();
        for (DataSources.Source s : sources.list()) {
            titles.add(s.isFrame() ? MessageFormat.format(text.getString("inspector.source.frame"), s.length())
                    : MessageFormat.format(text.getString("inspector.source.data"), s.source().name(), s.length()));
        }
        sourceTitles.setAll(titles);
        source.set(-1);
        showArray(0);
        layers.setAll(built);
        legend.setAll(seen);
        malformed.set(wholeTree.firstMalformed().map(p -> MessageFormat.format(text.getString("inspector.malformed"),
                p.protocol().title(), p.malformed().reason(), p.malformed().offset())).orElse(""));
    }

    /**
     * Shows byte array {@code index} of the tree in the hex pane (0 the frame, then its data sources); a selection
     * in another array is dropped. Selecting a row of another array switches to it by itself.
     */
    public void showSource(int index) {
        if (sources == null || index < 0 || index >= sources.size() || index == source.get()) {
            return;
        }
        InspectorRow row = selected.get();
        if (row != null && row.source() != index) {
            select(null);
        }
        showArray(index);
    }

    private void showArray(int index) {
        DataSources.Source s = sources.get(index);
        byte[] array = s.bytes() == null ? new byte[0] : s.bytes();
        Protocol[] own = new Protocol[array.length];
        // depth first: an inner layer's bytes are tinted after (over) the layer that holds them
        for (Pdu p : s.pdus()) {
            for (int i = Math.max(0, p.offset()); i < Math.min(array.length, p.end()); i++) {
                own[i] = p.protocol();
            }
        }
        owners = own;
        cursor.set(-1);
        source.set(index);
        bytes.set(array);
    }

    public void clear() {
        select(null);
        sources = null;
        sourceTitles.clear();
        source.set(0);
        owners = new Protocol[0];
        leafRows.clear();
        layers.clear();
        legend.clear();
        bytes.set(new byte[0]);
        malformed.set("");
    }

    /** Selects a row (a layer, a field or a malformed reason) and highlights its bytes; null clears the selection. */
    public void select(InspectorRow row) {
        selected.set(row);
        if (row == null) {
            highlightStart.set(-1);
            highlightEnd.set(-1);
            selectionText.set("");
            detail.set(null);
            return;
        }
        if (sources != null && row.source() != source.get()) {
            showArray(row.source());
        }
        detail.set(detailOf(row));
        highlightStart.set(row.byteStart());
        highlightEnd.set(row.byteEnd());
        cursor.set(row.byteStart());
        String mask = row.field() == null ? null : FieldText.bitMask(row.field());
        String range = row.byteEnd() - row.byteStart() <= 1 ? Integer.toString(row.byteStart())
                : row.byteStart() + "\u2013" + (row.byteEnd() - 1);
        selectionText.set(mask == null
                ? MessageFormat.format(text.getString("inspector.selection.bytes"), range, row.byteEnd() - row.byteStart())
                : MessageFormat.format(text.getString("inspector.selection.bits"), range, mask,
                        row.field().bitLength()));
    }

    /** The detail pane's text for {@code row}: name, value, position in bits and bytes, explanation, reference. */
    private FieldDetail detailOf(InspectorRow row) {
        String layer = row.protocol().title();
        Field f = row.field();
        long bitOffset = f != null ? f.bitOffset() : row.byteStart() * 8L;
        long bitLength = f != null ? f.bitLength() : (row.byteEnd() - row.byteStart()) * 8L;
        String bits = MessageFormat.format(text.getString("inspector.detail.bits"), bitOffset, bitLength);
        int count = row.byteEnd() - row.byteStart();
        String bytes = count <= 0 ? "" : count == 1
                ? MessageFormat.format(text.getString("inspector.detail.byte"), row.byteStart())
                : MessageFormat.format(text.getString("inspector.detail.bytes"), row.byteStart(), row.byteEnd() - 1,
                        count);
        if (row.source() > 0 && !bytes.isEmpty()) {
            bytes = MessageFormat.format(text.getString("inspector.detail.in"), bytes,
                    sources.get(row.source()).source().name());
        }
        return switch (row.kind()) {
            case FIELD -> new FieldDetail(MessageFormat.format(text.getString("inspector.detail.title"), layer,
                    FieldTexts.name(f)), MessageFormat.format(text.getString("inspector.detail.value"),
                    FieldText.value(f)), bits, bytes, FieldTexts.explanation(f), f.spec().reference() == null ? ""
                    : MessageFormat.format(text.getString("inspector.detail.reference"), f.spec().reference()));
            case LAYER -> new FieldDetail(row.text(), "", bits, bytes, row.tooltip(), "");
            case MALFORMED -> new FieldDetail(layer, "", bits, bytes, row.text(), "");
        };
    }

    /** Selects the first field with this key (e.g. {@code tcp.dstport}), if the tree has one. */
    public Optional<InspectorRow> selectField(String key) {
        for (InspectorRow r : leafRows) {
            if (r.field() != null && r.field().key().equals(key)) {
                select(r);
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /**
     * Selects the innermost field owning byte {@code index}: the field of the deepest layer that covers it (the
     * first such field where several bit fields share the byte), else the innermost layer. Returns the row.
     */
    public Optional<InspectorRow> selectByte(int index) {
        if (index < 0 || index >= owners.length) {
            return Optional.empty();
        }
        InspectorRow best = null;
        int bestDepth = -1;
        for (InspectorRow r : leafRows) {
            if (r.source() == source.get() && r.byteStart() <= index && index < r.byteEnd()) {
                int depth = depth(r);
                if (depth > bestDepth) {
                    best = r;
                    bestDepth = depth;
                }
            }
        }
        if (best == null) {
            for (InspectorRow layer : layers) {
                if (layer.source() == source.get() && layer.byteStart() <= index && index < layer.byteEnd()) {
                    best = layer;
                }
            }
        }
        select(best);
        cursor.set(index);
        return Optional.ofNullable(best);
    }

    /** Moves the hex pane's cursor (arrow keys: ±1, ±16) and selects the field under it. */
    public void moveCursor(int delta) {
        if (owners.length == 0) {
            return;
        }
        int from = cursor.get() < 0 ? 0 : cursor.get() + delta;
        selectByte(Math.max(0, Math.min(owners.length - 1, from)));
    }

    private int depth(InspectorRow r) {
        for (int i = layers.size() - 1; i >= 0; i--) {
            if (layers.get(i).pdu() == r.pdu()) {
                return i;
            }
        }
        return -1;
    }

    /** The layer that owns byte {@code index} (its colour tints the byte), or null. */
    public Protocol ownerOf(int index) {
        return index >= 0 && index < owners.length ? owners[index] : null;
    }

    public ObservableList<InspectorRow> layers() {
        return readOnlyLayers;
    }

    /** The protocols of the shown tree, outermost first: the hex pane's colour legend. */
    public ObservableList<Protocol> legend() {
        return readOnlyLegend;
    }

    /** The tabs of the hex pane: "Frame (1514 bytes)", then "Reassembled TCP (70026 bytes)" and the like. */
    public ObservableList<String> sourceTitles() {
        return readOnlySourceTitles;
    }

    /** Which of {@link #sourceTitles()} the hex pane shows. */
    public ReadOnlyIntegerProperty sourceProperty() {
        return source.getReadOnlyProperty();
    }

    /** The bytes of the shown array (the frame, or a data source of it). */
    public ReadOnlyObjectProperty<byte[]> bytesProperty() {
        return bytes.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<InspectorRow> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** First highlighted byte, or -1. */
    public ReadOnlyIntegerProperty highlightStartProperty() {
        return highlightStart.getReadOnlyProperty();
    }

    /** One past the last highlighted byte, or -1. */
    public ReadOnlyIntegerProperty highlightEndProperty() {
        return highlightEnd.getReadOnlyProperty();
    }

    /** The byte the hex pane's keyboard cursor is on, or -1. */
    public ReadOnlyIntegerProperty cursorProperty() {
        return cursor.getReadOnlyProperty();
    }

    /** "Bytes 47 (mask 0x02, 1 bit)": what the highlight covers. */
    public ReadOnlyStringProperty selectionTextProperty() {
        return selectionText.getReadOnlyProperty();
    }

    /** What the selected row is, in full (the detail pane under the tree), or null when nothing is selected. */
    public ReadOnlyObjectProperty<FieldDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /** Why the shown tree is malformed (the first malformed layer), or empty. */
    public ReadOnlyStringProperty malformedProperty() {
        return malformed.getReadOnlyProperty();
    }
}
