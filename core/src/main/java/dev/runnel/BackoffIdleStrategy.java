package dev.runnel;

import java.util.concurrent.locks.LockSupport;

/**
 * An {@link IdleStrategy} that backs off in three phases, after Agrona's {@code BackoffIdleStrategy}: spin with
 * {@link Thread#onSpinWait()}, then {@link Thread#yield()}, then park with a period that doubles up to a cap.
 * Any work resets it to the spin phase.
 *
 * <p><b>Note:</b> holds per-loop state; use one instance per thread.
 */
final class BackoffIdleStrategy implements IdleStrategy {
    private final int maxSpins;
    private final int maxYields;
    private final long minParkNanos;
    private final long maxParkNanos;

    private int spins;
    private int yields;
    private long parkNanos;

    BackoffIdleStrategy(int maxSpins, int maxYields, long minParkNanos, long maxParkNanos) {
        if (maxSpins < 0) {
            throw new IllegalArgumentException("maxSpins=" + maxSpins + ", must be >= 0");
        }
        if (maxYields < 0) {
            throw new IllegalArgumentException("maxYields=" + maxYields + ", must be >= 0");
        }
        if (minParkNanos <= 0) {
            throw new IllegalArgumentException("minParkPeriod=" + minParkNanos + "ns, must be > 0");
        }
        if (maxParkNanos < minParkNanos) {
            throw new IllegalArgumentException(
                    "maxParkPeriod=" + maxParkNanos + "ns, must be >= minParkPeriod=" + minParkNanos + "ns");
        }
        this.maxSpins = maxSpins;
        this.maxYields = maxYields;
        this.minParkNanos = minParkNanos;
        this.maxParkNanos = maxParkNanos;
        this.parkNanos = minParkNanos;
    }

    @Override
    public void idle() {
        if (spins < maxSpins) {
            spins++;
            Thread.onSpinWait();
        } else if (yields < maxYields) {
            yields++;
            Thread.yield();
        } else {
            LockSupport.parkNanos(parkNanos);
            parkNanos = Math.min(parkNanos << 1, maxParkNanos);
        }
    }

    @Override
    public void reset() {
        spins = 0;
        yields = 0;
        parkNanos = minParkNanos;
    }

    /**
     * Returns the park period the next parking idle will use; for tests and reports.
     *
     * @return the current park period in nanoseconds
     */
    long parkPeriodNanos() {
        return parkNanos;
    }

    @Override
    public String alias() {
        return "backoff";
    }

    @Override
    public String toString() {
        return "backoff(spins=" + maxSpins + ", yields=" + maxYields + ", park=" + minParkNanos + ".."
                + maxParkNanos + "ns)";
    }
}
