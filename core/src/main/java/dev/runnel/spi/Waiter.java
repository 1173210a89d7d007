package dev.runnel.spi;

import dev.runnel.WaitStrategy;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;

/**
 * One waiting thread's claim ticket: the thread, a state, and the outcome a channel leaves for it.
 *
 * <pre>
 *               tryClaim()               complete(key, item)
 *   WAITING ───────────────► CLAIMING ─────────────────────► CLAIMED   (a channel won: the outcome is set)
 *      │                      │    ▲ hold()                     │
 *      │          release()   │    └────────────────────────────┘      (a selector, busy between waits)
 *      │    ◄─────────────────┘                                         (the owner waits again)
 *      │ tryCancel()
 *      └───────────────────────────────────► CANCELLED                 (the owner gave up: timeout, interrupt)
 * </pre>
 *
 * <p>A selector <em>holds</em> its waiter ({@code CLAIMING}, set by itself) whenever it is not waiting: its
 * registrations stay linked in the channels' queues, and a channel that passes them calls {@link #readied}
 * (which sets the case's readiness bit) and moves on to the next waiter, so no signal is consumed by a busy
 * selector. The owner takes its own hold from {@code WAITING} with {@link #tryClaim()}, as a channel would.
 *
 * <p>Whoever wins the CAS out of {@code WAITING} owns the outcome. A channel whose {@link #tryClaim()} fails
 * skips the waiter. An owner whose {@link #tryCancel()} fails has been claimed: it must take the outcome (the
 * value handed to it, or the signal) and must not report a timeout. Claims are made under the lock of the
 * queue the waiter is registered in, so once the owner has cancelled and unlinked its node under that lock, no
 * stale claim can reach a later use of the same waiter.
 *
 * <p>The outcome is a key (which registration won: a selector's case index, {@code 0} for plain operations)
 * and an item: the value handed over by a rendezvous sender, or one of the markers {@link #READY} ("the
 * channel may have become ready: try again"), {@link #TAKEN} ("a receiver took your value") and
 * {@link #CLOSED}.
 *
 * <p>A waiter is reused: one per thread for plain operations ({@link WaitNode#ofCurrentThread()}), one per
 * selector. The owner calls {@link #reset()} before each registration.
 */
public class Waiter {
    /** Registered and not yet claimed or cancelled. */
    public static final int WAITING = 0;
    /** A channel (or the owner, for a selector's own tentative claim) has won the CAS and is completing it. */
    public static final int CLAIMING = 1;
    /** A channel has claimed the waiter and set the outcome. */
    public static final int CLAIMED = 2;
    /** The owner gave up. */
    public static final int CANCELLED = 3;

    /** Outcome item: the channel may have become ready for the registered operation; try it again. */
    public static final Object READY = new Marker("READY");
    /** Outcome item: a rendezvous receiver took the registered sender's value. */
    public static final Object TAKEN = new Marker("TAKEN");
    /** Outcome item: the channel was closed. */
    public static final Object CLOSED = new Marker("CLOSED");

    /** {@link #await} result: the waiter was claimed; read {@link #key()} and {@link #item()}. */
    public static final int AWAIT_CLAIMED = 0;
    /** {@link #await} result: the deadline passed and the owner cancelled the waiter. */
    public static final int AWAIT_TIMED_OUT = 1;
    /** {@link #await} result: the thread was interrupted and the owner cancelled the waiter (flag cleared). */
    public static final int AWAIT_INTERRUPTED = 2;

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Waiter.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Thread thread;
    @SuppressWarnings("unused") // through STATE
    private int state = CANCELLED;
    private int key;        // written before the release of CLAIMED
    private Object item;    // written before the release of CLAIMED

    /**
     * Creates a waiter for the given thread, not yet registered (its state is {@code CANCELLED} until
     * {@link #reset()}).
     *
     * @param thread the thread that will wait on it
     */
    public Waiter(Thread thread) {
        this.thread = Objects.requireNonNull(thread, "thread");
    }

    /**
     * Returns the thread that waits on this waiter.
     *
     * @return the owner thread
     */
    public final Thread thread() {
        return thread;
    }

    /**
     * Makes the waiter ready for a new registration. Owner only, and only when no channel can still claim it
     * (every node of a previous registration is unlinked, or was claimed).
     */
    public final void reset() {
        item = null;
        key = -1;
        STATE.setRelease(this, WAITING);
    }

    /**
     * Returns the state now.
     *
     * @return one of {@link #WAITING}, {@link #CLAIMING}, {@link #CLAIMED}, {@link #CANCELLED}
     */
    public final int state() {
        return (int) STATE.getVolatile(this);
    }

    /**
     * Tries to claim the waiter: {@code WAITING → CLAIMING}. The winner must then call {@link #complete} (or,
     * for a selector's own tentative claim, {@link #release()}).
     *
     * @return {@code true} if this call claimed it
     */
    public final boolean tryClaim() {
        return STATE.compareAndSet(this, WAITING, CLAIMING);
    }

    /**
     * Gives back a claim: {@code CLAIMING → WAITING}. Only the thread whose claim succeeded (or the owner, to wait
     * again after {@link #hold()}). A volatile write: the owner re-checks its readiness after it, and a channel
     * sets the readiness before it tries to claim, so one of them sees the other.
     */
    public final void release() {
        item = null;
        key = -1;
        STATE.setVolatile(this, WAITING);
    }

    /**
     * Marks the waiter as held by its owner: {@code CLAIMED} or {@code CANCELLED} (or a new waiter) becomes
     * {@code CLAIMING}. Owner only, never while {@code WAITING} (take the hold with {@link #tryClaim()} then).
     * Channels skip a held waiter's registrations, leave them linked and call {@link #readied} for them.
     */
    public final void hold() {
        STATE.setRelease(this, CLAIMING);
    }

    /**
     * Sets the outcome of a claim and wakes the owner: {@code CLAIMING → CLAIMED}. Only the thread whose
     * {@link #tryClaim()} succeeded. After this call the caller must not touch the waiter again: its owner may
     * already be reusing it.
     *
     * @param key  the key of the registration that won
     * @param item the value handed over, or {@link #READY}, {@link #TAKEN} or {@link #CLOSED}
     */
    public final void complete(int key, Object item) {
        final Thread owner = thread;
        this.key = key;
        this.item = item;
        STATE.setRelease(this, CLAIMED);
        LockSupport.unpark(owner);   // a late unpark of a thread that moved on is harmless: parks loop
    }

    /**
     * Tries to cancel: {@code WAITING → CANCELLED}. Owner only.
     *
     * @return {@code true} if cancelled; {@code false} if a channel claimed it first
     */
    public final boolean tryCancel() {
        return STATE.compareAndSet(this, WAITING, CANCELLED);
    }

    /**
     * Returns the key of the registration that won; valid once the state is {@code CLAIMED}.
     *
     * @return the key
     */
    public final int key() {
        return key;
    }

    /**
     * Returns the outcome item; valid once the state is {@code CLAIMED}.
     *
     * @return the value handed over, or {@link #READY}, {@link #TAKEN} or {@link #CLOSED}
     */
    public final Object item() {
        return item;
    }

    /**
     * Called by a channel, under its queue lock, for every registration of this waiter that it passes while
     * looking for a waiter to claim (just before the claim, if the waiter is {@code WAITING}): the registered
     * operation may have become possible. Selectors override it to set a readiness bit. Must not block, and must
     * not take any lock.
     *
     * @param key the key of the registration
     */
    protected void readied(int key) {
    }

    /**
     * Waits until a channel claims this waiter, the deadline passes, or the thread is interrupted. Owner only,
     * after registering. Spins per {@code strategy} first if {@code spin} is set, then parks.
     *
     * <p>On a timeout or an interrupt the waiter is cancelled; if the cancel loses to a claim, the claim wins
     * and {@link #AWAIT_CLAIMED} is returned (with the interrupt status left set, as {@code BlockingQueue}
     * does when the operation completes).
     *
     * @param strategy how to wait before parking
     * @param spin     whether to ask {@code strategy} before parking ({@code false}: park at once)
     * @param timed    whether {@code deadline} applies
     * @param deadline the {@link System#nanoTime()} deadline, if {@code timed}
     * @return {@link #AWAIT_CLAIMED}, {@link #AWAIT_TIMED_OUT} or {@link #AWAIT_INTERRUPTED} (interrupt status
     *         cleared)
     */
    public final int await(WaitStrategy strategy, boolean spin, boolean timed, long deadline) {
        int attempt = 0;
        while (true) {
            final int s = (int) STATE.getAcquire(this);
            if (s == CLAIMED) {
                return AWAIT_CLAIMED;
            }
            if (s == CLAIMING) {
                Thread.onSpinWait();   // the claimer is between its CAS and complete(): a few instructions
                continue;
            }
            if (Thread.currentThread().isInterrupted() && tryCancel()) {
                Thread.interrupted();
                return AWAIT_INTERRUPTED;
            }
            long remaining = 0;
            if (timed && (remaining = deadline - System.nanoTime()) <= 0) {
                if (tryCancel()) {
                    return AWAIT_TIMED_OUT;
                }
                continue;
            }
            if (spin && strategy.idle(attempt++)) {
                continue;
            }
            if (timed) {
                LockSupport.parkNanos(this, remaining);
            } else {
                LockSupport.park(this);
            }
        }
    }

    @Override
    public String toString() {
        return "Waiter[" + thread.getName() + ", state=" + state() + "]";
    }

    private static final class Marker {
        private final String name;

        Marker(String name) {
            this.name = name;
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
