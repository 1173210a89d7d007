package dev.runnel.routines;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Structured concurrency: the routines started in a scope all end before
 * {@link Routines#scope(ScopeBody)} (or {@link Scheduler#scope(ScopeBody)}) returns.
 *
 * <ul>
 *   <li>The scope waits for every routine started in it, including routines its routines start in it.</li>
 *   <li>The first failure (of a routine, or of the body) cancels every other routine of the scope; once all
 *   have ended, it is rethrown (as is if unchecked, else wrapped in {@link RoutineFailedException}) with the
 *   later failures added as suppressed. Routines that end because they were cancelled do not count as
 *   failures.</li>
 *   <li>A cancelled scope cancels its routines: when the thread that opened the scope is interrupted (its own
 *   routine cancelled, say) while the scope waits, or when {@link #cancel()} is called.</li>
 *   <li>Nothing outlives its scope: once the scope has ended, {@link #go(Callable)} throws
 *   {@link IllegalStateException}.</li>
 * </ul>
 *
 * <p>A scope's methods may be called from any thread, its routines' included.
 */
public final class Scope {
    private final Scheduler scheduler;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition allEnded = lock.newCondition();
    private final Set<RoutineTask<?>> live = Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean ended;
    private boolean cancelled;
    private Throwable first;

    Scope(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * Starts a routine in this scope.
     *
     * @param body what the routine computes
     * @param <T>  the result type
     * @return the routine (joining it is allowed, never required)
     * @throws IllegalStateException if the scope has ended, or its scheduler is closed
     */
    public <T> Routine<T> go(Callable<T> body) {
        return start(scheduler.newTask(this, body));
    }

    private <T> Routine<T> start(RoutineTask<T> task) {
        final boolean cancelNow;
        lock.lock();
        try {
            if (ended) {
                scheduler.discard(task);
                throw new IllegalStateException("the scope has ended: a routine cannot outlive its scope");
            }
            live.add(task);
            cancelNow = cancelled;
        } finally {
            lock.unlock();
        }
        if (cancelNow) {
            task.cancel();
        }
        try {
            scheduler.start(task);
        } catch (RuntimeException e) {
            task.cancel();
            throw e;
        }
        return task;
    }

    /**
     * Starts a routine in this scope.
     *
     * @param body what the routine does
     * @return the routine, whose result is {@code null}
     * @throws IllegalStateException if the scope has ended, or its scheduler is closed
     */
    public Routine<Void> go(Runnable body) {
        return start(scheduler.<Void>newTask(this, body));
    }

    /**
     * Cancels every routine of the scope, and those started in it from now on. The scope still waits for them
     * to end; cancelling is not a failure, so the scope then returns normally unless something failed.
     */
    public void cancel() {
        cancelAll();
    }

    /**
     * Tells whether this scope was cancelled, by {@link #cancel()}, by a failure, or by an interrupt.
     *
     * @return {@code true} if cancelled
     */
    public boolean isCancelled() {
        lock.lock();
        try {
            return cancelled;
        } finally {
            lock.unlock();
        }
    }

    /** A routine of this scope ended: record its failure (the first cancels the rest), wake the owner. */
    void ended(RoutineTask<?> task) {
        final Throwable failure = task.failure();
        lock.lock();
        try {
            live.remove(task);
            if (failure != null) {
                recordLocked(failure);
            }
            if (live.isEmpty()) {
                allEnded.signalAll();
            }
        } finally {
            lock.unlock();
        }
        if (failure != null) {
            cancelAll();
        }
    }

    /** The body failed. */
    void failed(Throwable failure) {
        lock.lock();
        try {
            recordLocked(failure);
        } finally {
            lock.unlock();
        }
        cancelAll();
    }

    private void recordLocked(Throwable failure) {
        if (first == null) {
            first = failure;
        } else if (first != failure) {
            first.addSuppressed(failure);
        }
    }

    private void cancelAll() {
        final List<RoutineTask<?>> toCancel;
        lock.lock();
        try {
            cancelled = true;
            toCancel = new ArrayList<>(live);
        } finally {
            lock.unlock();
        }
        for (RoutineTask<?> task : toCancel) {
            task.cancel();
        }
    }

    /**
     * Waits until every routine has ended, then closes the scope to new routines.
     *
     * @return {@code true} if the waiting thread was interrupted (the routines were then cancelled)
     */
    boolean awaitAll() {
        boolean interrupted = false;
        while (true) {
            lock.lock();
            try {
                if (live.isEmpty()) {
                    ended = true;
                    return interrupted;
                }
                try {
                    allEnded.await();
                    continue;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            } finally {
                lock.unlock();
            }
            cancelAll();
        }
    }

    /** The first failure, with the others suppressed, or {@code null}. */
    Throwable firstFailure() {
        lock.lock();
        try {
            return first;
        } finally {
            lock.unlock();
        }
    }
}
