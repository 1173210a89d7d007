package dev.runnel.stress.broadcast;

import dev.runnel.ChannelClosedException;
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

/**
 * Races of the broadcast ring: a lapping sender overwriting the slot a subscriber reads; two senders; a single
 * sender against a replaying subscriber and against the end of the stream.
 */
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

    /** As {@link LapOverwriteVsRead}, on a single-sender channel (no CAS; the seqlock alone catches the lap). */
    @JCStressTest
    @Outcome(id = "1", expect = ACCEPTABLE, desc = "read the first value before it was overwritten")
    @Outcome(id = "none", expect = ACCEPTABLE, desc = "read before the first send")
    @Outcome(id = "lapped", expect = ACCEPTABLE, desc = "lapped: told, nothing wrong returned")
    @Outcome(expect = FORBIDDEN, desc = "a later value returned as the first")
    @State
    public static class SingleSenderLapOverwriteVsRead {
        final BroadcastChannel<Integer> channel = BroadcastChannel.<Integer>builder().capacity(1)
                .policy(LagPolicy.LAP).singleSender().build();
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

    /**
     * Single sender, BLOCK, capacity 1, no subscriber yet: a subscriber replaying from the oldest value joins while
     * the sender sends 1..4 and then closes. Wherever it joins, it reads consecutive values ending with 4 (after
     * the close the replay still holds 4), never a slot the sender overwrote: the sender fences before it re-reads
     * the subscribers, so it either sees the newcomer or stays within the ring's slack.
     */
    @JCStressTest
    @Outcome(id = {"1, ok", "2, ok", "3, ok", "4, ok"}, expect = ACCEPTABLE, desc = "from there to 4, in order")
    @Outcome(expect = FORBIDDEN, desc = "a gap, a repeat, or a value that was overwritten")
    @State
    public static class SingleSenderReplayVsSend {
        final BroadcastChannel<Integer> channel = BroadcastChannel.<Integer>builder().capacity(1)
                .singleSender().build();

        @Actor
        public void sender() {
            try {
                for (int i = 1; i <= 4; i++) {
                    channel.send(i);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            channel.close();   // by the sender, as the single-sender contract asks
        }

        @Actor
        public void subscriber(LL_Result r) {
            Integer first = null;
            Integer previous = null;
            String verdict = "ok";
            try (Subscription<Integer> s = channel.subscribeFromOldest()) {
                for (Integer v : s) {
                    if (first == null) {
                        first = v;
                    } else if (v != previous + 1) {
                        verdict = previous + " then " + v;
                    }
                    previous = v;
                }
            }
            if (previous != null && previous != 4) {
                verdict = "ended at " + previous;
            }
            r.r1 = first == null ? "none" : first.toString();
            r.r2 = verdict;
        }
    }

    /**
     * Single sender: it sends one value and closes. The subscriber, polling, ends only after receiving it: a
     * subscriber reads the closed flag before the cursor, so a close it sees includes every value published before
     * it.
     */
    @JCStressTest
    @Outcome(id = "1", expect = ACCEPTABLE, desc = "the value, then the end")
    @Outcome(expect = FORBIDDEN, desc = "ended without the value sent before the close")
    @State
    public static class SingleSenderCloseAfterSend {
        final BroadcastChannel<Integer> channel = BroadcastChannel.<Integer>builder().capacity(4)
                .singleSender().build();
        final Subscription<Integer> subscription = channel.subscribe();

        @Actor
        public void sender() {
            channel.trySend(1);
            channel.close();
        }

        @Actor
        public void subscriber(L_Result r) {
            StringBuilder got = new StringBuilder();
            try {
                while (true) {   // polling: each empty poll asks the ring, in one read, whether it is drained
                    final Integer v = subscription.tryReceive();
                    if (v != null) {
                        got.append(v);
                    }
                }
            } catch (ChannelClosedException end) {
                r.r1 = got.toString();
            }
        }
    }
}
