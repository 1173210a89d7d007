package dev.runnel.perf.broadcast;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.YieldingWaitStrategy;
import dev.runnel.WaitStrategy;
import dev.runnel.broadcast.BroadcastChannel;
import dev.runnel.broadcast.LagPolicy;
import dev.runnel.broadcast.LappedException;
import dev.runnel.broadcast.Subscription;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.broadcast.BroadcastBufferDescriptor;
import org.agrona.concurrent.broadcast.BroadcastReceiver;
import org.agrona.concurrent.broadcast.BroadcastTransmitter;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * One sender, {@code subscribers} readers, the same 8-byte payload (a long: a preallocated {@code Long} for
 * Runnel, a field of a preallocated event for the Disruptor, 8 bytes of a message for Agrona). Each reader
 * records the last value it saw; the sender waits until every reader has seen the last value of a batch.
 */
abstract class BroadcastUnderTest {
    static final int CAPACITY = 1024;
    private static final VarHandle SEEN = MethodHandles.arrayElementVarHandle(long[].class);

    /** Per reader, the last value seen (padded: one per 128 bytes). */
    final long[] seen;
    final List<Thread> readers = new ArrayList<>();
    volatile boolean running = true;

    BroadcastUnderTest(int subscribers) {
        seen = new long[(subscribers + 1) * 16];
        for (int i = 0; i < subscribers; i++) {
            SEEN.setRelease(seen, slot(i), -1L);
        }
    }

    static int slot(int reader) {
        return (reader + 1) * 16;
    }

    final void saw(int reader, long value) {
        SEEN.setRelease(seen, slot(reader), value);
    }

    /** Whether every reader's last value is {@code value} (the last of the batch: nothing is sent after it). */
    final boolean allSaw(long value, int subscribers) {
        final long expected = key(value);
        for (int i = 0; i < subscribers; i++) {
            if ((long) SEEN.getAcquire(seen, slot(i)) != expected) {
                return false;
            }
        }
        return true;
    }

    abstract void send(long value) throws InterruptedException;

    /** What a reader records for {@code value}. */
    long key(long value) {
        return value;
    }

    void stop() throws InterruptedException {
        running = false;
        for (Thread t : readers) {
            t.interrupt();
            t.join();
        }
    }

    final void reader(String name, Runnable loop) {
        Thread t = Thread.ofPlatform().daemon().name(name).start(loop);
        readers.add(t);
    }

    static BroadcastUnderTest create(String impl, int subscribers, boolean spin) {
        return switch (impl) {
            case "Runnel.block" -> new RunnelBroadcast(subscribers, spin, LagPolicy.BLOCK, false);
            case "Runnel.lap" -> new RunnelBroadcast(subscribers, spin, LagPolicy.LAP, false);
            case "Runnel.single.block" -> new RunnelBroadcast(subscribers, spin, LagPolicy.BLOCK, true);
            case "Runnel.single.lap" -> new RunnelBroadcast(subscribers, spin, LagPolicy.LAP, true);
            case "Disruptor" -> new DisruptorMulticast(subscribers, spin);
            case "Agrona" -> new AgronaBroadcast(subscribers, spin);
            default -> throw new IllegalArgumentException("impl=" + impl);
        };
    }

    private static final class RunnelBroadcast extends BroadcastUnderTest {
        private final BroadcastChannel<Long> channel;
        private final Long[] boxes = new Long[CAPACITY * 16];   // more than a batch: the last one is unambiguous

        RunnelBroadcast(int subscribers, boolean spin, LagPolicy policy, boolean singleSender) {
            super(subscribers);
            BroadcastChannel.Builder<Long> builder = BroadcastChannel.<Long>builder().capacity(CAPACITY).policy(policy)
                    .waitStrategy(spin ? WaitStrategy.busySpin() : WaitStrategy.yielding(100));
            channel = (singleSender ? builder.singleSender() : builder).build();
            for (int i = 0; i < boxes.length; i++) {
                boxes[i] = (long) i;
            }
            for (int r = 0; r < subscribers; r++) {
                int reader = r;
                Subscription<Long> s = channel.subscribe();
                reader("runnel-" + r, () -> {
                    try {
                        while (running) {
                            try {
                                saw(reader, s.receive());
                            } catch (LappedException e) {
                                // lapped: carry on from the oldest value held
                            }
                        }
                    } catch (InterruptedException | dev.runnel.ChannelClosedException e) {
                        // stopped
                    }
                });
            }
        }

        @Override
        void send(long value) throws InterruptedException {
            channel.send(boxes[(int) key(value)]);
        }

        @Override
        long key(long value) {
            return value & (boxes.length - 1);
        }

        @Override
        void stop() throws InterruptedException {
            running = false;
            channel.close();
            super.stop();
        }
    }

    /** A mutable event, as Disruptor users write them. */
    static final class LongEvent {
        long value;
    }

    private static final class DisruptorMulticast extends BroadcastUnderTest {
        private final RingBuffer<LongEvent> ring;
        private final List<BatchEventProcessor<LongEvent>> processors = new ArrayList<>();

        DisruptorMulticast(int subscribers, boolean spin) {
            super(subscribers);
            ring = RingBuffer.createSingleProducer(LongEvent::new, CAPACITY,
                    spin ? new BusySpinWaitStrategy() : new YieldingWaitStrategy());
            for (int r = 0; r < subscribers; r++) {
                int reader = r;
                BatchEventProcessor<LongEvent> p = new BatchEventProcessorBuilder().build(ring, ring.newBarrier(),
                        (event, sequence, endOfBatch) -> saw(reader, event.value));
                ring.addGatingSequences(p.getSequence());
                processors.add(p);
                reader("disruptor-" + r, p);
            }
        }

        @Override
        void send(long value) {
            long seq = ring.next();
            ring.get(seq).value = value;
            ring.publish(seq);
        }

        @Override
        void stop() throws InterruptedException {
            processors.forEach(BatchEventProcessor::halt);
            super.stop();
        }
    }

    private static final class AgronaBroadcast extends BroadcastUnderTest {
        private final BroadcastTransmitter transmitter;
        private final UnsafeBuffer message = new UnsafeBuffer(new byte[8]);

        AgronaBroadcast(int subscribers, boolean spin) {
            super(subscribers);
            int bytes = CAPACITY * 16 + BroadcastBufferDescriptor.TRAILER_LENGTH;   // 8-byte header + 8-byte payload
            UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(bytes));
            transmitter = new BroadcastTransmitter(buffer);
            for (int r = 0; r < subscribers; r++) {
                int reader = r;
                // The zero-copy BroadcastReceiver: a lap moves it to the latest message (CopyBroadcastReceiver
                // would throw instead and drop the message it was reading).
                BroadcastReceiver receiver = new BroadcastReceiver(buffer);
                reader("agrona-" + r, () -> {
                    int idle = 0;
                    while (running) {
                        if (receiver.receiveNext()) {
                            long v = receiver.buffer().getLong(receiver.offset());
                            if (receiver.validate()) {
                                saw(reader, v);
                            }
                            idle = 0;
                        } else if (!spin && ++idle > 100) {
                            Thread.yield();
                        } else {
                            Thread.onSpinWait();
                        }
                    }
                });
            }
        }

        @Override
        void send(long value) {
            message.putLong(0, value);
            transmitter.transmit(1, message, 0, 8);
        }
    }
}
