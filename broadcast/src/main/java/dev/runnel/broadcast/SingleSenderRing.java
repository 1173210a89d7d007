package dev.runnel.broadcast;

import dev.runnel.padding.PaddedSequence;

import java.lang.invoke.VarHandle;

/**
 * The sequencer for one sender at a time (the Disruptor's single-producer sequencer): no CAS, no fence on the send
 * path. The sender counts sequences in a field of its own and publishes each with one ordered store to the cursor
 * that subscribers read; a subscriber that finds values past its position reads them all before it reads the
 * cursor again.
 *
 * <pre>
 *   next, gate (padded, sender only): the next sequence; the slowest cursor as last read
 *   cursor (padded):                  sequences published; subscribers read it (acquire)
 *   closed (volatile):                set by close(), read by the sender before each send
 *
 *   sender of s:  closed? -> refuse
 *                 BLOCK: s - gate >= capacity? -> full fence, re-read the cursors (gate); still? -> held back
 *                 write slot s (seqlocked under LAP, plain under BLOCK); cursor = s + 1 (release)
 *                 if subscribers may park: full fence, then look for waiters
 * </pre>
 *
 * <p>Under {@code BLOCK} no slot is overwritten while a subscriber may read it, so the slots need no seqlock. The
 * fence before re-reading the cursors orders the sender's last publish against a subscriber that joins meanwhile
 * (it reads the cursor after adding itself): either the sender sees the newcomer, or the newcomer starts past
 * everything the sender could still write without seeing it, which the ring's slack (size = 2 x capacity) covers.
 *
 * <p>A send is not atomic against {@link #close()} from another thread: the channel's contract asks that the
 * sender closes, or that its last send returns before another thread closes.
 */
final class SingleSenderRing extends BroadcastRing {
    final PaddedSequence cursor = new PaddedSequence(0);
    private final PaddedSequence next = new PaddedSequence(0);
    private final PaddedSequence gate = new PaddedSequence(0);
    private final boolean fenced;
    private volatile boolean closed;

    /**
     * @param fenced whether subscribers may park: then each send fences before looking for waiters (a subscriber
     *               registers, then re-reads the cursor)
     */
    SingleSenderRing(int capacity, LagPolicy policy, boolean fenced) {
        super(capacity, policy, policy == LagPolicy.LAP);
        this.fenced = fenced;
    }

    @Override
    int offer(Object value, Gate slowest) {
        if (closed) {
            return CLOSED_FOR_SEND;
        }
        final long s = next.getPlain();
        if (blocking && s - gate.getPlain() >= capacity) {
            VarHandle.fullFence();   // the last publish before the read of the subscribers (see the class comment)
            final long g = slowest.slowest(s);
            gate.setPlain(g);
            if (s - g >= capacity) {
                return HELD_BACK;
            }
        }
        write(s, value);
        next.setPlain(s + 1);
        cursor.setRelease(s + 1);
        if (fenced) {
            VarHandle.fullFence();   // the publish before the read of the waiters (Dekker's pattern)
        }
        return SENT;
    }

    @Override
    long claimed() {
        return cursor.getVolatile();
    }

    @Override
    long state() {
        final boolean c = closed;   // first: a cursor read after it includes every value sent before the close
        final long published = cursor.getVolatile();
        return c ? published | CLOSED : published;
    }

    @Override
    long available() {
        return cursor.getAcquire();
    }

    @Override
    boolean isClosed() {
        return closed;
    }

    @Override
    void close() {
        closed = true;
    }

    @Override
    void forgetGate() {
        // From the subscribing thread: the sender's next send re-reads the cursors and sees the newcomer. A send
        // racing this write may keep a stale gate; the fence before each re-read and the ring's slack cover it.
        gate.setRelease(0);
    }

    @Override
    boolean lappedAt(long seq, long available) {
        return available > seq + capacity;   // as last read: a lap found later shows as an overwritten slot
    }
}
