package dev.runnel.broadcast;

import java.io.Serial;

/**
 * Thrown once by a receive on a {@link LagPolicy#LAP} subscription that fell more than {@code capacity} values
 * behind: the values it missed are gone. The subscription has already moved on to the oldest value still held;
 * the next receive returns it.
 */
public final class LappedException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The number of values the subscriber missed. */
    private final long missed;

    /**
     * Creates the exception.
     *
     * @param missed how many values the subscriber missed, {@code > 0}
     */
    public LappedException(long missed) {
        super("subscriber lapped: missed " + missed + " values", null, false, false);
        this.missed = missed;
    }

    /**
     * Returns how many values the subscriber missed.
     *
     * @return the number of values skipped, {@code > 0}
     */
    public long missed() {
        return missed;
    }
}
