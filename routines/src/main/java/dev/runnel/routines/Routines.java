package dev.runnel.routines;

import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * Go's {@code go} statement: starts routines as virtual threads on the JDK's default scheduler, named
 * {@code routine} and numbered by their thread ids ({@link Routine#name()}: {@code routine-41},
 * {@code routine-42}, ...). For routines on pinned carriers, build a {@link Scheduler}.
 *
 * <pre>{@code
 * Routine<Integer> r = Routines.go(() -> compute());
 * int v = r.join();
 * Routines.scope(s -> { s.go(producer); s.go(consumer); });   // waits for both; a failure cancels the other
 * }</pre>
 */
public final class Routines {
    private Routines() {
    }

    /**
     * Starts a routine.
     *
     * @param body what it computes
     * @param <T>  the result type
     * @return the routine
     */
    public static <T> Routine<T> go(Callable<T> body) {
        return Scheduler.DEFAULT.go(body);
    }

    /**
     * Starts a routine.
     *
     * @param body what it does
     * @return the routine, whose result is {@code null}
     */
    public static Routine<Void> go(Runnable body) {
        return Scheduler.DEFAULT.go(body);
    }

    /**
     * Runs {@code body} with a new {@link Scope} and waits for every routine started in it; see {@link Scope}
     * for the rules.
     *
     * @param body starts the scope's routines
     * @throws RoutineFailedException if the first failure was a checked exception (cause: it)
     * @throws RuntimeException       the first failure as is, if unchecked (also {@link Error}s)
     * @throws InterruptedException   if the calling thread was interrupted: the routines were cancelled, and
     *                                have ended
     */
    public static void scope(ScopeBody body) throws InterruptedException {
        Scheduler.DEFAULT.scope(body);
    }

    /**
     * Sets the handler of failures nobody joins, for routines started from now on by {@link #go(Callable)}.
     *
     * @param handler the handler; {@link UncaughtFailureHandler#printToStderr()} is the default
     */
    public static void setUncaughtFailureHandler(UncaughtFailureHandler handler) {
        Scheduler.DEFAULT.setUncaughtFailureHandler(Objects.requireNonNull(handler, "handler"));
    }
}
