package dev.runnel.broadcast;

import dev.runnel.ChannelClosedException;
import dev.runnel.ReceiveChannel;
import dev.runnel.padding.PaddedSequence;
import dev.runnel.spi.Selectable;
import dev.runnel.spi.Spin;
import dev.runnel.spi.Timeouts;
import dev.runnel.spi.WaitNode;
import dev.runnel.spi.WaiterQueue;

import java.time.Duration;

/**
 * One subscriber's view of a {@link BroadcastChannel}: a {@link ReceiveChannel} with its own cursor. Read by one
 * thread at a time; it can take part in a select.
 *
 * <ul>
 *   <li>Receives return the values in the order they were claimed by the senders, each once.</li>
 *   <li>Under {@link LagPolicy#LAP}, a receive that finds the subscriber lapped throws {@link LappedException}
 *       once, having moved the cursor to the oldest value held; the next receive returns that value.</li>
 *   <li>After the channel is closed the subscription drains, then its receives throw
 *       {@link ChannelClosedException}. After {@link #close()} they throw at once.</li>
 * </ul>
 *
 * @param <T> the value type
 */
public final class Subscription<T> implements ReceiveChannel<T>, Selectable, AutoCloseable {
    private final BroadcastChannel<T> channel;
    private final BroadcastRing ring;
    private final PaddedSequence cursor;
    private final boolean lapping;
    private final long capacity;   // the next sequence to read; senders read it for gating
    private volatile boolean closed;
    private long missed;
    private long available;   // ring.available() as last read: read it again only on reaching it

    Subscription(BroadcastChannel<T> channel, long start) {
        this.channel = channel;
        this.ring = channel.ring;
        this.cursor = new PaddedSequence(start);
        this.lapping = channel.policy == LagPolicy.LAP;
        this.capacity = channel.capacity;
    }

    void start(long sequence) {
        cursor.setVolatile(sequence);
    }

    long cursorPlain() {
        return cursor.getPlain();
    }

    long cursorVolatile() {
        return cursor.getVolatile();
    }

    /**
     * Receives the next value if it is published now.
     *
     * @return the value, or {@code null} if none is ready
     * @throws LappedException        under {@code LAP}, once per lap: the cursor has moved to the oldest value held
     * @throws ChannelClosedException if this subscription is closed, or the channel is closed and drained
     */
    @Override
    public T tryReceive() {
        final T v = pollNow();
        if (v == null && isDrained()) {
            throw closedException();
        }
        return v;
    }

    /**
     * Receives the next value, waiting per the channel's strategy while none is published.
     *
     * @return the value
     * @throws LappedException        under {@code LAP}, once per lap: the cursor has moved to the oldest value held
     * @throws ChannelClosedException if this subscription is closed (before or while waiting), or the channel is
     *                                closed and drained
     * @throws InterruptedException   if interrupted while waiting; nothing is received, the status is cleared
     */
    @Override
    public T receive() throws InterruptedException {
        return receive(false, 0L);
    }

    /**
     * Receives the next value, waiting at most {@code timeout} while none is published.
     *
     * @param timeout how long to wait at most, not negative
     * @return the value, or {@code null} if the timeout elapsed first
     * @throws LappedException          under {@code LAP}, once per lap
     * @throws ChannelClosedException   if this subscription is closed, or the channel is closed and drained (at
     *                                  once, not after the timeout)
     * @throws InterruptedException     if interrupted while waiting; nothing is received, the status is cleared
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    @Override
    public T receive(Duration timeout) throws InterruptedException {
        return receive(true, Timeouts.deadline(timeout));
    }

    /**
     * Takes the next value if it is published.
     *
     * @return the value, or {@code null} if none is ready
     * @throws LappedException        under {@code LAP}, once per lap
     * @throws ChannelClosedException if this subscription was closed
     */
    @SuppressWarnings("unchecked")
    private T pollNow() {
        if (closed) {
            throw new ChannelClosedException("receive on a closed subscription");
        }
        final long r = cursor.getPlain();
        if (r >= available && r >= (available = ring.available())) {
            return null;   // nothing past the cursor (read once per batch, as a Disruptor reader reads its cursor)
        }
        if (lapping && ring.lappedAt(r, available)) {
            lapped(r);   // a value capacity ahead is written: told even if the slot still holds the value
        }
        final Object v = ring.read(r);
        if (v != BroadcastRing.NOT_YET && v != BroadcastRing.OVERWRITTEN) {
            cursor.setRelease(r + 1);
            return (T) v;
        }
        if (v == BroadcastRing.OVERWRITTEN) {
            lapped(r);
        }
        return null;
    }

    /** Moves past the values that are gone; tells the subscriber under LAP (under BLOCK: only replayed ones). */
    private void lapped(long from) {
        final long oldest = Math.max(from + 1, ring.claimed() - capacity);
        cursor.setRelease(oldest);
        if (lapping) {
            missed += oldest - from;
            throw new LappedException(oldest - from);
        }
    }

    private T receive(boolean timed, long deadline) throws InterruptedException {
        T v = pollNow();
        if (v != null) {
            return v;
        }
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        int attempt = 0;
        int writers = 0;
        while (true) {
            v = pollNow();
            if (v != null) {
                return v;
            }
            // While spinning: pollNow reads the head once per batch of claimed values, and the close state is a
            // line written once. The claims and the closed bit are read together once the strategy stops spinning.
            final boolean closing = channel.closeState.isClosed();
            if (!closing && !(timed && Timeouts.expired(deadline)) && channel.strategy.idle(attempt)) {
                attempt = attempt == Integer.MAX_VALUE ? attempt : attempt + 1;
                continue;
            }
            final long head = ring.state();   // one read: the claims and the closed bit together
            if ((head & ~BroadcastRing.CLOSED) > cursor.getPlain()) {
                writers = Spin.briefly(writers);   // a sender claimed the next sequence and is writing it
                continue;
            }
            if (head < 0) {
                throw closedException();   // closed, and nothing claimed past the cursor: drained
            }
            if (closing) {
                writers = Spin.briefly(writers);   // close() is between its two steps
                continue;
            }
            if (timed && Timeouts.expired(deadline)) {
                return null;
            }
            if (await(timed, deadline)) {
                throw new InterruptedException();
            }
        }
    }

    /** Registers, re-checks, parks. Returns {@code true} if interrupted (status cleared). */
    private boolean await(boolean timed, long deadline) {
        final WaiterQueue receivers = channel.receivers;
        final WaitNode node = receivers.enqueueCurrentThread();
        if (readyNow()) {
            receivers.withdraw(node);
            return false;
        }
        return receivers.park(node, channel.strategy, timed, deadline);
    }

    /** After registering: a value is claimed past the cursor, or the channel or this subscription is closed. */
    private boolean readyNow() {
        final long head = ring.state();
        return head < 0 || (head & ~BroadcastRing.CLOSED) > cursor.getPlain() || closed;
    }

    private boolean isDrained() {
        final long head = ring.state();
        return head < 0 && (head & ~BroadcastRing.CLOSED) <= cursor.getPlain();
    }

    private ChannelClosedException closedException() {
        return closed ? new ChannelClosedException("receive on a closed subscription")
                : channel.closeState.receiveException();
    }

    /**
     * Tells whether receives throw now: this subscription is closed, or the channel is closed and drained.
     *
     * @return {@code true} if closed for receive
     */
    @Override
    public boolean isClosedForReceive() {
        return closed || isDrained();
    }

    /**
     * Returns how many values were sent that this subscription has not read (its lag).
     *
     * @return the number of values claimed past the cursor, {@code >= 0}
     */
    public long lag() {
        return Math.max(0, ring.claimed() - cursor.getVolatile());
    }

    /**
     * Returns how many values this subscription missed by being lapped, in total.
     *
     * @return the sum of every {@link LappedException#missed()} reported
     */
    public long missed() {
        return missed;
    }

    /**
     * Detaches the subscription: a {@code BLOCK} sender stops waiting for it at once, and its receives throw
     * {@link ChannelClosedException} from now on (a receive waiting in another thread wakes and throws).
     * Idempotent.
     */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            channel.detach(this);
        }
    }

    // Selectable: a receive case on a subscription.

    @Override
    public boolean registerReceiver(WaitNode node) {
        channel.receivers.addIfUnlinked(node);
        return readyNow();
    }

    @Override
    public boolean registerSender(WaitNode node) {
        throw new UnsupportedOperationException("a subscription only receives");
    }

    @Override
    public void unregister(WaitNode node) {
        channel.receivers.remove(node);
    }

    @Override
    public boolean signals() {
        return channel.signals;   // a single-sender channel whose subscribers never park does not signal: polled
    }

    @Override
    public void forwardReceiverSignal() {
        // Every subscriber is woken for every value: a signal is never one subscriber's to pass on.
    }

    @Override
    public void forwardSenderSignal() {
    }

    @Override
    public String toString() {
        return "Subscription[cursor=" + cursor.getVolatile() + ", lag=" + lag() + (closed ? ", closed" : "")
                + " of " + channel + "]";
    }
}
