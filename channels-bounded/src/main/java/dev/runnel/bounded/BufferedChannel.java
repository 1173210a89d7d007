package dev.runnel.bounded;

import dev.runnel.Channel;
import dev.runnel.WaitStrategy;
import dev.runnel.ring.ClosableRing;
import dev.runnel.spi.AbstractBlockingChannel;
import dev.runnel.spi.Spin;
import dev.runnel.spi.Timeouts;
import dev.runnel.spi.WaiterQueue;

import java.time.Duration;
import java.util.Objects;

/**
 * A channel with a buffer of exactly {@code capacity} values, over a {@link ClosableRing}.
 *
 * <p>Fast paths: {@code send} is one ring offer (a CAS) and, when the strategy parks, one volatile read of the
 * receivers' waiter count; {@code receive} is one ring poll and one read of the senders' count. Close is the
 * ring's close bit: a send either claimed its slot before the close (and its value will be received) or throws.
 */
final class BufferedChannel<T> extends AbstractBlockingChannel<T> implements Channel<T> {
    private final ClosableRing<T> ring;
    private final WaiterQueue senders = new WaiterQueue();
    private final Overflow overflow;

    BufferedChannel(ClosableRing<T> ring, WaitStrategy strategy, Overflow overflow) {
        super(strategy);
        this.ring = ring;
        this.overflow = overflow;
    }

    @Override
    public void send(T value) throws InterruptedException {
        Objects.requireNonNull(value, "value");
        if (offerNow(value, 0)) {
            return;
        }
        if (overflow != Overflow.BLOCK) {
            sendOverflowing(value);
            return;
        }
        sendSlow(value, 0, false, 0L);
    }

    @Override
    public boolean send(T value, Duration timeout) throws InterruptedException {
        Objects.requireNonNull(value, "value");
        final long deadline = Timeouts.deadline(timeout);
        if (offerNow(value, 0)) {
            return true;
        }
        if (overflow != Overflow.BLOCK) {
            sendOverflowing(value);
            return true;
        }
        return sendSlow(value, 0, true, deadline);
    }

    @Override
    public boolean trySend(T value) {
        Objects.requireNonNull(value, "value");
        if (offerNow(value, 0)) {
            return true;
        }
        if (ring.isClosed()) {
            throw closeState.sendException();
        }
        if (overflow != Overflow.BLOCK) {
            sendOverflowing(value);
            return true;
        }
        return false;   // full (or, on a multi-consumer ring, its oldest slot is being freed this instant)
    }

    /** A send into a full channel with a dropping overflow policy: never blocks. */
    private void sendOverflowing(T value) {
        while (!ring.offer(value)) {
            if (ring.isClosed()) {
                throw closeState.sendException();
            }
            if (overflow == Overflow.DROP_NEWEST) {
                return;
            }
            ring.poll();   // DROP_OLDEST: the ring is multi-consumer for this policy
        }
        signalReceiver();
    }

    @Override
    public T receive() throws InterruptedException {
        final T value = pollNow();
        return value != null ? value : receiveSlow(false, 0L);
    }

    @Override
    public T receive(Duration timeout) throws InterruptedException {
        final long deadline = Timeouts.deadline(timeout);
        final T value = pollNow();
        return value != null ? value : receiveSlow(true, deadline);
    }

    @Override
    public T tryReceive() {
        T value = pollNow();
        if (value != null) {
            return value;
        }
        if (!closeState.isClosed()) {
            return null;   // empty, or a send is still writing its slot: not sent yet
        }
        int writers = 0;
        while ((value = pollNow()) == null) {
            if (ring.isDrained()) {
                throw closeState.receiveException();
            }
            writers = Spin.briefly(writers);   // closed with values left: a sender is finishing its write
        }
        return value;
    }

    @Override
    protected T pollNow() {
        final T value = ring.poll();
        if (value != null) {
            signalSender(0);
        }
        return value;
    }

    @Override
    protected boolean offerNow(T value, int lane) {
        if (ring.offer(value)) {
            signalReceiver();
            return true;
        }
        return false;
    }

    @Override
    protected boolean isEmptyNow() {
        return ring.isEmpty();
    }

    @Override
    protected boolean hasRoomNow(int lane) {
        return ring.hasRoom();
    }

    @Override
    protected boolean isClosedNow() {
        return ring.isClosed();
    }

    @Override
    protected boolean isDrainedNow() {
        return ring.isDrained();
    }

    @Override
    protected WaiterQueue senders(int lane) {
        return senders;
    }

    @Override
    protected void closeBuffer() {
        ring.close();
    }

    @Override
    public int capacity() {
        return ring.capacity();
    }

    @Override
    public int size() {
        return ring.size();
    }

    @Override
    public String toString() {
        return "BoundedChannel[capacity=" + ring.capacity() + ", size=" + ring.size() + ", " + closeState
                + ", waitStrategy=" + strategy.name() + (overflow == Overflow.BLOCK ? "" : ", overflow=" + overflow)
                + "]";
    }
}
