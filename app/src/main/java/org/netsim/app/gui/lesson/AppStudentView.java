package org.netsim.app.gui.lesson;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.netsim.app.gui.AppModels;
import org.netsim.app.gui.inspector.InspectorRow;
import org.netsim.capture.decode.CaptureMessage;
import org.netsim.lessons.ByteRange;
import org.netsim.lessons.LayerModel;
import org.netsim.lessons.run.StudentView;
import org.netsim.pdu.Protocol;
import org.netsim.scenario.Scenario;
import org.netsim.scenario.ScenarioRun;
import org.netsim.timeline.TimelineEvent;

/**
 * What a lesson's steps see of the window: the session's run and selection, the inspector's field and highlighted
 * bytes, the layer model, the time, the emits the student added since the scenario was opened, the messages the
 * Live capture tab decoded.
 */
final class AppStudentView implements StudentView {
    private final AppModels models;
    private Scenario base;

    AppStudentView(AppModels models) {
        this.models = models;
        this.base = models.session().scenario();
        // a scenario opened (not edited) is the base the student's own emits are counted from
        models.session().sourceProperty().addListener((o, was, now) -> base = models.session().scenario());
    }

    /** Takes the session's current scenario as the base (after a lesson opened it, even under the same name). */
    void rebase() {
        base = models.session().scenario();
    }

    @Override
    public ScenarioRun run() {
        return models.session().run();
    }

    @Override
    public String scenarioName() {
        String source = models.session().sourceProperty().get();
        return source == null ? null : Path.of(source).getFileName().toString();
    }

    @Override
    public TimelineEvent selectedEvent() {
        return models.session().selectedEvent();
    }

    @Override
    public String selectedFieldKey() {
        InspectorRow row = models.inspector().selectedProperty().get();
        return row == null || row.field() == null ? null : row.field().key();
    }

    @Override
    public ByteRange highlightedBytes() {
        int start = models.inspector().highlightStartProperty().get();
        int end = models.inspector().highlightEndProperty().get();
        // in the byte array the hex pane shows: the frame, or a reassembled message's bytes
        return start < 0 || end <= start ? null : new ByteRange(start, end,
                models.inspector().sourceProperty().get());
    }

    @Override
    public LayerModel layerModel() {
        return models.session().layerModelProperty().get() == org.netsim.app.gui.session.LayerModel.TCP_IP
                ? LayerModel.TCP_IP : LayerModel.OSI;
    }

    @Override
    public long currentTimeNanos() {
        return models.session().currentTime();
    }

    @Override
    public List<Scenario.Action> addedActions() {
        Scenario now = models.session().scenario();
        return base == null || now == null ? List.of() : StudentView.addedActions(base, now);
    }

    /** The layer of the tree row the student clicked. */
    @Override
    public Protocol selectedFieldProtocol() {
        InspectorRow row = models.inspector().selectedProperty().get();
        return row == null || row.field() == null ? null : row.protocol();
    }

    /** What the Live capture tab decoded: captured live, or read from a capture file opened there. */
    @Override
    public Optional<List<CaptureMessage>> capturedMessages() {
        return Optional.of(List.copyOf(models.live().messages()));
    }
}
