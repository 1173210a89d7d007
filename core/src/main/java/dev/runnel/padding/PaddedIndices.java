package dev.runnel.padding;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The padding template for a producer/consumer structure: a producer index and limit, and a consumer index
 * and limit, each pair on its own cache line, 128 bytes from the other and from everything else (128 rather
 * than 64 because adjacent-line prefetchers fetch lines in pairs).
 *
 * <pre>
 *   object header
 *   +-----------------------------+
 *   | 128 bytes of padding        |  IndicesL0Pad
 *   +-----------------------------+
 *   | producerIndex, producerLimit|  IndicesProducerFields  (written by producers)
 *   +-----------------------------+
 *   | 128 bytes of padding        |  IndicesL1Pad
 *   +-----------------------------+
 *   | consumerIndex, consumerLimit|  IndicesConsumerFields  (written by consumers)
 *   +-----------------------------+
 *   | 128 bytes of padding        |  IndicesL2Pad
 *   +-----------------------------+
 *   | subclass fields (cold, read-mostly: buffer, mask ...)
 * </pre>
 *
 * <p>HotSpot lays out a superclass's fields before its subclass's, which is what keeps the rows in this
 * order; {@code PaddedIndicesLayoutTest} checks it with JOL on every build. The padding rows are generated
 * (16 rows of 8 bytes per pad) and must not be edited by hand.
 *
 * <p>Accessors name their {@link VarHandle} access mode: match a {@code Release} store with an {@code Acquire}
 * load, an {@code Opaque} store with an {@code Opaque} load; {@code Plain} only where one thread owns the field.
 * The limits are caches a side keeps of the other side's index (or of a bound derived from it).
 */
public abstract class PaddedIndices extends IndicesL2Pad {
    private static final VarHandle PRODUCER_INDEX;
    private static final VarHandle PRODUCER_LIMIT;
    private static final VarHandle CONSUMER_INDEX;
    private static final VarHandle CONSUMER_LIMIT;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            PRODUCER_INDEX = lookup.findVarHandle(IndicesProducerFields.class, "producerIndex", long.class);
            PRODUCER_LIMIT = lookup.findVarHandle(IndicesProducerFields.class, "producerLimit", long.class);
            CONSUMER_INDEX = lookup.findVarHandle(IndicesConsumerFields.class, "consumerIndex", long.class);
            CONSUMER_LIMIT = lookup.findVarHandle(IndicesConsumerFields.class, "consumerLimit", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Creates the indices, all zero. */
    protected PaddedIndices() {
    }

    /**
     * Reads the producer index, plain: only for the thread that owns it.
     *
     * @return the producer index
     */
    protected final long producerIndexPlain() {
        return producerIndex;
    }

    /**
     * Reads the producer index, opaque: a racy snapshot.
     *
     * @return the producer index
     */
    protected final long producerIndexOpaque() {
        return (long) PRODUCER_INDEX.getOpaque(this);
    }

    /**
     * Reads the producer index, acquire: pairs with {@link #producerIndexRelease(long)}.
     *
     * @return the producer index
     */
    protected final long producerIndexAcquire() {
        return (long) PRODUCER_INDEX.getAcquire(this);
    }

    /**
     * Reads the producer index, volatile: for CAS loops that must see the latest value.
     *
     * @return the producer index
     */
    protected final long producerIndexVolatile() {
        return (long) PRODUCER_INDEX.getVolatile(this);
    }

    /**
     * Writes the new producer index, release: publishes every write before it.
     *
     * @param value the new producer index
     */
    protected final void producerIndexRelease(long value) {
        PRODUCER_INDEX.setRelease(this, value);
    }

    /**
     * Writes the new producer index, opaque: visible eventually, orders nothing.
     *
     * @param value the new producer index
     */
    protected final void producerIndexOpaque(long value) {
        PRODUCER_INDEX.setOpaque(this, value);
    }

    /**
     * Compares and sets the producer index, with volatile semantics.
     *
     * @param expected the index the caller saw
     * @param value    the index to set
     * @return {@code true} if the index was {@code expected} and is now {@code value}
     */
    protected final boolean casProducerIndex(long expected, long value) {
        return PRODUCER_INDEX.compareAndSet(this, expected, value);
    }

    /**
     * Atomically adds to the producer index, with volatile semantics (producers that each take a position
     * without a CAS loop).
     *
     * @param delta the amount to add
     * @return the producer index before the addition
     */
    protected final long getAndAddProducerIndex(long delta) {
        return (long) PRODUCER_INDEX.getAndAdd(this, delta);
    }

    /**
     * Atomically sets bits in the producer index, with volatile semantics (a channel marks itself closed this
     * way, so that a producer's claiming CAS and the close are ordered).
     *
     * @param bits the bits to set
     * @return the producer index before the bits were set
     */
    protected final long getAndBitwiseOrProducerIndex(long bits) {
        return (long) PRODUCER_INDEX.getAndBitwiseOr(this, bits);
    }

    /**
     * Reads the producer limit, plain: only for a single producer.
     *
     * @return the producer limit
     */
    protected final long producerLimitPlain() {
        return producerLimit;
    }

    /**
     * Writes the new producer limit, plain: only for a single producer.
     *
     * @param value the new producer limit
     */
    protected final void producerLimitPlain(long value) {
        producerLimit = value;
    }

    /**
     * Reads the producer limit, opaque: shared by several producers as a hint.
     *
     * @return the producer limit
     */
    protected final long producerLimitOpaque() {
        return (long) PRODUCER_LIMIT.getOpaque(this);
    }

    /**
     * Writes the new producer limit, opaque: shared by several producers as a hint.
     *
     * @param value the new producer limit
     */
    protected final void producerLimitOpaque(long value) {
        PRODUCER_LIMIT.setOpaque(this, value);
    }

    /**
     * Reads the consumer index, plain: only for the thread that owns it.
     *
     * @return the consumer index
     */
    protected final long consumerIndexPlain() {
        return consumerIndex;
    }

    /**
     * Reads the consumer index, opaque: a racy snapshot.
     *
     * @return the consumer index
     */
    protected final long consumerIndexOpaque() {
        return (long) CONSUMER_INDEX.getOpaque(this);
    }

    /**
     * Reads the consumer index, acquire: pairs with {@link #consumerIndexRelease(long)}.
     *
     * @return the consumer index
     */
    protected final long consumerIndexAcquire() {
        return (long) CONSUMER_INDEX.getAcquire(this);
    }

    /**
     * Reads the consumer index, volatile: for CAS loops that must see the latest value.
     *
     * @return the consumer index
     */
    protected final long consumerIndexVolatile() {
        return (long) CONSUMER_INDEX.getVolatile(this);
    }

    /**
     * Writes the new consumer index, release: publishes every write before it.
     *
     * @param value the new consumer index
     */
    protected final void consumerIndexRelease(long value) {
        CONSUMER_INDEX.setRelease(this, value);
    }

    /**
     * Writes the new consumer index, volatile: a release store followed by a full fence, for a consumer that
     * must read a waiter count after publishing the index (Dekker's pattern with a parked producer).
     *
     * @param value the new consumer index
     */
    protected final void consumerIndexVolatile(long value) {
        CONSUMER_INDEX.setVolatile(this, value);
    }

    /**
     * Compares and sets the consumer index, with volatile semantics.
     *
     * @param expected the index the caller saw
     * @param value    the index to set
     * @return {@code true} if the index was {@code expected} and is now {@code value}
     */
    protected final boolean casConsumerIndex(long expected, long value) {
        return CONSUMER_INDEX.compareAndSet(this, expected, value);
    }

    /**
     * Reads the consumer limit, plain: only for a single consumer.
     *
     * @return the consumer limit
     */
    protected final long consumerLimitPlain() {
        return consumerLimit;
    }

    /**
     * Writes the new consumer limit, plain: only for a single consumer.
     *
     * @param value the new consumer limit
     */
    protected final void consumerLimitPlain(long value) {
        consumerLimit = value;
    }

    /**
     * Reads the consumer limit, opaque: shared by several consumers as a hint.
     *
     * @return the consumer limit
     */
    protected final long consumerLimitOpaque() {
        return (long) CONSUMER_LIMIT.getOpaque(this);
    }

    /**
     * Writes the new consumer limit, opaque: shared by several consumers as a hint.
     *
     * @param value the new consumer limit
     */
    protected final void consumerLimitOpaque(long value) {
        CONSUMER_LIMIT.setOpaque(this, value);
    }
}
