package dev.runnel.stress.channel;

import dev.runnel.Channel;
import dev.runnel.ChannelClosedException;
import dev.runnel.WaitStrategy;
import dev.runnel.bounded.BoundedChannel;
import dev.runnel.unbounded.UnboundedChannel;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * Close vs send vs receive: a sender tries to send 7, a closer closes, a receiver polls until it gets a value
 * or learns that the channel is closed and drained. Results: the send (1 sent, 0 refused as closed), what the
 * receiver got (7, or -1 for closed and drained), what the arbiter finds afterwards (7, or -1).
 *
 * <p>A send that succeeded must reach the receiver (or, failing that, still be there for the arbiter): the
 * receiver must never decide "drained" while a value sent before the close is on its way.
 */
public final class CloseVsSendReceiveRace {
    private CloseVsSendReceiveRace() {
    }

    /** The shared race; each nested test picks the channel kind. */
    abstract static class Race {
        final Channel<Integer> channel;

        Race(Channel<Integer> channel) {
            this.channel = channel;
        }

        void send(III_Result r) {
            try {
                r.r1 = channel.trySend(7) ? 1 : 9;   // 9: refused as full, impossible here
            } catch (ChannelClosedException e) {
                r.r1 = 0;
            }
        }

        void close() {
            channel.close();
        }

        void receive(III_Result r) {
            while (true) {
                try {
                    Integer v = channel.tryReceive();
                    if (v != null) {
                        r.r2 = v;
                        return;
                    }
                } catch (ChannelClosedException e) {
                    r.r2 = -1;
                    return;
                }
                Thread.onSpinWait();
            }
        }

        void rest(III_Result r) {
            try {
                Integer v = channel.tryReceive();
                r.r3 = v == null ? 0 : v;
            } catch (ChannelClosedException e) {
                r.r3 = -1;
            }
        }
    }

    /** Bounded, multi-consumer ring, parking. */
    @JCStressTest
    @Outcome(id = "1, 7, -1", expect = ACCEPTABLE, desc = "sent before the close, received, then drained")
    @Outcome(id = "0, -1, -1", expect = ACCEPTABLE, desc = "closed first: send refused, nothing to receive")
    @Outcome(expect = FORBIDDEN, desc = "a sent value lost, or a refused value received")
    @State
    public static class Bounded extends Race {
        public Bounded() {
            super(BoundedChannel.<Integer>builder().capacity(4).waitStrategy(WaitStrategy.park()).build());
        }

        @Actor
        public void sender(III_Result r) {
            send(r);
        }

        @Actor
        public void closer() {
            close();
        }

        @Actor
        public void receiver(III_Result r) {
            receive(r);
        }

        @Arbiter
        public void arbiter(III_Result r) {
            rest(r);
        }
    }

    /** Bounded, single-consumer ring, parking. */
    @JCStressTest
    @Outcome(id = "1, 7, -1", expect = ACCEPTABLE, desc = "sent before the close, received, then drained")
    @Outcome(id = "0, -1, -1", expect = ACCEPTABLE, desc = "closed first: send refused, nothing to receive")
    @Outcome(expect = FORBIDDEN, desc = "a sent value lost, or a refused value received")
    @State
    public static class SingleConsumer extends Race {
        public SingleConsumer() {
            super(BoundedChannel.<Integer>builder().capacity(1).singleConsumer().waitStrategy(WaitStrategy.park())
                    .build());
        }

        @Actor
        public void sender(III_Result r) {
            send(r);
        }

        @Actor
        public void closer() {
            close();
        }

        @Actor
        public void receiver(III_Result r) {
            receive(r);
        }

        @Arbiter
        public void arbiter(III_Result r) {
            rest(r);
        }
    }

    /** Unbounded linked segments. */
    @JCStressTest
    @Outcome(id = "1, 7, -1", expect = ACCEPTABLE, desc = "sent before the close, received, then drained")
    @Outcome(id = "0, -1, -1", expect = ACCEPTABLE, desc = "closed first: send refused, nothing to receive")
    @Outcome(expect = FORBIDDEN, desc = "a sent value lost, or a refused value received")
    @State
    public static class Unbounded extends Race {
        public Unbounded() {
            super(UnboundedChannel.create(WaitStrategy.park()));
        }

        @Actor
        public void sender(III_Result r) {
            send(r);
        }

        @Actor
        public void closer() {
            close();
        }

        @Actor
        public void receiver(III_Result r) {
            receive(r);
        }

        @Arbiter
        public void arbiter(III_Result r) {
            rest(r);
        }
    }
}
