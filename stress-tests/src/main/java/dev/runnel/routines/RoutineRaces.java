package dev.runnel.routines;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.LLL_Result;
import org.openjdk.jcstress.infra.results.LL_Result;
import org.openjdk.jcstress.infra.results.L_Result;

import java.util.concurrent.CancellationException;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * Races of a routine's state machine ({@code RoutineTask}: NEW, RUNNING, INTERRUPTING, DONE), driven directly:
 * this class sits in the routines package so that an actor can be the thread that runs the routine. (Split
 * package on the class path, as jcstress runs; the library's module is not opened for it.)
 */
public final class RoutineRaces {
    private RoutineRaces() {
    }

    static String outcome(Routine<Integer> r) {
        try {
            return String.valueOf(r.join());
        } catch (CancellationException e) {
            return "cancelled";
        } catch (InterruptedException e) {
            return "interrupted";
        }
    }

    /**
     * cancel() vs the routine running to its end: either the cancel wins (it returns true, join throws
     * CancellationException, and if the routine was running its thread got the interrupt, which the runner then
     * sees) or the routine ends first (cancel returns false, join returns the value, nobody is interrupted).
     */
    @JCStressTest
    @Outcome(id = "true, cancelled, interrupted", expect = ACCEPTABLE, desc = "cancelled while running")
    @Outcome(id = "true, cancelled, clean", expect = ACCEPTABLE, desc = "cancelled before it started")
    @Outcome(id = "false, 1, clean", expect = ACCEPTABLE, desc = "ended before the cancel")
    @Outcome(expect = FORBIDDEN, desc = "a cancel lost, a result and a cancellation both, or a stray interrupt")
    @State
    public static class CancelVsRun {
        final RoutineTask<Integer> task = Scheduler.DEFAULT.newTask(null, () -> 1);
        volatile boolean cancelled;
        String interrupt;

        @Actor
        public void runner() {
            task.run();
            interrupt = Thread.interrupted() ? "interrupted" : "clean"; // cleared: nothing leaks to jcstress
        }

        @Actor
        public void canceller() {
            cancelled = task.cancel();
        }

        @Arbiter
        public void arbiter(LLL_Result r) {
            r.r1 = cancelled;
            r.r2 = outcome(task);
            r.r3 = interrupt;
        }
    }

    /** Two cancels at once: exactly one of them cancels. */
    @JCStressTest
    @Outcome(id = {"true, false", "false, true"}, expect = ACCEPTABLE, desc = "exactly one cancel wins")
    @Outcome(expect = FORBIDDEN, desc = "both or neither")
    @State
    public static class CancelVsCancel {
        final RoutineTask<Integer> task = Scheduler.DEFAULT.newTask(null, () -> 1);

        @Actor
        public void first(LL_Result r) {
            r.r1 = task.cancel();
        }

        @Actor
        public void second(LL_Result r) {
            r.r2 = task.cancel();
        }
    }

    /** join() vs the routine ending: the joiner is never left parked and always sees the value. */
    @JCStressTest
    @Outcome(id = "1", expect = ACCEPTABLE, desc = "joined the result")
    @Outcome(expect = FORBIDDEN, desc = "a lost wake-up or a wrong result")
    @State
    public static class JoinVsEnd {
        final RoutineTask<Integer> task = Scheduler.DEFAULT.newTask(null, () -> 1);

        @Actor
        public void runner() {
            task.run();
        }

        @Actor
        public void joiner(L_Result r) {
            r.r1 = outcome(task);
        }
    }
}
