package dev.runnel.examples;

import org.HdrHistogram.Histogram;

import java.util.function.IntFunction;

/**
 * Two stages on two threads: a producer stamps messages and sends them through a {@link Pipe}; a consumer
 * records each message's latency and checks its sequence number. Both threads busy-spin (one per CPU on a
 * two-CPU machine). Nothing is allocated per message.
 *
 * <p>Saturated runs send as fast as the pipe takes messages: the throughput is the pipe's, and the latency is
 * mostly time spent queued. Paced runs send one message every {@code intervalNanos} and measure each message
 * from the moment it was due to be sent, not the moment it was sent, so a stall in the producer counts against
 * every message it delayed (no coordinated omission).
 */
final class Pipeline {
    static final int CAPACITY = 1024;

    record Result(String pipe, long messages, long elapsedNanos, Histogram latencyNanos) {
        double messagesPerSecond() {
            return messages * 1e9 / elapsedNanos;
        }
    }

    private Pipeline() {
    }

    static Result run(IntFunction<Pipe> pipes, long messages, long intervalNanos) throws InterruptedException {
        final Pipe pipe = pipes.apply(CAPACITY);
        final Histogram histogram = new Histogram(60_000_000_000L, 3);
        final long[] endNanos = new long[1];

        Thread consumer = Thread.ofPlatform().name("stage-2-consumer").daemon().start(() -> {
            final Message m = new Message();
            for (long received = 0; received < messages; ) {
                if (!pipe.receive(m)) {
                    Thread.onSpinWait();
                    continue;
                }
                long latency = System.nanoTime() - m.sentAtNanos;
                histogram.recordValue(Math.max(0, latency));
                if (m.sequence != received) {
                    throw new IllegalStateException("expected message " + received + ", got " + m.sequence);
                }
                received++;
            }
            endNanos[0] = System.nanoTime();
        });

        final long start = System.nanoTime();
        Thread producer = Thread.ofPlatform().name("stage-1-producer").daemon().start(() -> {
            for (long sequence = 0; sequence < messages; sequence++) {
                long due = start + sequence * intervalNanos;
                long sentAt;
                if (intervalNanos > 0) {
                    while (System.nanoTime() < due) {
                        Thread.onSpinWait();
                    }
                    sentAt = due;
                } else {
                    sentAt = System.nanoTime();
                }
                while (!pipe.send(sequence, sentAt)) {
                    Thread.onSpinWait();
                }
            }
        });
        // A pipe that loses or withholds a message would leave both stages spinning: fail loudly instead.
        final long budgetMillis = 60_000 + messages * Math.max(intervalNanos, 1_000) / 1_000_000;
        producer.join(budgetMillis);
        consumer.join(Math.max(1, budgetMillis - (System.nanoTime() - start) / 1_000_000));
        if (producer.isAlive() || consumer.isAlive()) {
            throw new IllegalStateException(pipe.name() + ": pipeline stalled after " + budgetMillis
                    + " ms (producer alive: " + producer.isAlive() + ", consumer alive: " + consumer.isAlive() + ")");
        }
        return new Result(pipe.name(), messages, endNanos[0] - start, histogram);
    }
}
