package dev.runnel.broadcast;

/** What a {@link BroadcastChannel} does when a subscriber falls a whole ring behind. */
public enum LagPolicy {
    /**
     * Lossless: a send waits until the slowest subscriber is less than {@code capacity} values behind, as the
     * Disruptor's gating does. A slow subscriber holds every sender back; closing its subscription releases them.
     */
    BLOCK,
    /**
     * Lapping: a send never waits for subscribers. A subscriber more than {@code capacity} values behind is told
     * once, by a {@link LappedException} that carries the number of values it missed, and then continues from
     * the oldest value still held (as Agrona's broadcast receivers and Tokio's broadcast channel do).
     */
    LAP
}
