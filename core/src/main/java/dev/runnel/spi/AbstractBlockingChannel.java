package dev.runnel.spi;

import dev.runnel.WaitStrategy;

import java.util.Objects;

/**
 * The blocking loops that Runnel's buffered channels share: try, idle per the {@link WaitStrategy}, register,
 * re-check, park; woken by the operation that unblocks the waiter (ADR 0004).
 *
 * <p>A subclass provides the non-blocking buffer operations per <em>lane</em> (a priority level; {@code 0} for
 * channels with one buffer) and calls {@link #signalReceiver()} after each successful offer and
 * {@link #signalSender(int)} after each successful poll: when the strategy parks, each is one volatile read of
 * a waiter count, and nothing more unless someone waits. With a strategy that never parks
 * ({@link WaitStrategy#parks()} is {@code false}) no one ever registers, and both are no-ops.
 *
 * <p>Requirements on the subclass's buffer (Dekker's pattern with the waiter counts): a successful offer ends
 * with a volatile write that {@link #isEmptyNow()} reads; a successful poll ends with a volatile write that
 * {@link #hasRoomNow(int)} reads, whenever the strategy parks.
 *
 * @param <T> the value type
 */
public abstract class AbstractBlockingChannel<T> implements Selectable {
    /** Receivers waiting for a value. */
    protected final WaiterQueue receivers = new WaiterQueue();
    /** Whether close has been called, and its cause. */
    protected final CloseState closeState = new CloseState();
    /** How blocked operations wait. */
    protected final WaitStrategy strategy;
    /** {@code strategy.parks()}: whether anyone may ever register. */
    protected final boolean parks;

    /**
     * Creates the waiting state of a channel.
     *
     * @param strategy how blocked operations wait
     */
    protected AbstractBlockingChannel(WaitStrategy strategy) {
        this.strategy = Objects.requireNonNull(strategy, "waitStrategy");
        this.parks = strategy.parks();
    }

    /**
     * Takes a value from the buffer without waiting.
     *
     * @return a value, or {@code null} if none is ready now
     */
    protected abstract T pollNow();

    /**
     * Adds a value to lane {@code lane} without waiting.
     *
     * @param value the value
     * @param lane  the lane
     * @return {@code true} if added; {@code false} if full or closed
     */
    protected abstract boolean offerNow(T value, int lane);

    /**
     * Tells exactly whether no value is buffered or being written (volatile read of the producer side).
     *
     * @return {@code true} if empty
     */
    protected abstract boolean isEmptyNow();

    /**
     * Tells exactly whether lane {@code lane} has room (volatile read of the consumer side).
     *
     * @param lane the lane
     * @return {@code true} if an offer would find room
     */
    protected abstract boolean hasRoomNow(int lane);

    /**
     * Tells whether the buffer is closed to senders.
     *
     * @return {@code true} if closed
     */
    protected abstract boolean isClosedNow();

    /**
     * Tells whether the buffer is closed and every value sent before the close has been taken.
     *
     * @return {@code true} if closed and drained
     */
    protected abstract boolean isDrainedNow();

    /**
     * Returns the queue of senders waiting for room in lane {@code lane}.
     *
     * @param lane the lane
     * @return the queue
     */
    protected abstract WaiterQueue senders(int lane);

    /** Wakes one receiver if any waits: call after every successful offer. */
    protected final void signalReceiver() {
        if (parks && receivers.waiting() != 0) {
            receivers.signal(Waiter.READY);
        }
    }

    /**
     * Wakes one sender of lane {@code lane} if any waits: call after every successful poll.
     *
     * @param lane the lane the value was taken from
     */
    protected final void signalSender(int lane) {
        if (parks) {
            final WaiterQueue senders = senders(lane);
            if (senders.waiting() != 0) {
                senders.signal(Waiter.READY);
            }
        }
    }

    /**
     * The blocking receive, after a failed fast-path poll.
     *
     * @param timed    whether {@code deadline} applies
     * @param deadline a {@link System#nanoTime()} deadline
     * @return a value, or {@code null} if timed out
     * @throws InterruptedException if interrupted while waiting (status cleared; nothing taken)
     * @throws dev.runnel.ChannelClosedException if the channel is closed and drained
     */
    protected final T receiveSlow(boolean timed, long deadline) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        int attempt = 0;
        int writers = 0;
        while (true) {
            final T value = pollNow();
            if (value != null) {
                return value;   // the subclass's pollNow has signalled a sender
            }
            // While spinning, only the buffer's head and the close state (written once) are read, so that the
            // sender's index line does not bounce between the cores; the exact checks come before parking.
            if (closeState.isClosed()) {
                if (isDrainedNow()) {
                    throw closeState.receiveException();
                }
                writers = Spin.briefly(writers);   // closed, values left: a sender is finishing its write
                continue;
            }
            if (timed && Timeouts.expired(deadline)) {
                return null;
            }
            if (strategy.idle(attempt)) {
                attempt = attempt == Integer.MAX_VALUE ? attempt : attempt + 1;
                continue;
            }
            if (!isEmptyNow()) {
                writers = Spin.briefly(writers);   // a sender claimed a slot and is writing it
                continue;
            }
            if (awaitSignal(receivers, true, 0, timed, deadline)) {
                throw new InterruptedException();
            }
            // signalled, withdrawn or timed out: the loop tries again, and reports a timeout only after that
        }
    }

    /**
     * The blocking send into lane {@code lane}, after a failed fast-path offer.
     *
     * @param value    the value
     * @param lane     the lane
     * @param timed    whether {@code deadline} applies
     * @param deadline a {@link System#nanoTime()} deadline
     * @return {@code true} if sent, {@code false} if timed out (nothing sent)
     * @throws InterruptedException if interrupted while waiting (status cleared; nothing sent)
     * @throws dev.runnel.ChannelClosedException if the channel is closed
     */
    protected final boolean sendSlow(T value, int lane, boolean timed, long deadline) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        final WaiterQueue senders = senders(lane);
        int attempt = 0;
        int readers = 0;
        while (true) {
            if (offerNow(value, lane)) {
                return true;    // the subclass's offerNow has signalled a receiver
            }
            if (isClosedNow()) {
                throw closeState.sendException();
            }
            if (timed && Timeouts.expired(deadline)) {
                return false;
            }
            if (strategy.idle(attempt)) {
                attempt = attempt == Integer.MAX_VALUE ? attempt : attempt + 1;
                continue;
            }
            if (hasRoomNow(lane)) {
                readers = Spin.briefly(readers);   // a receiver claimed a slot and is freeing it
                continue;
            }
            if (awaitSignal(senders, false, lane, timed, deadline)) {
                throw new InterruptedException();
            }
        }
    }

    /**
     * Registers the calling thread in {@code queue}, re-checks the channel, and parks until signalled, timed out
     * or interrupted (the register-then-recheck half of Dekker's pattern; the operation's fast path is the
     * other half). Leaves the thread's node unlinked and its waiter reusable on every return.
     *
     * @return {@code true} if interrupted (status cleared); {@code false} if signalled, withdrawn or timed out
     */
    private boolean awaitSignal(WaiterQueue queue, boolean receiving, int lane, boolean timed, long deadline) {
        final WaitNode node = queue.enqueueCurrentThread();
        if (receiving ? readyToReceive() : readyToSend(lane)) {
            queue.withdraw(node);
            return false;
        }
        return queue.park(node, strategy, timed, deadline);
    }

    /** After registering: a receive may succeed now, or must end (closed). */
    private boolean readyToReceive() {
        return !isEmptyNow() || isClosedNow();
    }

    /** After registering: a send into {@code lane} may succeed now, or must end (closed). */
    private boolean readyToSend(int lane) {
        return hasRoomNow(lane) || isClosedNow();
    }

    /**
     * Passes on a send signal that its owner will not act on (a selector whose other case won): wakes another
     * sender of the lane if room is left.
     *
     * @param lane the lane
     */
    protected final void forwardSenderSignal(int lane) {
        final WaiterQueue senders = senders(lane);
        if (senders.waiting() != 0 && hasRoomNow(lane)) {
            senders.signal(Waiter.READY);
        }
    }

    @Override
    public final void forwardReceiverSignal() {
        if (receivers.waiting() != 0 && !isEmptyNow()) {
            receivers.signal(Waiter.READY);
        }
    }

    @Override
    public final void forwardSenderSignal() {
        forwardSenderSignal(0);
    }

    /**
     * Closes the channel: sends throw {@link dev.runnel.ChannelClosedException} from now on, blocked senders
     * wake and throw, receivers drain what is buffered and then throw.
     *
     * @return {@code true} if this call closed it, {@code false} if it was closed already
     */
    public final boolean close() {
        return close(null);
    }

    /**
     * Closes the channel as failed: as {@link #close()}, and the exceptions thrown to senders and receivers
     * carry {@code cause}. The cause is recorded first, then the buffer is closed ({@link #closeBuffer()}), then
     * every waiter is woken. A second close returns {@code false} once the first has closed the buffer.
     *
     * @param cause the failure, or {@code null} for a normal close
     * @return {@code true} if this call closed it, {@code false} if it was closed already (the first cause stays)
     */
    public final boolean close(Throwable cause) {
        if (!closeState.close(cause)) {
            int attempt = 0;
            while (!isClosedNow()) {
                attempt = Spin.briefly(attempt);   // the winning close is between its CAS and closeBuffer()
            }
            return false;
        }
        closeBuffer();
        receivers.signalAll(Waiter.CLOSED);
        for (int lane = 0, n = lanes(); lane < n; lane++) {
            senders(lane).signalAll(Waiter.CLOSED);
        }
        return true;
    }

    /**
     * Tells whether the channel is closed to senders.
     *
     * @return {@code true} once closed
     */
    public final boolean isClosedForSend() {
        return isClosedNow();
    }

    /**
     * Tells whether the channel is closed and every value sent before the close has been received.
     *
     * @return {@code true} if closed and drained
     */
    public final boolean isClosedForReceive() {
        return isDrainedNow();
    }

    /** Closes the buffer to senders (every lane). */
    protected abstract void closeBuffer();

    @Override
    public final boolean registerReceiver(WaitNode node) {
        receivers.addIfUnlinked(node);
        return readyToReceive();
    }

    @Override
    public final boolean signals() {
        return parks;
    }

    @Override
    public final boolean registerSender(WaitNode node) {
        return registerSender(node, 0);
    }

    /**
     * Registers a selector's send case for lane {@code lane}.
     *
     * @param node a node of the caller's waiter holding the value, unlinked or linked in lane {@code lane}
     * @param lane the lane
     * @return as {@link #registerReceiver(WaitNode)}
     */
    protected final boolean registerSender(WaitNode node, int lane) {
        senders(lane).addIfUnlinked(node);
        return readyToSend(lane);
    }

    /**
     * Returns how many lanes the channel has ({@code 1} unless overridden), so that close and unregister reach
     * every lane's senders.
     *
     * @return the number of lanes
     */
    protected int lanes() {
        return 1;
    }

    @Override
    public final void unregister(WaitNode node) {
        if (receivers.remove(node)) {
            return;
        }
        for (int lane = 0, n = lanes(); lane < n; lane++) {
            if (senders(lane).remove(node)) {
                return;
            }
        }
    }
}
