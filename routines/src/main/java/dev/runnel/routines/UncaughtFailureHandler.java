package dev.runnel.routines;

/**
 * Receives the failures that nobody joins: a routine failed (not cancelled, not in a {@link Scope}, which
 * rethrows its routines' failures), and its {@link Routine} handle became unreachable without
 * {@link Routine#join()} having been called. The JVM learns that a handle is unreachable at a garbage
 * collection, so the report comes at the first collection after the routine's end (as Python's "exception was
 * never retrieved"); a failure that is joined, even late, is never reported here.
 *
 * <p>The default handler prints the routine's name and the stack trace to {@code System.err}, once per
 * failure. The handler runs on the JDK's cleaner thread: it must not block for long.
 */
@FunctionalInterface
public interface UncaughtFailureHandler {

    /**
     * Reports a failure nobody joined.
     *
     * @param routine the routine's name
     * @param failure what it threw
     */
    void uncaught(String routine, Throwable failure);

    /**
     * The default: prints to {@code System.err}.
     *
     * @return the default handler
     */
    static UncaughtFailureHandler printToStderr() {
        return (routine, failure) -> {
            System.err.println("Runnel: routine " + routine + " failed and nobody joined it:");
            failure.printStackTrace();
        };
    }
}
