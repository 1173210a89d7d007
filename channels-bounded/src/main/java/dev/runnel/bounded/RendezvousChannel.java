package dev.runnel.bounded;

import dev.runnel.Channel;
import dev.runnel.WaitStrategy;
import dev.runnel.spi.CloseState;
import dev.runnel.spi.Selectable;
import dev.runnel.spi.SpinLock;
import dev.runnel.spi.Timeouts;
import dev.runnel.spi.WaitNode;
import dev.runnel.spi.Waiter;
import dev.runnel.spi.WaiterQueue;

import java.time.Duration;
import java.util.Objects;

/**
 * A channel with no buffer: each value passes directly from a sender to a receiver.
 *
 * <p>One lock guards the two waiter queues. A sender that finds a waiting receiver claims it, hands it the
 * value and wakes it; otherwise it registers with its value and waits (spinning per the strategy, then parking)
 * until a receiver claims it. Receivers mirror this. The lock is held for a few pointer writes, never across a
 * wait, and waking happens after it is released.
 */
final class RendezvousChannel<T> implements Channel<T>, Selectable {
    private final SpinLock lock = new SpinLock();
    private final WaiterQueue receivers = new WaiterQueue(lock);
    private final WaiterQueue senders = new WaiterQueue(lock);
    private final CloseState closeState = new CloseState();
    private final WaitStrategy strategy;
    private boolean closed;   // guarded by lock; closeState is the lock-free view

    RendezvousChannel(WaitStrategy strategy) {
        this.strategy = Objects.requireNonNull(strategy, "waitStrategy");
    }

    @Override
    public void send(T value) throws InterruptedException {
        send(value, false, false, 0L);
    }

    @Override
    public boolean send(T value, Duration timeout) throws InterruptedException {
        Objects.requireNonNull(value, "value");
        return send(value, false, true, Timeouts.deadline(timeout));
    }

    @Override
    public boolean trySend(T value) {
        try {
            return send(value, true, false, 0L);
        } catch (InterruptedException e) {
            throw new AssertionError("trySend does not wait", e);
        }
    }

    private boolean send(T value, boolean tryOnly, boolean timed, long deadline) throws InterruptedException {
        Objects.requireNonNull(value, "value");
        if (!tryOnly && Thread.interrupted()) {
            throw new InterruptedException();
        }
        final WaitNode receiver;
        final WaitNode node;
        lock.lock();
        try {
            if (closed) {
                throw closeState.sendException();
            }
            receiver = receivers.claimLocked();
            if (receiver == null) {
                if (tryOnly || (timed && Timeouts.expired(deadline))) {
                    return false;
                }
                node = WaitNode.ofCurrentThread();
                node.waiter().reset();
                node.item(value);
                senders.addLocked(node);
            } else {
                node = null;
            }
        } finally {
            lock.unlock();
        }
        if (receiver != null) {
            receiver.waiter().complete(receiver.key(), value);
            return true;
        }
        final Waiter waiter = node.waiter();
        final int outcome = waiter.await(strategy, true, timed, deadline);
        node.item(null);
        if (outcome == Waiter.AWAIT_CLAIMED) {
            if (waiter.item() == Waiter.CLOSED) {
                throw closeState.sendException();
            }
            return true;   // TAKEN
        }
        senders.remove(node);
        if (outcome == Waiter.AWAIT_INTERRUPTED) {
            throw new InterruptedException();
        }
        return false;
    }

    @Override
    public T receive() throws InterruptedException {
        return receive(false, false, 0L);
    }

    @Override
    public T receive(Duration timeout) throws InterruptedException {
        return receive(false, true, Timeouts.deadline(timeout));
    }

    @Override
    public T tryReceive() {
        try {
            return receive(true, false, 0L);
        } catch (InterruptedException e) {
            throw new AssertionError("tryReceive does not wait", e);
        }
    }

    @SuppressWarnings("unchecked")
    private T receive(boolean tryOnly, boolean timed, long deadline) throws InterruptedException {
        if (!tryOnly && Thread.interrupted()) {
            throw new InterruptedException();
        }
        final WaitNode sender;
        final WaitNode node;
        lock.lock();
        try {
            sender = senders.claimLocked();
            if (sender == null) {
                if (closed) {
                    throw closeState.receiveException();
                }
                if (tryOnly || (timed && Timeouts.expired(deadline))) {
                    return null;
                }
                node = WaitNode.ofCurrentThread();
                node.waiter().reset();
                receivers.addLocked(node);
            } else {
                node = null;
            }
        } finally {
            lock.unlock();
        }
        if (sender != null) {
            final T value = (T) sender.item();
            sender.waiter().complete(sender.key(), Waiter.TAKEN);
            return value;
        }
        final Waiter waiter = node.waiter();
        final int outcome = waiter.await(strategy, true, timed, deadline);
        if (outcome == Waiter.AWAIT_CLAIMED) {
            final Object item = waiter.item();
            if (item == Waiter.CLOSED) {
                throw closeState.receiveException();
            }
            return (T) item;
        }
        receivers.remove(node);
        if (outcome == Waiter.AWAIT_INTERRUPTED) {
            throw new InterruptedException();
        }
        return null;
    }

    @Override
    public boolean close() {
        return close(null);
    }

    @Override
    public boolean close(Throwable cause) {
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            closeState.close(cause);
            closed = true;
            receivers.signalAllLocked(Waiter.CLOSED);
            senders.signalAllLocked(Waiter.CLOSED);
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isClosedForSend() {
        return closeState.isClosed();
    }

    @Override
    public boolean isClosedForReceive() {
        return closeState.isClosed();
    }

    @Override
    public int capacity() {
        return 0;
    }

    @Override
    public int size() {
        return 0;
    }

    @Override
    public boolean registerReceiver(WaitNode node) {
        return register(node, receivers, senders, null);
    }

    @Override
    public boolean registerSender(WaitNode node) {
        return register(node, senders, receivers, node.item());
    }

    /**
     * Registers a selector's node (again, if it is linked already). If a counterpart waits: a held selector is
     * told to try the case; a waiting selector claims itself first (so no other channel can win it meanwhile),
     * then the counterpart, and completes the hand-off here.
     */
    private boolean register(WaitNode node, WaiterQueue mine, WaiterQueue theirs, Object offered) {
        final Waiter self = node.waiter();
        final WaitNode other;
        lock.lock();
        try {
            if (closed) {
                return true;
            }
            mine.addIfUnlinkedLocked(node);
            if (self.state() != Waiter.WAITING) {
                return theirs.hasWaitingLocked();   // held: its own tryReceive/trySend will claim the counterpart
            }
            if (theirs.waiting() == 0 || !self.tryClaim()) {
                return false;   // nobody there; or another channel won this selector meanwhile (it sees CLAIMED)
            }
            other = theirs.claimLocked();   // skips our own nodes: our waiter is CLAIMING
            if (other == null) {
                self.release();   // a volatile write: the selector re-checks its readiness after this call
                return false;
            }
            mine.removeLocked(node);
        } finally {
            lock.unlock();
        }
        if (offered == null) {   // we receive
            final Object value = other.item();
            other.waiter().complete(other.key(), Waiter.TAKEN);
            self.complete(node.key(), value);
        } else {                 // we send
            other.waiter().complete(other.key(), offered);
            self.complete(node.key(), Waiter.TAKEN);
        }
        return true;
    }

    @Override
    public void unregister(WaitNode node) {
        lock.lock();
        try {
            if (!receivers.removeLocked(node)) {
                senders.removeLocked(node);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void forwardReceiverSignal() {
        // Rendezvous registrations are completed with the hand-off itself, never signalled READY.
    }

    @Override
    public void forwardSenderSignal() {
        // As above.
    }

    @Override
    public String toString() {
        return "BoundedChannel[rendezvous, " + closeState + ", waitStrategy=" + strategy.name() + "]";
    }
}
