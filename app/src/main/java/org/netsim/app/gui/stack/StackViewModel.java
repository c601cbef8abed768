package org.netsim.app.gui.stack;

import org.netsim.app.gui.session.LayerModel;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.Protocol;
import org.netsim.timeline.Timeline;
import org.netsim.timeline.TimelineEvent;

/**
 * The stack view's state for one selected event: the sender's out-stack and the receiver's in-stack, the blocks each
 * layer adds to the frame (from the frame's PDU tree), which row each block sits on in the chosen {@link LayerModel},
 * and how far the encapsulation animation has got.
 *
 * <p>The animation is a step count: steps 1..n put the sender's blocks on, innermost first (the payload drops a layer
 * and the layer wraps it); the next steps take the receiver's blocks off, outermost first. The view animates between
 * steps; {@link #jumpToEnd()} shows the end state at once (tests, "reduce motion").
 */
public final class StackViewModel {
    private final ObjectProperty<LayerModel> layerModel = new SimpleObjectProperty<>(LayerModel.OSI);
    private final ObservableList<EncapsulationBlock> blocks = FXCollections.observableArrayList();
    /** One wrapper for good: listeners on a wrapper made per call would vanish with it (it holds them weakly). */
    private final ObservableList<EncapsulationBlock> readOnlyBlocks = FXCollections.unmodifiableObservableList(blocks);
    private final ReadOnlyObjectWrapper<Transfer> transfer = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Protocol> eventProtocol = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper receiverBlocks = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper stepCount = new ReadOnlyIntegerWrapper();
    private final IntegerProperty step = new SimpleIntegerProperty();
    private int frameLength;

    public StackViewModel() {
        step.addListener((o, a, b) -> {
            int clamped = Math.max(0, Math.min(stepCount.get(), b.intValue()));
            if (clamped != b.intValue()) {
                step.set(clamped);
            }
        });
    }

    /** Shows the stacks for an event of {@code timeline}; an event without a frame (a change of state) clears. */
    public void show(TimelineEvent event, Timeline timeline) {
        Transfer t = event == null ? null : Transfer.of(event, timeline);
        if (t == null) {
            clear();
            return;
        }
        Pdu frame = t.wireEvent().wholePdu();
        Pdu eventPdu = event.pdu();
        Pdu focus = eventPdu == null ? null : frame.find(event.protocol()).orElse(null);
        List<EncapsulationBlock> list = EncapsulationBlock.of(frame, focus);
        int received = 0;
        for (EncapsulationBlock b : list) {
            // a host that reads TCP hands the payload up to the application layers it carries
            if (t.receiverTop() != null && (b.protocol().osi().number() <= t.receiverTop().osi().number()
                    || t.receiverTop() == Protocol.TCP)) {
                received++;
            }
        }
        frameLength = frame.length();
        transfer.set(t);
        eventProtocol.set(event.protocol());
        receiverBlocks.set(received);
        stepCount.set(list.size() + received);
        step.set(0);
        // last: the view rebuilds and starts its animation on this change, so everything else must be in place
        blocks.setAll(list);
    }

    public void clear() {
        transfer.set(null);
        eventProtocol.set(null);
        receiverBlocks.set(0);
        stepCount.set(0);
        step.set(0);
        frameLength = 0;
        blocks.clear();
    }

    /** The blocks of the frame, outermost (Physical) first. */
    public ObservableList<EncapsulationBlock> blocks() {
        return readOnlyBlocks;
    }

    /** The frame's length on the wire: the sum of every block's header and trailer. */
    public int frameLength() {
        return frameLength;
    }

    /**
     * The blocks on row {@code row} of the current model, innermost first: drawn top down, so within a row that holds
     * several layers (Engine.IO in WebSocket on OSI's session layer) the payload still sits above its wrapper.
     */
    public List<EncapsulationBlock> blocksOnRow(int row) {
        List<EncapsulationBlock> out = new ArrayList<>();
        for (int i = blocks.size() - 1; i >= 0; i--) {
            if (layerModel.get().rowOf(blocks.get(i).protocol()) == row) {
                out.add(blocks.get(i));
            }
        }
        return out;
    }

    /** Whether the sender's unit for block {@code i} (index in {@link #blocks()}) is built at the current step. */
    public boolean senderShows(int i) {
        return i >= blocks.size() - step.get();
    }

    /** Whether the receiver has read block {@code i} at the current step (it reads the outermost first). */
    public boolean receiverShows(int i) {
        int read = step.get() - blocks.size();
        return i < receiverBlocks.get() && i < read;
    }

    /** Whether the receiver's stack reaches block {@code i} at all (a switch stops at Ethernet). */
    public boolean receiverReaches(int i) {
        return i < receiverBlocks.get();
    }

    public void jumpToEnd() {
        step.set(stepCount.get());
    }

    public void restart() {
        step.set(0);
    }

    public ObjectProperty<LayerModel> layerModelProperty() {
        return layerModel;
    }

    public ReadOnlyObjectProperty<Transfer> transferProperty() {
        return transfer.getReadOnlyProperty();
    }

    /** The selected event's protocol: its block is highlighted. */
    public ReadOnlyObjectProperty<Protocol> eventProtocolProperty() {
        return eventProtocol.getReadOnlyProperty();
    }

    /** How many blocks the receiver reads (all for a host, fewer for a switch or router). */
    public ReadOnlyIntegerProperty receiverBlocksProperty() {
        return receiverBlocks.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty stepCountProperty() {
        return stepCount.getReadOnlyProperty();
    }

    public IntegerProperty stepProperty() {
        return step;
    }
}
