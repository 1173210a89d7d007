package dev.runnel.examples;

import dev.runnel.Channel;
import dev.runnel.bounded.BoundedChannel;
import dev.runnel.routines.Routine;
import dev.runnel.select.Selector;
import org.HdrHistogram.Histogram;

import java.util.concurrent.atomic.AtomicReference;

/**
 * A stage that selects over several inputs, Go style: two producers (say, prices and orders) each feed their own
 * channel; one consumer selects over both with a reused {@link Selector} (fair, nothing allocated per select),
 * checks each input's order, and disables an input once it is closed and drained (Go's nil channel). A shared
 * free list recycles the messages.
 *
 * <pre>
 *   prices ──a (1024)──┐
 *                      ├──► select ──► consumer
 *   orders ──b (1024)──┘                  │
 *     ▲   ▲                               │
 *     └───┴──────────free (2048)──────────┘
 * </pre>
 */
final class SelectPipeline {
    private SelectPipeline() {
    }

    static Pipeline.Result run(Stages stages, long messages) throws Exception {
        final int capacity = Pipeline.CAPACITY;
        final Channel<Message> a = BoundedChannel.create(capacity);
        final Channel<Message> b = BoundedChannel.create(capacity);
        final Channel<Message> free = BoundedChannel.create(2 * capacity);
        for (int i = 0; i < 2 * capacity; i++) {
            free.send(new Message());
        }
        final long perInput = messages / 2;
        final Histogram histogram = new Histogram(60_000_000_000L, 3);
        final long start = System.nanoTime();
        final AtomicReference<Routine<Long>> consumer = new AtomicReference<>();
        stages.scope(s -> {
            s.go(() -> produce(a, free, perInput));
            s.go(() -> produce(b, free, perInput));
            consumer.set(s.go(() -> {
                long[] next = new long[2];
                try (Selector selector = Selector.create()) {
                    Selector.ReceiveCase<Message> fromA = selector.receive(a);
                    Selector.ReceiveCase<Message> fromB = selector.receive(b);
                    int open = 2;
                    while (open > 0) {
                        Selector.ReceiveCase<?> c = (Selector.ReceiveCase<?>) selector.select();
                        if (c.isClosed()) {
                            c.disable();
                            open--;
                            continue;
                        }
                        Message m = c == fromA ? fromA.value() : fromB.value();
                        histogram.recordValue(Math.max(0, System.nanoTime() - m.sentAtNanos));
                        int input = c.index();
                        if (m.sequence != next[input]) {
                            throw new IllegalStateException("input " + input + ": expected message "
                                    + next[input] + ", got " + m.sequence);
                        }
                        next[input]++;
                        free.send(m);
                    }
                }
                if (next[0] != perInput || next[1] != perInput) {
                    throw new IllegalStateException("received " + next[0] + " + " + next[1] + " of 2 x " + perInput);
                }
                return System.nanoTime();
            }));
        });
        return new Pipeline.Result("select, " + stages.name(), 2 * perInput, consumer.get().join() - start,
                histogram);
    }

    private static Void produce(Channel<Message> out, Channel<Message> free, long count) throws InterruptedException {
        for (long sequence = 0; sequence < count; sequence++) {
            Message m = free.receive();
            m.sequence = sequence;
            m.sentAtNanos = System.nanoTime();
            out.send(m);
        }
        out.close();   // the selecting consumer disables this input once drained
        return null;
    }
}
