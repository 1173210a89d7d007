package dev.runnel.stress.ring;

import dev.runnel.ring.MpmcRing;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/** MPMC size() while two producers fill and a consumer empties a two-slot ring: always within [0, 2]. */
@JCStressTest
@Outcome(id = {"0", "1", "2"}, expect = ACCEPTABLE, desc = "size within [0, capacity]")
@Outcome(expect = FORBIDDEN, desc = "size out of range")
@State
public class MpmcRingSizeRace {
    private final MpmcRing<Integer> ring = new MpmcRing<>(2);

    @Actor
    public void producer1() {
        ring.offer(1);
    }

    @Actor
    public void producer2() {
        ring.offer(2);
    }

    @Actor
    public void consumer() {
        ring.poll();
    }

    @Actor
    public void observer(I_Result r) {
        r.r1 = ring.size();
    }
}
