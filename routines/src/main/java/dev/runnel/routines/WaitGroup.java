package dev.runnel.routines;

import dev.runnel.spi.Timeouts;
import java.time.Duration;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;

/**
 * Go's {@code sync.WaitGroup}: a counter of outstanding work. {@link #add(int)} before starting work,
 * {@link #done()} when each piece ends, {@link #await()} until the counter is zero.
 *
 * <pre>{@code
 * WaitGroup wg = new WaitGroup();
 * for (Job job : jobs) { wg.add(1); Routines.go(() -> { try { job.run(); } finally { wg.done(); } }); }
 * wg.await();
 * }</pre>
 *
 * <p>A group may be reused once its counter is back to zero. Waiting parks the waiter (a virtual thread's
 * carrier is freed).
 */
public final class WaitGroup {
    private final Sync sync = new Sync();

    /** Creates a group whose counter is zero. */
    public WaitGroup() {
    }

    /**
     * Adds {@code delta} to the counter; waiters are released when it reaches zero.
     *
     * @param delta how much to add (negative: that many {@link #done()}s)
     * @throws IllegalStateException if the counter would go below zero (it is left unchanged)
     * @throws ArithmeticException   if the counter would overflow a long (it is left unchanged)
     */
    public void add(int delta) {
        sync.releaseShared(delta);
    }

    /**
     * Takes one from the counter.
     *
     * @throws IllegalStateException if the counter is already zero (more {@code done()}s than {@code add}ed)
     */
    public void done() {
        sync.releaseShared(-1);
    }

    /**
     * Returns the counter.
     *
     * @return how much work is outstanding
     */
    public long count() {
        return sync.count();
    }

    /**
     * Waits until the counter is zero; returns at once if it is.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    public void await() throws InterruptedException {
        sync.acquireSharedInterruptibly(0);
    }

    /**
     * Waits at most {@code timeout} until the counter is zero.
     *
     * @param timeout how long to wait at most, not negative
     * @return {@code true} if the counter reached zero, {@code false} if the timeout elapsed first
     * @throws InterruptedException     if interrupted while waiting
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    public boolean await(Duration timeout) throws InterruptedException {
        return sync.tryAcquireSharedNanos(0, Timeouts.nanos("timeout", timeout));
    }

    @Override
    public String toString() {
        return "WaitGroup[count=" + count() + "]";
    }

    /**
     * The counter is a long beside the synchronizer (AQS's own state is an int and stays unused): acquiring
     * succeeds while it is zero; releasing adds a delta and releases the waiters when it reaches zero.
     */
    private static final class Sync extends AbstractQueuedSynchronizer {
        private static final long serialVersionUID = 1L;
        private final java.util.concurrent.atomic.AtomicLong counter = new java.util.concurrent.atomic.AtomicLong();

        long count() {
            return counter.get();
        }

        @Override
        protected int tryAcquireShared(int ignored) {
            return counter.get() == 0 ? 1 : -1;
        }

        @Override
        protected boolean tryReleaseShared(int delta) {
            while (true) {
                final long c = counter.get();
                final long next;
                try {
                    next = Math.addExact(c, delta);
                } catch (ArithmeticException e) {
                    throw new ArithmeticException("WaitGroup counter would overflow: " + c + " + " + delta);
                }
                if (next < 0) {
                    throw new IllegalStateException("WaitGroup counter would go negative: " + c + " + (" + delta
                            + ") = " + next + " (done() called more times than add())");
                }
                if (counter.compareAndSet(c, next)) {
                    return next == 0;
                }
            }
        }
    }
}
