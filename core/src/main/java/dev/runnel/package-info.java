/**
 * Runnel's core contracts: Go-style channels made Java.
 *
 * <h2>Channel semantics</h2>
 * <ul>
 *   <li>{@code null} is never a value: sending {@code null} throws {@link java.lang.NullPointerException}.</li>
 *   <li>Sending on a closed channel throws {@link dev.runnel.ChannelClosedException}; after close, receivers drain
 *       every buffered value, then receive throws it too.</li>
 *   <li>An interrupted or timed-out operation has no effect on the channel, and an operation that throws
 *       {@link java.lang.InterruptedException} clears the interrupt status, as {@code BlockingQueue} does.</li>
 *   <li>Values from one sender arrive in the order sent.</li>
 * </ul>
 *
 * <h2>Waiting</h2>
 * A blocked channel operation waits with a {@link dev.runnel.WaitStrategy}: it spins (or yields) a bounded
 * number of times, then parks until the operation that unblocks it unparks it. Duty-cycle loops that poll
 * rings themselves idle with an {@link dev.runnel.IdleStrategy} instead.
 *
 * <h2>Memory-access naming</h2>
 * Throughout Runnel, an accessor names the {@link java.lang.invoke.VarHandle} access mode it uses:
 * {@code xPlain()}, {@code xOpaque()}, {@code xAcquire()}, {@code xRelease(v)}, {@code casX(expected, v)}.
 * A {@code Release} store is read with an {@code Acquire} load; an {@code Opaque} store with an {@code Opaque}
 * load. Unsafe-era names ({@code lazySet}, {@code putOrdered}) are not used.
 */
package dev.runnel;
