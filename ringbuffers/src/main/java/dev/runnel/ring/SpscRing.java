package dev.runnel.ring;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A bounded ring for one producer thread and one consumer thread.
 *
 * <p><b>Note:</b> at most one thread at a time may call the producer methods ({@link #offer}, {@link #fill})
 * and at most one thread at a time the consumer methods ({@link #poll}, {@link #peek}, {@link #drain}); any
 * thread may call {@link #size}, {@link #isEmpty} and {@link #capacity}. Handing a side over to another thread
 * needs a happens-before edge (a lock, a volatile write, a thread start).
 *
 * <p>The algorithm is FastFlow's (Aldinucci et al., "An Efficient Unbounded Lock-Free Queue for Multi-core
 * Systems", 2012), with the producer look-ahead of JCTools' {@code SpscArrayQueue}: the slot itself is the
 * handshake. The producer writes an element into a {@code null} slot with a release store; the consumer reads
 * it with an acquire load and gives the slot back with a release store of {@code null}. Neither side reads
 * the other's index on its fast path; the indices are written only for {@link #size()}. The producer checks a
 * slot a quarter-ring ahead ({@code lookAheadStep}, at most 4096) and, if that one is free, writes up to it
 * without looking again: every earlier slot was freed before it, because the consumer frees slots in order.
 *
 * @param <E> the element type
 */
public final class SpscRing<E> extends AbstractObjectRing<E> {
    private static final int MAX_LOOK_AHEAD_STEP = 4096;

    private final long lookAheadStep;

    /**
     * Creates an empty ring.
     *
     * @param capacity the least capacity wanted, in {@code [1, 2^30]}; rounded up to a power of two
     * @throws IllegalArgumentException if {@code capacity} is out of range
     */
    public SpscRing(int capacity) {
        super(capacity);
        // Must stay below the capacity: the look-ahead slot must not be the slot being written.
        this.lookAheadStep = Math.min(this.capacity / 4, MAX_LOOK_AHEAD_STEP);
    }

    /**
     * {@inheritDoc}
     *
     * <p><b>Producer thread only.</b>
     */
    @Override
    public boolean offer(E e) {
        requireElement(e);
        final Object[] buffer = this.buffer;
        final long mask = this.mask;
        final long index = producerIndexPlain();
        if (index >= producerLimitPlain() && !hasRoomAt(buffer, mask, index)) {
            return false;
        }
        elementRelease(buffer, slot(index, mask), e);   // publishes e to the consumer's acquire load
        producerIndexRelease(index + 1);                 // for size() only
        return true;
    }

    /**
     * Slow path of the producer: is slot {@code index} free? Looks {@code lookAheadStep} slots ahead first and,
     * if that one is free, raises the producer limit so the next offers skip this check.
     */
    private boolean hasRoomAt(Object[] buffer, long mask, long index) {
        final long step = lookAheadStep;
        if (step > 0 && elementAcquire(buffer, slot(index + step, mask)) == null) {
            producerLimitPlain(index + step);
            return true;
        }
        return elementAcquire(buffer, slot(index, mask)) == null;
    }

    /**
     * {@inheritDoc}
     *
     * <p><b>Consumer thread only.</b>
     */
    @Override
    @SuppressWarnings("unchecked")
    public E poll() {
        final Object[] buffer = this.buffer;
        final long index = consumerIndexPlain();
        final int slot = slot(index, mask);
        final Object e = elementAcquire(buffer, slot);
        if (e == null) {
            return null;
        }
        elementRelease(buffer, slot, null);   // gives the slot back; our read of e happens before its reuse
        consumerIndexRelease(index + 1);      // for size() only
        return (E) e;
    }

    /**
     * {@inheritDoc}
     *
     * <p><b>Consumer thread only.</b>
     */
    @Override
    @SuppressWarnings("unchecked")
    public E peek() {
        return (E) elementAcquire(buffer, slot(consumerIndexPlain(), mask));
    }

    /**
     * {@inheritDoc}
     *
     * <p><b>Consumer thread only.</b>
     */
    @Override
    @SuppressWarnings("unchecked")
    public int drain(Consumer<? super E> consumer, int limit) {
        Objects.requireNonNull(consumer, "consumer");
        checkLimit(limit);
        final Object[] buffer = this.buffer;
        final long mask = this.mask;
        final long start = consumerIndexPlain();
        for (int i = 0; i < limit; i++) {
            final long index = start + i;
            final int slot = slot(index, mask);
            final Object e = elementAcquire(buffer, slot);
            if (e == null) {
                return i;
            }
            elementRelease(buffer, slot, null);
            consumerIndexRelease(index + 1);
            consumer.accept((E) e);
        }
        return limit;
    }

    /**
     * {@inheritDoc}
     *
     * <p><b>Producer thread only.</b>
     */
    @Override
    public int fill(Supplier<? extends E> supplier, int limit) {
        Objects.requireNonNull(supplier, "supplier");
        checkLimit(limit);
        final Object[] buffer = this.buffer;
        final long mask = this.mask;
        for (int i = 0; i < limit; i++) {
            final long index = producerIndexPlain();
            if (index >= producerLimitPlain() && !hasRoomAt(buffer, mask, index)) {
                return i;
            }
            final E e = supplier.get();   // only the producer fills slots: the room found stays free
            if (e == null) {
                throw supplierReturnedNull(i);
            }
            elementRelease(buffer, slot(index, mask), e);
            producerIndexRelease(index + 1);
        }
        return limit;
    }
}
