package dev.runnel.spi;

import dev.runnel.WaitStrategy;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;

/**
 * A channel's queue of registrations for one direction (receivers waiting for a value, or senders waiting for
 * room or for a receiver), in arrival order, with a count that the channel's fast path reads once.
 *
 * <pre>
 *   object header | 128 bytes pad | waiting, head, tail | 128 bytes pad | lock
 * </pre>
 *
 * <p>The lost-wake-up argument (Dekker's pattern, ADR 0004): a waiter registers with {@link #add}, whose
 * volatile write of the count is followed by the owner's volatile re-check of the channel; an operation that
 * may unblock a waiter first makes its change with a volatile write (or CAS) and then reads {@link #waiting()}.
 * In the total order of those volatile accesses one of the two sees the other: either the waiter's re-check
 * sees the change and it does not park, or the operation sees the count and {@link #signal signals} it.
 *
 * <p>Methods named {@code ...Locked} must be called with {@link #lock()} held; the others take it. Several
 * queues may share one lock (a rendezvous channel guards both of its queues with one).
 */
public final class WaiterQueue extends WaiterQueueL1Pad {
    private static final VarHandle WAITING;

    static {
        try {
            WAITING = MethodHandles.lookup().findVarHandle(WaiterQueueFields.class, "waiting", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final SpinLock lock;

    /** Creates an empty queue with its own lock. */
    public WaiterQueue() {
        this(new SpinLock());
    }

    /**
     * Creates an empty queue guarded by {@code lock}.
     *
     * @param lock the lock, possibly shared with other queues of the same channel
     */
    public WaiterQueue(SpinLock lock) {
        this.lock = Objects.requireNonNull(lock, "lock");
    }

    /**
     * Returns the lock that guards this queue.
     *
     * @return the lock
     */
    public SpinLock lock() {
        return lock;
    }

    /**
     * Returns how many registrations are linked now: the one read of the fast path. Volatile.
     *
     * @return the number of linked registrations
     */
    public int waiting() {
        return (int) WAITING.getVolatile(this);
    }

    /**
     * Links {@code node} at the tail, taking the lock. The count is written with volatile semantics: re-check
     * the channel after this call, before parking.
     *
     * @param node an unlinked node
     * @throws IllegalStateException if {@code node} is linked already
     */
    public void add(WaitNode node) {
        lock.lock();
        try {
            addLocked(node);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Links {@code node} at the tail; the lock must be held.
     *
     * @param node an unlinked node
     * @throws IllegalStateException if {@code node} is linked already
     */
    public void addLocked(WaitNode node) {
        if (node.queue != null) {
            throw new IllegalStateException("node is already registered: " + node);
        }
        node.queue = this;
        node.next = null;
        node.prev = tail;
        if (tail == null) {
            head = node;
        } else {
            tail.next = node;
        }
        tail = node;
        WAITING.setVolatile(this, waiting + 1);
    }

    /**
     * Links {@code node} at the tail unless it is linked here already, taking the lock.
     *
     * @param node a node, unlinked or linked in this queue
     * @return {@code true} if it was linked now, {@code false} if it was linked already
     * @throws IllegalStateException if {@code node} is linked in another queue
     */
    public boolean addIfUnlinked(WaitNode node) {
        lock.lock();
        try {
            return addIfUnlinkedLocked(node);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Links {@code node} at the tail unless it is linked here already; the lock must be held. A selector's
     * registrations stay linked between selects, so registering again is not an error.
     *
     * @param node a node, unlinked or linked in this queue
     * @return {@code true} if it was linked now, {@code false} if it was linked already
     * @throws IllegalStateException if {@code node} is linked in another queue
     */
    public boolean addIfUnlinkedLocked(WaitNode node) {
        if (node.queue == this) {
            return false;
        }
        addLocked(node);
        return true;
    }

    /**
     * Tells whether a registration of a waiting waiter is linked, without claiming it; the lock must be held.
     * Registrations passed on the way get their {@link Waiter#readied} call (a held selector learns that a
     * counterpart arrived) and dead ones (cancelled, claimed elsewhere) are unlinked.
     *
     * @return {@code true} if some linked registration's waiter is {@code WAITING}
     */
    public boolean hasWaitingLocked() {
        WaitNode node = head;
        while (node != null) {
            final WaitNode next = node.next;
            final Waiter waiter = node.waiter();
            waiter.readied(node.key());   // before the state read, as in claimLocked()
            final int state = waiter.state();
            if (state == Waiter.WAITING) {
                return true;
            }
            if (state != Waiter.CLAIMING) {
                unlink(node);
            }
            node = next;
        }
        return false;
    }

    /**
     * The first half of a plain blocking wait: resets the calling thread's waiter and links its node here. The
     * caller then re-checks its channel (Dekker's pattern with the operation that would signal it) and either
     * {@link #withdraw withdraws} or {@link #park parks}.
     *
     * @return the calling thread's node, linked here
     */
    public WaitNode enqueueCurrentThread() {
        final WaitNode node = WaitNode.ofCurrentThread();
        node.waiter().reset();
        add(node);
        return node;
    }

    /**
     * Takes back a registration whose owner found its channel ready after registering. If a channel claimed it
     * first, waits for the claim to complete, so that the waiter can be reused; that signal needs no passing on,
     * since the owner tries its operation again.
     *
     * @param node the caller's node, from {@link #enqueueCurrentThread()}
     */
    public void withdraw(WaitNode node) {
        final Waiter waiter = node.waiter();
        if (waiter.tryCancel()) {
            remove(node);
            return;
        }
        while (waiter.state() != Waiter.CLAIMED) {
            Thread.onSpinWait();
        }
    }

    /**
     * The second half: parks until signalled, timed out or interrupted (no spinning: the caller has spun), and
     * leaves the node unlinked and the waiter reusable on every return.
     *
     * @param node     the caller's node, from {@link #enqueueCurrentThread()}
     * @param strategy the caller's wait strategy (only its parking is used)
     * @param timed    whether {@code deadline} applies
     * @param deadline a {@link System#nanoTime()} deadline
     * @return {@code true} if interrupted (status cleared; the registration was withdrawn); {@code false} if
     *         signalled or timed out
     */
    public boolean park(WaitNode node, WaitStrategy strategy, boolean timed, long deadline) {
        final int outcome = node.waiter().await(strategy, false, timed, deadline);
        if (outcome == Waiter.AWAIT_CLAIMED) {
            return false;   // claimed and unlinked by the signaller
        }
        remove(node);   // cancelled: no signal was consumed, none to pass on
        return outcome == Waiter.AWAIT_INTERRUPTED;
    }

    /**
     * Unlinks {@code node} if it is linked here, taking the lock.
     *
     * @param node a node
     * @return {@code true} if it was linked here and is now unlinked
     */
    public boolean remove(WaitNode node) {
        lock.lock();
        try {
            return removeLocked(node);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Unlinks {@code node} if it is linked here; the lock must be held.
     *
     * @param node a node
     * @return {@code true} if it was linked here and is now unlinked
     */
    public boolean removeLocked(WaitNode node) {
        if (node.queue != this) {
            return false;
        }
        unlink(node);
        return true;
    }

    private void unlink(WaitNode node) {
        final WaitNode prev = node.prev;
        final WaitNode next = node.next;
        if (prev == null) {
            head = next;
        } else {
            prev.next = next;
        }
        if (next == null) {
            tail = prev;
        } else {
            next.prev = prev;
        }
        node.prev = null;
        node.next = null;
        node.queue = null;
        WAITING.setRelease(this, waiting - 1);
    }

    /**
     * Claims the first registration whose waiter is still waiting, and unlinks it; the lock must be held.
     * Registrations whose waiter was cancelled or claimed elsewhere are unlinked on the way; a waiter found
     * {@link Waiter#CLAIMING} (held by its selector, or in the middle of another claim) is skipped and stays
     * linked. Every registration passed gets its {@link Waiter#readied} call, the claimed one before the claim.
     *
     * @return the claimed node (its waiter is {@code CLAIMING}: complete it), or {@code null} if none
     */
    public WaitNode claimLocked() {
        WaitNode node = head;
        while (node != null) {
            final WaitNode next = node.next;
            final Waiter waiter = node.waiter();
            waiter.readied(node.key());   // first: a selector that releases its hold then sees the bit, or we see it
            int state = waiter.state();   // WAITING (Dekker's pattern with Waiter.release() and the readiness)
            if (state == Waiter.WAITING) {
                if (waiter.tryClaim()) {
                    unlink(node);
                    return node;
                }
                state = waiter.state();   // lost the CAS: see what it became
            }
            if (state != Waiter.CLAIMING) {
                unlink(node);   // cancelled, or claimed through another registration
            }
            node = next;
        }
        return null;
    }

    /**
     * Wakes the first waiting registration, if any, with the outcome {@code item}.
     *
     * @param item the outcome, usually {@link Waiter#READY}
     * @return {@code true} if a waiter was claimed and woken
     */
    public boolean signal(Object item) {
        final WaitNode node;
        lock.lock();
        try {
            node = claimLocked();
        } finally {
            lock.unlock();
        }
        if (node == null) {
            return false;
        }
        node.waiter().complete(node.key(), item);
        return true;
    }

    /**
     * Wakes every waiting registration with the outcome {@code item} (for close).
     *
     * @param item the outcome, usually {@link Waiter#CLOSED}
     * @return how many waiters were woken
     */
    public int signalAll(Object item) {
        lock.lock();
        try {
            return signalAllLocked(item);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Wakes every waiting registration with the outcome {@code item}; the lock must be held. Waking under the
     * lock costs an unpark per waiter inside the critical section: meant for close, which happens once.
     *
     * @param item the outcome, usually {@link Waiter#CLOSED}
     * @return how many waiters were woken
     */
    public int signalAllLocked(Object item) {
        int woken = 0;
        WaitNode node;
        while ((node = claimLocked()) != null) {
            node.waiter().complete(node.key(), item);
            woken++;
        }
        return woken;
    }

    @Override
    public String toString() {
        return "WaiterQueue[waiting=" + waiting() + "]";
    }
}
