package dev.runnel.unbounded;

import dev.runnel.padding.PaddedIndices;
import dev.runnel.spi.Spin;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * An unbounded multi-producer multi-consumer FIFO over linked {@link Segment}s, closable to producers.
 *
 * <pre>
 *   send index:    | closed (bit 63) | next position to send (bits 0..62) |   one getAndAdd per send
 *   receive index: next position to receive                                  one CAS per receive
 *
 *   receiveSegment ─► [ id k | 256 cells ] ─► [ id k+1 ] ─► ... ─► [ id m ] ◄─ sendSegment
 * </pre>
 *
 * <p>A producer takes its position with one {@code getAndAdd} (no retry loop under contention), walks from the
 * send-segment hint it read <em>before</em> taking the position (so the hint is never past its segment) and
 * writes its cell. A consumer claims a position below the send index by CAS and waits the few instructions
 * until its producer has written the cell. The close sets bit 63 and records the position reached
 * ({@code closedAt}); a producer whose position is at or past it fails, and consumers stop there.
 *
 * <p>Consumed cells are cleared, and segments behind both hints become unreachable, so memory follows what is
 * buffered. Segments are not reused: a slow producer may still walk through one it read as a hint, so reuse
 * would need hazard tracking, which costs every send.
 */
final class SegmentQueue<E> extends PaddedIndices {
    private static final long CLOSED = Long.MIN_VALUE;
    private static final long POSITION = Long.MAX_VALUE;
    private static final VarHandle SEND_SEGMENT;
    private static final VarHandle RECEIVE_SEGMENT;
    private static final VarHandle CLOSED_AT;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            SEND_SEGMENT = lookup.findVarHandle(SegmentQueue.class, "sendSegment", Segment.class);
            RECEIVE_SEGMENT = lookup.findVarHandle(SegmentQueue.class, "receiveSegment", Segment.class);
            CLOSED_AT = lookup.findVarHandle(SegmentQueue.class, "closedAt", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // through SEND_SEGMENT
    private Segment sendSegment;
    @SuppressWarnings("unused") // through RECEIVE_SEGMENT
    private Segment receiveSegment;
    @SuppressWarnings("unused") // through CLOSED_AT
    private long closedAt = -1;

    SegmentQueue() {
        final Segment first = new Segment(0);
        sendSegment = first;
        receiveSegment = first;   // both published by the channel's final field
    }

    /**
     * Appends {@code e}.
     *
     * @return {@code false} if the queue is closed (nothing added)
     */
    boolean offer(E e) {
        final Segment hint = (Segment) SEND_SEGMENT.getAcquire(this);
        final long index = getAndAddProducerIndex(1);
        if (index < 0) {
            return false;
        }
        final Segment segment = Segment.find(hint, index >>> Segment.SHIFT);
        if (segment != hint) {
            advance(SEND_SEGMENT, segment);
        }
        segment.cellVolatile((int) (index & Segment.MASK), e);
        return true;
    }

    /**
     * Takes the oldest value.
     *
     * @return the value, or {@code null} if nothing was sent (before the close) that is not taken yet
     */
    @SuppressWarnings("unchecked")
    E poll() {
        while (true) {
            final Segment hint = (Segment) RECEIVE_SEGMENT.getAcquire(this);
            final long index = consumerIndexVolatile();
            if (index >= sentLimit()) {
                return null;
            }
            if (!casConsumerIndex(index, index + 1)) {
                continue;
            }
            final Segment segment = Segment.find(hint, index >>> Segment.SHIFT);
            if (segment != hint) {
                advance(RECEIVE_SEGMENT, segment);
            }
            final int cell = (int) (index & Segment.MASK);
            Object e;
            int attempt = 0;
            while ((e = segment.cellAcquire(cell)) == null) {
                attempt = Spin.briefly(attempt);   // its producer took the position and is writing the cell
            }
            segment.cellPlain(cell, null);         // let the value be collected
            return (E) e;
        }
    }

    /** How far values were (or will be) sent: the send index, or the position at the close. */
    private long sentLimit() {
        final long index = producerIndexVolatile();
        if (index >= 0) {
            return index;
        }
        long at;
        int attempt = 0;
        while ((at = (long) CLOSED_AT.getAcquire(this)) < 0) {
            attempt = Spin.briefly(attempt);   // the closer is between its OR and recording the position
        }
        return at;
    }

    private void advance(VarHandle hint, Segment to) {
        Segment current;
        while ((current = (Segment) hint.getAcquire(this)).id < to.id) {
            if (hint.compareAndSet(this, current, to)) {
                return;
            }
        }
    }

    /** The segment receivers start from (for tests of memory release). */
    Segment receiveSegment() {
        return (Segment) RECEIVE_SEGMENT.getAcquire(this);
    }

    boolean close() {
        final long before = getAndBitwiseOrProducerIndex(CLOSED);
        if (before < 0) {
            return false;
        }
        CLOSED_AT.setRelease(this, before);
        return true;
    }

    boolean isClosed() {
        return producerIndexVolatile() < 0;
    }

    boolean isEmpty() {
        final long limit = sentLimit();
        return consumerIndexVolatile() >= limit;
    }

    boolean isDrained() {
        return isClosed() && isEmpty();
    }

    long size() {
        final long limit = sentLimit() & POSITION;
        return Math.max(0, limit - consumerIndexVolatile());
    }
}
