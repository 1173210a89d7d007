package dev.runnel;

/** An {@link IdleStrategy} that spins once with {@link Thread#onSpinWait()} per idle. */
final class BusySpinIdleStrategy implements IdleStrategy {
    static final BusySpinIdleStrategy INSTANCE = new BusySpinIdleStrategy();

    private BusySpinIdleStrategy() {
    }

    @Override
    public void idle(int workCount) {
        if (workCount <= 0) {
            Thread.onSpinWait();
        }
    }

    @Override
    public void idle() {
        Thread.onSpinWait();
    }

    @Override
    public void reset() {
    }

    @Override
    public String alias() {
        return "spin";
    }

    @Override
    public String toString() {
        return alias();
    }
}
