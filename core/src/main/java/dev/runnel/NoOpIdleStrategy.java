package dev.runnel;

/** An {@link IdleStrategy} that does nothing: the loop polls again at once. */
final class NoOpIdleStrategy implements IdleStrategy {
    static final NoOpIdleStrategy INSTANCE = new NoOpIdleStrategy();

    private NoOpIdleStrategy() {
    }

    @Override
    public void idle(int workCount) {
    }

    @Override
    public void idle() {
    }

    @Override
    public void reset() {
    }

    @Override
    public String alias() {
        return "noop";
    }

    @Override
    public String toString() {
        return alias();
    }
}
