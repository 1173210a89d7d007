package dev.runnel.routines;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiveRoutinesTest {
    private static final Scheduler NO_SCHEDULER = null;

    private static TrackedRoutineTask<Void> task(LiveRoutines live, long number) {
        return new TrackedRoutineTask<>(NO_SCHEDULER, null, number, (Runnable) () -> { }, true,
                live.stripeOf(number));
    }

    @Test
    void addsAndRemovesFromTheMiddleAndBothEnds() {
        final LiveRoutines live = new LiveRoutines(1);
        final List<TrackedRoutineTask<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < 40; i++) { // several per stripe
            final TrackedRoutineTask<Void> t = task(live, i);
            tasks.add(t);
            live.add(t);
        }
        assertEquals(40, live.size());
        assertEquals(new HashSet<>(tasks), new HashSet<>(live.snapshot()));
        final Set<RoutineTask<?>> left = new HashSet<>(tasks);
        for (int i : new int[] {0, 39, 20, 4, 8, 12, 1}) { // first-added, last-added, middles of one stripe
            live.remove(tasks.get(i));
            left.remove(tasks.get(i));
            assertEquals(left.size(), live.size());
            assertEquals(left, new HashSet<>(live.snapshot()));
        }
        for (TrackedRoutineTask<Void> t : tasks) {
            live.remove(t); // removing twice is ignored
        }
        assertEquals(0, live.size());
        assertTrue(live.snapshot().isEmpty());
        assertNull(tasks.get(5).next);
        assertNull(tasks.get(5).prev);
    }

    @Test
    void aRoutineNeverAddedIsIgnoredOnRemove() {
        final LiveRoutines live = new LiveRoutines(2);
        final TrackedRoutineTask<Void> kept = task(live, 1);
        live.add(kept);
        live.remove(task(live, 1)); // same stripe, never added
        assertEquals(1, live.size());
        assertEquals(List.of(kept), live.snapshot());
    }

    @Test
    void consecutiveNumbersSpreadOverEveryStripe() {
        final LiveRoutines live = new LiveRoutines(3); // 12 stripes asked: 16
        final Set<Integer> stripes = new HashSet<>();
        for (int i = 0; i < 64; i++) {
            stripes.add(live.stripeOf(i));
        }
        assertEquals(16, stripes.size());
        assertEquals(live.stripeOf(5), live.stripeOf(5 + 16));
        final LiveRoutines one = new LiveRoutines(1); // 4 stripes
        assertEquals(one.stripeOf(0), one.stripeOf(4));
        assertEquals(4, IntStream.range(0, 64).map(one::stripeOf).distinct().count());
    }

    @Test
    @Timeout(60)
    void concurrentAddsAndRemovesLoseNothing() throws InterruptedException {
        final LiveRoutines live = new LiveRoutines(2);
        final int threads = 4;
        final int perThread = 200_000;
        final CountDownLatch start = new CountDownLatch(1);
        final List<Thread> workers = new ArrayList<>();
        final List<List<TrackedRoutineTask<Void>>> kept = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            final int base = w * perThread;
            final List<TrackedRoutineTask<Void>> mine = new ArrayList<>();
            kept.add(mine);
            workers.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                final ArrayList<TrackedRoutineTask<Void>> window = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    final TrackedRoutineTask<Void> t = task(live, base + i);
                    live.add(t);
                    window.add(t);
                    if (window.size() == 8) { // remove out of order, as routines end
                        live.remove(window.remove(3));
                    }
                }
                mine.addAll(window);
            }));
        }
        start.countDown();
        for (Thread t : workers) {
            t.join();
        }
        final Set<RoutineTask<?>> expected = new HashSet<>();
        kept.forEach(expected::addAll);
        assertEquals(threads * 7, expected.size());
        assertEquals(expected.size(), live.size());
        assertEquals(expected, new HashSet<>(live.snapshot()));
        assertEquals(expected.size(), live.snapshot().size()); // no duplicates
    }
}
