package dev.runnel;

import java.util.concurrent.locks.LockSupport;

/** An {@link IdleStrategy} that parks for a fixed period per idle. */
final class SleepingIdleStrategy implements IdleStrategy {
    private final long periodNanos;

    SleepingIdleStrategy(long periodNanos) {
        if (periodNanos <= 0) {
            throw new IllegalArgumentException("period=" + periodNanos + "ns, must be > 0");
        }
        this.periodNanos = periodNanos;
    }

    @Override
    public void idle(int workCount) {
        if (workCount <= 0) {
            LockSupport.parkNanos(periodNanos);
        }
    }

    @Override
    public void idle() {
        LockSupport.parkNanos(periodNanos);
    }

    @Override
    public void reset() {
    }

    @Override
    public String alias() {
        return "sleep";
    }

    @Override
    public String toString() {
        return "sleep(" + periodNanos + "ns)";
    }
}
