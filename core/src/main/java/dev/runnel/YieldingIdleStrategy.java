package dev.runnel;

/** An {@link IdleStrategy} that yields the CPU once per idle. */
final class YieldingIdleStrategy implements IdleStrategy {
    static final YieldingIdleStrategy INSTANCE = new YieldingIdleStrategy();

    private YieldingIdleStrategy() {
    }

    @Override
    public void idle(int workCount) {
        if (workCount <= 0) {
            Thread.yield();
        }
    }

    @Override
    public void idle() {
        Thread.yield();
    }

    @Override
    public void reset() {
    }

    @Override
    public String alias() {
        return "yield";
    }

    @Override
    public String toString() {
        return alias();
    }
}
