package dev.runnel.stress.ring;

import dev.runnel.ring.MpscRing;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * MPSC: two producers race to claim the two slots while the consumer polls twice; the arbiter drains the rest.
 * Either order of the producers is fine; each value is seen exactly once. Results: consumer's polls, then the
 * arbiter's.
 */
@JCStressTest
@Outcome(id = {"1, 2, 0, 0", "2, 1, 0, 0"}, expect = ACCEPTABLE, desc = "consumer got both")
@Outcome(id = {"1, 0, 2, 0", "2, 0, 1, 0", "0, 1, 2, 0", "0, 2, 1, 0"}, expect = ACCEPTABLE,
        desc = "consumer got one, arbiter the other")
@Outcome(id = {"0, 0, 1, 2", "0, 0, 2, 1"}, expect = ACCEPTABLE, desc = "consumer too early")
@Outcome(expect = FORBIDDEN, desc = "a value lost or duplicated")
@State
public class MpscRingTwoProducersRace {
    private final MpscRing<Integer> ring = new MpscRing<>(2);

    @Actor
    public void producer1() {
        ring.offer(1);
    }

    @Actor
    public void producer2() {
        ring.offer(2);
    }

    @Actor
    public void consumer(IIII_Result r) {
        r.r1 = RaceValues.orZero(ring.poll());
        r.r2 = RaceValues.orZero(ring.poll());
    }

    @Arbiter
    public void rest(IIII_Result r) {
        r.r3 = RaceValues.orZero(ring.poll());
        r.r4 = RaceValues.orZero(ring.poll());
    }
}
