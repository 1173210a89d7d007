package dev.runnel.bounded;

/**
 * What a send does when a buffered channel is full.
 *
 * <p>With {@link #DROP_OLDEST} and {@link #DROP_NEWEST} a send never blocks and never fails for lack of room
 * ({@code trySend} returns {@code true}); a send on a closed channel still throws. They need a capacity of at
 * least 1: a rendezvous channel has nothing to drop.
 */
public enum Overflow {
    /** Wait for room (the default, Go's behaviour). */
    BLOCK,
    /** Remove the oldest buffered value to make room for the new one (Kotlin's {@code DROP_OLDEST}). */
    DROP_OLDEST,
    /** Discard the value being sent (Kotlin's {@code DROP_LATEST}). */
    DROP_NEWEST
}
