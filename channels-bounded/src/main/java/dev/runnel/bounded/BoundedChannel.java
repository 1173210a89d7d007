package dev.runnel.bounded;

import dev.runnel.Channel;
import dev.runnel.WaitStrategy;
import dev.runnel.ring.ClosableRing;

import java.util.Objects;

/**
 * Bounded channels: a buffer of exactly {@code capacity} values, or, at capacity {@code 0}, a rendezvous
 * channel that hands each value directly from a sender to a receiver.
 *
 * <pre>{@code
 * Channel<Order> orders = BoundedChannel.create(1024);
 * Channel<Tick> ticks = BoundedChannel.<Tick>builder()
 *         .capacity(4096).singleConsumer().waitStrategy(WaitStrategy.busySpin()).build();
 * }</pre>
 *
 * <p>The channels follow Go's semantics as {@link Channel} states them: {@code null} is never a value, a send
 * on a closed channel throws {@link dev.runnel.ChannelClosedException}, receivers drain what was buffered
 * before the close, values from one sender arrive in the order sent. Blocked operations wait per the channel's
 * {@link WaitStrategy} (by default {@link WaitStrategy#defaultStrategy()}) and are woken by the operation that
 * unblocks them. Every channel built here also implements {@link dev.runnel.spi.Selectable}.
 */
public final class BoundedChannel {
    /** The largest capacity: 2<sup>30</sup>. */
    public static final int MAX_CAPACITY = 1 << 30;

    private BoundedChannel() {
    }

    /**
     * Creates a channel for any number of senders and receivers, with the default wait strategy.
     *
     * @param capacity the exact number of values the channel buffers, in {@code [0, 2^30]}; {@code 0} makes a
     *                 rendezvous channel
     * @param <T>      the value type
     * @return an open, empty channel
     * @throws IllegalArgumentException if {@code capacity} is out of range
     */
    public static <T> Channel<T> create(int capacity) {
        return BoundedChannel.<T>builder().capacity(capacity).build();
    }

    /**
     * Starts a builder: capacity {@code 0} (rendezvous) until set, any number of senders and receivers, the
     * default wait strategy, {@link Overflow#BLOCK}.
     *
     * @param <T> the value type
     * @return a new builder
     */
    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    /**
     * Builds a bounded channel. Not thread-safe; each {@link #build()} returns a new channel.
     *
     * @param <T> the value type
     */
    public static final class Builder<T> {
        private int capacity;
        private boolean singleProducer;
        private boolean singleConsumer;
        private WaitStrategy waitStrategy = WaitStrategy.defaultStrategy();
        private Overflow overflow = Overflow.BLOCK;

        private Builder() {
        }

        /**
         * Sets the exact number of values buffered.
         *
         * @param capacity in {@code [0, 2^30]}; {@code 0} makes a rendezvous channel
         * @return this builder
         * @throws IllegalArgumentException if {@code capacity} is out of range
         */
        public Builder<T> capacity(int capacity) {
            if (capacity < 0 || capacity > MAX_CAPACITY) {
                throw new IllegalArgumentException(
                        "capacity=" + capacity + ", must be in [0, " + MAX_CAPACITY + "] (0 = rendezvous)");
            }
            this.capacity = capacity;
            return this;
        }

        /**
         * Promises that at most one thread at a time sends (and a happens-before edge when the sending thread
         * changes). Any thread may still close the channel. Today the producer side claims slots by CAS in
         * every case (the close bit lives in that word), so this hint does not change the ring; it is recorded
         * so that code states its shape.
         *
         * @return this builder
         */
        public Builder<T> singleProducer() {
            this.singleProducer = true;
            return this;
        }

        /**
         * Promises that at most one thread at a time receives (and a happens-before edge when the receiving
         * thread changes): picks a single-consumer ring, whose receive needs no CAS.
         *
         * @return this builder
         */
        public Builder<T> singleConsumer() {
            this.singleConsumer = true;
            return this;
        }

        /**
         * Sets how blocked sends and receives wait. A strategy that never parks ({@link WaitStrategy#busySpin()},
         * {@link WaitStrategy#yielding(int)}) also takes the waiter checks off the fast path.
         *
         * @param waitStrategy the strategy
         * @return this builder
         * @throws NullPointerException if {@code waitStrategy} is {@code null}
         */
        public Builder<T> waitStrategy(WaitStrategy waitStrategy) {
            this.waitStrategy = Objects.requireNonNull(waitStrategy, "waitStrategy");
            return this;
        }

        /**
         * Sets what a send does when the buffer is full. {@link Overflow#DROP_OLDEST} makes the sender remove a
         * value, so it uses a multi-consumer ring even with {@link #singleConsumer()}.
         *
         * @param overflow the policy
         * @return this builder
         * @throws NullPointerException if {@code overflow} is {@code null}
         */
        public Builder<T> overflow(Overflow overflow) {
            this.overflow = Objects.requireNonNull(overflow, "overflow");
            return this;
        }

        /**
         * Builds the channel.
         *
         * @return an open, empty channel
         * @throws IllegalArgumentException if a dropping overflow policy is set with capacity {@code 0}
         */
        public Channel<T> build() {
            if (capacity == 0) {
                if (overflow != Overflow.BLOCK) {
                    throw new IllegalArgumentException(
                            "overflow=" + overflow + " needs capacity >= 1, but capacity=0 (rendezvous)");
                }
                return new RendezvousChannel<>(waitStrategy);
            }
            final ClosableRing<T> ring = singleConsumer && overflow != Overflow.DROP_OLDEST
                    ? ClosableRing.singleConsumer(capacity, waitStrategy.parks())
                    : ClosableRing.multiConsumer(capacity);
            return new BufferedChannel<>(ring, waitStrategy, overflow);
        }

        @Override
        public String toString() {
            return "BoundedChannel.Builder[capacity=" + capacity + ", singleProducer=" + singleProducer
                    + ", singleConsumer=" + singleConsumer + ", waitStrategy=" + waitStrategy.name()
                    + ", overflow=" + overflow + "]";
        }
    }
}
