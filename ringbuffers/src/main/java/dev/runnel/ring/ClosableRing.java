package dev.runnel.ring;

/**
 * A bounded ring with an exact capacity that can be closed to producers: the buffer under Runnel's channels.
 *
 * <p>Close is linearized with offers: the closed flag lives in the producer index, which every offer claims by
 * CAS, so an offer either claimed its position before the close (and its element will be consumed) or fails.
 * Consumers go on taking elements after the close until the ring is {@linkplain #isDrained() drained}.
 *
 * <p>Memory ordering for callers that park (ADR 0004): a successful {@link #offer} ends with a volatile CAS, and
 * {@link #isEmpty()} reads the producer index with volatile semantics; a successful {@link #poll} of a
 * {@linkplain #multiConsumer multi-consumer} ring, or of a {@linkplain #singleConsumer single-consumer} ring
 * built with {@code fenced = true}, ends with a volatile write of the consumer index, which {@link #hasRoom()}
 * reads with volatile semantics. Together with a waiter count they give Dekker's pattern.
 *
 * @param <E> the element type
 */
public interface ClosableRing<E> {

    /**
     * Creates a ring for any number of producers and one consumer thread at a time.
     *
     * @param capacity the exact capacity, in {@code [1, 2^30]}
     * @param fenced   whether {@link #poll} publishes the consumer index with a volatile write (needed when
     *                 producers may park waiting for room), or with a cheaper release write
     * @param <E>      the element type
     * @return an empty ring
     * @throws IllegalArgumentException if {@code capacity} is out of range
     */
    static <E> ClosableRing<E> singleConsumer(int capacity, boolean fenced) {
        return new ClosableMpscRing<>(capacity, fenced);
    }

    /**
     * Creates a ring for any number of producer and consumer threads.
     *
     * @param capacity the exact capacity, in {@code [1, 2^30]}
     * @param <E>      the element type
     * @return an empty ring
     * @throws IllegalArgumentException if {@code capacity} is out of range
     */
    static <E> ClosableRing<E> multiConsumer(int capacity) {
        return new ClosableMpmcRing<>(capacity);
    }

    /**
     * Adds an element if there is room and the ring is open.
     *
     * @param e the element, not {@code null}
     * @return {@code true} if added; {@code false} if full (exactly {@link #capacity()} elements) or closed
     * @throws NullPointerException if {@code e} is {@code null}
     */
    boolean offer(E e);

    /**
     * Takes the oldest element.
     *
     * @return the element, or {@code null} if the ring is empty or its oldest position has been claimed by a
     *         producer that has not yet written it (a window of a few instructions: see {@link #isEmpty()})
     */
    E poll();

    /**
     * Closes the ring to producers. Elements already added stay, for consumers to take.
     *
     * @return {@code true} if this call closed it, {@code false} if it was closed already
     */
    boolean close();

    /**
     * Tells whether the ring is closed to producers.
     *
     * @return {@code true} once {@link #close()} has been called
     */
    boolean isClosed();

    /**
     * Tells whether every position claimed by a producer has been consumed (exact, unlike a failed
     * {@link #poll()}): reads the producer index with volatile semantics.
     *
     * @return {@code true} if empty
     */
    boolean isEmpty();

    /**
     * Tells whether an offer would find room now (exact): reads the consumer index with volatile semantics.
     *
     * @return {@code true} if fewer than {@link #capacity()} positions are claimed and unconsumed
     */
    boolean hasRoom();

    /**
     * Tells whether the ring is closed and every element added before the close has been consumed.
     *
     * @return {@code true} if closed and drained
     */
    boolean isDrained();

    /**
     * Returns the exact capacity.
     *
     * @return the capacity given at creation
     */
    int capacity();

    /**
     * Returns how many elements are buffered now (a snapshot; positions claimed but not yet written count).
     *
     * @return a number in {@code [0, capacity()]}
     */
    int size();
}
