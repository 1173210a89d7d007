package dev.runnel.routines;

/**
 * A routine of one of Runnel's schedulers: a {@link RoutineTask} that is also a node of the scheduler's
 * {@link LiveRoutines} from its start to its end. The links are guarded by the stripe's lock; off the list both
 * are {@code null} (before its start, after its end, or if it never starts).
 */
final class TrackedRoutineTask<T> extends RoutineTask<T> {
    /** The {@link LiveRoutines} stripe, fixed at creation. */
    final int stripe;
    TrackedRoutineTask<?> prev;
    TrackedRoutineTask<?> next;

    TrackedRoutineTask(Scheduler scheduler, Scope scope, long id, Object body, boolean returnsNothing, int stripe) {
        super(scheduler, scope, id, body, returnsNothing);
        this.stripe = stripe;
    }
}
