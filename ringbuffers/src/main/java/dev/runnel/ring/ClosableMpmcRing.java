package dev.runnel.ring;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A {@link ClosableRing} for any number of producers and consumers: Vyukov's bounded queue with doubled
 * sequences, as {@link MpmcRing}, plus the exact-capacity limit and the closed bit of
 * {@link AbstractClosableRing}. A producer first checks that its slot is free, then claims it by CAS.
 */
final class ClosableMpmcRing<E> extends AbstractClosableRing<E> {
    private static final VarHandle SEQUENCE = MethodHandles.arrayElementVarHandle(long[].class);
    private static final int SEQUENCE_PAD = 16;

    private final long[] sequences;
    private final long length;

    ClosableMpmcRing(int capacity) {
        super(capacity);
        this.length = mask + 1;
        final long[] sequences = new long[(int) length + 2 * SEQUENCE_PAD];
        for (int i = 0; i < length; i++) {
            sequences[SEQUENCE_PAD + i] = 2L * i;
        }
        this.sequences = sequences;
    }

    private int sequenceSlot(long index) {
        return (int) (index & mask) + SEQUENCE_PAD;
    }

    @Override
    public boolean offer(E e) {
        AbstractObjectRing.requireElement(e);
        final long[] sequences = this.sequences;
        long limit = producerLimitOpaque();
        while (true) {
            final long index = producerIndexVolatile();
            if (index < 0 || (limit = limitFor(index, limit)) < 0) {
                return false;   // closed, or full
            }
            final long free = index << 1;
            final long sequence = (long) SEQUENCE.getAcquire(sequences, sequenceSlot(index));
            if (sequence == free) {
                if (casProducerIndex(index, index + 1)) {
                    AbstractObjectRing.elementPlain(buffer, AbstractObjectRing.slot(index, mask), e);
                    SEQUENCE.setRelease(sequences, sequenceSlot(index), free + 1);
                    return true;
                }
            } else if (sequence < free) {
                return false;   // the consumer of index - length is still freeing the slot: full, for an instant
            }
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public E poll() {
        final long[] sequences = this.sequences;
        final Object[] buffer = this.buffer;
        while (true) {
            final long index = consumerIndexVolatile();
            final long full = (index << 1) + 1;
            final int sequenceSlot = sequenceSlot(index);
            final long sequence = (long) SEQUENCE.getAcquire(sequences, sequenceSlot);
            if (sequence == full) {
                if (casConsumerIndex(index, index + 1)) {
                    final int slot = AbstractObjectRing.slot(index, mask);
                    final Object e = AbstractObjectRing.elementPlain(buffer, slot);
                    AbstractObjectRing.elementPlain(buffer, slot, null);
                    SEQUENCE.setRelease(sequences, sequenceSlot, (index + length) << 1);
                    return (E) e;
                }
            } else if (sequence < full) {
                return null;   // empty, or claimed and not yet published
            }
        }
    }
}
