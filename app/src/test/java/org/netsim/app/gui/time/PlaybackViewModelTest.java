package org.netsim.app.gui.time;

import static org.assertj.core.api.Assertions.assertThat;

import org.netsim.app.gui.session.SessionViewModel;
import org.netsim.pdu.Protocol;
import org.netsim.timeline.Direction;
import org.netsim.timeline.Timeline;
import org.netsim.timeline.TimelineEvent;
import org.netsim.timeline.Unit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The time model of playback (scaled time on the wire, idle gaps skipped), speed bounds and exact stepping. */
class PlaybackViewModelTest {
    private static final long FRAME = 16_666_667L;

    private SessionViewModel session;
    private PlaybackViewModel playback;
    private Timeline timeline;

    @BeforeEach
    void load() {
        session = new SessionViewModel();
        playback = new PlaybackViewModel(session);
        assertThat(session.openShipped("one-client.yaml")).isTrue();
        timeline = session.run().timeline();
    }

    private TimelineEvent firstWire() {
        return timeline.query().direction(Direction.WIRE).protocol(Protocol.PHYSICAL).list().get(0);
    }

    @Test
    void aMinimumFrameOn100MbpsIsOnTheWireForAboutAThirdOfASecondAt1x() {
        TimelineEvent arp = firstWire();
        Unit.Hop hop = (Unit.Hop) arp.unit();
        assertThat(hop.frame().bytes()).hasSize(60); // 64 with the FCS: Ethernet's minimum frame
        double wallSeconds = (hop.arrivalNanos() - arp.timeNanos()) * (double) PlaybackViewModel.WALL_NANOS_PER_SIM_NANO
                / 1e9;
        assertThat(wallSeconds).isBetween(0.25, 0.4);
    }

    @Test
    void whileAFrameIsOnTheWireTimeRunsAtTheScaledRate() {
        TimelineEvent arp = firstWire();
        session.select(arp.index());
        playback.play();
        playback.advance(50_000_000L); // 50 ms of wall time at 1x: 1 µs simulated
        assertThat(session.currentTime()).isEqualTo(arp.timeNanos() + 1_000);
        playback.setSpeed(2);
        playback.advance(50_000_000L);
        assertThat(session.currentTime()).isEqualTo(arp.timeNanos() + 3_000);
        playback.setSpeed(0.1);
        playback.advance(50_000_000L);
        assertThat(session.currentTime()).isEqualTo(arp.timeNanos() + 3_100);
    }

    @Test
    void idleGapsAreSkippedSoTheEmitAt300msArrivesWithinSecondsOfWallTime() {
        long emitTime = SessionViewModel.START_NANOS + 300_000_000L;
        playback.play();
        int frames = 0;
        while (session.currentTime() < emitTime && frames < 100_000) {
            playback.advance(FRAME);
            frames++;
        }
        // without skipping, 300 ms simulated at 1x would take 15 000 s of wall time (900 000 frames)
        assertThat(frames).isLessThan(30_000);
        assertThat(session.currentTime()).isEqualTo(emitTime); // landed on the emit's time, not past it
        assertThat(session.selectedEvent().timeNanos()).isEqualTo(emitTime);
        assertThat(playback.isPlaying()).isTrue();
    }

    @Test
    void playbackSelectsTheLastEventReachedAndPausesAtTheEnd() {
        playback.play();
        long last = -1;
        int frames = 0;
        while (playback.isPlaying() && frames < 1_000_000) {
            playback.advance(FRAME * 60); // 1 s steps, still every event time visited
            assertThat(session.currentTime()).isGreaterThanOrEqualTo(last);
            last = session.currentTime();
            TimelineEvent e = session.selectedEvent();
            if (e != null) {
                assertThat(e.timeNanos()).isLessThanOrEqualTo(session.currentTime());
            }
            frames++;
        }
        assertThat(playback.isPlaying()).isFalse();
        assertThat(session.selectedIndex()).isEqualTo(timeline.size() - 1);
        playback.play(); // at the end, play starts again from the beginning
        assertThat(session.selectedIndex()).isEqualTo(-1);
        assertThat(session.currentTime()).isEqualTo(SessionViewModel.START_NANOS);
    }

    @Test
    void speedStaysBetweenATenthAndTenTimes() {
        playback.setSpeed(100);
        assertThat(playback.speed()).isEqualTo(10);
        playback.faster();
        assertThat(playback.speed()).isEqualTo(10);
        playback.setSpeed(0.001);
        assertThat(playback.speed()).isEqualTo(0.1);
        playback.slower();
        assertThat(playback.speed()).isEqualTo(0.1);
        playback.faster();
        assertThat(playback.speed()).isEqualTo(0.25);
        playback.setSpeed(1);
        playback.faster();
        assertThat(playback.speed()).isEqualTo(2);
        playback.slower();
        playback.slower();
        assertThat(playback.speed()).isEqualTo(0.5);
        playback.setSpeed(3);
        playback.slower();
        assertThat(playback.speed()).isEqualTo(2);
    }

    @Test
    void stepBackThenForwardLandsOnTheSameEventAndTime() {
        assertThat(session.selectedIndex()).isEqualTo(-1);
        playback.stepForward();
        assertThat(session.selectedIndex()).isZero();
        playback.stepBack();
        assertThat(session.selectedIndex()).isEqualTo(-1);
        assertThat(session.currentTime()).isEqualTo(SessionViewModel.START_NANOS);
        for (int i = 0; i < 400; i++) {
            playback.stepForward();
        }
        int index = session.selectedIndex();
        long time = session.currentTime();
        assertThat(index).isEqualTo(399);
        for (int k = 0; k < 37; k++) {
            playback.stepBack();
        }
        for (int k = 0; k < 37; k++) {
            playback.stepForward();
        }
        assertThat(session.selectedIndex()).isEqualTo(index);
        assertThat(session.currentTime()).isEqualTo(time).isEqualTo(timeline.get(index).timeNanos());
    }

    @Test
    void steppingPausesAndRestartGoesBeforeTheFirstEvent() {
        playback.play();
        playback.stepForward();
        assertThat(playback.isPlaying()).isFalse();
        playback.play();
        playback.restart();
        assertThat(playback.isPlaying()).isFalse();
        assertThat(session.selectedEvent()).isNull();
    }

    @Test
    void withAFilterSteppingAndPlaybackSelectOnlyEventsThatPassIt() {
        playback.filterProperty().set(i -> timeline.get(i).protocol() == Protocol.SOCKETIO);
        for (int k = 0; k < 8; k++) {
            playback.stepForward();
            assertThat(session.selectedEvent().protocol()).isEqualTo(Protocol.SOCKETIO);
        }
        int eighth = session.selectedIndex();
        playback.stepBack();
        assertThat(session.selectedEvent().protocol()).isEqualTo(Protocol.SOCKETIO);
        playback.stepForward();
        assertThat(session.selectedIndex()).isEqualTo(eighth);
        playback.restart();
        playback.play();
        for (int f = 0; f < 20_000 && playback.isPlaying(); f++) {
            playback.advance(FRAME);
            if (session.selectedEvent() != null) {
                assertThat(session.selectedEvent().protocol()).isEqualTo(Protocol.SOCKETIO);
            }
        }
        assertThat(session.selectedEvent()).isNotNull();
    }
}
