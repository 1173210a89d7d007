package dev.runnel.ring;

import dev.runnel.padding.PaddedIndices;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;

/**
 * What the object rings share: the padded indices (from {@link PaddedIndices}), the element array, capacity
 * checks, element accessors by access mode, and {@link #size()}.
 *
 * <p>The element array is padded at both ends by {@link #ARRAY_PAD} unused slots (128 bytes at least), so that
 * the first and last slots do not share a cache line with the array header or the next object on the heap.
 * Slot {@code i} of the ring is array element {@code ARRAY_PAD + i}.
 */
abstract class AbstractObjectRing<E> extends PaddedIndices implements ObjectRing<E> {
    /** The largest capacity a ring accepts: 2<sup>30</sup>. */
    static final int MAX_CAPACITY = 1 << 30;
    /** Unused slots at each end of the element array: 128 bytes even with 4-byte compressed references. */
    static final int ARRAY_PAD = 32;
    /**
     * Put in a claimed slot when {@link #fill} could not get an element from its supplier, so that the slot is
     * published and consumers skip it instead of waiting for it. Used by the multi-producer rings only.
     */
    static final Object SKIP = new Object() {
        @Override
        public String toString() {
            return "SKIP";
        }
    };

    private static final VarHandle ELEMENT = MethodHandles.arrayElementVarHandle(Object[].class);

    final Object[] buffer;
    final long mask;
    final int capacity;

    AbstractObjectRing(int requestedCapacity) {
        this.capacity = checkAndRoundCapacity(requestedCapacity);
        this.mask = capacity - 1;
        this.buffer = new Object[capacity + 2 * ARRAY_PAD];
    }

    /**
     * Checks a requested capacity and rounds it up to a power of two.
     *
     * @param capacity the requested capacity
     * @return the power of two at or above {@code capacity}
     * @throws IllegalArgumentException if {@code capacity} is not in {@code [1, 2^30]}
     */
    static int checkAndRoundCapacity(int capacity) {
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException(
                    "capacity=" + capacity + ", must be in [1, " + MAX_CAPACITY + "] (rounded up to a power of two)");
        }
        return capacity == 1 ? 1 : Integer.highestOneBit(capacity - 1) << 1;
    }

    static int checkLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit=" + limit + ", must be >= 0");
        }
        return limit;
    }

    /** Array index of the slot for ring position {@code index}. */
    static int slot(long index, long mask) {
        return (int) (index & mask) + ARRAY_PAD;
    }

    static Object elementPlain(Object[] buffer, int slot) {
        return buffer[slot];
    }

    static Object elementAcquire(Object[] buffer, int slot) {
        return ELEMENT.getAcquire(buffer, slot);
    }

    static void elementPlain(Object[] buffer, int slot, Object value) {
        buffer[slot] = value;
    }

    static void elementRelease(Object[] buffer, int slot, Object value) {
        ELEMENT.setRelease(buffer, slot, value);
    }

    static <T> T requireElement(T e) {
        return Objects.requireNonNull(e, "e (a ring element must not be null)");
    }

    static NullPointerException supplierReturnedNull(int added) {
        return new NullPointerException("supplier returned null after " + added + " element(s) were added");
    }

    @Override
    public final int capacity() {
        return capacity;
    }

    /**
     * A consistent snapshot: the consumer index is read before and after the producer index, and the read is
     * retried until it did not move, so that the difference is one the ring held at some instant (up to the
     * operations in flight, which the clamp absorbs).
     */
    @Override
    public final int size() {
        long after = consumerIndexVolatile();
        while (true) {
            final long before = after;
            final long producer = producerIndexVolatile();
            after = consumerIndexVolatile();
            if (before == after) {
                final long size = producer - after;
                return (int) Math.max(0, Math.min(size, capacity));
            }
        }
    }

    @Override
    public final boolean isEmpty() {
        return consumerIndexVolatile() >= producerIndexVolatile();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[capacity=" + capacity + ", size=" + size() + ", producerIndex="
                + producerIndexOpaque() + ", consumerIndex=" + consumerIndexOpaque() + "]";
    }
}
