package dev.runnel.padding;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A {@code long} alone on its cache line: 128 bytes of padding on either side. For counters and cursors that
 * one thread writes and others read (a subscriber's cursor, a gating sequence).
 *
 * <pre>
 *   object header | 128 bytes pad | value | 128 bytes pad
 * </pre>
 *
 * <p>Accessors name their access mode; match {@link #setRelease(long)} with {@link #getAcquire()}.
 */
public final class PaddedSequence extends SequenceL1Pad {
    private static final VarHandle VALUE;

    static {
        try {
            VALUE = MethodHandles.lookup().findVarHandle(SequenceValue.class, "value", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * Creates a sequence holding {@code initial}.
     *
     * @param initial the first value
     */
    public PaddedSequence(long initial) {
        value = initial;   // published with the object (safe publication is the caller's)
    }

    /**
     * Reads the value, plain: only for the thread that writes it.
     *
     * @return the value
     */
    public final long getPlain() {
        return value;
    }

    /**
     * Reads the value, opaque: a racy snapshot.
     *
     * @return the value
     */
    public final long getOpaque() {
        return (long) VALUE.getOpaque(this);
    }

    /**
     * Reads the value, acquire: pairs with {@link #setRelease(long)}.
     *
     * @return the value
     */
    public final long getAcquire() {
        return (long) VALUE.getAcquire(this);
    }

    /**
     * Writes the value, plain: only for the thread that writes it, before publication.
     *
     * @param newValue the value
     */
    public final void setPlain(long newValue) {
        value = newValue;
    }

    /**
     * Writes the value, release: publishes every write before it.
     *
     * @param newValue the value
     */
    public final void setRelease(long newValue) {
        VALUE.setRelease(this, newValue);
    }

    /**
     * Writes the value, volatile: also orders later loads after it (a StoreLoad fence).
     *
     * @param newValue the value
     */
    public final void setVolatile(long newValue) {
        VALUE.setVolatile(this, newValue);
    }

    /**
     * Compares and sets the value, with volatile semantics.
     *
     * @param expected the value the caller saw
     * @param newValue the value to set
     * @return {@code true} if the value was {@code expected} and is now {@code newValue}
     */
    public final boolean compareAndSet(long expected, long newValue) {
        return VALUE.compareAndSet(this, expected, newValue);
    }

    /**
     * Adds to the value atomically.
     *
     * @param delta what to add
     * @return the value before the addition
     */
    public final long getAndAdd(long delta) {
        return (long) VALUE.getAndAdd(this, delta);
    }

    /**
     * Reads the value, volatile.
     *
     * @return the value
     */
    public final long getVolatile() {
        return (long) VALUE.getVolatile(this);
    }

    /**
     * Sets bits atomically, with volatile semantics.
     *
     * @param bits the bits to set
     * @return the value before
     */
    public final long getAndBitwiseOr(long bits) {
        return (long) VALUE.getAndBitwiseOr(this, bits);
    }

    /**
     * Keeps only the given bits atomically, with volatile semantics (clears the others).
     *
     * @param bits the bits to keep
     * @return the value before
     */
    public final long getAndBitwiseAnd(long bits) {
        return (long) VALUE.getAndBitwiseAnd(this, bits);
    }

    @Override
    public String toString() {
        return Long.toString(getOpaque());
    }
}
