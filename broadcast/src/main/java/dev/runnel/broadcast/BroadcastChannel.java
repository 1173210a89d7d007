package dev.runnel.broadcast;

import dev.runnel.ChannelClosedException;
import dev.runnel.SendChannel;
import dev.runnel.WaitStrategy;
import dev.runnel.spi.CloseState;
import dev.runnel.spi.Selectable;
import dev.runnel.spi.Timeouts;
import dev.runnel.spi.WaitNode;
import dev.runnel.spi.Waiter;
import dev.runnel.spi.WaiterQueue;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;

/**
 * A one-to-many channel: every {@link Subscription} receives every value sent after it subscribed, in the order
 * the values were claimed, through its own cursor over one shared ring (nothing is copied per subscriber).
 *
 * <pre>{@code
 * BroadcastChannel<Quote> quotes = BroadcastChannel.create(1024);
 * try (Subscription<Quote> s = quotes.subscribe()) {
 *     for (Quote q : s) { ... }      // ends when quotes is closed and s is drained
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@link #create(int)} is lossless ({@link LagPolicy#BLOCK}): a subscriber may fall at most
 *       {@code capacity} values behind, then it holds the senders back. {@link LagPolicy#LAP} never holds a
 *       sender; a lapped subscriber gets a {@link LappedException} once and continues from the oldest value
 *       held.</li>
 *   <li>A send with no subscriber completes at once (the value is kept only for a later
 *       {@link #subscribeFromOldest()}).</li>
 *   <li>{@link #close()} ends the channel: sends throw {@link ChannelClosedException}, every subscription drains
 *       what was sent before the close and then throws it (its iteration ends).</li>
 *   <li>Closing a subscription detaches it at once: a {@code BLOCK} sender stops waiting for it.</li>
 * </ul>
 *
 * <p>Senders may be many (a CAS claims each sequence), or one at a time when built with
 * {@link Builder#singleSender()} (no CAS: the fastest path, and the promise that only the sender closes).
 * Subscribers wait per the channel's {@link WaitStrategy} and are woken by the send that publishes. A {@code BLOCK} sender held back by a slow subscriber idles per the
 * strategy and then re-checks every {@value #GATED_PARK_MICROS} µs: subscribers never signal senders, so that
 * receiving costs no fence. In a select, a send on a broadcast channel is polled the same way.
 *
 * @param <T> the value type
 */
public final class BroadcastChannel<T> implements SendChannel<T>, Selectable {
    /** How often a sender held back by a slow subscriber re-checks, once its strategy has stopped spinning. */
    public static final int GATED_PARK_MICROS = 20;
    /** The largest capacity: {@code 2^28} (the ring holds at least twice the capacity, in a power of two). */
    public static final int MAX_CAPACITY = 1 << 28;

    private static final Subscription<?>[] NONE = new Subscription<?>[0];

    final BroadcastRing ring;
    final WaiterQueue receivers = new WaiterQueue();
    final CloseState closeState = new CloseState();
    final WaitStrategy strategy;
    final LagPolicy policy;
    final int capacity;
    /** Whether sends look for parked subscribers and selectors (else subscribers never park, selectors poll). */
    final boolean signals;
    private volatile Subscription<?>[] subscribers = NONE;
    private final BroadcastRing.Gate gate = this::slowest;

    private BroadcastChannel(int capacity, LagPolicy policy, WaitStrategy strategy, boolean singleSender) {
        this.capacity = capacity;
        this.policy = policy;
        this.strategy = strategy;
        this.signals = !singleSender || strategy.parks();
        this.ring = singleSender ? new SingleSenderRing(capacity, policy, signals)
                : new SharedSenderRing(capacity, policy);
    }

    /**
     * Creates a lossless broadcast channel ({@link LagPolicy#BLOCK}) with the default wait strategy.
     *
     * @param capacity how many values a subscriber may fall behind, in {@code [1, 2^28]}
     * @param <T>      the value type
     * @return the channel
     * @throws IllegalArgumentException if {@code capacity} is out of range
     */
    public static <T> BroadcastChannel<T> create(int capacity) {
        return BroadcastChannel.<T>builder().capacity(capacity).build();
    }

    /**
     * Starts a builder: capacity (required), lag policy ({@code BLOCK} by default), wait strategy, single sender.
     *
     * @param <T> the value type
     * @return a new builder
     */
    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    /**
     * Subscribes from the next value sent.
     *
     * @return a new subscription, which must be closed when no longer read (under {@code BLOCK} it holds the
     *         senders back)
     * @throws ChannelClosedException if the channel is closed
     */
    public Subscription<T> subscribe() {
        return attach(false);
    }

    /**
     * Subscribes from the oldest value still held (at most {@code capacity} values back), then every value
     * sent after.
     *
     * @return a new subscription; on a closed channel it replays what is held, then ends
     */
    public Subscription<T> subscribeFromOldest() {
        return attach(true);
    }

    private Subscription<T> attach(boolean replay) {
        final long before = ring.claimed();
        final Subscription<T> s = new Subscription<>(this, replay ? Math.max(0, before - capacity) : before);
        synchronized (this) {
            if (ring.isClosed() && !replay) {
                throw closeState.sendException();
            }
            final Subscription<?>[] old = subscribers;
            final Subscription<?>[] next = Arrays.copyOf(old, old.length + 1);
            next[old.length] = s;
            subscribers = next;
        }
        // Re-read after joining: a sender that gated on the old array may have claimed on; start where it is now
        // (the Disruptor's SequenceGroups.addSequences does the same).
        ring.forgetGate();
        final long now = ring.claimed();
        s.start(replay ? Math.max(s.cursorPlain(), now - capacity) : now);
        return s;
    }

    void detach(Subscription<?> s) {
        synchronized (this) {
            final Subscription<?>[] old = subscribers;
            int i = 0;
            while (i < old.length && old[i] != s) {
                i++;
            }
            if (i == old.length) {
                return;
            }
            final Subscription<?>[] next = new Subscription<?>[old.length - 1];
            System.arraycopy(old, 0, next, 0, i);
            System.arraycopy(old, i + 1, next, i, old.length - i - 1);
            subscribers = next;
        }
        receivers.signalAll(Waiter.CLOSED);   // wake the subscriber if it waits in another thread
    }

    /**
     * Returns how many subscriptions are attached.
     *
     * @return the number of open subscriptions
     */
    public int subscribers() {
        return subscribers.length;
    }

    /**
     * Returns how many values a subscriber may fall behind.
     *
     * @return the capacity given at creation
     */
    public int capacity() {
        return capacity;
    }

    /**
     * Returns the policy for slow subscribers.
     *
     * @return {@link LagPolicy#BLOCK} or {@link LagPolicy#LAP}
     */
    public LagPolicy policy() {
        return policy;
    }

    /**
     * Sends a value to every subscriber. Under {@code BLOCK} it waits while the slowest subscriber is
     * {@code capacity} values behind; under {@code LAP}, and with no subscriber, it never waits.
     *
     * @param value the value, not {@code null}
     * @throws NullPointerException   if {@code value} is {@code null}
     * @throws ChannelClosedException if the channel is closed, before or while waiting; nothing is sent
     * @throws InterruptedException   if interrupted while waiting; nothing is sent, the status is cleared
     */
    @Override
    public void send(T value) throws InterruptedException {
        send(value, false, 0L);
    }

    /**
     * As {@link #send(Object)}, waiting at most {@code timeout} for the slowest subscriber.
     *
     * @param value   the value, not {@code null}
     * @param timeout how long to wait at most, not negative
     * @return {@code true} if sent; {@code false} if the timeout elapsed first (nothing was sent)
     * @throws NullPointerException     if {@code value} or {@code timeout} is {@code null}
     * @throws IllegalArgumentException if {@code timeout} is negative
     * @throws ChannelClosedException   if the channel is closed, before or while waiting; nothing is sent
     * @throws InterruptedException     if interrupted while waiting; nothing is sent, the status is cleared
     */
    @Override
    public boolean send(T value, Duration timeout) throws InterruptedException {
        Objects.requireNonNull(value, "value");
        return send(value, true, Timeouts.deadline(timeout));
    }

    /**
     * Sends if no subscriber holds the senders back ({@code LAP}: always, unless closed).
     *
     * @param value the value, not {@code null}
     * @return {@code true} if sent; {@code false} if the slowest subscriber is {@code capacity} values behind
     * @throws NullPointerException   if {@code value} is {@code null}
     * @throws ChannelClosedException if the channel is closed
     */
    @Override
    public boolean trySend(T value) {
        Objects.requireNonNull(value, "value");
        final int r = offer(value);
        if (r < 0) {
            throw closeState.sendException();
        }
        return r > 0;
    }

    private boolean send(T value, boolean timed, long deadline) throws InterruptedException {
        Objects.requireNonNull(value, "value");
        int attempt = 0;
        while (true) {
            final int r = offer(value);
            if (r > 0) {
                return true;
            }
            if (r < 0) {
                throw closeState.sendException();
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            long remaining = 0;
            if (timed && (remaining = deadline - System.nanoTime()) <= 0) {
                return false;
            }
            if (strategy.idle(attempt)) {
                attempt = attempt == Integer.MAX_VALUE ? attempt : attempt + 1;
                continue;
            }
            final long pause = GATED_PARK_MICROS * 1000L;
            LockSupport.parkNanos(this, timed ? Math.min(remaining, pause) : pause);
        }
    }

    /** One attempt: {@code 1} sent, {@code 0} held back by a slow subscriber, {@code -1} closed. */
    private int offer(T value) {
        final int r = ring.offer(value, gate);
        // The ring fenced after publishing (a CAS, or a fence where subscribers may park): Dekker's pattern with a
        // subscriber that registers, then re-reads the ring.
        if (r == BroadcastRing.SENT && signals && receivers.waiting() != 0) {
            receivers.signalAll(Waiter.READY);
        }
        return r;
    }

    /** Reads every subscriber's cursor: the slowest, or {@code next} if none. */
    private long slowest(long next) {
        long min = next;
        for (Subscription<?> s : subscribers) {
            min = Math.min(min, s.cursorVolatile());
        }
        return min;
    }

    /**
     * Closes the channel: sends throw from now on; each subscription receives what was sent before, then throws
     * {@link ChannelClosedException} (its iteration ends normally).
     *
     * @return {@code true} if this call closed it
     */
    @Override
    public boolean close() {
        return close(null);
    }

    /**
     * Closes the channel as failed: as {@link #close()}, and the exceptions carry {@code cause}.
     *
     * @param cause the failure, or {@code null} for a normal close
     * @return {@code true} if this call closed it
     */
    @Override
    public boolean close(Throwable cause) {
        if (!closeState.close(cause)) {
            while (!ring.isClosed()) {
                Thread.onSpinWait();   // the winning close is between its two steps
            }
            return false;
        }
        ring.close();
        receivers.signalAll(Waiter.CLOSED);
        return true;
    }

    @Override
    public boolean isClosedForSend() {
        return ring.isClosed();
    }

    // Selectable, for a send case: polled (subscribers do not signal senders).

    @Override
    public boolean registerReceiver(WaitNode node) {
        throw new UnsupportedOperationException("receive from a Subscription, not from the BroadcastChannel");
    }

    @Override
    public boolean registerSender(WaitNode node) {
        return true;
    }

    @Override
    public void unregister(WaitNode node) {
    }

    @Override
    public void forwardReceiverSignal() {
    }

    @Override
    public void forwardSenderSignal() {
    }

    @Override
    public boolean signals() {
        return false;
    }

    @Override
    public String toString() {
        return "BroadcastChannel[capacity=" + capacity + ", " + policy
                + (ring instanceof SingleSenderRing ? ", singleSender" : "") + ", subscribers=" + subscribers.length
                + ", sent=" + ring.claimed() + ", " + closeState + ", waitStrategy=" + strategy.name() + "]";
    }

    /**
     * Builds a {@link BroadcastChannel}.
     *
     * @param <T> the value type
     */
    public static final class Builder<T> {
        private int capacity = -1;
        private LagPolicy policy = LagPolicy.BLOCK;
        private WaitStrategy strategy = WaitStrategy.defaultStrategy();
        private boolean singleSender;

        private Builder() {
        }

        /**
         * Promises one sender at a time, as the Disruptor's single-producer sequencer does: sends then take no CAS
         * and no fence (one ordered store publishes each value), and subscribers read every value published
         * since they last looked before they look again.
         *
         * <p>The promise: sends do not overlap (one thread, or several that hand over with a happens-before
         * edge), and {@link BroadcastChannel#close()} is called by the sender, or after its last send has
         * returned, as Go asks that only the sender close a channel. A close that races a send from another
         * thread may leave that value unread although the send returned. With a wait strategy that never parks
         * ({@link WaitStrategy#busySpin()}, {@link WaitStrategy#yielding(int)}) a send is two plain stores; with
         * one that parks, each send also fences once to find parked subscribers.
         *
         * @return this builder
         */
        public Builder<T> singleSender() {
            this.singleSender = true;
            return this;
        }

        /**
         * Sets how many values a subscriber may fall behind (under {@code LAP}: how many are held for it).
         *
         * @param capacity in {@code [1, 2^28]}
         * @return this builder
         * @throws IllegalArgumentException if {@code capacity} is out of range
         */
        public Builder<T> capacity(int capacity) {
            if (capacity < 1 || capacity > MAX_CAPACITY) {
                throw new IllegalArgumentException("capacity=" + capacity + ", must be in [1, 2^28]");
            }
            this.capacity = capacity;
            return this;
        }

        /**
         * Sets the policy for slow subscribers.
         *
         * @param policy {@link LagPolicy#BLOCK} (the default) or {@link LagPolicy#LAP}
         * @return this builder
         * @throws NullPointerException if {@code policy} is {@code null}
         */
        public Builder<T> policy(LagPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Sets how subscribers (and held-back senders) wait.
         *
         * @param waitStrategy the strategy
         * @return this builder
         * @throws NullPointerException if {@code waitStrategy} is {@code null}
         */
        public Builder<T> waitStrategy(WaitStrategy waitStrategy) {
            this.strategy = Objects.requireNonNull(waitStrategy, "waitStrategy");
            return this;
        }

        /**
         * Builds the channel.
         *
         * @return a new channel with no subscriber
         * @throws IllegalStateException if no capacity was set
         */
        public BroadcastChannel<T> build() {
            if (capacity < 0) {
                throw new IllegalStateException("capacity is required: call capacity(n), n in [1, 2^28]");
            }
            return new BroadcastChannel<>(capacity, policy, strategy, singleSender);
        }
    }
}
