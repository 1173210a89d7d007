package dev.runnel.routines;

import dev.runnel.spi.SpinLock;

import java.util.ArrayList;
import java.util.List;

/**
 * The routines alive on one of Runnel's schedulers, for {@link Scheduler#close()} (wait until none) and
 * {@link Scheduler#shutdownNow()} (cancel them all): doubly linked lists threaded through the routines
 * themselves ({@link TrackedRoutineTask}), striped so that a spawner and the carriers ending routines rarely
 * meet on one lock. Adding and removing allocate nothing, unlike a concurrent set's node per routine.
 *
 * <p>A routine's stripe is fixed when it is created (its creation number modulo the stripe count, so consecutive
 * spawns spread). Each stripe's list and count are guarded by the stripe's lock; {@link #size()} and
 * {@link #snapshot()} take the locks one at a time, so they are exact per stripe, not one instant.
 */
final class LiveRoutines {
    private final Stripe[] stripes;

    /**
     * @param workers the scheduler's carrier count: four stripes per carrier, a power of two
     */
    LiveRoutines(int workers) {
        final int n = Integer.highestOneBit(workers * 4 - 1) << 1; // the power of two at or above 4 x workers
        stripes = new Stripe[n];
        for (int i = 0; i < n; i++) {
            stripes[i] = new Stripe();
        }
    }

    /** The stripe a routine with creation number {@code number} belongs to. */
    int stripeOf(long number) {
        return (int) number & (stripes.length - 1);
    }

    void add(TrackedRoutineTask<?> task) {
        final Stripe s = stripes[task.stripe];
        s.lock.lock();
        try {
            task.next = s.head;
            task.prev = null;
            if (s.head != null) {
                s.head.prev = task;
            }
            s.head = task;
            s.count++;
        } finally {
            s.lock.unlock();
        }
    }

    /** Removes the routine if it was added; a routine never added (discarded before its start) is ignored. */
    void remove(TrackedRoutineTask<?> task) {
        final Stripe s = stripes[task.stripe];
        s.lock.lock();
        try {
            if (task.prev == null && s.head != task) {
                return; // not on the list: only its head has no predecessor
            }
            if (task.prev != null) {
                task.prev.next = task.next;
            } else {
                s.head = task.next;
            }
            if (task.next != null) {
                task.next.prev = task.prev;
            }
            task.prev = null;
            task.next = null;
            s.count--;
        } finally {
            s.lock.unlock();
        }
    }

    /** How many routines are alive. */
    long size() {
        long n = 0;
        for (Stripe s : stripes) {
            s.lock.lock();
            try {
                n += s.count;
            } finally {
                s.lock.unlock();
            }
        }
        return n;
    }

    /** The routines alive now (a copy: cancelling them removes them). */
    List<RoutineTask<?>> snapshot() {
        final List<RoutineTask<?>> all = new ArrayList<>();
        for (Stripe s : stripes) {
            s.lock.lock();
            try {
                for (TrackedRoutineTask<?> t = s.head; t != null; t = t.next) {
                    all.add(t);
                }
            } finally {
                s.lock.unlock();
            }
        }
        return all;
    }

    /** One list, its count and its lock; padded so that two stripes' hot fields never share a cache line. */
    private static final class Stripe {
        @SuppressWarnings("unused")
        private long p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15;
        final SpinLock lock = new SpinLock();
        TrackedRoutineTask<?> head;
        long count;
    }
}
