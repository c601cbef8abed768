package org.netsim.app.gui;

import org.netsim.app.gui.compare.ComparisonViewModel;
import org.netsim.app.gui.emit.EmitComposerViewModel;
import org.netsim.app.gui.events.EventListViewModel;
import org.netsim.app.gui.inspector.InspectorViewModel;
import org.netsim.app.gui.live.LiveViewModel;
import org.netsim.app.gui.session.SessionViewModel;
import org.netsim.app.gui.stack.StackViewModel;
import org.netsim.app.gui.theme.Appearance;
import org.netsim.app.gui.time.PlaybackViewModel;
import org.netsim.app.gui.topology.TopologyViewModel;
import org.netsim.scenario.ScenarioRun;
import org.netsim.timeline.TimelineEvent;

/**
 * The window's view models, wired to one another: one session; playback stepping through the event list's filter;
 * the composer playing what it sends; the inspector and the stack showing the selected event; the topology showing
 * the frames on the wires at the current time; one layer model (OSI or TCP/IP) and one picked device (the stack
 * shows its in- and out-stacks) for every view; live capture beside the simulation.
 */
public record AppModels(SessionViewModel session, PlaybackViewModel playback, EventListViewModel events,
                        EmitComposerViewModel emit, InspectorViewModel inspector, StackViewModel stack,
                        TopologyViewModel topology, LiveViewModel live, ComparisonViewModel comparison,
                        Appearance appearance) {

    public static AppModels create() {
        SessionViewModel session = new SessionViewModel();
        PlaybackViewModel playback = new PlaybackViewModel(session);
        EventListViewModel events = new EventListViewModel(session);
        playback.filterProperty().bind(events.filterProperty());
        InspectorViewModel inspector = new InspectorViewModel(Messages.bundle());
        StackViewModel stack = new StackViewModel();
        TopologyViewModel topology = new TopologyViewModel(Messages.bundle());
        stack.layerModelProperty().bindBidirectional(session.layerModelProperty());
        stack.deviceProperty().bindBidirectional(session.selectedDeviceProperty());
        session.selectedEventProperty().addListener((o, was, event) -> showEvent(session, inspector, stack, event));
        session.runProperty().addListener((o, was, run) -> topology.setRun(run));
        session.currentTimeProperty().addListener((o, was, time) -> topology.setTime(time.longValue()));
        // the topology highlights the selection and selects what is clicked in it, keeping the time where it is
        session.selectedEventProperty().addListener((o, was, event) -> topology.selectedEventProperty()
                .set(session.selectedIndex()));
        topology.setOnSelectEvent(i -> session.showTime(session.currentTime(), i));
        if (session.run() != null) {
            topology.setRun(session.run());
            topology.setTime(session.currentTimeProperty().get());
            topology.selectedEventProperty().set(session.selectedIndex());
            showEvent(session, inspector, stack, session.selectedEventProperty().get());
        }
        return new AppModels(session, playback, events, new EmitComposerViewModel(session, playback), inspector,
                stack, topology, new LiveViewModel(), new ComparisonViewModel(), new Appearance());
    }

    private static void showEvent(SessionViewModel session, InspectorViewModel inspector, StackViewModel stack,
                                  TimelineEvent event) {
        ScenarioRun run = session.run();
        if (event == null || run == null) {
            inspector.clear();
            stack.clear();
            return;
        }
        inspector.show(event);
        stack.show(event, run.timeline());
    }
}
