package dev.runnel.routines;

/**
 * Thrown by {@link Routine#join()} when the routine failed, and by {@link Routines#scope(ScopeBody)} when a
 * routine of the scope (or the scope's body) failed with a checked exception. The cause is what the routine
 * threw.
 */
public class RoutineFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed
     * @param cause   what it threw
     */
    public RoutineFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
