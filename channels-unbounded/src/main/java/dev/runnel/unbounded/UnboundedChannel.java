package dev.runnel.unbounded;

import dev.runnel.Channel;
import dev.runnel.WaitStrategy;
import dev.runnel.spi.AbstractBlockingChannel;
import dev.runnel.spi.Timeouts;
import dev.runnel.spi.WaiterQueue;

import java.time.Duration;
import java.util.Objects;

/**
 * A channel without a capacity limit: {@code send} never blocks, and memory grows with what is buffered and
 * shrinks back (by garbage collection of consumed segments) as it is drained.
 *
 * <p>Any number of senders and receivers. Receivers block while it is empty, per the channel's
 * {@link WaitStrategy}, and are woken by the send that makes a value available. A send takes its position with
 * one atomic add, so senders do not retry under contention. Close follows {@link Channel}: sends after it throw
 * {@link dev.runnel.ChannelClosedException}, receivers drain what was sent before it. Use it where a blocked
 * sender would deadlock (a stage that sends to itself) and the producer is known not to outrun the consumer for
 * long; otherwise prefer a bounded channel, whose back-pressure keeps memory bounded.
 *
 * @param <T> the value type
 */
public final class UnboundedChannel<T> extends AbstractBlockingChannel<T> implements Channel<T> {
    private final SegmentQueue<T> queue = new SegmentQueue<>();
    private final WaiterQueue noSenders = new WaiterQueue();   // senders never wait

    private UnboundedChannel(WaitStrategy strategy) {
        super(strategy);
    }

    /**
     * Creates an open, empty channel with the default wait strategy.
     *
     * @param <T> the value type
     * @return the channel
     */
    public static <T> UnboundedChannel<T> create() {
        return new UnboundedChannel<>(WaitStrategy.defaultStrategy());
    }

    /**
     * Creates an open, empty channel whose receivers wait per {@code waitStrategy}.
     *
     * @param waitStrategy how blocked receivers wait
     * @param <T>          the value type
     * @return the channel
     * @throws NullPointerException if {@code waitStrategy} is {@code null}
     */
    public static <T> UnboundedChannel<T> create(WaitStrategy waitStrategy) {
        return new UnboundedChannel<>(waitStrategy);
    }

    /**
     * Sends {@code value}; never blocks.
     *
     * @param value the value
     * @throws NullPointerException if {@code value} is {@code null}
     * @throws dev.runnel.ChannelClosedException if the channel is closed
     */
    @Override
    public void send(T value) {
        trySend(value);
    }

    /**
     * Sends {@code value}; never blocks, so the timeout only gets checked.
     *
     * @param value   the value
     * @param timeout checked for being non-negative, otherwise unused
     * @return {@code true}
     * @throws NullPointerException if {@code value} or {@code timeout} is {@code null}
     * @throws IllegalArgumentException if {@code timeout} is negative
     * @throws dev.runnel.ChannelClosedException if the channel is closed
     */
    @Override
    public boolean send(T value, Duration timeout) {
        Timeouts.nanos(timeout);
        return trySend(value);
    }

    /**
     * Sends {@code value}; always succeeds on an open channel.
     *
     * @param value the value
     * @return {@code true}
     * @throws NullPointerException if {@code value} is {@code null}
     * @throws dev.runnel.ChannelClosedException if the channel is closed
     */
    @Override
    public boolean trySend(T value) {
        Objects.requireNonNull(value, "value");
        if (!offerNow(value, 0)) {
            throw closeState.sendException();
        }
        return true;
    }

    @Override
    public T receive() throws InterruptedException {
        final T value = queue.poll();
        return value != null ? value : receiveSlow(false, 0L);
    }

    @Override
    public T receive(Duration timeout) throws InterruptedException {
        final long deadline = Timeouts.deadline(timeout);
        final T value = queue.poll();
        return value != null ? value : receiveSlow(true, deadline);
    }

    @Override
    public T tryReceive() {
        final T value = queue.poll();
        if (value == null && queue.isDrained()) {
            throw closeState.receiveException();
        }
        return value;
    }

    @Override
    protected T pollNow() {
        return queue.poll();
    }

    @Override
    protected boolean offerNow(T value, int lane) {
        if (!queue.offer(value)) {
            return false;   // closed
        }
        signalReceiver();
        return true;
    }

    @Override
    protected boolean isEmptyNow() {
        return queue.isEmpty();
    }

    @Override
    protected boolean hasRoomNow(int lane) {
        return true;
    }

    @Override
    protected boolean isClosedNow() {
        return queue.isClosed();
    }

    @Override
    protected boolean isDrainedNow() {
        return queue.isDrained();
    }

    @Override
    protected WaiterQueue senders(int lane) {
        return noSenders;
    }

    @Override
    protected void closeBuffer() {
        queue.close();
    }

    /**
     * Returns {@link Integer#MAX_VALUE}: unbounded.
     *
     * @return {@code Integer.MAX_VALUE}
     */
    @Override
    public int capacity() {
        return Integer.MAX_VALUE;
    }

    /**
     * Returns how many values are buffered now (a snapshot), capped at {@link Integer#MAX_VALUE}.
     *
     * @return the number of buffered values
     */
    @Override
    public int size() {
        return (int) Math.min(Integer.MAX_VALUE, queue.size());
    }

    @Override
    public String toString() {
        return "UnboundedChannel[size=" + queue.size() + ", " + closeState + ", waitStrategy=" + strategy.name()
                + "]";
    }
}
