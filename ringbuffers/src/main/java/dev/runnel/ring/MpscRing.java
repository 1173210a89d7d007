package dev.runnel.ring;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A bounded ring for any number of producer threads and one consumer thread.
 *
 * <p><b>Note:</b> any thread may call the producer methods ({@link #offer}, {@link #fill}); at most one thread
 * at a time may call the consumer methods ({@link #poll}, {@link #peek}, {@link #drain}).
 *
 * <p>The algorithm follows JCTools' {@code MpscArrayQueue}: a producer claims position {@code p} by a CAS of
 * the producer index, then publishes its element into slot {@code p} with a release store. To claim, it needs
 * {@code p} below the producer limit, a cached {@code consumerIndex + capacity} shared by producers as a hint
 * (it can only be stale low, never high, because the consumer index only grows). The consumer reads slot
 * {@code c} with an acquire load and never reads the producer index: a {@code null} slot is reported as empty
 * even when a producer has claimed it and is about to publish (as Agrona's {@code ManyToOneConcurrentArrayQueue}
 * does, and JCTools' {@code relaxedPoll}). The consumer frees the slot, then publishes its index with a release
 * store, which the producers' acquire load of the index pairs with before they reuse the slot.
 *
 * @param <E> the element type
 */
public final class MpscRing<E> extends AbstractObjectRing<E> {

    /**
     * Creates an empty ring.
     *
     * @param capacity the least capacity wanted, in {@code [1, 2^30]}; rounded up to a power of two
     * @throws IllegalArgumentException if {@code capacity} is out of range
     */
    public MpscRing(int capacity) {
        super(capacity);
    }

    @Override
    public boolean offer(E e) {
        requireElement(e);
        final long index = claim();
        if (index < 0) {
            return false;
        }
        elementRelease(buffer, slot(index, mask), e);
        return true;
    }

    /** Claims the next position, or returns {@code -1} if the ring is full. */
    private long claim() {
        long limit = producerLimitOpaque();
        long index;
        do {
            index = producerIndexVolatile();
            if (index >= limit) {
                limit = consumerIndexAcquire() + capacity;
                if (index >= limit) {
                    return -1;
                }
                producerLimitOpaque(limit);
            }
        } while (!casProducerIndex(index, index + 1));
        return index;
    }

    /**
     * {@inheritDoc}
     *
     * <p><b>Consumer thread only.</b> Relaxed: also returns {@code null} when the head position has been claimed
     * by a producer that has not yet published its element (a window of a few instructions); {@link #isEmpty()}
     * tells the two apart. Checking the producer index here instead would pull the producers' cache line to
     * the consumer on every empty poll, which is what makes a strict poll slow under contention.
     */
    @Override
    @SuppressWarnings("unchecked")
    public E poll() {
        final Object[] buffer = this.buffer;
        while (true) {
            final long index = consumerIndexPlain();
            final int slot = slot(index, mask);
            final Object e = elementAcquire(buffer, slot);
            if (e == null) {
                return null;
            }
            elementPlain(buffer, slot, null);
            consumerIndexRelease(index + 1);   // orders the null store before any producer's reuse of the slot
            if (e != SKIP) {
                return (E) e;
            }
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p><b>Consumer thread only.</b> Relaxed as {@link #poll()} is.
     */
    @Override
    @SuppressWarnings("unchecked")
    public E peek() {
        final Object[] buffer = this.buffer;
        while (true) {
            final long index = consumerIndexPlain();
            final int slot = slot(index, mask);
            final Object e = elementAcquire(buffer, slot);
            if (e != SKIP) {
                return (E) e;
            }
            elementPlain(buffer, slot, null);   // a failed fill's marker: drop it, as poll would
            consumerIndexRelease(index + 1);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p><b>Consumer thread only.</b>
     */
    @Override
    public int drain(Consumer<? super E> consumer, int limit) {
        Objects.requireNonNull(consumer, "consumer");
        checkLimit(limit);
        for (int i = 0; i < limit; i++) {
            final E e = poll();
            if (e == null) {
                return i;
            }
            consumer.accept(e);
        }
        return limit;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Each element is claimed before the supplier is called; if the supplier then throws or returns
     * {@code null}, the claimed slot is published as an internal marker that consumers skip.
     */
    @Override
    public int fill(Supplier<? extends E> supplier, int limit) {
        Objects.requireNonNull(supplier, "supplier");
        checkLimit(limit);
        for (int i = 0; i < limit; i++) {
            final long index = claim();
            if (index < 0) {
                return i;
            }
            final int slot = slot(index, mask);
            E e = null;
            try {
                e = supplier.get();
            } finally {
                elementRelease(buffer, slot, e == null ? SKIP : e);
            }
            if (e == null) {
                throw supplierReturnedNull(i);
            }
        }
        return limit;
    }
}
