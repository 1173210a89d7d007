package dev.runnel.select;

import dev.runnel.ChannelClosedException;
import dev.runnel.ReceiveChannel;
import dev.runnel.SendChannel;
import dev.runnel.WaitStrategy;
import dev.runnel.spi.Selectable;
import dev.runnel.spi.Timeouts;
import dev.runnel.spi.WaitNode;
import dev.runnel.spi.Waiter;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;

/**
 * A reusable select over a fixed set of cases, for hot loops: it allocates nothing per select, and its cost
 * grows with the cases that may be ready, not with all cases.
 *
 * <pre>{@code
 * try (Selector sel = Selector.create()) {
 *     Selector.ReceiveCase<Price> p = sel.receive(prices);
 *     Selector.ReceiveCase<Order> o = sel.receive(orders);
 *     while (running) {
 *         Selector.Case c = sel.select();
 *         if (c == p) { if (p.isClosed()) p.disable(); else onPrice(p.value()); }
 *         else if (c == o) { if (o.isClosed()) o.disable(); else onOrder(o.value()); }
 *     }
 * }
 * }</pre>
 *
 * <p><b>How it works.</b> Each case has a bit in the selector's readiness words. A select tries only the cases
 * whose bit is set, drawing them uniformly at random (or in case order, for {@link #createBiased()}); a case
 * that fails has its bit cleared and is registered with its channel, where it <em>stays</em> between selects.
 * A channel that may have become ready for a registered case sets the case's bit; if the selector is parked,
 * the channel also wakes it. So a select whose cases are all registered costs a read of the readiness words
 * plus one try per set bit. When nothing is ready the selector waits per its {@link WaitStrategy}, spinning
 * and then parking; the first channel that becomes ready for a case claims it and wakes it (a rendezvous
 * channel hands the value over at once). Between selects the selector is busy, and channels only set bits. Cases on channels that never signal (built with
 * {@link WaitStrategy#busySpin()}) are tried on every select instead, and a parked selector re-checks them
 * every {@value #POLL_PARK_MICROS} µs.
 *
 * <p><b>Registrations.</b> Because cases stay registered, {@link #close()} a selector you stop using (or
 * disable its cases): until then each of its channels keeps a registration and pays a lock on each send or
 * receive to pass it by. A disabled case is not registered.
 *
 * <p><b>Threads.</b> A selector is used by one thread: the thread of its first select. Another thread's select
 * throws {@link IllegalStateException}. Cases are added, armed, enabled and disabled between selects by that
 * thread (or, before the first select, by the thread that builds it).
 */
public final class Selector implements AutoCloseable {
    /** How often a parked selector re-checks cases on channels that never signal, in microseconds. */
    public static final int POLL_PARK_MICROS = 100;

    private static final Object TIMED_OUT = new Object();
    private static final Object RESCAN = new Object();

    private final boolean biased;
    private final WaitStrategy strategy;
    private Case[] cases = new Case[4];
    private int count;
    private long[] takesPart = new long[1];   // enabled (and, for a send case, armed)
    private long[] polled = new long[1];      // cases on channels that never signal
    private long[] consumed = new long[1];    // cases whose READY signal this select consumed
    private long[] scratch = new long[1];
    private int polledCount;
    private ReadinessMask mask;               // null until bound
    private SelectorWaiter waiter;            // null until bound
    private Thread owner;
    private long seed;
    private boolean closed;
    private boolean selecting;
    private int idleAttempts;   // of the current select: the strategy's spins are spent once per select

    private Selector(boolean biased, WaitStrategy strategy) {
        this.biased = biased;
        this.strategy = Objects.requireNonNull(strategy, "waitStrategy");
        this.seed = java.util.concurrent.ThreadLocalRandom.current().nextLong() | 1L;   // xorshift: never 0
    }

    /**
     * Creates a fair selector: among the cases ready at once, each select picks one uniformly at random.
     *
     * @return a selector with no cases, waiting per {@link WaitStrategy#defaultStrategy()}
     */
    public static Selector create() {
        return new Selector(false, WaitStrategy.defaultStrategy());
    }

    /**
     * Creates a fair selector that waits per {@code waitStrategy} ({@link WaitStrategy#busySpin()} for a thread
     * that owns a CPU).
     *
     * @param waitStrategy how a select waits when no case is ready
     * @return a selector with no cases
     * @throws NullPointerException if {@code waitStrategy} is {@code null}
     */
    public static Selector create(WaitStrategy waitStrategy) {
        return new Selector(false, waitStrategy);
    }

    /**
     * Creates a biased selector: among the cases ready at once, each select picks the first added (ordered
     * priority; a busy first case can starve the others).
     *
     * @return a biased selector with no cases, waiting per {@link WaitStrategy#defaultStrategy()}
     */
    public static Selector createBiased() {
        return new Selector(true, WaitStrategy.defaultStrategy());
    }

    /**
     * Creates a biased selector that waits per {@code waitStrategy}.
     *
     * @param waitStrategy how a select waits when no case is ready
     * @return a biased selector with no cases
     * @throws NullPointerException if {@code waitStrategy} is {@code null}
     */
    public static Selector createBiased(WaitStrategy waitStrategy) {
        return new Selector(true, waitStrategy);
    }

    /**
     * Adds a case that receives from {@code channel}; enabled at once.
     *
     * @param channel a Runnel channel (it implements {@link Selectable})
     * @param <T>     the value type
     * @return the case, which {@link #select()} returns when it has received
     * @throws IllegalArgumentException if {@code channel} is not a Runnel channel
     * @throws IllegalStateException    if the selector is closed, or called by a thread other than its owner
     */
    public <T> ReceiveCase<T> receive(ReceiveChannel<T> channel) {
        return add(new ReceiveCase<>(this, count, channel, selectable(channel)));
    }

    /**
     * Adds a case that sends into {@code channel}; it takes part in a select only once armed with
     * {@link SendCase#offer(Object)}.
     *
     * @param channel a Runnel channel (it implements {@link Selectable})
     * @param <T>     the value type
     * @return the case, which {@link #select()} returns when it has sent
     * @throws IllegalArgumentException if {@code channel} is not a Runnel channel
     * @throws IllegalStateException    if the selector is closed, or called by a thread other than its owner
     */
    public <T> SendCase<T> send(SendChannel<T> channel) {
        return add(new SendCase<>(this, count, channel, selectable(channel)));
    }

    /**
     * Returns how many cases have been added.
     *
     * @return the number of cases
     */
    public int size() {
        return count;
    }

    /**
     * Waits until one case completes and returns it. A receive case has then received ({@link ReceiveCase#value()})
     * or found its channel closed and drained ({@link ReceiveCase#isClosed()}); a send case has sent its value and
     * is disarmed. Exactly one case takes effect. With no case taking part, it waits until interrupted, as Go's
     * {@code select {}} does.
     *
     * @return the case that completed
     * @throws InterruptedException   if interrupted while waiting; no case took effect, the interrupt status is
     *                                cleared
     * @throws ChannelClosedException if an armed send case's channel is closed (that case stays armed)
     * @throws IllegalStateException  if the selector is closed, or called by a thread other than its owner
     */
    public Case select() throws InterruptedException {
        return select(false, 0L);
    }

    /**
     * Waits at most {@code timeout} for one case to complete, as {@link #select()}.
     *
     * @param timeout how long to wait at most, not negative; zero makes this {@link #trySelect()}
     * @return the case that completed, or {@code null} if none did within {@code timeout}
     * @throws InterruptedException     if interrupted while waiting; no case took effect
     * @throws ChannelClosedException   if an armed send case's channel is closed
     * @throws NullPointerException     if {@code timeout} is {@code null}
     * @throws IllegalArgumentException if {@code timeout} is negative
     * @throws IllegalStateException    if the selector is closed, or called by a thread other than its owner
     */
    public Case select(Duration timeout) throws InterruptedException {
        final long nanos = Timeouts.nanos(timeout);
        if (nanos == 0) {
            return trySelect();
        }
        return select(true, System.nanoTime() + nanos);
    }

    /**
     * Completes a case that is ready now, without waiting: Go's {@code select} with a {@code default}.
     *
     * @return the case that completed, or {@code null} if none was ready
     * @throws ChannelClosedException if an armed send case's channel is closed
     * @throws IllegalStateException  if the selector is closed, or called by a thread other than its owner
     */
    public Case trySelect() {
        return trySelect(true);
    }

    /** One try of every case without registering any: the first pass of a one-shot {@link Select}. */
    Case trySelectUnregistered() {
        return trySelect(false);
    }

    private Case trySelect(boolean register) {
        enter();
        Case chosen = null;
        try {
            chosen = scan(register);
            return chosen;
        } finally {
            leave(chosen);
        }
    }

    /**
     * Unregisters every case from its channel. Idempotent. Every other method throws
     * {@link IllegalStateException} afterwards, except the cases' getters.
     *
     * @throws IllegalStateException if called by a thread other than the owner, or during a select
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        checkOwner();
        closed = true;
        unregisterAll();
    }

    @Override
    public String toString() {
        return "Selector[" + count + " cases, " + (biased ? "biased" : "fair") + ", waitStrategy=" + strategy.name()
                + (closed ? ", closed" : "") + "]";
    }

    // ---------------------------------------------------------------------------------------------- the select

    private Case select(boolean timed, long deadline) throws InterruptedException {
        enter();
        Case chosen = null;
        try {
            chosen = await(timed, deadline);
            return chosen;
        } finally {
            leave(chosen);
        }
    }

    private Case await(boolean timed, long deadline) throws InterruptedException {
        idleAttempts = 0;
        while (true) {
            final Case ready = scan(true);   // the waiter is held: channels set bits, claim nothing
            if (ready != null) {
                return ready;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            if (timed && Timeouts.expired(deadline)) {
                return null;
            }
            final Object outcome = park(timed, deadline);
            if (outcome == TIMED_OUT) {
                return null;
            }
            if (outcome != RESCAN) {
                return (Case) outcome;
            }
        }
    }

    /**
     * Waits with the waiter released ({@code WAITING}: channels claim it, a rendezvous channel hands over at
     * once), spinning per the strategy, then parking; returns with it held again: a case completed by a
     * rendezvous hand-off, {@link #RESCAN} or {@link #TIMED_OUT}.
     */
    private Object park(boolean timed, long deadline) throws InterruptedException {
        final SelectorWaiter w = waiter;
        w.release();   // volatile: a channel that set a bit before this either is seen below or claims us
        while (true) {
            final int state = w.state();
            if (state == Waiter.CLAIMED) {
                return onClaimed();
            }
            if (state == Waiter.CLAIMING) {
                Thread.onSpinWait();   // a channel is between its claim and complete()
                continue;
            }
            if (!registerReadied()) {
                continue;   // claimed meanwhile, or met a counterpart on a rendezvous channel
            }
            if (hasReadyRegistered()) {
                if (w.tryClaim()) {
                    return RESCAN;
                }
                continue;   // claimed meanwhile
            }
            if (Thread.currentThread().isInterrupted()) {
                if (w.tryClaim()) {
                    Thread.interrupted();
                    throw new InterruptedException();
                }
                continue;   // a channel won: take its outcome; the interrupt stays set
            }
            long remaining = 0;
            if (timed && (remaining = deadline - System.nanoTime()) <= 0) {
                if (w.tryClaim()) {
                    return TIMED_OUT;
                }
                continue;
            }
            final int attempt = idleAttempts;
            if (strategy.idle(attempt)) {
                idleAttempts = attempt == Integer.MAX_VALUE ? 0 : attempt + 1;
                if (polledCount > 0 && (attempt & 63) == 63 && w.tryClaim()) {
                    return RESCAN;   // poll the channels that never signal
                }
                continue;
            }
            if (polledCount > 0) {
                LockSupport.parkNanos(this, timed ? Math.min(remaining, POLL_PARK_MICROS * 1000L)
                        : POLL_PARK_MICROS * 1000L);
                if (w.state() == Waiter.WAITING && w.tryClaim()) {
                    return RESCAN;   // poll the channels that never signal
                }
            } else if (timed) {
                LockSupport.parkNanos(this, remaining);
            } else {
                LockSupport.park(this);
            }
        }
    }

    /**
     * While waiting: registers again every registered case whose bit a channel set after the last scan (for a
     * rendezvous channel this completes a hand-off with a counterpart that waits). A case that may be ready keeps
     * its bit, for {@link #hasReadyRegistered()}.
     *
     * @return {@code false} if the waiter is no longer {@code WAITING} (claimed, or met on a rendezvous channel)
     */
    private boolean registerReadied() {
        for (int w = 0, n = mask.wordCount(); w < n; w++) {
            long bits = readyRegistered(w);
            while (bits != 0) {
                final int index = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                mask.clear(index);
                final boolean mayBeReady = cases[index].register();
                if (mayBeReady) {
                    mask.set(index);
                }
                if (waiter.state() != Waiter.WAITING) {
                    return false;
                }
                if (mayBeReady) {
                    return true;   // hasReadyRegistered() sees it: take the hold and try it
                }
            }
        }
        return true;
    }

    private boolean hasReadyRegistered() {
        for (int w = 0, n = mask.wordCount(); w < n; w++) {
            if (readyRegistered(w) != 0) {
                return true;
            }
        }
        return false;
    }

    /** Word {@code w} of the set bits of the cases that take part and are registered (not polled). */
    private long readyRegistered(int w) {
        return mask.word(w) & takesPart[w] & ~polled[w];
    }

    /** The waiter is {@code CLAIMED}: hold it again and act on the outcome. */
    private Object onClaimed() {
        final SelectorWaiter w = waiter;   // CLAIMED: park() read it
        final int key = w.key();
        final Object item = w.item();
        w.hold();
        final Case c = cases[key];
        c.registered = false;   // the claim unlinked its node
        if (item == Waiter.READY) {
            consumed[key >>> 6] |= 1L << key;
            return RESCAN;
        }
        if (item == Waiter.CLOSED) {
            return RESCAN;   // its bit is set: the scan finds the close
        }
        c.handedOff(item);   // a rendezvous hand-off: the value received, or TAKEN for a send
        return c;
    }

    /**
     * Tries the cases whose readiness bit is set, in random (or case) order, until one completes. With
     * {@code register}, a case that fails has its bit cleared and is registered with its channel.
     */
    private Case scan(boolean register) {
        final ReadinessMask m = mask;
        final int words = m.wordCount();
        final long[] s = scratch;
        int remaining = 0;
        for (int w = 0; w < words; w++) {
            final long bits = m.word(w) & takesPart[w];
            s[w] = bits;
            remaining += Long.bitCount(bits);
        }
        int spins = 0;
        while (remaining > 0) {
            final int index = takeSetBit(s, biased ? 0 : nextInt(remaining));
            remaining--;
            final Case c = cases[index];
            if (c.attempt()) {
                return c;
            }
            if (!register || c.polls) {
                continue;
            }
            m.clear(index);
            if (c.register()) {   // ready after all (a value arrived meanwhile, or a writer is finishing)
                m.set(index);
                s[index >>> 6] |= 1L << index;
                remaining++;
                if (++spins > 64) {
                    Thread.onSpinWait();
                }
            }
        }
        return null;
    }

    /** Returns the index of the {@code k}-th set bit of {@code s} (from 0) and clears it. */
    private static int takeSetBit(long[] s, int k) {
        for (int w = 0; ; w++) {
            long bits = s[w];
            final int n = Long.bitCount(bits);
            if (k >= n) {
                k -= n;
                continue;
            }
            for (; k > 0; k--) {
                bits &= bits - 1;
            }
            final int bit = Long.numberOfTrailingZeros(bits);
            s[w] &= ~(1L << bit);
            return (w << 6) + bit;
        }
    }

    /** A uniform int in {@code [0, bound)} from a xorshift generator owned by this selector. */
    private int nextInt(int bound) {
        long x = seed;
        x ^= x << 13;
        x ^= x >>> 7;
        x ^= x << 17;
        seed = x;
        return (int) (((x >>> 32) * bound) >>> 32);
    }

    // ------------------------------------------------------------------------------------------ bookkeeping

    private void enter() {
        checkOwner();
        if (selecting) {
            throw new IllegalStateException("select called from within a select on the same selector");
        }
        if (waiter == null) {
            bind();
        }
        selecting = true;
    }

    /** Passes on every READY signal this select consumed but did not act on, so that no wake-up is lost. */
    private void leave(Case chosen) {
        selecting = false;
        final long[] c = consumed;
        for (int w = 0; w < c.length; w++) {
            long bits = c[w];
            if (bits == 0) {
                continue;
            }
            c[w] = 0;
            while (bits != 0) {
                final int index = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                if (cases[index] != chosen) {
                    cases[index].forwardSignal();
                }
            }
        }
    }

    /** Binds the selector to the calling thread: one waiter, one node per case, every bit set (state unknown). */
    private void bind() {
        owner = Thread.currentThread();
        final int words = Math.max(1, (cases.length + 63) >>> 6);
        mask = new ReadinessMask(words);
        waiter = new SelectorWaiter(owner, mask);
        waiter.hold();
        ensureWords(words);
        for (int i = 0; i < count; i++) {
            cases[i].node = new WaitNode(waiter, i);
            cases[i].node.item(cases[i].offered());
            mask.set(i);
        }
    }

    private void checkOwner() {
        if (closed) {
            throw new IllegalStateException("selector is closed");
        }
        final Thread t = owner;
        if (t != null && t != Thread.currentThread()) {
            throw new IllegalStateException("a Selector is used by one thread: it belongs to " + t
                    + ", called from " + Thread.currentThread());
        }
    }

    private <C extends Case> C add(C c) {
        checkOwner();
        if (selecting) {
            throw new IllegalStateException("cases cannot be added during a select");
        }
        if (count == cases.length) {
            cases = Arrays.copyOf(cases, count * 2);
        }
        cases[count++] = c;
        ensureWords((count + 63) >>> 6);
        if (c.polls) {
            polled[c.index >>> 6] |= 1L << c.index;
            polledCount++;
        }
        if (waiter != null) {
            if (c.index < mask.wordCount() << 6) {
                c.node = new WaitNode(waiter, c.index);
            } else {
                unbind();   // more readiness words needed: rebind at the next select
            }
        }
        c.updateTakesPart();
        return c;
    }

    private void unbind() {
        unregisterAll();
        mask = null;
        waiter = null;
        for (int i = 0; i < count; i++) {
            cases[i].node = null;
        }
        bind();   // same thread: add() checked the owner
    }

    private void unregisterAll() {
        for (int i = 0; i < count; i++) {
            cases[i].unregister();
        }
    }

    private void ensureWords(int words) {
        if (takesPart.length < words) {
            takesPart = Arrays.copyOf(takesPart, words);
            polled = Arrays.copyOf(polled, words);
            consumed = Arrays.copyOf(consumed, words);
            scratch = new long[words];
        }
    }

    private void setTakesPart(int index, boolean on) {
        final long bit = 1L << index;
        if (on) {
            takesPart[index >>> 6] |= bit;
            if (mask != null) {
                mask.set(index);   // state unknown: try it at the next select
            }
        } else {
            takesPart[index >>> 6] &= ~bit;
        }
    }

    private static Selectable selectable(Object channel) {
        Objects.requireNonNull(channel, "channel");
        if (channel instanceof Selectable s) {
            return s;
        }
        throw new IllegalArgumentException("channel must be a Runnel channel (implement "
                + Selectable.class.getName() + "): " + channel.getClass().getName());
    }

    // ------------------------------------------------------------------------------------------------ cases

    /** One case of a selector: a receive or a send on one channel. */
    public abstract static sealed class Case permits ReceiveCase, SendCase {
        final Selector selector;
        final int index;
        final Selectable selectable;
        final boolean polls;
        WaitNode node;        // null until the selector is bound to its thread
        boolean registered;   // the node may be linked in the channel (false: surely not)
        private boolean enabled = true;

        Case(Selector selector, int index, Selectable selectable) {
            this.selector = selector;
            this.index = index;
            this.selectable = selectable;
            this.polls = !selectable.signals();
        }

        /**
         * Returns the position of this case in its selector, from {@code 0} in the order added.
         *
         * @return the index
         */
        public final int index() {
            return index;
        }

        /**
         * Takes this case out of every select until {@link #enable()}: Go's nil channel. It is unregistered from its
         * channel at once.
         *
         * @throws IllegalStateException if the selector is closed, or called by a thread other than its owner
         */
        public final void disable() {
            selector.checkOwner();
            enabled = false;
            updateTakesPart();
            unregister();
        }

        /**
         * Puts a disabled case back into the selects (a send case still needs {@link SendCase#offer(Object)}).
         *
         * @throws IllegalStateException if the selector is closed, or called by a thread other than its owner
         */
        public final void enable() {
            selector.checkOwner();
            enabled = true;
            updateTakesPart();
        }

        /**
         * Tells whether this case is enabled.
         *
         * @return {@code false} after {@link #disable()} until {@link #enable()}
         */
        public final boolean isEnabled() {
            return enabled;
        }

        final void updateTakesPart() {
            selector.setTakesPart(index, enabled && armed());
        }

        final void unregister() {
            if (registered) {
                registered = false;
                selectable.unregister(node);
            }
        }

        /** Registers (again) with the channel; the node's item is the armed value for a send. */
        final boolean register() {
            registered = true;
            return registerNode();
        }

        boolean armed() {
            return true;
        }

        Object offered() {
            return null;
        }

        abstract boolean registerNode();

        /** Tries the operation now; {@code true} if it completed (for a receive: a value, or closed and drained). */
        abstract boolean attempt();

        /** Completes the case with what a rendezvous channel handed over. */
        abstract void handedOff(Object item);

        abstract void forwardSignal();
    }

    /**
     * A case that receives from a channel.
     *
     * @param <T> the value type
     */
    public static final class ReceiveCase<T> extends Case {
        private final ReceiveChannel<T> channel;
        private T value;
        private ChannelClosedException closedException;

        ReceiveCase(Selector selector, int index, ReceiveChannel<T> channel, Selectable selectable) {
            super(selector, index, selectable);
            this.channel = channel;
        }

        /**
         * Returns the channel this case receives from.
         *
         * @return the channel
         */
        public ReceiveChannel<T> channel() {
            return channel;
        }

        /**
         * Returns the value received by the last select that returned this case.
         *
         * @return the value, or {@code null} if the channel was closed and drained (or the case never completed)
         */
        public T value() {
            return value;
        }

        /**
         * Tells whether the last select that returned this case found its channel closed and drained. The case
         * stays ready (each select may return it again) until {@link #disable() disabled}.
         *
         * @return {@code true} if closed and drained
         */
        public boolean isClosed() {
            return closedException != null;
        }

        /** The exception the channel threw when found closed and drained, or {@code null}. */
        ChannelClosedException closedException() {
            return closedException;
        }

        @Override
        boolean registerNode() {
            return selectable.registerReceiver(node);
        }

        @Override
        boolean attempt() {
            final T v;
            try {
                v = channel.tryReceive();
            } catch (ChannelClosedException e) {
                value = null;
                closedException = e;
                return true;
            }
            if (v == null) {
                return false;
            }
            value = v;
            closedException = null;
            return true;
        }

        @Override
        @SuppressWarnings("unchecked")
        void handedOff(Object item) {
            value = (T) item;
            closedException = null;
        }

        @Override
        void forwardSignal() {
            selectable.forwardReceiverSignal();
        }

        @Override
        public String toString() {
            return "ReceiveCase[" + index + ", " + channel + (isEnabled() ? "" : ", disabled") + "]";
        }
    }

    /**
     * A case that sends into a channel: armed with {@link #offer(Object)} before a select, disarmed once sent.
     *
     * @param <T> the value type
     */
    public static final class SendCase<T> extends Case {
        private final SendChannel<T> channel;
        private T item;

        SendCase(Selector selector, int index, SendChannel<T> channel, Selectable selectable) {
            super(selector, index, selectable);
            this.channel = channel;
        }

        /**
         * Returns the channel this case sends into.
         *
         * @return the channel
         */
        public SendChannel<T> channel() {
            return channel;
        }

        /**
         * Arms the case with the value to send at the next selects; replaces a value not sent yet. The case stays
         * armed when another case wins, and is disarmed once it has sent.
         *
         * @param value the value, not {@code null}
         * @throws NullPointerException  if {@code value} is {@code null}
         * @throws IllegalStateException if the selector is closed, or called by a thread other than its owner
         */
        public void offer(T value) {
            Objects.requireNonNull(value, "value");
            selector.checkOwner();
            item = value;
            if (node != null) {
                node.item(value);   // the waiter is held: no channel reads the node now
            }
            updateTakesPart();
        }

        /**
         * Tells whether a value waits to be sent.
         *
         * @return {@code true} from {@link #offer(Object)} until the value is sent
         */
        public boolean isArmed() {
            return item != null;
        }

        @Override
        boolean armed() {
            return item != null;
        }

        @Override
        Object offered() {
            return item;
        }

        @Override
        boolean registerNode() {
            return selectable.registerSender(node);
        }

        @Override
        boolean attempt() {
            if (!channel.trySend(item)) {
                return false;
            }
            sent();
            return true;
        }

        @Override
        void handedOff(Object item) {
            sent();
        }

        private void sent() {
            item = null;
            updateTakesPart();
            unregister();   // a registration must not offer a value that was sent
            node.item(null);
        }

        @Override
        void forwardSignal() {
            selectable.forwardSenderSignal();
        }

        @Override
        public String toString() {
            return "SendCase[" + index + ", " + channel + (isArmed() ? ", armed" : "")
                    + (isEnabled() ? "" : ", disabled") + "]";
        }
    }
}
