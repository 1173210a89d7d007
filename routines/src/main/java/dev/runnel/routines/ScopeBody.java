package dev.runnel.routines;

/**
 * The body of a {@link Routines#scope(ScopeBody) scope}: starts routines on the scope it is given.
 */
@FunctionalInterface
public interface ScopeBody {

    /**
     * Runs in the thread that opened the scope.
     *
     * @param scope the scope to start routines in
     * @throws Exception anything: it counts as the scope's first failure (or a suppressed one)
     */
    void run(Scope scope) throws Exception;
}
