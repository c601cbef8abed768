package org.netsim.app.gui.time;

import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.netsim.app.gui.Messages;
import org.netsim.app.gui.session.SessionViewModel;

/**
 * The time control bar: restart, step back, play/pause, step forward, slower, the speed, faster, and the current
 * simulation time. An {@link AnimationTimer} drives {@link PlaybackViewModel#advance} with the wall time between
 * pulses while playing.
 */
public final class PlaybackBar extends HBox {
    /** Longest wall time one pulse may advance by: after a stall (a dialog, a slow machine) playback does not leap. */
    private static final long MAX_PULSE_NANOS = 100_000_000L;

    private final AnimationTimer timer;

    public PlaybackBar(PlaybackViewModel playback, SessionViewModel session) {
        getStyleClass().add("ns-playback-bar");
        Button restart = button("time.restart", "time.restart.tip", playback::restart);
        restart.setId("restartButton");
        Button back = button("time.back", "time.back.tip", playback::stepBack);
        back.setId("stepBackButton");
        Button play = button("time.play", "time.play.tip", playback::togglePlay);
        play.setId("playButton");
        play.textProperty().bind(Bindings.when(playback.playingProperty())
                .then(Messages.get("time.pause")).otherwise(Messages.get("time.play")));
        Button forward = button("time.forward", "time.forward.tip", playback::stepForward);
        forward.setId("stepForwardButton");
        Button slower = button("time.slower", "time.slower.tip", playback::slower);
        Button faster = button("time.faster", "time.faster.tip", playback::faster);
        Label speed = new Label();
        speed.getStyleClass().add("ns-speed-label");
        speed.textProperty().bind(Bindings.createStringBinding(
                () -> Messages.get("time.speed", speedText(playback.speed())), playback.speedProperty()));
        speed.setTooltip(new Tooltip(Messages.get("time.speed.tip")));
        Label time = new Label();
        time.setId("timeLabel");
        time.getStyleClass().add("ns-time-label");
        time.textProperty().bind(Bindings.createStringBinding(() -> session.selectedEvent() == null
                        && session.currentTime() == SessionViewModel.START_NANOS ? Messages.get("time.beforeStart")
                        : Messages.get("time.now", TimeText.sinceStart(session.currentTime())),
                session.currentTimeProperty(), session.selectedEventProperty()));
        getChildren().addAll(restart, back, play, forward, slower, speed, faster, time);
        disableProperty().bind(session.runProperty().isNull());

        timer = new AnimationTimer() {
            private long last = -1;

            @Override
            public void start() {
                last = -1;
                super.start();
            }

            @Override
            public void handle(long now) {
                if (last >= 0) {
                    playback.advance(Math.min(now - last, MAX_PULSE_NANOS));
                }
                last = now;
            }
        };
        // the timer runs only while playing: an idle window asks for no pulses
        playback.playingProperty().addListener((o, was, playing) -> {
            if (playing) {
                timer.start();
            } else {
                timer.stop();
            }
        });
    }

    /** Stops the animation timer (when the window closes). */
    public void stop() {
        timer.stop();
    }

    private static String speedText(double s) {
        return s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s);
    }

    private static Button button(String key, String tipKey, Runnable action) {
        Button b = new Button(Messages.get(key));
        b.setTooltip(new Tooltip(Messages.get(tipKey)));
        b.setOnAction(e -> action.run());
        b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return b;
    }
}
