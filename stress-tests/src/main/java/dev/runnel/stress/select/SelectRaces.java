package dev.runnel.stress.select;

import dev.runnel.Channel;
import dev.runnel.ChannelClosedException;
import dev.runnel.WaitStrategy;
import dev.runnel.bounded.BoundedChannel;
import dev.runnel.select.Selector;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.LL_Result;
import org.openjdk.jcstress.infra.results.L_Result;
import org.openjdk.jcstress.infra.results.LLL_Result;

import java.time.Duration;

import static dev.runnel.select.Select.otherwise;
import static dev.runnel.select.Select.receive;
import static dev.runnel.select.Select.select;
import static dev.runnel.select.Select.send;
import static dev.runnel.select.Select.timeout;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * Races of {@code select}: two selects on opposite ends of a rendezvous channel, two selects taking from the same
 * buffered channels, and a select racing a close. Exactly one clause takes effect, and a value is never taken
 * twice or lost.
 */
public final class SelectRaces {
    private static final Duration PATIENCE = Duration.ofSeconds(2);

    private SelectRaces() {
    }

    private static Channel<Integer> rendezvous() {
        return BoundedChannel.<Integer>builder().capacity(0).waitStrategy(WaitStrategy.park()).build();
    }

    /** A parked select receiving on a rendezvous channel is met by a select sending on it. */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the two selects met")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the selects missed each other")
    @State
    public static class SelectsMeetOnRendezvous {
        final Channel<Integer> channel = rendezvous();
        final Channel<Integer> idleA = rendezvous();
        final Channel<Integer> idleB = rendezvous();

        @Actor
        public void receiver() {
            try (Selector sel = Selector.create(WaitStrategy.park())) {
                sel.receive(idleA);
                sel.receive(channel);
                sel.select();
            } catch (InterruptedException e) {
                // jcstress interrupts a stale actor to end the run
            }
        }

        @Signal
        public void sender() {
            try {
                select(send(channel, 1, () -> "sent"), receive(idleB, v -> "idle"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Two selects with a timeout, on opposite ends of a rendezvous channel: both complete, or neither. */
    @JCStressTest
    @Outcome(id = "sent, 1", expect = ACCEPTABLE, desc = "the selects met: the value passed once")
    @Outcome(id = "timeout, timeout", expect = ACCEPTABLE_INTERESTING, desc = "the actors ran seconds apart")
    @Outcome(expect = FORBIDDEN, desc = "one side completed without the other: a value lost or invented")
    @State
    public static class SelectVsSelectRendezvousExactlyOnce {
        final Channel<Integer> channel = rendezvous();
        final Channel<Integer> idle = rendezvous();

        @Actor
        public void sender(LL_Result r) {
            try {
                r.r1 = select(send(channel, 1, () -> "sent"), receive(idle, v -> "idle"),
                        timeout(PATIENCE, () -> "timeout"));
            } catch (InterruptedException e) {
                r.r1 = "interrupted";
            }
        }

        @Actor
        public void receiver(LL_Result r) {
            try {
                r.r2 = select(receive(channel, v -> (Object) v), timeout(PATIENCE, () -> "timeout"));
            } catch (InterruptedException e) {
                r.r2 = "interrupted";
            }
        }
    }

    /** Two non-blocking selects over the same two buffered channels, one value in each: each takes one. */
    @JCStressTest
    @Outcome(id = {"a, b, 0", "b, a, 0"}, expect = ACCEPTABLE, desc = "each value taken once")
    @Outcome(expect = FORBIDDEN, desc = "a value taken twice, or missed while it was there")
    @State
    public static class TwoSelectsShareTwoBufferedChannels {
        final Channel<String> a = BoundedChannel.create(1);
        final Channel<String> b = BoundedChannel.create(1);

        public TwoSelectsShareTwoBufferedChannels() {
            a.trySend("a");
            b.trySend("b");
        }

        @Actor
        public void first(LLL_Result r) {
            r.r1 = trySelect(a, b);
        }

        @Actor
        public void second(LLL_Result r) {
            r.r2 = trySelect(b, a);
        }

        private static String trySelect(Channel<String> x, Channel<String> y) {
            try {
                return select(receive(x, v -> v), receive(y, v -> v), otherwise(() -> "-"));
            } catch (InterruptedException e) {
                return "interrupted";
            }
        }

        @Arbiter
        public void left(LLL_Result r) {
            r.r3 = a.size() + b.size();
        }
    }

    /** A value sent before a close is received by a select racing the close: never the close alone. */
    @JCStressTest
    @Outcome(id = "v1, closed", expect = ACCEPTABLE, desc = "the value, then the channel is drained")
    @Outcome(expect = FORBIDDEN, desc = "the value was lost to the close, or the select hung")
    @State
    public static class SelectVsSendThenClose {
        final Channel<Integer> channel = BoundedChannel.<Integer>builder().capacity(1)
                .waitStrategy(WaitStrategy.park()).build();

        @Actor
        public void selector(LL_Result r) {
            try {
                r.r1 = select(receive(channel, v -> "v" + v), timeout(PATIENCE, () -> "timeout"));
            } catch (ChannelClosedException e) {
                r.r1 = "closed";
            } catch (InterruptedException e) {
                r.r1 = "interrupted";
            }
        }

        @Actor
        public void sendThenClose() {
            channel.trySend(1);
            channel.close();
        }

        @Arbiter
        public void after(LL_Result r) {
            try {
                r.r2 = channel.tryReceive() == null ? "empty" : "left";
            } catch (ChannelClosedException e) {
                r.r2 = "closed";
            }
        }
    }

    /** A reusable selector's send case on a rendezvous channel nobody receives from sees the close. */
    @JCStressTest
    @Outcome(id = "closed", expect = ACCEPTABLE, desc = "the close ended the select")
    @Outcome(expect = FORBIDDEN, desc = "the select sent to nobody, or missed the close")
    @State
    public static class SendCaseVsClose {
        final Channel<Integer> channel = rendezvous();

        @Actor
        public void selector(L_Result r) {
            try (Selector sel = Selector.create()) {
                Selector.SendCase<Integer> s = sel.send(channel);
                s.offer(1);
                r.r1 = sel.select(PATIENCE) == null ? "timeout" : "sent";
            } catch (ChannelClosedException e) {
                r.r1 = "closed";
            } catch (InterruptedException e) {
                r.r1 = "interrupted";
            }
        }

        @Actor
        public void closer() {
            channel.close();
        }
    }
}
