package dev.runnel.examples;

import dev.runnel.Channel;
import dev.runnel.bounded.BoundedChannel;
import org.HdrHistogram.Histogram;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The pipeline written the way a Go programmer would write it: two routines (virtual threads) joined by a
 * channel, blocking {@code send} and {@code receive} with the default spin-then-park wait strategy, the end of
 * the stream signalled by {@code close()}, and a second channel as the free list of message objects, so nothing
 * is allocated per message.
 *
 * <pre>
 *   producer ──work (1024)──► consumer
 *       ▲                        │
 *       └────────free (1024)─────┘
 * </pre>
 */
final class ChannelPipeline {
    private ChannelPipeline() {
    }

    static Pipeline.Result run(long messages) throws Exception {
        final int capacity = Pipeline.CAPACITY;
        final Channel<Message> work = BoundedChannel.create(capacity);
        final Channel<Message> free = BoundedChannel.create(capacity);
        for (int i = 0; i < capacity; i++) {
            free.send(new Message());
        }
        final Histogram histogram = new Histogram(60_000_000_000L, 3);
        final long start = System.nanoTime();
        try (ExecutorService routines = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> producer = routines.submit(() -> {
                for (long sequence = 0; sequence < messages; sequence++) {
                    Message m = free.receive();
                    m.sequence = sequence;
                    m.sentAtNanos = System.nanoTime();
                    work.send(m);
                }
                work.close();   // the consumer's loop ends once it has drained the channel
                return null;
            });
            Future<Long> consumer = routines.submit(() -> {
                long received = 0;
                for (Message m : work) {
                    histogram.recordValue(Math.max(0, System.nanoTime() - m.sentAtNanos));
                    if (m.sequence != received) {
                        throw new IllegalStateException("expected message " + received + ", got " + m.sequence);
                    }
                    received++;
                    free.send(m);
                }
                return System.nanoTime();
            });
            producer.get();
            long end = consumer.get();
            return new Pipeline.Result("Runnel channels, vthreads", messages, end - start, histogram);
        }
    }
}
