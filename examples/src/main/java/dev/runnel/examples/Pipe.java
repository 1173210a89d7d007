package dev.runnel.examples;

import dev.runnel.Channel;
import dev.runnel.WaitStrategy;
import dev.runnel.bounded.BoundedChannel;
import dev.runnel.ring.SpscRing;

import java.lang.foreign.Arena;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * What carries messages from one pipeline stage to the next, without allocating per message. {@link #send} is
 * called by the producer stage only, {@link #receive} by the consumer stage only.
 */
interface Pipe {
    /** Sends one message; {@code false} if the pipe is full (nothing sent). */
    boolean send(long sequence, long sentAtNanos);

    /** Receives one message into {@code into}; {@code false} if none is ready. */
    boolean receive(Message into);

    String name();

    /** Runnel's SPSC object ring, with pooled message objects. */
    static Pipe spscRing(int capacity) {
        SpscRing<Message> forward = new SpscRing<>(capacity);
        return new ObjectPipe("Runnel SpscRing", forward::offer, forward::poll, capacity);
    }

    /**
     * Runnel's bounded channel, single producer and consumer, busy-spin wait strategy, through its non-blocking
     * {@code trySend}/{@code tryReceive}: the channel layer (close, exact capacity) over its ring.
     */
    static Pipe channel(int capacity) {
        Channel<Message> forward = BoundedChannel.<Message>builder().capacity(capacity).singleProducer()
                .singleConsumer().waitStrategy(WaitStrategy.busySpin()).build();
        return new ObjectPipe("Runnel BoundedChannel", forward::trySend, forward::tryReceive, capacity);
    }

    /** The JDK's ArrayBlockingQueue (offer/poll, spinning), with pooled message objects. */
    static Pipe arrayBlockingQueue(int capacity) {
        ArrayBlockingQueue<Message> forward = new ArrayBlockingQueue<>(capacity);
        return new ObjectPipe("JDK ArrayBlockingQueue", forward::offer, forward::poll, capacity);
    }

    /** Runnel's off-heap one-to-one message ring: messages are encoded as 16 bytes in native memory. */
    static Pipe messageRing(int capacity) {
        return new MessageRingPipe(Arena.ofAuto(), capacity);
    }
}
