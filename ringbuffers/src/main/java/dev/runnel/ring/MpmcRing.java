package dev.runnel.ring;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A bounded ring for any number of producer threads and any number of consumer threads.
 *
 * <p><b>Note:</b> every method may be called by any thread.
 *
 * <p>The algorithm is Dmitry Vyukov's bounded MPMC queue (1024cores.net, "Bounded MPMC queue"), as JCTools'
 * {@code MpmcArrayQueue} uses it: each slot has a sequence number that says whose turn it is. Deviation: the
 * sequence is kept doubled, {@code 2p} for "free for the producer of position p" and {@code 2p + 1} for "full
 * for the consumer of position p", so that the two states never coincide and a capacity of 1 works (the
 * original needs 2 slots at least).
 * <ul>
 *   <li>A producer at position {@code p} finds sequence {@code 2p}, claims {@code p} by a CAS of the producer
 *       index, writes the element (plain), and publishes it by a release store of {@code 2p + 1}.</li>
 *   <li>A consumer at {@code c} finds {@code 2c + 1}, claims {@code c} by a CAS of the consumer index, takes the
 *       element, and frees the slot by a release store of {@code 2(c + capacity)}.</li>
 * </ul>
 * Relaxed, as JCTools' {@code relaxedOffer}/{@code relaxedPoll} and Agrona's queues are: {@code offer} reports
 * full when the slot's previous element is still being freed by its consumer, and {@code poll} reports empty
 * when the head has been claimed by a producer that has not yet published; both windows last a few
 * instructions, and neither side reads the other side's index on its fast path. {@link #size()} and
 * {@link #isEmpty()} read both indices and are exact snapshots. The sequence array is padded as the element
 * array is.
 *
 * @param <E> the element type
 */
public final class MpmcRing<E> extends AbstractObjectRing<E> {
    private static final VarHandle SEQUENCE = MethodHandles.arrayElementVarHandle(long[].class);
    /** Unused longs at each end of the sequence array: 128 bytes. */
    private static final int SEQUENCE_PAD = 16;

    private final long[] sequences;

    /**
     * Creates an empty ring.
     *
     * @param capacity the least capacity wanted, in {@code [1, 2^30]}; rounded up to a power of two
     * @throws IllegalArgumentException if {@code capacity} is out of range
     */
    public MpmcRing(int capacity) {
        super(capacity);
        final long[] sequences = new long[this.capacity + 2 * SEQUENCE_PAD];
        for (int i = 0; i < this.capacity; i++) {
            sequences[SEQUENCE_PAD + i] = 2L * i;   // slot i is free for the producer of position i
        }
        this.sequences = sequences;   // published by the final-field freeze
    }

    private static int sequenceSlot(long index, long mask) {
        return (int) (index & mask) + SEQUENCE_PAD;
    }

    private static long sequenceAcquire(long[] sequences, int slot) {
        return (long) SEQUENCE.getAcquire(sequences, slot);
    }

    private static void sequenceRelease(long[] sequences, int slot, long value) {
        SEQUENCE.setRelease(sequences, slot, value);
    }

    @Override
    public boolean offer(E e) {
        requireElement(e);
        final long index = claim();
        if (index < 0) {
            return false;
        }
        publish(index, e);
        return true;
    }

    /** Claims the next producer position, or returns {@code -1} if the ring is full. */
    private long claim() {
        final long[] sequences = this.sequences;
        final long mask = this.mask;
        while (true) {
            final long index = producerIndexVolatile();
            final long free = index << 1;
            final long sequence = sequenceAcquire(sequences, sequenceSlot(index, mask));
            if (sequence == free) {
                if (casProducerIndex(index, index + 1)) {
                    return index;
                }
            } else if (sequence < free) {
                // The slot still holds position index - capacity (full), or its consumer is freeing it: relaxed,
                // both report full, without reading the consumers' index line.
                return -1;
            }
            // sequence > free: another producer took this position; retry with a fresh index.
        }
    }

    private void publish(long index, Object e) {
        elementPlain(buffer, slot(index, mask), e);
        sequenceRelease(sequences, sequenceSlot(index, mask), (index << 1) + 1);   // publishes the element
    }

    @Override
    @SuppressWarnings("unchecked")
    public E poll() {
        final long[] sequences = this.sequences;
        final Object[] buffer = this.buffer;
        final long mask = this.mask;
        while (true) {
            final long index = consumerIndexVolatile();
            final long full = (index << 1) + 1;
            final int sequenceSlot = sequenceSlot(index, mask);
            final long sequence = sequenceAcquire(sequences, sequenceSlot);
            if (sequence == full) {
                if (casConsumerIndex(index, index + 1)) {
                    final int slot = slot(index, mask);
                    final Object e = elementPlain(buffer, slot);
                    elementPlain(buffer, slot, null);
                    sequenceRelease(sequences, sequenceSlot, (index + capacity) << 1);   // frees the slot
                    if (e != SKIP) {
                        return (E) e;
                    }
                }
            } else if (sequence < full) {
                // Not yet published for this position: empty, or a producer is between claim and publish;
                // relaxed, both report empty, without reading the producers' index line.
                return null;
            }
            // sequence > full: another consumer took this position; retry with a fresh index.
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>With several consumers the element returned may already have been taken by another consumer by the
     * time the caller looks at it; it was at the head at some instant during the call.
     */
    @Override
    @SuppressWarnings("unchecked")
    public E peek() {
        final long[] sequences = this.sequences;
        final Object[] buffer = this.buffer;
        final long mask = this.mask;
        while (true) {
            final long index = consumerIndexVolatile();
            final long full = (index << 1) + 1;
            final long sequence = sequenceAcquire(sequences, sequenceSlot(index, mask));
            if (sequence == full) {
                final Object e = elementAcquire(buffer, slot(index, mask));
                // Still unconsumed after the read: e was the head's element (the index only grows).
                if (e != null && consumerIndexVolatile() == index) {
                    if (e != SKIP) {
                        return (E) e;
                    }
                    dropSkip(index);
                }
            } else if (sequence < full) {
                return null;
            }
        }
    }

    /** Removes a failed fill's marker at the head, as {@link #poll()} would, if no consumer did it first. */
    private void dropSkip(long index) {
        if (casConsumerIndex(index, index + 1)) {
            elementPlain(buffer, slot(index, mask), null);
            sequenceRelease(sequences, sequenceSlot(index, mask), (index + capacity) << 1);
        }
    }

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
            E e = null;
            try {
                e = supplier.get();
            } finally {
                publish(index, e == null ? SKIP : e);
            }
            if (e == null) {
                throw supplierReturnedNull(i);
            }
        }
        return limit;
    }
}
