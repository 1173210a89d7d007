package dev.runnel.spi;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A test-and-test-and-set lock for the short critical sections of waiter queues (a few pointer writes).
 * It spins, then yields; it never parks, so it allocates nothing and works the same for virtual and platform
 * threads. Not reentrant. Never hold it across a blocking call.
 */
public final class SpinLock {
    private static final VarHandle LOCKED;
    private static final int SPINS = 64;

    static {
        try {
            LOCKED = MethodHandles.lookup().findVarHandle(SpinLock.class, "locked", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // through LOCKED
    private int locked;

    /** Creates an unlocked lock. */
    public SpinLock() {
    }

    /**
     * Acquires the lock, spinning and then yielding while another thread holds it. Not interruptible, and
     * without a timeout: the critical sections it guards are a few pointer writes.
     */
    public void lock() {
        if (!LOCKED.compareAndSet(this, 0, 1)) {
            lockSlow();
        }
    }

    private void lockSlow() {
        for (int i = 0; ; i++) {
            if ((int) LOCKED.getOpaque(this) == 0 && LOCKED.compareAndSet(this, 0, 1)) {
                return;
            }
            if (i < SPINS) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
    }

    /** Releases the lock; only the thread that holds it may call this. */
    public void unlock() {
        LOCKED.setRelease(this, 0);
    }

    /**
     * Tells whether some thread holds the lock now (a snapshot, for assertions and tests).
     *
     * @return {@code true} if locked
     */
    public boolean isLocked() {
        return (int) LOCKED.getVolatile(this) != 0;
    }
}
