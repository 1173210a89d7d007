package dev.runnel.perf.channel;

import dev.runnel.Channel;
import dev.runnel.WaitStrategy;
import dev.runnel.bounded.BoundedChannel;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.SynchronousQueue;

/**
 * A blocking channel (or the JDK queue that plays its part), behind one interface. Each JMH fork uses one
 * implementation, so the call sites stay monomorphic.
 */
public interface BlockingChannelUnderTest {
    void send(Object value) throws InterruptedException;

    Object receive() throws InterruptedException;

    /**
     * Ours and the peers by {@code @Param} name; {@code capacity} 0 asks for a rendezvous channel.
     * "LinkedTransferQueue" is {@code transfer}/{@code take} at capacity 0, {@code put}/{@code take} otherwise
     * (unbounded).
     */
    static BlockingChannelUnderTest create(String name, int capacity) {
        return switch (name) {
            case "Runnel" -> runnel(BoundedChannel.create(capacity));
            case "Runnel.park" -> runnel(BoundedChannel.builder().capacity(capacity)
                    .waitStrategy(WaitStrategy.park()).build());
            case "Runnel.singleConsumer" -> runnel(BoundedChannel.builder().capacity(capacity).singleConsumer()
                    .build());
            case "Jox" -> jox(capacity == 0 ? com.softwaremill.jox.Channel.newRendezvousChannel()
                    : com.softwaremill.jox.Channel.newBufferedChannel(capacity));
            case "SynchronousQueue" -> {
                if (capacity != 0) {
                    throw new IllegalArgumentException("SynchronousQueue has capacity 0, not " + capacity);
                }
                yield queue(new SynchronousQueue<>());
            }
            case "ArrayBlockingQueue" -> queue(new ArrayBlockingQueue<>(Math.max(1, capacity)));
            case "LinkedTransferQueue" -> capacity == 0 ? transfer(new LinkedTransferQueue<>())
                    : queue(new LinkedTransferQueue<>());
            default -> throw new IllegalArgumentException("impl=" + name + ", unknown");
        };
    }

    private static BlockingChannelUnderTest runnel(Channel<Object> channel) {
        return new BlockingChannelUnderTest() {
            @Override
            public void send(Object value) throws InterruptedException {
                channel.send(value);
            }

            @Override
            public Object receive() throws InterruptedException {
                return channel.receive();
            }
        };
    }

    private static BlockingChannelUnderTest jox(com.softwaremill.jox.Channel<Object> channel) {
        return new BlockingChannelUnderTest() {
            @Override
            public void send(Object value) throws InterruptedException {
                channel.send(value);
            }

            @Override
            public Object receive() throws InterruptedException {
                return channel.receive();
            }
        };
    }

    private static BlockingChannelUnderTest queue(BlockingQueue<Object> queue) {
        return new BlockingChannelUnderTest() {
            @Override
            public void send(Object value) throws InterruptedException {
                queue.put(value);
            }

            @Override
            public Object receive() throws InterruptedException {
                return queue.take();
            }
        };
    }

    private static BlockingChannelUnderTest transfer(LinkedTransferQueue<Object> queue) {
        return new BlockingChannelUnderTest() {
            @Override
            public void send(Object value) throws InterruptedException {
                queue.transfer(value);
            }

            @Override
            public Object receive() throws InterruptedException {
                return queue.take();
            }
        };
    }
}
