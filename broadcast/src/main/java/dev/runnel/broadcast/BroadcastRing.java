package dev.runnel.broadcast;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The one ring of a {@link BroadcastChannel}: senders write sequences into slots, every subscriber reads every slot
 * with its own cursor. How sequences are claimed and published is the sequencer's: {@link SharedSenderRing} (any
 * thread sends; a CAS claims each sequence) or {@link SingleSenderRing} (one sender at a time; plain ordered
 * stores, the Disruptor's single-producer sequencer).
 *
 * <pre>
 *   slot i of size = 2^k >= 2 * capacity  (a sender gated on a stale view of the cursors may run up to
 *                                           capacity past a replaying subscriber that just joined)
 *     buffer[i]   the value of the last sequence written to the slot (i, i + size, i + 2 size, ...)
 *     stamps[i]   seqlocked rings only: that sequence once written; WRITING while it is written; i - size
 *                 before the first lap
 *
 *   seqlocked write of s:  stamps = WRITING; store-store fence; buffer = value; stamps = s (release)
 *   seqlocked read of s:   p1 = stamps (acquire); value = buffer; load-load fence; p2 = stamps
 *                          p1 == p2 == s: the value   p1 &lt; s or WRITING: not yet   otherwise: overwritten
 * </pre>
 *
 * <p>The seqlock lets a {@link LagPolicy#LAP} sender overwrite a slot that a lapped subscriber is reading: the
 * subscriber sees the stamp change and reports the lap instead of returning the wrong value.
 */
abstract sealed class BroadcastRing permits SharedSenderRing, SingleSenderRing {
    /** Bit 63 of {@link #state()}: closed to senders. */
    static final long CLOSED = Long.MIN_VALUE;
    /** Read outcome: the sequence is not written yet. */
    static final Object NOT_YET = new Object();
    /** Read outcome: the slot holds a later sequence; the one asked for is gone. */
    static final Object OVERWRITTEN = new Object();
    /** {@link #offer} outcomes. */
    static final int SENT = 1;
    static final int HELD_BACK = 0;
    static final int CLOSED_FOR_SEND = -1;

    private static final long WRITING = Long.MIN_VALUE;
    private static final VarHandle STAMPS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle BUFFER = MethodHandles.arrayElementVarHandle(Object[].class);

    final int capacity;
    final boolean blocking;
    final int size;
    final int mask;
    final Object[] buffer;
    final long[] stamps;   // null where no slot is ever overwritten while read (single sender, BLOCK)

    BroadcastRing(int capacity, LagPolicy policy, boolean stamped) {
        this.capacity = capacity;
        this.blocking = policy == LagPolicy.BLOCK;
        this.size = Integer.highestOneBit(capacity * 4 - 1);   // the power of two >= 2 * capacity
        this.mask = size - 1;
        this.buffer = new Object[size];
        this.stamps = stamped ? new long[size] : null;
        if (stamped) {
            for (int i = 0; i < size; i++) {
                stamps[i] = i - (long) size;
            }
        }
    }

    /**
     * Sends {@code value} if the channel is open and (under {@code BLOCK}) no subscriber is {@code capacity}
     * values behind.
     *
     * @return {@link #SENT}, {@link #HELD_BACK} or {@link #CLOSED_FOR_SEND}
     */
    abstract int offer(Object value, Gate gate);

    /** Sequences claimed so far (the next sequence to claim), without the closed bit. */
    abstract long claimed();

    /** One read of the claims and the closed bit ({@link #CLOSED}) together. */
    abstract long state();

    /** Sequences a subscriber may read up to (exclusive): their slots are written, or are being written. */
    abstract long available();

    abstract boolean isClosed();

    /** Closes the ring to senders; sequences claimed before are still written. */
    abstract void close();

    /** Forgets the cached slowest cursor: a subscriber joined. */
    abstract void forgetGate();

    /**
     * Tells whether a subscriber at {@code seq}, having seen {@code available}, is {@code capacity} values behind.
     */
    abstract boolean lappedAt(long seq, long available);

    /**
     * Reads sequence {@code seq}, below {@link #available()}.
     *
     * @return the value, {@link #NOT_YET} or {@link #OVERWRITTEN}
     */
    Object read(long seq) {
        final int i = (int) seq & mask;
        if (stamps == null) {
            return BUFFER.getOpaque(buffer, i);   // ordered by the acquire that saw seq published
        }
        final long before = (long) STAMPS.getAcquire(stamps, i);
        if (before != seq) {
            return before < seq ? NOT_YET : OVERWRITTEN;   // WRITING is negative: not yet, or lapped (see claims)
        }
        final Object value = BUFFER.getOpaque(buffer, i);
        VarHandle.loadLoadFence();
        return (long) STAMPS.getOpaque(stamps, i) == seq ? value : OVERWRITTEN;
    }

    /** Writes {@code value} as {@code seq} under the slot's seqlock, or plainly where there is none. */
    final void write(long seq, Object value) {
        final int i = (int) seq & mask;
        if (stamps == null) {
            BUFFER.setOpaque(buffer, i, value);
            return;
        }
        STAMPS.setOpaque(stamps, i, WRITING);
        VarHandle.storeStoreFence();
        BUFFER.setOpaque(buffer, i, value);
        STAMPS.setRelease(stamps, i, seq);
    }

    /** Waits until the slot of {@code seq} holds its previous lap: another sender may still be writing it. */
    final void awaitPreviousLap(long seq) {
        final int i = (int) seq & mask;
        final long previousLap = seq - size;
        while ((long) STAMPS.getAcquire(stamps, i) != previousLap) {
            Thread.onSpinWait();
        }
    }

    /** Tells whether a sequence at or past {@code seq} has been written to the slot of {@code seq}. */
    final boolean stampedFrom(long seq) {
        return (long) STAMPS.getAcquire(stamps, (int) seq & mask) >= seq;
    }

    /** The slowest subscriber's cursor, read by a {@code BLOCK} sender that has run {@code capacity} ahead. */
    interface Gate {
        /**
         * Reads every subscriber's cursor.
         *
         * @param next the next sequence to send
         * @return the slowest cursor, or {@code next} if there is no subscriber
         */
        long slowest(long next);
    }
}
