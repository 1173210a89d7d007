package dev.runnel.routines;

import dev.runnel.spi.Timeouts;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.Cleaner;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * The one implementation of {@link Routine}: the body, its outcome, and the threads waiting in {@code join}.
 *
 * <p>States: {@code NEW} until a thread runs it; {@code RUNNING}; {@code INTERRUPTING} for the instant a
 * {@link #cancel()} interrupts the runner (the runner may not end, and its carrier may not take another task,
 * until the interrupt is delivered: otherwise a platform carrier could receive an interrupt meant for a routine
 * that has left it); {@code DONE}. Whoever moves the state to {@code DONE} completes the routine: it publishes
 * the outcome, wakes the joiners (a Treiber stack of waiting threads, as {@code FutureTask} keeps them) and tells
 * the scheduler and the scope.
 *
 * <p>On Runnel's own schedulers a routine is a {@link TrackedRoutineTask}, which adds the links of the
 * scheduler's live registry; on the JDK's scheduler it is this class, which has no such links.
 */
sealed class RoutineTask<T> implements Routine<T>, Runnable permits TrackedRoutineTask {
    private static final int NEW = 0;
    private static final int RUNNING = 1;
    private static final int INTERRUPTING = 2;
    private static final int DONE = 3;
    /** The waiter stack after completion. */
    private static final Waiters COMPLETED = new Waiters(null, null);
    private static final Cleaner CLEANER = Cleaner.create();

    private static final VarHandle STATE;
    private static final VarHandle WAITERS;

    static {
        try {
            final MethodHandles.Lookup lookup = MethodHandles.lookup();
            STATE = lookup.findVarHandle(RoutineTask.class, "state", int.class);
            WAITERS = lookup.findVarHandle(RoutineTask.class, "waiters", Waiters.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Scheduler scheduler;
    final Scope scope;
    private long id;   // renumbered once, before its thread starts
    /** A {@code Callable<T>} or a {@code Runnable} (result {@code null}): no adapter object per routine. */
    private Object body;
    /** Whether {@code body} is to be run as a {@code Runnable} (an object may be both). */
    private final boolean returnsNothing;
    private volatile int state;
    private volatile Waiters waiters;
    private Thread runner;
    private T value;
    private Throwable failure;
    private volatile boolean cancelled;
    /** Refused by a closed scheduler: not counted as started or finished. */
    boolean rejected;
    /** Set before completion when the failure may go unobserved; {@code join} marks it observed. */
    private Unobserved unobserved;

    RoutineTask(Scheduler scheduler, Scope scope, long id, Object body, boolean returnsNothing) {
        this.returnsNothing = returnsNothing;
        this.scheduler = scheduler;
        this.scope = scope;
        this.id = id;
        this.body = body;
    }

    @Override
    public void run() {
        runner = Thread.currentThread();
        if (!STATE.compareAndSet(this, NEW, RUNNING)) {
            return; // cancelled before it started: cancel() completed it
        }
        final Object task = body;
        body = null;
        try {
            if (returnsNothing) {
                ((Runnable) task).run();
            } else {
                @SuppressWarnings("unchecked")
                final Callable<T> callable = (Callable<T>) task;
                value = callable.call();
            }
        } catch (Throwable t) {
            failure = t;
        }
        while (!STATE.compareAndSet(this, RUNNING, DONE)) {
            Thread.onSpinWait(); // a cancel() is delivering its interrupt: let it land on this routine
        }
        complete();
    }

    @Override
    public boolean cancel() {
        while (true) {
            switch ((int) STATE.getVolatile(this)) {
                case NEW -> {
                    if (STATE.compareAndSet(this, NEW, DONE)) {
                        cancelled = true;
                        body = null;
                        complete();
                        return true;
                    }
                }
                case RUNNING -> {
                    if (cancelled) {
                        return false;
                    }
                    if (STATE.compareAndSet(this, RUNNING, INTERRUPTING)) {
                        cancelled = true;
                        runner.interrupt();
                        STATE.setVolatile(this, RUNNING);
                        return true;
                    }
                }
                case INTERRUPTING -> Thread.onSpinWait();
                default -> {
                    return false;
                }
            }
        }
    }

    private void complete() {
        if (failure != null && !cancelled && scope == null) {
            unobserved = new Unobserved(name(), failure, scheduler.uncaughtFailureHandler());
            CLEANER.register(this, unobserved);
        }
        Waiters w = (Waiters) WAITERS.getAndSet(this, COMPLETED);
        while (w != null) {
            LockSupport.unpark(w.thread);
            w = w.next;
        }
        scheduler.ended(this);
    }

    @Override
    public T join() throws InterruptedException {
        if (waiters != COMPLETED) {
            await(false, 0L);
        }
        return outcome();
    }

    @Override
    public T join(Duration timeout) throws InterruptedException, TimeoutException {
        final long nanos = Timeouts.nanos("timeout", timeout);
        if (waiters != COMPLETED && !await(true, System.nanoTime() + nanos)) {
            throw new TimeoutException(name() + " has not ended after " + timeout);
        }
        return outcome();
    }

    /** Parks until completed; returns {@code false} if the deadline passed first. */
    private boolean await(boolean timed, long deadline) throws InterruptedException {
        final Thread me = Thread.currentThread();
        Waiters node = null;
        while (true) {
            final Waiters head = waiters;
            if (head == COMPLETED) {
                return true;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            if (node == null) {
                node = new Waiters(me, head);
                if (!WAITERS.compareAndSet(this, head, node)) {
                    node = null;
                }
                continue;
            }
            if (timed) {
                final long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false; // the node stays; completion unparks it once, a harmless spurious wake-up
                }
                LockSupport.parkNanos(this, left);
            } else {
                LockSupport.park(this);
            }
        }
    }

    private T outcome() {
        if (cancelled) {
            throw new CancellationException(name() + " was cancelled");
        }
        if (failure != null) {
            if (unobserved != null) {
                unobserved.observed = true;
            }
            throw new RoutineFailedException(name() + " failed: " + failure, failure);
        }
        return value;
    }

    /** The failure, for scopes (after completion). */
    Throwable failure() {
        return cancelled ? null : failure;
    }

    @Override
    public boolean isDone() {
        return waiters == COMPLETED;
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    /** Numbers the routine after the thread that will run it; before that thread starts. */
    void number(long threadId) {
        this.id = threadId;
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public String name() {
        return scheduler.routineName(id);
    }

    @Override
    public String toString() {
        return "Routine[" + name() + (isDone() ? cancelled ? ", cancelled" : failure != null ? ", failed"
                : ", done" : ", running") + "]";
    }

    /** A node of the joiners' stack. */
    private record Waiters(Thread thread, Waiters next) {
    }

    /** The cleaning action: reports the failure if the handle died without a join. Holds no handle. */
    private static final class Unobserved implements Runnable {
        private final String name;
        private final Throwable failure;
        private final UncaughtFailureHandler handler;
        volatile boolean observed;

        Unobserved(String name, Throwable failure, UncaughtFailureHandler handler) {
            this.name = name;
            this.failure = failure;
            this.handler = Objects.requireNonNull(handler);
        }

        @Override
        public void run() {
            if (!observed) {
                handler.uncaught(name, failure);
            }
        }
    }
}
