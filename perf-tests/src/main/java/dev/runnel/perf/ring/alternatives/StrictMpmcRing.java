package dev.runnel.perf.ring.alternatives;

import dev.runnel.padding.PaddedIndices;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A rejected alternative to {@code MpmcRing}, kept so the choice can be measured again: the same Vyukov ring
 * with doubled sequences, but <em>strict</em> like JCTools' {@code MpmcArrayQueue.offer/poll}: a producer that
 * finds its slot not yet freed reads the consumer index to tell "full" from "being freed", and waits in the
 * second case; a consumer that finds its slot not yet published reads the producer index likewise. No fill
 * marker (offer/poll only). Benchmark only: {@code ./runnel bench 'ring\.MpmcAlternatives'}.
 */
public final class StrictMpmcRing<E> extends PaddedIndices {
    private static final VarHandle SEQUENCE = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle ELEMENT = MethodHandles.arrayElementVarHandle(Object[].class);

    private final Object[] buffer;
    private final long[] sequences;
    private final long mask;
    private final int capacity;

    public StrictMpmcRing(int capacity) {
        if (Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity=" + capacity + ", must be a power of two");
        }
        this.capacity = capacity;
        this.mask = capacity - 1;
        this.buffer = new Object[capacity];
        this.sequences = new long[capacity];
        for (int i = 0; i < capacity; i++) {
            sequences[i] = 2L * i;
        }
    }

    public boolean offer(E e) {
        final long[] sequences = this.sequences;
        while (true) {
            final long index = producerIndexVolatile();
            final int slot = (int) (index & mask);
            final long sequence = (long) SEQUENCE.getAcquire(sequences, slot);
            final long free = index << 1;
            if (sequence == free) {
                if (casProducerIndex(index, index + 1)) {
                    ELEMENT.set(buffer, slot, e);
                    SEQUENCE.setRelease(sequences, slot, free + 1);
                    return true;
                }
            } else if (sequence < free) {
                if (index - capacity >= consumerIndexVolatile()) {
                    return false;
                }
                Thread.onSpinWait();
            }
        }
    }

    @SuppressWarnings("unchecked")
    public E poll() {
        final long[] sequences = this.sequences;
        while (true) {
            final long index = consumerIndexVolatile();
            final int slot = (int) (index & mask);
            final long sequence = (long) SEQUENCE.getAcquire(sequences, slot);
            final long full = (index << 1) + 1;
            if (sequence == full) {
                if (casConsumerIndex(index, index + 1)) {
                    final Object e = ELEMENT.get(buffer, slot);
                    ELEMENT.set(buffer, slot, null);
                    SEQUENCE.setRelease(sequences, slot, (index + capacity) << 1);
                    return (E) e;
                }
            } else if (sequence < full) {
                if (index >= producerIndexVolatile()) {
                    return null;
                }
                Thread.onSpinWait();
            }
        }
    }
}
