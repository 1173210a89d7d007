package dev.runnel.spi;

/** The short wait for another thread that is a few instructions from finishing (a claimed, unwritten slot). */
public final class Spin {
    private static final int SPINS = 128;

    private Spin() {
    }

    /**
     * Spins on the first tries, then yields, so that a thread preempted mid-operation gets the CPU back.
     *
     * @param attempt how many times the caller has waited already
     * @return {@code attempt + 1}
     */
    public static int briefly(int attempt) {
        if (attempt < SPINS) {
            Thread.onSpinWait();
        } else {
            Thread.yield();
        }
        return attempt + 1;
    }
}
