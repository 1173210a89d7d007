package dev.runnel.broadcast;

import dev.runnel.padding.PaddedSequence;

/**
 * The sequencer for any number of senders: a CAS on the head claims each sequence, the sender then writes its slot
 * under the slot's seqlock, so subscribers learn from the stamp, not from the head, that it is written.
 *
 * <pre>
 *   head (padded):  bit 63 = closed | bits 0..62 = next sequence to claim
 *
 *   sender of s:  CAS head s -> s + 1 (gated by the slowest cursor under BLOCK)
 *                 wait until stamps[s &amp; mask] == s - size   (the slot's previous lap is written)
 *                 seqlocked write of s
 * </pre>
 *
 * <p>The CAS also orders a sender against a subscriber that registers to park (Dekker's pattern: the subscriber
 * re-reads the head after registering) and against {@link #close()}, which sets the closed bit in the same word.
 */
final class SharedSenderRing extends BroadcastRing {
    final PaddedSequence head = new PaddedSequence(0);
    private long cachedGate;   // a lower bound of the slowest cursor; racy between senders, only ever too low

    SharedSenderRing(int capacity, LagPolicy policy) {
        super(capacity, policy, true);
    }

    @Override
    int offer(Object value, Gate gate) {
        while (true) {
            final long h = head.getVolatile();
            if (h < 0) {
                return CLOSED_FOR_SEND;
            }
            if (blocking && h - cachedGate >= capacity && h - (cachedGate = gate.slowest(h)) >= capacity) {
                return HELD_BACK;
            }
            if (head.compareAndSet(h, h + 1)) {
                awaitPreviousLap(h);
                write(h, value);
                return SENT;
            }
        }
    }

    @Override
    long claimed() {
        return head.getVolatile() & ~CLOSED;
    }

    @Override
    long state() {
        return head.getVolatile();
    }

    @Override
    long available() {
        return claimed();   // claimed, maybe not yet written: the stamp tells
    }

    @Override
    boolean isClosed() {
        return head.getVolatile() < 0;
    }

    @Override
    void close() {
        head.getAndBitwiseOr(CLOSED);
    }

    @Override
    void forgetGate() {
        cachedGate = 0;   // best effort: the next send re-reads the cursors (the ring's slack covers a racing one)
    }

    @Override
    boolean lappedAt(long seq, long available) {
        return stampedFrom(seq + capacity);   // told even if the slot still holds the value
    }
}
