package dev.runnel;

/**
 * How a blocked channel operation waits: it spins or yields a bounded number of times, checking again after
 * each, and then parks until the operation that unblocks it unparks it (never by polling).
 *
 * <p>The blocking loop of a channel asks {@link #idle(int)} after each failed attempt: {@code true} means the
 * strategy has idled once (spun or yielded) and the caller should try again; {@code false} means the caller
 * should register itself as a waiter and park. A strategy that never returns {@code false} (such as
 * {@link #busySpin()}) never parks: use it only for threads that own a CPU.
 *
 * <p>Strategies are immutable and may be shared by any number of channels and threads.
 */
public interface WaitStrategy {

    /** Spin count of {@link #defaultStrategy()} on a machine with more than one CPU. */
    int DEFAULT_SPINS = 256;

    /**
     * Idles once between two attempts, or tells the caller to park.
     *
     * @param attempt how many attempts have failed before this one, from {@code 0}
     * @return {@code true} if the caller should try again now, {@code false} if it should park
     */
    boolean idle(int attempt);

    /**
     * Tells whether this strategy ever asks its caller to park.
     *
     * @return {@code false} for strategies that only spin or yield
     */
    boolean parks();

    /**
     * Returns a short name for reports, such as {@code "spinThenPark(256)"}.
     *
     * @return the name of this strategy and its settings
     */
    String name();

    /**
     * Spins forever with {@link Thread#onSpinWait()}: the lowest latency, a whole CPU per waiter.
     *
     * @return the busy-spin strategy
     */
    static WaitStrategy busySpin() {
        return PhasedWaitStrategy.BUSY_SPIN;
    }

    /**
     * Spins a few times, then yields forever: for more busy platform threads than CPUs, never parks. Not for
     * virtual threads: one that yields without ever parking keeps its carrier, and waiting virtual threads may
     * never be scheduled (seen with three yielding subscribers and one sender on two carriers).
     *
     * @param spins how many times to spin before yielding, {@code >= 0}
     * @return a yielding strategy
     * @throws IllegalArgumentException if {@code spins} is negative
     */
    static WaitStrategy yielding(int spins) {
        return new PhasedWaitStrategy(spins, Integer.MAX_VALUE, false);
    }

    /**
     * Parks at once: the cheapest for many routines, the slowest to wake.
     *
     * @return the park-only strategy
     */
    static WaitStrategy park() {
        return PhasedWaitStrategy.PARK;
    }

    /**
     * Spins {@code spins} times, then parks until signalled.
     *
     * @param spins how many times to spin before parking, {@code >= 0}
     * @return a spin-then-park strategy
     * @throws IllegalArgumentException if {@code spins} is negative
     */
    static WaitStrategy spinThenPark(int spins) {
        return new PhasedWaitStrategy(spins, 0, true);
    }

    /**
     * Spins {@code spins} times, yields {@code yields} times, then parks until signalled.
     *
     * @param spins  how many times to spin first, {@code >= 0}
     * @param yields how many times to yield next, {@code >= 0}
     * @return a spin-yield-park strategy
     * @throws IllegalArgumentException if {@code spins} or {@code yields} is negative
     */
    static WaitStrategy spinYieldThenPark(int spins, int yields) {
        return new PhasedWaitStrategy(spins, yields, true);
    }

    /**
     * The default: {@code spinThenPark(256)}, or {@code park()} on a single CPU, where spinning only delays the
     * thread that would unblock the waiter.
     *
     * @return the default strategy
     */
    static WaitStrategy defaultStrategy() {
        return PhasedWaitStrategy.DEFAULT;
    }
}
