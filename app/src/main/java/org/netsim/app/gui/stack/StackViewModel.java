package org.netsim.app.gui.stack;

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
import org.netsim.app.gui.session.LayerModel;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.Protocol;
import org.netsim.timeline.Direction;
import org.netsim.timeline.Timeline;
import org.netsim.timeline.TimelineEvent;

/**
 * The stack view's state for one selected event: two stacks side by side, the blocks each layer adds to the frame
 * (from the frame's PDU tree), which row each block sits on in the chosen {@link LayerModel}, and how far the
 * encapsulation animation has got.
 *
 * <p>Without a {@link #deviceProperty() device} the two stacks are the sender's out-stack and the furthest receiver's
 * in-stack: the whole journey. With a device on the frame's path they are that device's in- and out-stack, as Packet
 * Tracer shows them: a switch reads the frame up to Ethernet and sends it down again unchanged; a router reads it up
 * to IPv4 and sends a copy down with a TTL one less and new MAC addresses ({@link #rewrites()}); the sender has only
 * an out-stack, a receiver only an in-stack.
 *
 * <p>The animation is a step count: the left stack's steps come first, then the right one's (going down, the payload
 * drops a layer and the layer wraps it, innermost first; going up, the outermost is taken off first). The view
 * animates between steps; {@link #jumpToEnd()} shows the end state at once (tests, "reduce motion").
 */
public final class StackViewModel {
    private final ObjectProperty<LayerModel> layerModel = new SimpleObjectProperty<>(LayerModel.OSI);
    private final ObjectProperty<String> device = new SimpleObjectProperty<>(this, "device");
    private final ObservableList<String> devices = FXCollections.observableArrayList();
    private final ObservableList<String> readOnlyDevices = FXCollections.unmodifiableObservableList(devices);
    private final ObservableList<EncapsulationBlock> blocks = FXCollections.observableArrayList();
    /** One wrapper for good: listeners on a wrapper made per call would vanish with it (it holds them weakly). */
    private final ObservableList<EncapsulationBlock> readOnlyBlocks = FXCollections.unmodifiableObservableList(blocks);
    private final ObservableList<Rewrite> rewrites = FXCollections.observableArrayList();
    private final ObservableList<Rewrite> readOnlyRewrites = FXCollections.unmodifiableObservableList(rewrites);
    private final ReadOnlyObjectWrapper<Transfer> transfer = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Protocol> eventProtocol = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<StackColumn> left = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<StackColumn> right = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<String> shownDevice = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper receiverBlocks = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper stepCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper();
    private final IntegerProperty step = new SimpleIntegerProperty();
    private int frameLength;
    private Protocol focus;

    public StackViewModel() {
        step.addListener((o, a, b) -> {
            int clamped = Math.max(0, Math.min(stepCount.get(), b.intValue()));
            if (clamped != b.intValue()) {
                step.set(clamped);
            }
        });
        device.addListener((o, was, now) -> {
            if (transfer.get() != null) {
                arrange();
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
        focus = event.pdu() == null ? null : event.protocol();
        List<EncapsulationBlock> list = blocksOf(frame);
        frameLength = frame.length();
        transfer.set(t);
        eventProtocol.set(event.protocol());
        receiverBlocks.set(t.receiverTop() == null ? 0 : reach(list, t.receiverTop()));
        devices.setAll(t.path());
        blocks.setAll(list);
        arrange();
    }

    public void clear() {
        transfer.set(null);
        eventProtocol.set(null);
        receiverBlocks.set(0);
        frameLength = 0;
        focus = null;
        devices.clear();
        blocks.clear();
        rewrites.clear();
        left.set(null);
        right.set(null);
        shownDevice.set(null);
        stepCount.set(0);
        step.set(0);
        revision.set(revision.get() + 1);
    }

    /** Sets the two stacks for the chosen device (or the whole journey) and starts the animation from the top. */
    private void arrange() {
        Transfer t = transfer.get();
        Transfer.Visit v = device.get() == null ? null : t.visit(device.get());
        List<Rewrite> changed = List.of();
        if (v == null) {
            shownDevice.set(null);
            left.set(new StackColumn(t.sender(), Direction.DOWN, blocks, blocks.size(), t.wireEvent().wholePdu()));
            right.set(t.receiver() == null ? StackColumn.none(null, Direction.UP)
                    : new StackColumn(t.receiver(), Direction.UP, blocks, receiverBlocks.get(),
                    t.wireEvent().wholePdu()));
        } else {
            shownDevice.set(v.node());
            StackColumn in = StackColumn.none(v.node(), Direction.UP);
            if (v.arrival() != null && v.top() != null) {
                Pdu inFrame = v.arrival().wholePdu();
                List<EncapsulationBlock> inBlocks = blocksOf(inFrame);
                in = new StackColumn(v.node(), Direction.UP, inBlocks, reach(inBlocks, v.top()), inFrame);
            }
            StackColumn out = StackColumn.none(v.node(), Direction.DOWN);
            if (v.node().equals(t.sender())) {
                out = new StackColumn(v.node(), Direction.DOWN, blocks, blocks.size(), t.wireEvent().wholePdu());
            } else if (v.departure() != null && !in.isEmpty()) {
                // a device that forwards the frame builds it again as far down as it read it
                Pdu outFrame = v.departure().wholePdu();
                List<EncapsulationBlock> outBlocks = blocksOf(outFrame);
                out = new StackColumn(v.node(), Direction.DOWN, outBlocks, in.reach(), outFrame);
                changed = Rewrite.of(in.frame(), outFrame, v.top());
            }
            left.set(in);
            right.set(out);
        }
        rewrites.setAll(changed);
        stepCount.set(left.get().reach() + right.get().reach());
        step.set(0);
        // last: the view rebuilds and starts its animation on this change, so everything else must be in place
        revision.set(revision.get() + 1);
    }

    private List<EncapsulationBlock> blocksOf(Pdu frame) {
        Pdu f = focus == null ? null : frame.find(focus).orElse(null);
        return EncapsulationBlock.of(frame, f);
    }

    /** How many of the outermost blocks a device that read up to {@code top} handles. */
    private static int reach(List<EncapsulationBlock> list, Protocol top) {
        int n = 0;
        for (EncapsulationBlock b : list) {
            // a host that reads TCP hands the payload up to the application layers it carries
            if (b.protocol().osi().number() <= top.osi().number() || top == Protocol.TCP) {
                n++;
            }
        }
        return n;
    }

    /** The blocks of the frame as its sender built it, outermost (Physical) first. */
    public ObservableList<EncapsulationBlock> blocks() {
        return readOnlyBlocks;
    }

    /** The frame's length on the wire: the sum of every block's header and trailer. */
    public int frameLength() {
        return frameLength;
    }

    /** The blocks of the sender's frame on row {@code row} of the current model, innermost first. */
    public List<EncapsulationBlock> blocksOnRow(int row) {
        return blocksOnRow(blocks, row);
    }

    /**
     * The blocks of {@code column} on row {@code row}, innermost first: drawn top down, so within a row that holds
     * several layers (Engine.IO in WebSocket on OSI's session layer) the payload still sits above its wrapper.
     */
    public List<EncapsulationBlock> blocksOnRow(StackColumn column, int row) {
        return blocksOnRow(column.blocks(), row);
    }

    private List<EncapsulationBlock> blocksOnRow(List<EncapsulationBlock> list, int row) {
        List<EncapsulationBlock> out = new ArrayList<>();
        for (int i = list.size() - 1; i >= 0; i--) {
            if (layerModel.get().rowOf(list.get(i).protocol()) == row) {
                out.add(list.get(i));
            }
        }
        return out;
    }

    /** How many steps of its own animation the left ({@code true}) or right stack has made at the current step. */
    public int stepsOf(boolean leftSide) {
        StackColumn l = left.get();
        int leftSteps = l == null ? 0 : l.reach();
        return leftSide ? Math.min(step.get(), leftSteps) : Math.max(0, step.get() - leftSteps);
    }

    /** Whether block {@code i} of the left ({@code true}) or right stack shows at the current step. */
    public boolean shows(boolean leftSide, int i) {
        StackColumn c = leftSide ? left.get() : right.get();
        return c != null && c.shows(i, stepsOf(leftSide));
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

    /**
     * The device whose in- and out-stacks to show (a node name), or null for the sender's and the furthest receiver's;
     * a device the selected frame does not pass shows the whole journey too ({@link #shownDeviceProperty()} is null).
     */
    public ObjectProperty<String> deviceProperty() {
        return device;
    }

    /** The device whose stacks show now: {@link #deviceProperty()} when the frame passes it, else null. */
    public ReadOnlyObjectProperty<String> shownDeviceProperty() {
        return shownDevice.getReadOnlyProperty();
    }

    /** The devices the selected frame passes, sender first: the choices of the device picker. */
    public ObservableList<String> devices() {
        return readOnlyDevices;
    }

    /** The fields the shown device rewrote on the frame (a router's); empty for a switch, a host or the journey. */
    public ObservableList<Rewrite> rewrites() {
        return readOnlyRewrites;
    }

    /** The stack on the left: the sender's out-stack, or the device's in-stack. */
    public ReadOnlyObjectProperty<StackColumn> leftProperty() {
        return left.getReadOnlyProperty();
    }

    /** The stack on the right: the receiver's in-stack, or the device's out-stack. */
    public ReadOnlyObjectProperty<StackColumn> rightProperty() {
        return right.getReadOnlyProperty();
    }

    /** Changes whenever the stacks were set anew (another event, device or nothing): the view rebuilds and plays. */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Transfer> transferProperty() {
        return transfer.getReadOnlyProperty();
    }

    /** The selected event's protocol: its block is highlighted. */
    public ReadOnlyObjectProperty<Protocol> eventProtocolProperty() {
        return eventProtocol.getReadOnlyProperty();
    }

    /** How many blocks the furthest receiver reads (all for a host, fewer for a switch or router). */
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
