package org.netsim.app.gui;

import org.netsim.app.gui.emit.EmitComposerViewModel;
import org.netsim.app.gui.events.EventListViewModel;
import org.netsim.app.gui.session.SessionViewModel;
import org.netsim.app.gui.theme.Appearance;
import org.netsim.app.gui.time.PlaybackViewModel;

/**
 * The window's view models, wired to one another: one session, playback stepping through the event list's filter,
 * the composer playing what it sends. The views (and the views the other packages add) take what they need from here.
 */
public record AppModels(SessionViewModel session, PlaybackViewModel playback, EventListViewModel events,
                        EmitComposerViewModel emit, Appearance appearance) {

    public static AppModels create() {
        SessionViewModel session = new SessionViewModel();
        PlaybackViewModel playback = new PlaybackViewModel(session);
        EventListViewModel events = new EventListViewModel(session);
        playback.filterProperty().bind(events.filterProperty());
        return new AppModels(session, playback, events, new EmitComposerViewModel(session, playback),
                new Appearance());
    }
}
