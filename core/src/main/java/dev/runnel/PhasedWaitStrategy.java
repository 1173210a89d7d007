package dev.runnel;

/**
 * The wait strategies of {@link WaitStrategy}'s factories: a spin phase, a yield phase, then park (or, for
 * strategies that never park, spin or yield forever).
 */
final class PhasedWaitStrategy implements WaitStrategy {
    static final PhasedWaitStrategy BUSY_SPIN = new PhasedWaitStrategy(Integer.MAX_VALUE, 0, false);
    static final PhasedWaitStrategy PARK = new PhasedWaitStrategy(0, 0, true);
    static final PhasedWaitStrategy DEFAULT =
            new PhasedWaitStrategy(Runtime.getRuntime().availableProcessors() > 1 ? DEFAULT_SPINS : 0, 0, true);

    private final int spins;
    private final int yieldsEnd;
    private final boolean parks;

    PhasedWaitStrategy(int spins, int yields, boolean parks) {
        if (spins < 0) {
            throw new IllegalArgumentException("spins=" + spins + ", must be >= 0");
        }
        if (yields < 0) {
            throw new IllegalArgumentException("yields=" + yields + ", must be >= 0");
        }
        this.spins = spins;
        this.yieldsEnd = (int) Math.min(Integer.MAX_VALUE, (long) spins + yields);
        this.parks = parks;
    }

    @Override
    public boolean idle(int attempt) {
        if (attempt < spins) {
            Thread.onSpinWait();
            return true;
        }
        if (attempt < yieldsEnd || !parks) {
            if (spins == Integer.MAX_VALUE) {
                Thread.onSpinWait();    // busy spin: attempt counters may wrap, keep spinning
            } else {
                Thread.yield();
            }
            return true;
        }
        return false;
    }

    @Override
    public boolean parks() {
        return parks;
    }

    @Override
    public String name() {
        if (!parks) {
            return spins == Integer.MAX_VALUE ? "busySpin" : "yielding(" + spins + ")";
        }
        int yields = yieldsEnd - spins;
        if (spins == 0 && yields == 0) {
            return "park";
        }
        return yields == 0 ? "spinThenPark(" + spins + ")" : "spinYieldThenPark(" + spins + ", " + yields + ")";
    }

    @Override
    public String toString() {
        return name();
    }
}
