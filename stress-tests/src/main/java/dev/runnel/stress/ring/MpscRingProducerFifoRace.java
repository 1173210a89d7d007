package dev.runnel.stress.ring;

import dev.runnel.ring.MpscRing;
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
 * MPSC on a one-slot ring, so that offers also race with fullness: producer A offers 1 then 2, producer B offers
 * 3, the consumer polls three times. Every accepted value is seen exactly once and A's values in A's order.
 */
@JCStressTest
@Outcome(id = "OK", expect = ACCEPTABLE, desc = "every accepted value once, 1 before 2")
@Outcome(expect = FORBIDDEN, desc = "lost, duplicated, refused-but-seen, or reordered")
@State
public class MpscRingProducerFifoRace {
    private final MpscRing<Integer> ring = new MpscRing<>(1);
    private final List<Integer> seen = new ArrayList<>();
    private boolean offered1;
    private boolean offered2;
    private boolean offered3;

    @Actor
    public void producerA() {
        offered1 = ring.offer(1);
        offered2 = ring.offer(2);
    }

    @Actor
    public void producerB() {
        offered3 = ring.offer(3);
    }

    @Actor
    public void consumer() {
        for (int i = 0; i < 3; i++) {
            Integer v = ring.poll();
            if (v != null) {
                seen.add(v);
            }
        }
    }

    @Arbiter
    public void verdict(L_Result r) {
        List<Integer> all = new ArrayList<>(seen);
        all.addAll(RaceValues.drain(ring));
        List<Integer> accepted = new ArrayList<>();
        if (offered1) {
            accepted.add(1);
        }
        if (offered2) {
            accepted.add(2);
        }
        if (offered3) {
            accepted.add(3);
        }
        if (!all.containsAll(accepted) || all.size() != accepted.size()) {
            r.r1 = "ACCEPTED " + accepted + " SEEN " + all;
        } else if (all.contains(1) && all.contains(2) && all.indexOf(1) > all.indexOf(2)) {
            r.r1 = "REORDERED " + all;
        } else {
            r.r1 = "OK";
        }
    }
}
