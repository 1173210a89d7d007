package dev.runnel.stress.ring;

import dev.runnel.ring.MpmcRing;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * MPMC on one slot (the doubled sequence numbers make capacity 1 legal): two producers race for the slot while a
 * consumer polls once. Results: did producer 1's offer succeed (1/0), did producer 2's, the consumer's poll, then
 * what the arbiter found left.
 */
@JCStressTest
@Outcome(id = {"1, 0, 0, 1", "0, 1, 0, 2"}, expect = ACCEPTABLE,
        desc = "one producer won the slot, consumer too early")
@Outcome(id = {"1, 0, 1, 0", "0, 1, 2, 0"}, expect = ACCEPTABLE,
        desc = "one producer won, consumer took it, the loser had already given up")
@Outcome(id = {"1, 1, 1, 2", "1, 1, 2, 1"}, expect = ACCEPTABLE,
        desc = "the consumer freed the slot between the two offers")
@Outcome(expect = FORBIDDEN, desc = "two values in one slot, or a value lost")
@State
public class MpmcRingCapacityOneRace {
    private final MpmcRing<Integer> ring = new MpmcRing<>(1);

    @Actor
    public void producer1(IIII_Result r) {
        r.r1 = ring.offer(1) ? 1 : 0;
    }

    @Actor
    public void producer2(IIII_Result r) {
        r.r2 = ring.offer(2) ? 1 : 0;
    }

    @Actor
    public void consumer(IIII_Result r) {
        r.r3 = RaceValues.orZero(ring.poll());
    }

    @Arbiter
    public void rest(IIII_Result r) {
        r.r4 = RaceValues.orZero(ring.poll());
    }
}
