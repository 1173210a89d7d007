package dev.runnel.ring;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A bounded ring of object references. Full and empty are answered by return values; {@code null} is never
 * an element.
 *
 * <p>Which threads may call which methods depends on the implementation: see {@link SpscRing},
 * {@link MpscRing} and {@link MpmcRing}. "Producer" methods are {@link #offer} and {@link #fill}; "consumer"
 * methods are {@link #poll}, {@link #peek} and {@link #drain}; {@link #size}, {@link #isEmpty} and
 * {@link #capacity} may be called by any thread.
 *
 * <p>On the multi-producer rings, {@link #offer} and {@link #poll} are <em>relaxed</em>, as JCTools'
 * {@code relaxedOffer}/{@code relaxedPoll} and Agrona's queues are: {@code poll} may return {@code null} while
 * the head element has been claimed but not yet published by its producer, and {@link MpmcRing#offer} may
 * return {@code false} while a consumer is still freeing the slot; each window lasts a few instructions. Callers
 * that wait treat these as empty and full and try again; {@link #isEmpty()} and {@link #size()} give exact
 * snapshots.
 *
 * @param <E> the element type
 */
public interface ObjectRing<E> {

    /**
     * Adds an element at the tail if there is room.
     *
     * @param e the element, not {@code null}
     * @return {@code true} if added, {@code false} if the ring was full (nothing changed; see the relaxed
     *         semantics above)
     * @throws NullPointerException if {@code e} is {@code null}
     */
    boolean offer(E e);

    /**
     * Removes the element at the head.
     *
     * @return the element, or {@code null} if the ring was empty (see the relaxed semantics above)
     */
    E poll();

    /**
     * Returns the element at the head without removing it.
     *
     * @return the element, or {@code null} if the ring was empty (see the relaxed semantics above)
     */
    E peek();

    /**
     * Removes up to {@code limit} elements and hands each to {@code consumer}, in order; stops early when the
     * ring is empty. Each element is removed before it is handed over: if {@code consumer} throws, the element
     * it was given is gone and the exception propagates; the elements after it stay in the ring.
     *
     * @param consumer receives the elements, not {@code null}
     * @param limit    the most elements to remove, {@code >= 0}
     * @return how many elements were handed to {@code consumer}
     * @throws NullPointerException     if {@code consumer} is {@code null}
     * @throws IllegalArgumentException if {@code limit} is negative
     */
    int drain(Consumer<? super E> consumer, int limit);

    /**
     * Adds up to {@code limit} elements taken from {@code supplier}; stops early when the ring is full. The
     * supplier is called only when there is room for what it returns, so nothing it supplies is dropped. If it
     * throws or returns {@code null}, the elements supplied before stay in the ring, nothing else is added, and
     * the exception (a {@link NullPointerException} for {@code null}) propagates.
     *
     * @param supplier supplies the elements, not {@code null}; must not return {@code null}
     * @param limit    the most elements to add, {@code >= 0}
     * @return how many elements were taken from {@code supplier} and added
     * @throws NullPointerException     if {@code supplier} is {@code null} or returns {@code null}
     * @throws IllegalArgumentException if {@code limit} is negative
     */
    int fill(Supplier<? extends E> supplier, int limit);

    /**
     * Returns how many elements the ring holds. Under concurrent use this is a snapshot, always between
     * {@code 0} and {@link #capacity()}.
     *
     * @return the number of elements
     */
    int size();

    /**
     * Returns the capacity: the requested capacity rounded up to a power of two.
     *
     * @return the most elements the ring holds
     */
    int capacity();

    /**
     * Tells whether the ring holds no element. Under concurrent use this is a snapshot.
     *
     * @return {@code true} if empty
     */
    boolean isEmpty();
}
