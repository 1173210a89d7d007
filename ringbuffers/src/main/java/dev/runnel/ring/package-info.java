/**
 * Bounded, lock-free rings over arrays.
 *
 * <p>Each ring's concurrency contract is in its name: {@code Spsc} (one producer thread, one consumer thread),
 * {@code Mpsc} (any producers, one consumer thread), {@code Mpmc} (any producers, any consumers). Using a ring
 * from more threads than its name allows corrupts it silently; the Javadoc of each class opens with a
 * <b>Note</b> naming the allowed threads.
 *
 * <p>Full and empty are return values, never exceptions: {@code offer} returns {@code false}, {@code poll}
 * returns {@code null}. None of the ring operations allocates. Memory ordering is by
 * {@link java.lang.invoke.VarHandle} access modes only; accessors name their mode
 * ({@code elementAcquire}, {@code producerIndexRelease}), see {@link dev.runnel.padding.PaddedIndices}.
 */
package dev.runnel.ring;
