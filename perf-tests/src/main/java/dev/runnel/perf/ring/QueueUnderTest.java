package dev.runnel.perf.ring;

import dev.runnel.ring.MpmcRing;
import dev.runnel.ring.MpscRing;
import dev.runnel.ring.ObjectRing;
import dev.runnel.ring.SpscRing;
import org.agrona.concurrent.ManyToManyConcurrentArrayQueue;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;
import org.agrona.concurrent.OneToOneConcurrentArrayQueue;
import org.jctools.queues.MpmcArrayQueue;
import org.jctools.queues.MpscArrayQueue;
import org.jctools.queues.SpscArrayQueue;

import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedTransferQueue;

/**
 * The structures a benchmark compares, behind one small interface. Each JMH fork uses one implementation, so
 * every call site stays monomorphic and is inlined: the adapter costs nothing measurable.
 */
public interface QueueUnderTest {
    boolean offer(Object e);

    Object poll();

    /** Ours and every peer, by the name used in {@code @Param}. */
    static QueueUnderTest create(String name, int capacity) {
        return switch (name) {
            case "SpscRing" -> ring(new SpscRing<>(capacity));
            case "MpscRing" -> ring(new MpscRing<>(capacity));
            case "MpmcRing" -> ring(new MpmcRing<>(capacity));
            case "JCTools.SpscArrayQueue" -> queue(new SpscArrayQueue<>(capacity));
            case "JCTools.MpscArrayQueue" -> queue(new MpscArrayQueue<>(capacity));
            case "JCTools.MpmcArrayQueue" -> queue(new MpmcArrayQueue<>(capacity));
            case "Agrona.OneToOneConcurrentArrayQueue" -> queue(new OneToOneConcurrentArrayQueue<>(capacity));
            case "Agrona.ManyToOneConcurrentArrayQueue" -> queue(new ManyToOneConcurrentArrayQueue<>(capacity));
            case "Agrona.ManyToManyConcurrentArrayQueue" -> queue(new ManyToManyConcurrentArrayQueue<>(capacity));
            case "alternatives.StrictMpmcRing" -> strict(new dev.runnel.perf.ring.alternatives.StrictMpmcRing<>(capacity));
            case "Channel.busySpin" -> channel(dev.runnel.bounded.BoundedChannel.builder().capacity(capacity)
                    .singleProducer().singleConsumer().waitStrategy(dev.runnel.WaitStrategy.busySpin()).build());
            case "Channel.default" -> channel(dev.runnel.bounded.BoundedChannel.create(capacity));
            case "ArrayBlockingQueue" -> queue(new ArrayBlockingQueue<>(capacity));
            case "LinkedTransferQueue" -> queue(new LinkedTransferQueue<>());
            case "ConcurrentLinkedQueue" -> queue(new ConcurrentLinkedQueue<>());
            default -> throw new IllegalArgumentException("impl=" + name + ", unknown");
        };
    }

    private static QueueUnderTest ring(ObjectRing<Object> ring) {
        return new QueueUnderTest() {
            @Override
            public boolean offer(Object e) {
                return ring.offer(e);
            }

            @Override
            public Object poll() {
                return ring.poll();
            }
        };
    }

    private static QueueUnderTest strict(dev.runnel.perf.ring.alternatives.StrictMpmcRing<Object> ring) {
        return new QueueUnderTest() {
            @Override
            public boolean offer(Object e) {
                return ring.offer(e);
            }

            @Override
            public Object poll() {
                return ring.poll();
            }
        };
    }

    /** A channel's non-blocking operations: the channel layer over its ring. */
    private static QueueUnderTest channel(dev.runnel.Channel<Object> channel) {
        return new QueueUnderTest() {
            @Override
            public boolean offer(Object e) {
                return channel.trySend(e);
            }

            @Override
            public Object poll() {
                return channel.tryReceive();
            }
        };
    }

    private static QueueUnderTest queue(Queue<Object> queue) {
        return new QueueUnderTest() {
            @Override
            public boolean offer(Object e) {
                return queue.offer(e);
            }

            @Override
            public Object poll() {
                return queue.poll();
            }
        };
    }
}
