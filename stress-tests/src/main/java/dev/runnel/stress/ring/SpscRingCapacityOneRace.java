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
 * SPSC full vs poll on a one-slot ring: the producer offers 1 (always room) then 2 (room only if the consumer
 * has taken 1); the consumer polls once. Results: did offer 2 succeed (1/0), the consumer's poll, then the arbiter's two
 * polls.
 */
@JCStressTest
@Outcome(id = "0, 0, 1, 0", expect = ACCEPTABLE, desc = "consumer too early; 2 refused, 1 kept")
@Outcome(id = "0, 1, 0, 0", expect = ACCEPTABLE, desc = "consumer took 1 after 2 was refused")
@Outcome(id = "1, 1, 2, 0", expect = ACCEPTABLE, desc = "consumer took 1 first, so 2 fitted")
@Outcome(expect = FORBIDDEN, desc = "a value lost or duplicated, or 2 accepted into a full ring")
@State
public class SpscRingCapacityOneRace {
    private final SpscRing<Integer> ring = new SpscRing<>(1);

    @Actor
    public void producer(IIII_Result r) {
        ring.offer(1);
        r.r1 = ring.offer(2) ? 1 : 0;
    }

    @Actor
    public void consumer(IIII_Result r) {
        r.r2 = RaceValues.orZero(ring.poll());
    }

    @Arbiter
    public void rest(IIII_Result r) {
        r.r3 = RaceValues.orZero(ring.poll());
        r.r4 = RaceValues.orZero(ring.poll());
    }
}
