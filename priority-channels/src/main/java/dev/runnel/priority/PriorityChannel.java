package dev.runnel.priority;

import dev.runnel.ReceiveChannel;
import dev.runnel.SendChannel;
import dev.runnel.WaitStrategy;
import dev.runnel.padding.PaddedSequence;
import dev.runnel.ring.ClosableRing;
import dev.runnel.spi.AbstractBlockingChannel;
import dev.runnel.spi.Spin;
import dev.runnel.spi.Timeouts;
import dev.runnel.spi.WaitNode;
import dev.runnel.spi.WaiterQueue;

import java.time.Duration;
import java.util.Objects;

/**
 * A channel with several levels, each a bounded buffer; a receive takes from the most urgent non-empty level
 * (level {@code 0} first), in O(1): a bitmask of non-empty levels, and its lowest set bit.
 *
 * <pre>{@code
 * PriorityChannel<Order> orders = PriorityChannel.create(3, 1024);
 * orders.send(cancel, 0);                        // served before anything at levels 1 and 2
 * SendChannel<Order> bulk = orders.sender(2);   // a view that sends at level 2
 * }</pre>
 *
 * <p>Within a level values keep the order of each sender. A send waits while its level is full (per the
 * channel's {@link WaitStrategy}) and is woken by a receive from that level. Close and drain follow
 * {@link dev.runnel.Channel}: after {@link #close()}, sends at every level throw
 * {@link dev.runnel.ChannelClosedException} and receivers drain every level, most urgent first.
 *
 * <p>Optional anti-starvation ({@link Builder#antiStarvation(int)}): after {@code k} consecutive values from
 * the most urgent non-empty level while a less urgent level also holds values, the next receive serves the
 * most urgent of those less urgent levels. The count is kept per channel without synchronization, so with
 * several concurrent receivers the bound is approximate.
 *
 * <p>The mask protocol: a sender sets its level's bit after its offer, if it reads it clear; a receiver that
 * finds a level empty clears the bit, then checks the level again and sets the bit back if a value arrived
 * meanwhile. Both pairs are volatile, so a non-empty level never stays unmarked (Dekker's pattern).
 *
 * @param <T> the value type
 */
public final class PriorityChannel<T> extends AbstractBlockingChannel<T> implements ReceiveChannel<T> {
    /** The most levels a channel may have. */
    public static final int MAX_LEVELS = 64;
    /** The largest capacity of one level: 2<sup>30</sup>. */
    public static final int MAX_CAPACITY = 1 << 30;

    private final ClosableRing<T>[] levels;
    private final WaiterQueue[] senders;
    private final PaddedSequence nonEmpty = new PaddedSequence(0);
    private final int antiStarvation;
    private int servedFromTop;   // racy by design: see the class comment

    @SuppressWarnings("unchecked")
    private PriorityChannel(Builder<T> b) {
        super(b.waitStrategy);
        this.levels = (ClosableRing<T>[]) new ClosableRing<?>[b.levels];
        this.senders = new WaiterQueue[b.levels];
        for (int i = 0; i < b.levels; i++) {
            final int capacity = b.capacities == null ? b.capacityPerLevel : b.capacities[i];
            levels[i] = b.singleConsumer
                    ? ClosableRing.singleConsumer(capacity, b.waitStrategy.parks())
                    : ClosableRing.multiConsumer(capacity);
            senders[i] = new WaiterQueue();
        }
        this.antiStarvation = b.antiStarvation;
    }

    /**
     * Creates a channel with {@code levels} levels of {@code capacityPerLevel} values each, for any number of
     * senders and receivers, with the default wait strategy.
     *
     * @param levels           how many levels, in {@code [1, 64]}
     * @param capacityPerLevel the exact capacity of each level, in {@code [1, 2^30]}
     * @param <T>              the value type
     * @return an open, empty channel
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static <T> PriorityChannel<T> create(int levels, int capacityPerLevel) {
        return PriorityChannel.<T>builder().levels(levels).capacityPerLevel(capacityPerLevel).build();
    }

    /**
     * Starts a builder: 2 levels of 1024 values until set, default wait strategy, no anti-starvation.
     *
     * @param <T> the value type
     * @return a new builder
     */
    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    private int checkLevel(int level) {
        if (level < 0 || level >= levels.length) {
            throw new IllegalArgumentException("level=" + level + ", must be in [0, " + (levels.length - 1) + "]");
        }
        return level;
    }

    /**
     * Returns how many levels this channel has.
     *
     * @return the number of levels
     */
    public int levels() {
        return levels.length;
    }

    /**
     * Returns the exact capacity of a level.
     *
     * @param level the level, in {@code [0, levels())}
     * @return its capacity
     * @throws IllegalArgumentException if {@code level} is out of range
     */
    public int capacity(int level) {
        return levels[checkLevel(level)].capacity();
    }

    /**
     * Returns how many values a level buffers now (a snapshot).
     *
     * @param level the level, in {@code [0, levels())}
     * @return its size
     * @throws IllegalArgumentException if {@code level} is out of range
     */
    public int size(int level) {
        return levels[checkLevel(level)].size();
    }

    /**
     * Returns how many values all levels buffer now (a snapshot, level by level).
     *
     * @return the total size
     */
    public int size() {
        long total = 0;
        for (ClosableRing<T> ring : levels) {
            total += ring.size();
        }
        return (int) Math.min(Integer.MAX_VALUE, total);
    }

    /**
     * Sends {@code value} at {@code level}, waiting while that level is full.
     *
     * @param value the value
     * @param level the level, in {@code [0, levels())}; {@code 0} is served first
     * @throws InterruptedException if interrupted while waiting (status cleared; nothing sent)
     * @throws NullPointerException if {@code value} is {@code null}
     * @throws IllegalArgumentException if {@code level} is out of range
     * @throws dev.runnel.ChannelClosedException if the channel is closed
     */
    public void send(T value, int level) throws InterruptedException {
        Objects.requireNonNull(value, "value");
        if (!offerNow(value, checkLevel(level))) {
            sendSlow(value, level, false, 0L);
        }
    }

    /**
     * Sends {@code value} at {@code level}, waiting at most {@code timeout} while that level is full.
     *
     * @param value   the value
     * @param level   the level, in {@code [0, levels())}
     * @param timeout how long to wait at most, not negative
     * @return {@code true} if sent; {@code false} if timed out (nothing sent)
     * @throws InterruptedException if interrupted while waiting (status cleared; nothing sent)
     * @throws NullPointerException if {@code value} or {@code timeout} is {@code null}
     * @throws IllegalArgumentException if {@code level} is out of range or {@code timeout} negative
     * @throws dev.runnel.ChannelClosedException if the channel is closed
     */
    public boolean send(T value, int level, Duration timeout) throws InterruptedException {
        Objects.requireNonNull(value, "value");
        checkLevel(level);
        final long deadline = Timeouts.deadline(timeout);
        return offerNow(value, level) || sendSlow(value, level, true, deadline);
    }

    /**
     * Sends {@code value} at {@code level} if that level has room now.
     *
     * @param value the value
     * @param level the level, in {@code [0, levels())}
     * @return {@code true} if sent; {@code false} if the level is full
     * @throws NullPointerException if {@code value} is {@code null}
     * @throws IllegalArgumentException if {@code level} is out of range
     * @throws dev.runnel.ChannelClosedException if the channel is closed
     */
    public boolean trySend(T value, int level) {
        Objects.requireNonNull(value, "value");
        final ClosableRing<T> ring = levels[checkLevel(level)];
        int readers = 0;
        while (!offerNow(value, level)) {
            if (ring.isClosed()) {
                throw closeState.sendException();
            }
            if (!ring.hasRoom()) {
                return false;
            }
            readers = Spin.briefly(readers);
        }
        return true;
    }

    /**
     * Returns a view that sends at {@code level}. Its {@code close} closes this whole channel.
     *
     * @param level the level, in {@code [0, levels())}
     * @return a send channel for that level
     * @throws IllegalArgumentException if {@code level} is out of range
     */
    public SendChannel<T> sender(int level) {
        return new LevelSender<>(this, checkLevel(level));
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
        int writers = 0;
        while (true) {
            final T value = pollNow();
            if (value != null) {
                return value;
            }
            if (isEmptyNow()) {
                if (isDrainedNow()) {
                    throw closeState.receiveException();
                }
                return null;
            }
            writers = Spin.briefly(writers);   // a sender claimed a slot and is writing it
        }
    }

    @Override
    protected T pollNow() {
        long mask = nonEmpty.getVolatile();
        if (mask == 0) {
            return null;
        }
        if (antiStarvation > 0) {
            final long top = Long.lowestOneBit(mask);
            if (mask != top && servedFromTop >= antiStarvation) {
                final T lower = pollFrom(mask & ~top);
                if (lower != null) {
                    servedFromTop = 0;
                    return lower;
                }
                mask = nonEmpty.getVolatile();
            }
        }
        return pollFrom(mask);
    }

    /** Polls the most urgent level among {@code mask} that yields a value, tidying the mask on the way. */
    private T pollFrom(long mask) {
        while (mask != 0) {
            final long bit = Long.lowestOneBit(mask);
            final int level = Long.numberOfTrailingZeros(bit);
            final ClosableRing<T> ring = levels[level];
            final T value = ring.poll();
            if (value != null) {
                if (antiStarvation > 0) {
                    countServed(bit);
                }
                signalSender(level);
                return value;
            }
            if (ring.isEmpty()) {
                nonEmpty.getAndBitwiseAnd(~bit);
                if (!ring.isEmpty()) {
                    nonEmpty.getAndBitwiseOr(bit);   // a sender added a value after our check: keep it marked
                }
            }
            mask &= ~bit;
        }
        return null;
    }

    private void countServed(long bit) {
        final long mask = nonEmpty.getOpaque();
        if (bit == Long.lowestOneBit(mask) && mask != bit) {
            servedFromTop++;       // a less urgent level waits
        } else {
            servedFromTop = 0;
        }
    }

    @Override
    protected boolean offerNow(T value, int lane) {
        if (!levels[lane].offer(value)) {
            return false;
        }
        final long bit = 1L << lane;
        if ((nonEmpty.getVolatile() & bit) == 0) {
            nonEmpty.getAndBitwiseOr(bit);
        }
        signalReceiver();
        return true;
    }

    @Override
    protected boolean isEmptyNow() {
        for (ClosableRing<T> ring : levels) {
            if (!ring.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    @Override
    protected boolean hasRoomNow(int lane) {
        return levels[lane].hasRoom();
    }

    @Override
    protected boolean isClosedNow() {
        return levels[levels.length - 1].isClosed();   // closed in level order: the last one closes last
    }

    @Override
    protected boolean isDrainedNow() {
        return isClosedNow() && isEmptyNow();
    }

    @Override
    protected WaiterQueue senders(int lane) {
        return senders[lane];
    }

    @Override
    protected int lanes() {
        return levels.length;
    }

    @Override
    protected void closeBuffer() {
        for (ClosableRing<T> ring : levels) {
            ring.close();
        }
    }

    boolean registerSenderAt(WaitNode node, int level) {
        return registerSender(node, level);
    }

    void forwardSenderSignalAt(int level) {
        forwardSenderSignal(level);
    }

    @Override
    public String toString() {
        return "PriorityChannel[levels=" + levels.length + ", size=" + size() + ", " + closeState
                + ", waitStrategy=" + strategy.name()
                + (antiStarvation > 0 ? ", antiStarvation=" + antiStarvation : "") + "]";
    }

    /**
     * Builds a priority channel. Not thread-safe; each {@link #build()} returns a new channel.
     *
     * @param <T> the value type
     */
    public static final class Builder<T> {
        private int levels = 2;
        private int capacityPerLevel = 1024;
        private int[] capacities;
        private int antiStarvation;
        private boolean singleConsumer;
        private WaitStrategy waitStrategy = WaitStrategy.defaultStrategy();

        private Builder() {
        }

        /**
         * Sets the number of levels.
         *
         * @param levels in {@code [1, 64]}
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder<T> levels(int levels) {
            if (levels < 1 || levels > MAX_LEVELS) {
                throw new IllegalArgumentException("levels=" + levels + ", must be in [1, " + MAX_LEVELS + "]");
            }
            this.levels = levels;
            return this;
        }

        /**
         * Sets the same exact capacity for every level.
         *
         * @param capacity in {@code [1, 2^30]}
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder<T> capacityPerLevel(int capacity) {
            this.capacityPerLevel = checkCapacity("capacityPerLevel", capacity);
            this.capacities = null;
            return this;
        }

        /**
         * Sets each level's exact capacity; also sets the number of levels to {@code capacities.length}.
         *
         * @param capacities one capacity per level, each in {@code [1, 2^30]}; 1 to 64 of them
         * @return this builder
         * @throws IllegalArgumentException if a value or the count is out of range
         */
        public Builder<T> capacities(int... capacities) {
            levels(capacities.length);
            for (int i = 0; i < capacities.length; i++) {
                checkCapacity("capacities[" + i + "]", capacities[i]);
            }
            this.capacities = capacities.clone();
            return this;
        }

        private static int checkCapacity(String name, int capacity) {
            if (capacity < 1 || capacity > MAX_CAPACITY) {
                throw new IllegalArgumentException(
                        name + "=" + capacity + ", must be in [1, " + MAX_CAPACITY + "]");
            }
            return capacity;
        }

        /**
         * After {@code k} consecutive values from the most urgent non-empty level, while a less urgent level
         * holds values, serve one value from a less urgent level. {@code 0} (the default) turns it off.
         *
         * @param k in {@code [0, Integer.MAX_VALUE]}
         * @return this builder
         * @throws IllegalArgumentException if {@code k} is negative
         */
        public Builder<T> antiStarvation(int k) {
            if (k < 0) {
                throw new IllegalArgumentException("antiStarvation=" + k + ", must be >= 0 (0 = off)");
            }
            this.antiStarvation = k;
            return this;
        }

        /**
         * Promises that at most one thread at a time receives: picks single-consumer rings.
         *
         * @return this builder
         */
        public Builder<T> singleConsumer() {
            this.singleConsumer = true;
            return this;
        }

        /**
         * Sets how blocked sends and receives wait.
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
         * Builds the channel.
         *
         * @return an open, empty channel
         * @throws IllegalArgumentException if {@link #levels(int)} was set, after {@link #capacities(int...)},
         *                                  to a count other than the number of capacities given
         */
        public PriorityChannel<T> build() {
            if (capacities != null && capacities.length != levels) {
                throw new IllegalArgumentException("levels=" + levels + " but " + capacities.length
                        + " capacities were given; set levels through capacities(...) or capacityPerLevel(...)");
            }
            return new PriorityChannel<>(this);
        }
    }
}
