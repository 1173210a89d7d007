package dev.runnel.routines;

import dev.runnel.Channel;
import dev.runnel.affinity.Affinity;
import dev.runnel.affinity.CpuSet;
import dev.runnel.bounded.BoundedChannel;
import dev.runnel.numa.Placement;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SchedulerTest {

    @Test
    void routinesAreVirtualThreadsOnTheCarriers() throws InterruptedException {
        try (Scheduler s = Scheduler.builder().workers(2).name("vt").build()) {
            assertTrue(s.usesVirtualThreads(), "./runnel and surefire open java.lang: virtual threads expected");
            final Routine<String> r = s.go(() -> Thread.currentThread().isVirtual() + " "
                    + Thread.currentThread().getName() + "-" + Thread.currentThread().threadId());
            assertEquals("true " + r.name(), r.join());
            assertTrue(r.name().startsWith("vt-routine-"));
            assertEquals(List.of("vt-carrier-0", "vt-carrier-1"),
                    s.carrierThreads().stream().map(Thread::getName).toList());
        }
    }

    @Test
    void pinnedCarriersRunOnTheirCpus() throws InterruptedException {
        assumeTrue(Affinity.isAvailable(), Affinity::unavailableReason);
        final CpuSet allowed = Affinity.currentMask();
        final int workers = Math.min(2, allowed.size());
        try (Scheduler s = Scheduler.builder().workers(workers).pinned(true).placement(Placement.PACK).build()) {
            final int[] cpus = s.cpus();
            assertArrayEquals(allowed.stream().limit(workers).toArray(), cpus);
            // a routine reads its carrier's mask: it must be exactly one of the carriers' CPUs
            for (int i = 0; i < 50; i++) {
                final Routine<CpuSet> r = s.go(Affinity::currentMask);
                final CpuSet mask = r.join();
                assertEquals(1, mask.size(), "carriers are pinned to one CPU: " + mask);
                assertTrue(CpuSet.of(cpus).contains(mask.first()));
            }
            assertTrue(s.stats().carriers().stream().allMatch(CarrierStats::pinned));
        }
    }

    @Test
    void platformRoutinesRunOnTheCarriersThemselves() throws InterruptedException {
        try (Scheduler s = Scheduler.builder().workers(1).virtualThreads(false).name("plat").build()) {
            assertFalse(s.usesVirtualThreads());
            assertEquals("plat-carrier-0", s.go(() -> Thread.currentThread().getName()).join());
            // an interrupt meant for a cancelled routine does not reach the next one on the same carrier
            final CountDownLatch started = new CountDownLatch(1);
            final Routine<Void> sleeper = s.go(() -> {
                started.countDown();
                Thread.sleep(60_000);
                return null;
            });
            started.await();
            sleeper.cancel();
            assertThrows(CancellationException.class, sleeper::join);
            assertFalse(s.go(() -> Thread.currentThread().isInterrupted()).join());
            assertFalse(s.stats().virtualThreads());
        }
    }

    @Test
    void closeDrainsParkedRoutines() throws InterruptedException {
        final Channel<Integer> ch = BoundedChannel.create(16);
        final Scheduler s = Scheduler.builder().workers(2).build();
        final List<Routine<Integer>> routines = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            routines.add(s.go(() -> ch.receive()));
        }
        awaitParked(s, 100);
        final Thread closer = Thread.ofPlatform().start(s::close);
        Thread.sleep(50);
        assertTrue(closer.isAlive(), "close waits for the parked routines");
        assertTrue(s.isClosed());
        assertThrows(IllegalStateException.class, () -> s.go(() -> 1), "closed: no new routine");
        long sum = 0;
        for (int i = 1; i <= 100; i++) {
            ch.send(i);
        }
        closer.join();
        for (Routine<Integer> r : routines) {
            sum += r.join();
        }
        assertEquals(5050, sum);
        for (Thread carrier : s.carrierThreads()) {
            assertFalse(carrier.isAlive(), "carriers stop once drained");
        }
        assertEquals(100, s.stats().finished());
    }

    @Test
    void shutdownNowCancelsParkedRoutines() throws InterruptedException {
        final Channel<Integer> never = BoundedChannel.create(16);
        final Scheduler s = Scheduler.builder().workers(2).build();
        final List<Routine<Integer>> routines = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            routines.add(s.go(() -> never.receive()));
        }
        awaitParked(s, 1000);
        s.shutdownNow();
        for (Routine<Integer> r : routines) {
            assertTrue(r.isDone());
            assertThrows(CancellationException.class, r::join);
        }
        for (Thread carrier : s.carrierThreads()) {
            assertFalse(carrier.isAlive());
        }
    }

    @Test
    void statisticsCountRoutinesStealsAndIdling() throws InterruptedException {
        try (Scheduler s = Scheduler.builder().workers(2).build()) {
            final Channel<Integer> ch = BoundedChannel.create(16);
            for (int i = 0; i < 10; i++) {
                s.go(() -> ch.receive());
            }
            awaitParked(s, 10);
            SchedulerStats stats = s.stats();
            assertEquals(10, stats.started());
            assertEquals(0, stats.finished());
            assertEquals(10, stats.parked());
            for (int i = 0; i < 10; i++) {
                ch.send(i);
            }
            final AtomicLong work = new AtomicLong();
            final List<Routine<Void>> burst = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                burst.add(s.go(() -> {
                    work.incrementAndGet();
                }));
            }
            for (Routine<Void> r : burst) {
                r.join();
            }
            awaitFinished(s, 10_010);
            stats = s.stats();
            assertEquals(10_010, stats.started());
            assertEquals(0, stats.parked());
            assertTrue(stats.carriers().stream().mapToLong(CarrierStats::tasks).sum() >= 10_010 + 10,
                    "every start and every resume is a task");
            assertTrue(stats.carriers().stream().mapToLong(CarrierStats::idleSpins).sum() > 0);
            assertTrue(stats.summary().contains("started=10010"), stats.summary());
        }
    }

    @Test
    void badSettingsAreClearErrors() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Scheduler.builder().workers(0))
                .getMessage().contains("workers=0 is out of range [1, 4096]"));
        assertThrows(IllegalArgumentException.class, () -> Scheduler.builder().queueCapacity(8));
        assertThrows(IllegalArgumentException.class, () -> Scheduler.builder().cpus(CpuSet.empty()));
        assertThrows(IllegalArgumentException.class, () -> Scheduler.builder().name(" "));
        assertThrows(IllegalArgumentException.class,
                () -> Scheduler.builder().pinned(true).cpus(CpuSet.of(CpuSet.MAX_CPU)).build());
        assertThrows(NullPointerException.class, () -> Scheduler.builder().waitStrategy(null));
    }

    @Test
    void aThrowingBuilderArgumentLeavesNoThreads() {
        final long before = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("leak-")).count();
        assertThrows(IllegalArgumentException.class,
                () -> Scheduler.builder().name("leak").pinned(true).cpus(CpuSet.of(CpuSet.MAX_CPU)).build());
        assertEquals(before, Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("leak-")).count());
        assertInstanceOf(Scheduler.Builder.class, Scheduler.builder());
    }

    static void awaitParked(Scheduler s, long n) throws InterruptedException {
        final long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (s.stats().parked() < n || s.stats().running() > 0 || s.stats().queued() > 0) {
            assertTrue(System.nanoTime() < deadline, "not parked in time: " + s.stats().summary());
            Thread.sleep(5);
        }
    }

    static void awaitFinished(Scheduler s, long n) throws InterruptedException {
        final long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (s.stats().finished() < n) {
            assertTrue(System.nanoTime() < deadline, "not finished in time: " + s.stats().summary());
            Thread.sleep(5);
        }
    }
}
