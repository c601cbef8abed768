package org.netsim.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SimulatorTest {
    private record Scheduled(long time, int order) {
    }

    @Test
    void runsTasksInTimeOrderAndTiesInTheOrderTheyWereScheduled() {
        Simulator sim = new Simulator(1, 1_000);
        SplittableRandom random = new SplittableRandom(7);
        List<Scheduled> expected = new ArrayList<>();
        List<Scheduled> ran = new ArrayList<>();
        for (int order = 0; order < 5_000; order++) {
            // few distinct times, so that many tasks tie
            Scheduled s = new Scheduled(1_000 + random.nextInt(200), order);
            expected.add(s);
            sim.at(s.time(), () -> {
                assertThat(sim.now()).isEqualTo(s.time());
                ran.add(s);
            });
        }
        sim.runUntil(Long.MAX_VALUE);
        expected.sort(Comparator.comparingLong(Scheduled::time).thenComparingInt(Scheduled::order));
        assertThat(ran).containsExactlyElementsOf(expected);
        assertThat(sim.idle()).isTrue();
    }

    @Test
    void tasksScheduledByTasksRunInOrderAndRunUntilStopsAtItsTime() {
        Simulator sim = new Simulator(1, 0);
        List<String> log = new ArrayList<>();
        sim.at(10, () -> {
            log.add("a@10");
            sim.after(0, () -> log.add("c@10"));
            sim.after(5, () -> log.add("d@15"));
        });
        sim.at(10, () -> log.add("b@10"));
        sim.at(20, () -> log.add("e@20"));
        sim.runUntil(15);
        assertThat(log).containsExactly("a@10", "b@10", "c@10", "d@15");
        assertThat(sim.now()).isEqualTo(15);
        assertThat(sim.idle()).isFalse();
        sim.runUntil(100);
        assertThat(log).endsWith("e@20");
        assertThatThrownBy(() -> sim.at(19, () -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot schedule in the past: 19 < 20");
    }

    /** A repeat keeps only its next run queued, yet runs in exactly the order that scheduling every run up front gives. */
    @Test
    void repeatRunsInTheOrderOfSchedulingEveryRunUpFront() {
        List<String> upFront = new ArrayList<>();
        List<String> repeated = new ArrayList<>();
        for (boolean lazily : new boolean[] {false, true}) {
            Simulator sim = new Simulator(1, 0);
            List<String> log = lazily ? repeated : upFront;
            sim.at(30, () -> log.add("before@30"));
            if (lazily) {
                sim.repeat(10, 10, 5, () -> log.add("tick@" + sim.now()));
            } else {
                for (int i = 0; i < 5; i++) {
                    sim.at(10 + i * 10L, () -> log.add("tick@" + sim.now()));
                }
            }
            sim.at(30, () -> {
                log.add("after@30");
                sim.at(40, () -> log.add("scheduled-at-30@40"));
            });
            sim.at(50, () -> log.add("other@50"));
            sim.runUntil(Long.MAX_VALUE);
        }
        assertThat(repeated).containsExactlyElementsOf(upFront);
        assertThat(upFront).containsExactly("tick@10", "tick@20", "before@30", "tick@30", "after@30", "tick@40",
                "scheduled-at-30@40", "tick@50", "other@50");
    }
}
