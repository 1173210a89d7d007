package dev.runnel.stress.ring;

import dev.runnel.ring.SpscRing;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * size() while a producer fills a two-slot ring and a consumer empties it: never negative, never above the
 * capacity. Results: size seen by an observer thread, then what the consumer took.
 */
@JCStressTest
@Outcome(id = {"0, .*", "1, .*", "2, .*"}, expect = ACCEPTABLE, desc = "size within [0, capacity]")
@Outcome(expect = FORBIDDEN, desc = "size out of range")
@State
public class SpscRingSizeRace {
    private final SpscRing<Integer> ring = new SpscRing<>(2);

    @Actor
    public void producer() {
        ring.offer(1);
        ring.offer(2);
    }

    @Actor
    public void consumer(II_Result r) {
        int taken = 0;
        if (ring.poll() != null) {
            taken++;
        }
        if (ring.poll() != null) {
            taken++;
        }
        r.r2 = taken;
    }

    @Actor
    public void observer(II_Result r) {
        r.r1 = ring.size();
    }
}
