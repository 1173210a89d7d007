package dev.runnel.routines;

/**
 * A routine of one of Runnel's schedulers: a {@link RoutineTask} that is also a node of the scheduler's
 * {@link LiveRoutines} from its start to its end. The links are guarded by the stripe's lock.
 */
final class TrackedRoutineTask<T> extends RoutineTask<T> {
    /** The {@link LiveRoutines} stripe, fixed at creation. */
    final int stripe;
    TrackedRoutineTask<?> prev;
    TrackedRoutineTask<?> next;
    /** Whether it is on its stripe's list (it is not before its start, nor if it never starts). */
    boolean linked;

    TrackedRoutineTask(Scheduler scheduler, Scope scope, long id, Object body, boolean returnsNothing, int stripe) {
        super(scheduler, scope, id, body, returnsNothing);
        this.stripe = stripe;
    }
}
