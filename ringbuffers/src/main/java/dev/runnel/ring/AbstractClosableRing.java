package dev.runnel.ring;

import dev.runnel.padding.PaddedIndices;

/**
 * What the closable rings share: the exact capacity over a power-of-two array, the closed flag in the sign bit
 * of the producer index, and the exact queries.
 *
 * <pre>
 *   producer index:  | closed (bit 63) | position of the next offer (bits 0..62) |
 * </pre>
 *
 * <p>Producers claim a position by CAS of the whole word, so a claim fails once the closed bit is set; the
 * position at the moment of the close is where consumers stop. The exact capacity is enforced through the
 * producer limit (a cached {@code consumerIndex + capacity}), so it costs nothing on the fast path.
 */
abstract class AbstractClosableRing<E> extends PaddedIndices implements ClosableRing<E> {
    static final long CLOSED = Long.MIN_VALUE;
    static final long POSITION = Long.MAX_VALUE;

    final Object[] buffer;
    final long mask;
    final int capacity;

    AbstractClosableRing(int capacity) {
        final int length = AbstractObjectRing.checkAndRoundCapacity(capacity);
        this.capacity = capacity;
        this.mask = length - 1;
        this.buffer = new Object[length + 2 * AbstractObjectRing.ARRAY_PAD];
    }

    /**
     * Claims the next producer position, or returns {@code -1} if the ring is full or closed. The caller must
     * then publish its element at that position.
     */
    final long claim() {
        long limit = producerLimitOpaque();
        while (true) {
            final long index = producerIndexVolatile();
            if (index < 0 || (limit = limitFor(index, limit)) < 0) {
                return -1;   // closed, or full
            }
            if (casProducerIndex(index, index + 1)) {
                return index;
            }
        }
    }

    /**
     * The producer limit under which {@code index} may be claimed: {@code limit} itself if {@code index} is
     * below it, else a fresh {@code consumerIndex + capacity} (cached for the other producers), or {@code -1}
     * if even that leaves no room: exactly {@code capacity} positions are claimed and unconsumed.
     */
    final long limitFor(long index, long limit) {
        if (index < limit) {
            return limit;
        }
        final long fresh = consumerIndexVolatile() + capacity;
        if (index >= fresh) {
            return -1;
        }
        producerLimitOpaque(fresh);
        return fresh;
    }

    @Override
    public final boolean close() {
        return getAndBitwiseOrProducerIndex(CLOSED) >= 0;
    }

    @Override
    public final boolean isClosed() {
        return producerIndexVolatile() < 0;
    }

    @Override
    public final boolean isEmpty() {
        final long produced = producerIndexVolatile() & POSITION;
        return consumerIndexVolatile() >= produced;
    }

    @Override
    public final boolean hasRoom() {
        final long consumed = consumerIndexVolatile();
        return (producerIndexVolatile() & POSITION) < consumed + capacity;
    }

    @Override
    public final boolean isDrained() {
        final long index = producerIndexVolatile();
        return index < 0 && consumerIndexVolatile() >= (index & POSITION);
    }

    @Override
    public final int capacity() {
        return capacity;
    }

    @Override
    public final int size() {
        long after = consumerIndexVolatile();
        while (true) {
            final long before = after;
            final long produced = producerIndexVolatile() & POSITION;
            after = consumerIndexVolatile();
            if (before == after) {
                return (int) Math.max(0, Math.min(produced - after, capacity));
            }
        }
    }

    @Override
    public String toString() {
        final long index = producerIndexVolatile();
        return getClass().getSimpleName() + "[capacity=" + capacity + ", size=" + size()
                + (index < 0 ? ", closed" : "") + "]";
    }
}
