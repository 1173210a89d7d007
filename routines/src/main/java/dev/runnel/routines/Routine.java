package dev.runnel.routines;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;

/**
 * A running routine, returned by {@link Routines#go(java.util.concurrent.Callable)},
 * {@link Scheduler#go(java.util.concurrent.Callable)} and {@link Scope#go(java.util.concurrent.Callable)}.
 *
 * <p>A routine ends by returning a value, by failing (throwing anything), or by being cancelled. A failure stays
 * in the routine: it never takes other routines down. It is rethrown, wrapped in
 * {@link RoutineFailedException}, by {@link #join()}; a failure that nobody ever joins goes to the scheduler's
 * {@link UncaughtFailureHandler} once the routine's handle is garbage (see {@link UncaughtFailureHandler}).
 *
 * @param <T> the result type ({@link Void} for a {@link Runnable} routine, whose result is {@code null})
 */
public sealed interface Routine<T> permits RoutineTask {

    /**
     * Waits for the routine to end and returns its result.
     *
     * @return the result
     * @throws RoutineFailedException if the routine failed; its cause is what the routine threw
     * @throws CancellationException  if the routine was cancelled (whether or not its body noticed)
     * @throws InterruptedException   if the calling thread is interrupted while waiting (the routine runs on)
     */
    T join() throws InterruptedException;

    /**
     * Waits at most {@code timeout} for the routine to end and returns its result.
     *
     * @param timeout how long to wait at most, not negative; zero checks without waiting
     * @return the result
     * @throws TimeoutException         if the routine has not ended in time (it runs on)
     * @throws RoutineFailedException   if the routine failed
     * @throws CancellationException    if the routine was cancelled
     * @throws InterruptedException     if the calling thread is interrupted while waiting
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    T join(Duration timeout) throws InterruptedException, TimeoutException;

    /**
     * Cancels the routine: one that has not started never runs; a running one is interrupted (as a Go
     * routine's context is cancelled), and whatever it then returns or throws, {@link #join()} throws
     * {@link CancellationException}. Cancelling does not wait for the routine to end: {@code join()} does.
     *
     * @return {@code true} if this call cancelled it; {@code false} if it had already ended or been cancelled
     */
    boolean cancel();

    /**
     * Tells whether the routine has ended (returned, failed or been cancelled and stopped running).
     *
     * @return {@code true} if ended; {@link #join()} then returns or throws at once
     */
    boolean isDone();

    /**
     * Tells whether {@link #cancel()} cancelled this routine.
     *
     * @return {@code true} if cancelled
     */
    boolean isCancelled();

    /**
     * Returns this routine's number: the thread id of the virtual thread that runs it (thread dumps show it as
     * {@code #42}), or, for a routine run directly by a platform carrier, a number unique within its scheduler.
     *
     * @return the number
     */
    long id();

    /**
     * Returns this routine's name, such as {@code "routine-42"} or {@code "md-feed-routine-7"}. The virtual
     * thread that runs it is named {@code routine} (or {@code md-feed-routine}) and numbered {@code #42} in thread
     * dumps and debuggers: one name string shared by all routines of a scheduler, none allocated per routine.
     *
     * @return the name
     */
    String name();
}
