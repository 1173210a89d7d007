package dev.runnel.stress.broadcast;

import dev.runnel.broadcast.BroadcastChannel;
import dev.runnel.broadcast.LagPolicy;
import dev.runnel.broadcast.LappedException;
import dev.runnel.broadcast.Subscription;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.LL_Result;
import org.openjdk.jcstress.infra.results.L_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/** Races of the broadcast ring: a lapping sender overwriting the slot a subscriber reads; two senders. */
public final class BroadcastRaces {
    private BroadcastRaces() {
    }

    /**
     * LAP, capacity 1 (a ring of 2 slots): the sender laps the subscriber while it reads its first value. The
     * read returns the first value, nothing yet, or a lap, never a later value in place of the first.
     */
    @JCStressTest
    @Outcome(id = "1", expect = ACCEPTABLE, desc = "read the first value before it was overwritten")
    @Outcome(id = "none", expect = ACCEPTABLE, desc = "read before the first send")
    @Outcome(id = "lapped", expect = ACCEPTABLE, desc = "lapped: told, nothing wrong returned")
    @Outcome(expect = FORBIDDEN, desc = "a later value returned as the first")
    @State
    public static class LapOverwriteVsRead {
        final BroadcastChannel<Integer> channel = BroadcastChannel.<Integer>builder().capacity(1)
                .policy(LagPolicy.LAP).build();
        final Subscription<Integer> subscription = channel.subscribe();

        @Actor
        public void sender() {
            for (int i = 1; i <= 4; i++) {
                channel.trySend(i);
            }
        }

        @Actor
        public void subscriber(L_Result r) {
            try {
                final Integer v = subscription.tryReceive();
                r.r1 = v == null ? "none" : v.toString();
            } catch (LappedException e) {
                r.r1 = "lapped";
            }
        }
    }

    /** Two senders, one value each, BLOCK capacity 1: the subscriber gets both, once each, in claim order. */
    @JCStressTest
    @Outcome(id = {"1, 2", "2, 1"}, expect = ACCEPTABLE, desc = "both values, once each")
    @Outcome(expect = FORBIDDEN, desc = "a value lost or duplicated")
    @State
    public static class TwoSendersOneSubscriber {
        final BroadcastChannel<Integer> channel = BroadcastChannel.create(1);
        final Subscription<Integer> subscription = channel.subscribe();

        @Actor
        public void first() {
            send(1);
        }

        @Actor
        public void second() {
            send(2);
        }

        @Actor
        public void subscriber(LL_Result r) {
            try {
                r.r1 = subscription.receive();
                r.r2 = subscription.receive();
            } catch (InterruptedException e) {
                r.r1 = "interrupted";
            }
        }

        private void send(int v) {
            try {
                channel.send(v);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Arbiter
        public void nothingLeft(LL_Result r) {
            if (subscription.tryReceive() != null) {
                r.r1 = "extra";
            }
        }
    }
}
