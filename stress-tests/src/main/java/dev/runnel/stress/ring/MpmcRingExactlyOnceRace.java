package dev.runnel.stress.ring;

import dev.runnel.ring.MpmcRing;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.L_Result;

import java.util.ArrayList;
import java.util.List;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * MPMC: two producers and two consumers on a two-slot ring; each consumer polls once, the arbiter drains. Every
 * value is taken by exactly one consumer.
 */
@JCStressTest
@Outcome(id = "OK", expect = ACCEPTABLE, desc = "each value taken exactly once")
@Outcome(expect = FORBIDDEN, desc = "a value lost or taken twice")
@State
public class MpmcRingExactlyOnceRace {
    private final MpmcRing<Integer> ring = new MpmcRing<>(2);
    private Integer c1;
    private Integer c2;

    @Actor
    public void producer1() {
        ring.offer(1);
    }

    @Actor
    public void producer2() {
        ring.offer(2);
    }

    @Actor
    public void consumer1() {
        c1 = ring.poll();
    }

    @Actor
    public void consumer2() {
        c2 = ring.poll();
    }

    @Arbiter
    public void verdict(L_Result r) {
        List<Integer> seen = new ArrayList<>();
        if (c1 != null) {
            seen.add(c1);
        }
        if (c2 != null) {
            seen.add(c2);
        }
        seen.addAll(RaceValues.drain(ring));
        r.r1 = RaceValues.exactlyOnce(2, seen);
    }
}
