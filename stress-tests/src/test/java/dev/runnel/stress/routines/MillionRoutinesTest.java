package dev.runnel.stress.routines;

import dev.runnel.Channel;
import dev.runnel.bounded.BoundedChannel;
import dev.runnel.routines.Routines;
import dev.runnel.routines.Scheduler;
import dev.runnel.routines.WaitGroup;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A million routines, each blocked on a channel receive, then released by a million sends: every routine
 * receives exactly one value and finishes (count and checksum), on the JDK's default scheduler and on Runnel's
 * two-carrier scheduler.
 */
class MillionRoutinesTest {
    private static final int ROUTINES = 1_000_000;
    private static final int CHANNELS = 1_000;

    private static void millionBlockedThenReleased(Consumer<Runnable> go) throws InterruptedException {
        final Channel<Long>[] channels = channels();
        final WaitGroup started = new WaitGroup();
        final WaitGroup finished = new WaitGroup();
        final LongAdder received = new LongAdder();
        final LongAdder sum = new LongAdder();
        final LongAdder failures = new LongAdder();
        started.add(ROUTINES);
        finished.add(ROUTINES);
        for (int i = 0; i < ROUTINES; i++) {
            final Channel<Long> ch = channels[i % CHANNELS];
            go.accept(() -> {
                try {
                    started.done();
                    final long v = ch.receive();
                    received.increment();
                    sum.add(v);
                } catch (Throwable t) {
                    failures.increment();
                } finally {
                    finished.done();
                }
            });
        }
        assertTrue(started.await(Duration.ofMinutes(2)), "all started");
        Thread.sleep(100);
        assertEquals(0, received.sum(), "nothing to receive yet: all are blocked");
        for (long v = 1; v <= ROUTINES; v++) {
            channels[(int) (v % CHANNELS)].send(v);
        }
        assertTrue(finished.await(Duration.ofMinutes(2)), "all finished: " + received.sum() + " received");
        assertEquals(0, failures.sum());
        assertEquals(ROUTINES, received.sum());
        assertEquals((long) ROUTINES * (ROUTINES + 1) / 2, sum.sum(), "checksum: each value received once");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Channel<Long>[] channels() {
        final Channel<Long>[] channels = new Channel[CHANNELS];
        for (int i = 0; i < CHANNELS; i++) {
            channels[i] = BoundedChannel.create(16);
        }
        return channels;
    }

    @Test
    void onTheDefaultScheduler() throws InterruptedException {
        millionBlockedThenReleased(Routines::go);
    }

    @Test
    void onRunnelsScheduler() throws InterruptedException {
        final Scheduler scheduler = Scheduler.builder().workers(2).pinned(true).build();
        try (scheduler) {
            millionBlockedThenReleased(scheduler::go);
        }
        // After close() has drained: a routine's body signals the WaitGroup before the routine counts as finished.
        assertEquals(ROUTINES, scheduler.stats().finished());
    }
}
