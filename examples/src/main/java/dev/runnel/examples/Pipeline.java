package dev.runnel.examples;

import org.HdrHistogram.Histogram;

import java.util.function.IntFunction;

/**
 * Two stages on two threads: a producer stamps pooled messages and sends them down one pipe; a consumer records
 * each message's latency and returns it to the producer up a second pipe. Both threads busy-spin (one per CPU on
 * a two-CPU machine). Nothing is allocated per message.
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
        final Pipe forward = pipes.apply(CAPACITY);
        final Pipe pool = pipes.apply(2 * CAPACITY);
        for (int i = 0; i < 2 * CAPACITY; i++) {
            if (!pool.offer(new Message())) {
                throw new IllegalStateException("pool pipe refused message " + i);
            }
        }
        final Histogram histogram = new Histogram(60_000_000_000L, 3);
        final long[] endNanos = new long[1];

        Thread consumer = Thread.ofPlatform().name("stage-2-consumer").start(() -> {
            for (long received = 0; received < messages; ) {
                Message m = forward.poll();
                if (m == null) {
                    Thread.onSpinWait();
                    continue;
                }
                long latency = System.nanoTime() - m.sentAtNanos;
                histogram.recordValue(Math.max(0, latency));
                if (m.sequence != received) {
                    throw new IllegalStateException("expected message " + received + ", got " + m.sequence);
                }
                received++;
                while (!pool.offer(m)) {
                    Thread.onSpinWait();
                }
            }
            endNanos[0] = System.nanoTime();
        });

        final long start = System.nanoTime();
        Thread producer = Thread.ofPlatform().name("stage-1-producer").start(() -> {
            for (long sequence = 0; sequence < messages; sequence++) {
                Message m;
                while ((m = pool.poll()) == null) {
                    Thread.onSpinWait();
                }
                long due = start + sequence * intervalNanos;
                if (intervalNanos > 0) {
                    while (System.nanoTime() < due) {
                        Thread.onSpinWait();
                    }
                    m.sentAtNanos = due;
                } else {
                    m.sentAtNanos = System.nanoTime();
                }
                m.sequence = sequence;
                while (!forward.offer(m)) {
                    Thread.onSpinWait();
                }
            }
        });
        producer.join();
        consumer.join();
        return new Result(forward.name(), messages, endNanos[0] - start, histogram);
    }
}
