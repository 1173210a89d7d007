package dev.runnel.routines;

import dev.runnel.WaitStrategy;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZI_Result;

import java.util.Arrays;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * Races of the carriers' wake-up protocol: a carrier giving up its idle spin
 * ({@link Carrier#stopSpinningMayPark()}) against a submitter queueing a task ({@link CarrierPool#execute}).
 * A lost wake-up is a carrier that parks with a task queued and nobody clearing its parked flag: the task then
 * waits until some other submission happens to wake it. The carrier threads are never started; the actors play
 * their parts, and the parked flags read at the end tell who was woken.
 */
public final class CarrierRaces {
    private static final Runnable TASK = () -> { };

    private CarrierRaces() {
    }

    static CarrierPool pool(int carriers) {
        // no scheduler: its live count is read only once the pool is stopping, which these tests never do
        final int[] unpinned = new int[carriers];
        Arrays.fill(unpinned, -1);
        return new CarrierPool(null, "races", unpinned, WaitStrategy.busySpin(), 4, false);
    }

    static int awake(CarrierPool pool) {
        int awake = 0;
        for (Carrier carrier : pool.carriers) {
            awake += carrier.parked == 0 ? 1 : 0;
        }
        return awake;
    }

    /**
     * One carrier, spinning, gives up while a task is submitted. The submitter reads the spinning count and
     * skips the wake-up if the carrier still counts as spinning; then the carrier's re-check must find the task.
     * Otherwise it must clear the parked flag.
     */
    @JCStressTest
    @Outcome(id = "false, 1", expect = ACCEPTABLE, desc = "the carrier saw the task and stays awake")
    @Outcome(id = "true, 1", expect = ACCEPTABLE, desc = "the carrier parks, and the submitter woke it")
    @Outcome(id = "true, 0", expect = FORBIDDEN, desc = "lost wake-up: parked with a task queued")
    @Outcome(expect = FORBIDDEN, desc = "anything else")
    @State
    public static class SpinningCarrierVsSubmit {
        final CarrierPool pool = pool(1);

        public SpinningCarrierVsSubmit() {
            pool.spinning.set(1); // as the carrier's run loop counts itself while it spins
        }

        @Actor
        public void carrier(ZI_Result r) {
            r.r1 = pool.carriers[0].stopSpinningMayPark();
        }

        @Actor
        public void submitter() {
            pool.execute(TASK);
        }

        @Arbiter
        public void arbiter(ZI_Result r) {
            r.r2 = awake(pool);
        }
    }

    /**
     * Two carriers: the first already parked, the second giving up its spin while a task lands on the first's
     * queue. Either the second sees the task in the other queue (it would steal it) or someone is woken.
     */
    @JCStressTest
    @Outcome(id = "false, 1", expect = ACCEPTABLE, desc = "the spinner saw the task in the other queue")
    @Outcome(id = "false, 2", expect = ACCEPTABLE, desc = "the spinner saw the task, and the parked one was woken")
    @Outcome(id = "true, 1", expect = ACCEPTABLE, desc = "the spinner parks, and one of the two was woken")
    @Outcome(id = "true, 0", expect = FORBIDDEN, desc = "lost wake-up: both parked with a task queued")
    @Outcome(expect = FORBIDDEN, desc = "anything else")
    @State
    public static class SpinnerVsSubmitToParkedPeer {
        final CarrierPool pool = pool(2);

        public SpinnerVsSubmitToParkedPeer() {
            Carrier.PARKED.setVolatile(pool.carriers[0], 1);
            pool.spinning.set(1);
        }

        @Actor
        public void carrier(ZI_Result r) {
            r.r1 = pool.carriers[1].stopSpinningMayPark();
        }

        @Actor
        public void submitter() {
            pool.execute(TASK); // round-robin starts at the first carrier's queue
        }

        @Arbiter
        public void arbiter(ZI_Result r) {
            r.r2 = awake(pool);
        }
    }
}
