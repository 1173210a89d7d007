package dev.runnel.examples;

import dev.runnel.Channel;
import dev.runnel.bounded.BoundedChannel;
import dev.runnel.routines.Routine;
import org.HdrHistogram.Histogram;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The pipeline written the way a Go programmer would write it: two routines in a structured scope (on the JDK's
 * virtual-thread scheduler, or on Runnel's pinned carriers), joined by a channel, blocking {@code send} and {@code receive} with the default spin-then-park wait strategy, the end of
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

    static Pipeline.Result run(Stages stages, long messages) throws Exception {
        final int capacity = Pipeline.CAPACITY;
        final Channel<Message> work = BoundedChannel.create(capacity);
        final Channel<Message> free = BoundedChannel.create(capacity);
        for (int i = 0; i < capacity; i++) {
            free.send(new Message());
        }
        final Histogram histogram = new Histogram(60_000_000_000L, 3);
        final AtomicReference<Routine<Long>> consumer = new AtomicReference<>();
        final long start = System.nanoTime();
        stages.scope(s -> {
            s.go(() -> {
                for (long sequence = 0; sequence < messages; sequence++) {
                    Message m = free.receive();
                    m.sequence = sequence;
                    m.sentAtNanos = System.nanoTime();
                    work.send(m);
                }
                work.close();   // the consumer's loop ends once it has drained the channel
                return null;
            });
            consumer.set(s.go(() -> {
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
            }));
        });   // the scope has waited for both stages; a failure of either would be rethrown here
        return new Pipeline.Result("channels, " + stages.name(), messages, consumer.get().join() - start, histogram);
    }
}
