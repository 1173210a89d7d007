package dev.runnel.routines;

import dev.runnel.Channel;
import dev.runnel.bounded.BoundedChannel;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoutinesTest {

    @Test
    void joinReturnsTheResultOfAVirtualThreadNamedAndNumberedAsTheRoutine() throws InterruptedException {
        final Routine<String> r = Routines.go(() -> Thread.currentThread().getName() + "-"
                + Thread.currentThread().threadId() + "/" + Thread.currentThread().isVirtual());
        assertEquals(r.name() + "/true", r.join(), "thread dumps show the routine's name and number");
        assertTrue(r.name().matches("routine-\\d+"), r.name());
        assertTrue(r.isDone());
        assertFalse(r.isCancelled());
        final Routine<Void> runnable = Routines.go(() -> { });
        assertNull(runnable.join());
        assertTrue(runnable.id() > r.id(), "numbered in order");
    }

    @Test
    void aFailureStaysInItsRoutine() throws InterruptedException {
        final Channel<Integer> ch = BoundedChannel.create(1);
        final Routine<Integer> healthy = Routines.go(() -> ch.receive());
        final Routine<Void> failing = Routines.go(() -> {
            throw new IOException("disk on fire");
        });
        final RoutineFailedException e = assertThrows(RoutineFailedException.class, failing::join);
        assertInstanceOf(IOException.class, e.getCause());
        assertTrue(e.getMessage().contains(failing.name()), e.getMessage());
        assertThrows(RoutineFailedException.class, failing::join, "every join rethrows it");
        assertFalse(healthy.isDone());
        ch.send(7);
        assertEquals(7, healthy.join());
    }

    @Test
    void cancelInterruptsAndJoinThrowsCancellation() throws InterruptedException {
        final Channel<Integer> never = BoundedChannel.create(1);
        final CountDownLatch waiting = new CountDownLatch(1);
        final Routine<Integer> r = Routines.go(() -> {
            waiting.countDown();
            return never.receive();
        });
        waiting.await();
        assertTrue(r.cancel());
        assertFalse(r.cancel(), "a second cancel does nothing");
        final CancellationException e = assertThrows(CancellationException.class, r::join);
        assertTrue(e.getMessage().contains(r.name()));
        assertTrue(r.isCancelled());
        assertTrue(r.isDone());

        final Routine<Integer> done = Routines.go(() -> 1);
        assertEquals(1, done.join());
        assertFalse(done.cancel(), "an ended routine cannot be cancelled");
        assertEquals(1, done.join());
    }

    @Test
    void joinWithTimeout() throws Exception {
        final CountDownLatch release = new CountDownLatch(1);
        final Routine<String> r = Routines.go(() -> {
            release.await();
            return "late";
        });
        assertThrows(TimeoutException.class, () -> r.join(Duration.ofMillis(20)));
        assertThrows(TimeoutException.class, () -> r.join(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> r.join(Duration.ofMillis(-1)));
        release.countDown();
        assertEquals("late", r.join(Duration.ofSeconds(10)));
    }

    @Test
    void joinIsInterruptible() throws InterruptedException {
        final CountDownLatch release = new CountDownLatch(1);
        final Routine<Void> r = Routines.go(() -> {
            release.await();
            return null;
        });
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, r::join);
        assertFalse(r.isDone(), "the routine runs on");
        release.countDown();
        r.join();
    }

    @Test
    void failuresNobodyJoinsGoToTheHandlerAndJoinedOnesDoNot() throws InterruptedException {
        final List<String> reported = new CopyOnWriteArrayList<>();
        try (Scheduler s = Scheduler.builder().workers(1).name("uncaught")
                .uncaughtFailureHandler((name, failure) -> reported.add(name + ":" + failure.getMessage())).build()) {
            Routine<Void> joined = s.go(() -> {
                throw new IllegalStateException("joined");
            });
            assertThrows(RoutineFailedException.class, joined::join);
            final String joinedName = joined.name();
            joined = null;
            Routine<Void> forgotten = s.go(() -> {
                throw new IllegalStateException("forgotten");
            });
            while (!forgotten.isDone()) {
                Thread.onSpinWait();
            }
            final String forgottenName = forgotten.name();
            forgotten = null;
            final long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (reported.isEmpty() && System.nanoTime() < deadline) {
                System.gc();
                Thread.sleep(10);
            }
            assertEquals(List.of(forgottenName + ":forgotten"), reported);
            assertFalse(reported.toString().contains(joinedName + ":"));
        }
    }

    @Test
    void badArgumentsAreClearErrors() {
        assertThrows(NullPointerException.class, () -> Routines.go((Runnable) null));
        assertThrows(NullPointerException.class, () -> Routines.setUncaughtFailureHandler(null));
    }

    @Test
    void routinesSeeTheirOwnInterruptOnly() throws InterruptedException {
        final AtomicBoolean sawInterrupt = new AtomicBoolean();
        final Routine<Void> a = Routines.go(() -> sawInterrupt.set(Thread.currentThread().isInterrupted()));
        a.join();
        assertFalse(sawInterrupt.get());
        assertSame(null, a.join());
    }
}
