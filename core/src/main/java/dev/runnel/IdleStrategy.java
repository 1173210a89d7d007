package dev.runnel;

import java.time.Duration;

/**
 * How a duty-cycle loop idles when a round of work found nothing to do: the loop polls its rings itself and
 * calls {@link #idle(int)} with the amount of work done. Unlike a {@link WaitStrategy}, an idle strategy is
 * never woken by a signal; it decides alone how long to back off.
 *
 * <p><b>Note:</b> strategies with state ({@link #backoff}) belong to one thread; create one per loop.
 *
 * {@snippet :
 * IdleStrategy idle = IdleStrategy.backoff();
 * while (running) {
 *     idle.idle(ring.drain(handler, 256));   // resets after work, backs off after none
 * }
 * }
 */
public interface IdleStrategy {

    /**
     * Idles if {@code workCount} is zero, and resets the strategy otherwise.
     *
     * @param workCount how much work the last round did
     */
    default void idle(int workCount) {
        if (workCount > 0) {
            reset();
        } else {
            idle();
        }
    }

    /** Idles once, whatever the work done. */
    void idle();

    /** Forgets any back-off state: the next idle starts from the first phase again. */
    void reset();

    /**
     * Returns a short name for reports and configuration, such as {@code "backoff"}.
     *
     * @return the alias of this strategy
     */
    String alias();

    /**
     * Never idles: for loops that must react at once and have a CPU of their own.
     *
     * @return the no-op strategy (stateless, shared)
     */
    static IdleStrategy noOp() {
        return NoOpIdleStrategy.INSTANCE;
    }

    /**
     * Spins with {@link Thread#onSpinWait()}: low latency, a whole CPU.
     *
     * @return the busy-spin strategy (stateless, shared)
     */
    static IdleStrategy busySpin() {
        return BusySpinIdleStrategy.INSTANCE;
    }

    /**
     * Yields the CPU with {@link Thread#yield()}.
     *
     * @return the yielding strategy (stateless, shared)
     */
    static IdleStrategy yielding() {
        return YieldingIdleStrategy.INSTANCE;
    }

    /**
     * Sleeps for a fixed period with {@link java.util.concurrent.locks.LockSupport#parkNanos(long)}.
     *
     * @param period how long each idle sleeps, positive
     * @return a sleeping strategy (stateless)
     * @throws IllegalArgumentException if {@code period} is zero or negative
     */
    static IdleStrategy sleeping(Duration period) {
        return new SleepingIdleStrategy(period.toNanos());
    }

    /**
     * Backs off in phases: spins, then yields, then parks with a period that doubles from
     * {@code minParkPeriod} up to {@code maxParkPeriod}.
     *
     * @param maxSpins      idles spent spinning, {@code >= 0}
     * @param maxYields     idles spent yielding after the spins, {@code >= 0}
     * @param minParkPeriod the first park period, positive
     * @param maxParkPeriod the longest park period, {@code >= minParkPeriod}
     * @return a new back-off strategy, for one thread
     * @throws IllegalArgumentException if an argument is out of its range
     */
    static IdleStrategy backoff(int maxSpins, int maxYields, Duration minParkPeriod, Duration maxParkPeriod) {
        return new BackoffIdleStrategy(maxSpins, maxYields, minParkPeriod.toNanos(), maxParkPeriod.toNanos());
    }

    /**
     * Backs off with the default phases: 10 spins, 5 yields, then parks from 1 µs doubling up to 1 ms.
     *
     * @return a new back-off strategy, for one thread
     */
    static IdleStrategy backoff() {
        return new BackoffIdleStrategy(10, 5, 1_000, 1_000_000);
    }
}
