package dev.runnel.stress.channel;

import dev.runnel.Channel;
import dev.runnel.ChannelClosedException;
import dev.runnel.WaitStrategy;
import dev.runnel.bounded.BoundedChannel;
import dev.runnel.priority.PriorityChannel;
import dev.runnel.unbounded.UnboundedChannel;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * Park vs unpark: an actor blocks (receive on an empty channel, send on a full one) with a park-only strategy,
 * and the signal makes the operation possible. If a wake-up were lost, the actor would stay parked: jcstress
 * reports that as STALE, which is forbidden.
 */
public final class NoLostWakeUp {
    private NoLostWakeUp() {
    }

    private static Channel<Integer> parking(int capacity) {
        return BoundedChannel.<Integer>builder().capacity(capacity).waitStrategy(WaitStrategy.park()).build();
    }

    private static void receive(Channel<Integer> channel) {
        try {
            channel.receive();
        } catch (InterruptedException | ChannelClosedException e) {
            // jcstress interrupts a stale actor to end the run; a close also ends it
        }
    }

    /** A receiver parked on an empty buffered channel wakes when a value is sent. */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the send woke the receiver")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "lost wake-up: the receiver stayed parked")
    @State
    public static class ReceiverWokenBySend {
        final Channel<Integer> channel = parking(1);

        @Actor
        public void receiver() {
            receive(channel);
        }

        @Signal
        public void send() {
            channel.trySend(1);
        }
    }

    /** A sender parked on a full buffered channel wakes when a value is taken. */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the receive woke the sender")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "lost wake-up: the sender stayed parked")
    @State
    public static class SenderWokenByReceive {
        final Channel<Integer> channel = parking(1);

        public SenderWokenByReceive() {
            channel.trySend(1);
        }

        @Actor
        public void sender() {
            try {
                channel.send(2);
            } catch (InterruptedException e) {
                // see receive()
            }
        }

        @Signal
        public void receive() {
            channel.tryReceive();
        }
    }

    /** A receiver parked on a rendezvous channel wakes with the value of a sender that finds it waiting. */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the hand-off woke the receiver")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "lost wake-up: the receiver stayed parked")
    @State
    public static class RendezvousReceiverWoken {
        final Channel<Integer> channel = parking(0);

        @Actor
        public void receiver() {
            receive(channel);
        }

        @Signal
        public void send() {
            while (!channel.trySend(1)) {   // succeeds once the receiver is registered
                Thread.onSpinWait();
            }
        }
    }

    /** A receiver parked on an unbounded channel wakes when a value is sent. */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the send woke the receiver")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "lost wake-up: the receiver stayed parked")
    @State
    public static class UnboundedReceiverWoken {
        final Channel<Integer> channel = UnboundedChannel.create(WaitStrategy.park());

        @Actor
        public void receiver() {
            receive(channel);
        }

        @Signal
        public void send() {
            channel.trySend(1);
        }
    }

    /** A receiver parked on a priority channel wakes when a value is sent at a low level. */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the send woke the receiver")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "lost wake-up: the receiver stayed parked")
    @State
    public static class PriorityReceiverWoken {
        final PriorityChannel<Integer> channel =
                PriorityChannel.<Integer>builder().levels(3).capacityPerLevel(1).waitStrategy(WaitStrategy.park())
                        .build();

        @Actor
        public void receiver() {
            try {
                channel.receive();
            } catch (InterruptedException e) {
                // see receive()
            }
        }

        @Signal
        public void send() {
            channel.trySend(1, 2);
        }
    }

    /** A receiver parked on an empty channel wakes when it is closed. */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the close woke the receiver")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "lost wake-up: the receiver stayed parked")
    @State
    public static class ReceiverWokenByClose {
        final Channel<Integer> channel = parking(4);

        @Actor
        public void receiver() {
            receive(channel);
        }

        @Signal
        public void close() {
            channel.close();
        }
    }
}
