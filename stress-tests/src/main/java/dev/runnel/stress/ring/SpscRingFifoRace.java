package dev.runnel.stress.ring;

import dev.runnel.ring.SpscRing;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * SPSC offer vs poll: the producer offers 1 then 2, the consumer polls twice, the arbiter drains the rest. Every
 * value is seen exactly once, in order, and a poll never sees a slot before the element in it is published.
 * Results: consumer's two polls, then what the arbiter drained (0 = nothing).
 */
@JCStressTest
@Outcome(id = "0, 0, 1, 2", expect = ACCEPTABLE, desc = "consumer polled before both offers")
@Outcome(id = "1, 0, 2, 0", expect = ACCEPTABLE, desc = "consumer got 1, polled again before 2 was offered")
@Outcome(id = "0, 1, 2, 0", expect = ACCEPTABLE, desc = "first poll early, second got 1")
@Outcome(id = "1, 2, 0, 0", expect = ACCEPTABLE, desc = "consumer got both, in order")
@Outcome(expect = FORBIDDEN, desc = "lost, duplicated or reordered value")
@State
public class SpscRingFifoRace {
    private final SpscRing<Integer> ring = new SpscRing<>(2);

    @Actor
    public void producer() {
        ring.offer(1);
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
