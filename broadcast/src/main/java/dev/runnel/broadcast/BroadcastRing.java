package dev.runnel.broadcast;

import dev.runnel.padding.PaddedSequence;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The one ring of a {@link BroadcastChannel}: senders claim sequences, every subscriber reads every slot with its
 * own cursor.
 *
 * <pre>
 *   head (padded):  bit 63 = closed | bits 0..62 = next sequence to claim
 *
 *   slot i of size = 2^k >= 2 * capacity  (a sender gated on a stale view of the cursors may run up to
 *                                           capacity past a replaying subscriber that just joined)
 *     buffer[i]     the value of the last sequence written to the slot (i, i + size, i + 2 size, ...)
 *     published[i]  that sequence once written; WRITING while a sender writes; i - size before the first lap
 *
 *   sender of sequence s:  CAS head s -> s + 1 (gated by the slowest cursor under BLOCK)
 *                          wait until published[s & mask] == s - size   (the slot's previous lap is written)
 *                          published = WRITING; store-store fence; buffer = value; published = s (release)
 *   reader of sequence s:  p1 = published (acquire); value = buffer; load-load fence; p2 = published
 *                          p1 == p2 == s: the value   p1 &lt; s or WRITING: not yet   otherwise: overwritten
 * </pre>
 *
 * <p>The seqlock check lets a {@link LagPolicy#LAP} sender overwrite a slot that a lapped subscriber is reading:
 * the subscriber sees the sequence change and reports the lap instead of returning the wrong value.
 */
final class BroadcastRing {
    /** Bit 63 of the head: closed to senders. */
    static final long CLOSED = Long.MIN_VALUE;
    /** Read outcome: the sequence is claimed (or not even claimed) but not written yet. */
    static final Object NOT_YET = new Object();
    /** Read outcome: the slot holds a later sequence; the one asked for is gone. */
    static final Object OVERWRITTEN = new Object();

    private static final long WRITING = Long.MIN_VALUE;
    private static final VarHandle PUBLISHED = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle BUFFER = MethodHandles.arrayElementVarHandle(Object[].class);

    final PaddedSequence head = new PaddedSequence(0);
    private final Object[] buffer;
    private final long[] published;
    private final int mask;
    private final int size;

    BroadcastRing(int capacity) {
        this.size = Integer.highestOneBit(capacity * 4 - 1);   // the power of two >= 2 * capacity
        this.mask = size - 1;
        this.buffer = new Object[size];
        this.published = new long[size];
        for (int i = 0; i < size; i++) {
            published[i] = i - (long) size;
        }
    }

    /** Sequences claimed so far (the next sequence to claim), without the closed bit. */
    long claimed() {
        return head.getVolatile() & ~CLOSED;
    }

    boolean isClosed() {
        return head.getVolatile() < 0;
    }

    /** Sets the closed bit; senders that claimed before it finish their writes. */
    void close() {
        head.getAndBitwiseOr(CLOSED);
    }

    /** Writes {@code value} as sequence {@code seq}, which the caller has claimed. */
    void write(long seq, Object value) {
        final int i = (int) seq & mask;
        final long previousLap = seq - size;
        while ((long) PUBLISHED.getAcquire(published, i) != previousLap) {
            Thread.onSpinWait();   // another sender is still writing this slot's previous lap
        }
        PUBLISHED.setOpaque(published, i, WRITING);
        VarHandle.storeStoreFence();
        BUFFER.setOpaque(buffer, i, value);
        PUBLISHED.setRelease(published, i, seq);
    }

    /** Tells whether a sequence at or past {@code seq} has been written to the slot of {@code seq}. */
    boolean writtenFrom(long seq) {
        return (long) PUBLISHED.getAcquire(published, (int) seq & mask) >= seq;
    }

    /**
     * Reads sequence {@code seq}.
     *
     * @return the value, {@link #NOT_YET} or {@link #OVERWRITTEN}
     */
    Object read(long seq) {
        final int i = (int) seq & mask;
        final long before = (long) PUBLISHED.getAcquire(published, i);
        if (before != seq) {
            return before < seq ? NOT_YET : OVERWRITTEN;   // WRITING is negative: not yet, or lapped (see head)
        }
        final Object value = BUFFER.getOpaque(buffer, i);
        VarHandle.loadLoadFence();
        return (long) PUBLISHED.getOpaque(published, i) == seq ? value : OVERWRITTEN;
    }
}
