package dev.runnel.stress.message;

import dev.runnel.ring.MessageRing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * 4 producers, 1 consumer, 10 million messages of random sizes through a many-to-one ring (and 1 producer through
 * a one-to-one ring). Each message carries its producer, its sequence number, and bytes derived from both: none
 * may be lost, duplicated, torn or reordered per producer. Producers use both {@code write} and zero-copy
 * {@code tryClaim}/{@code commit}. Waiting threads yield (more threads than CPUs).
 */
class MessageRingStressTest {
    static final long TOTAL = 10_000_000;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void manyToOneFourProducers() throws Exception {
        run(MessageRing::manyToOne, 4);
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void oneToOne() throws Exception {
        run(MessageRing::oneToOne, 1);
    }

    private static void run(java.util.function.Function<MemorySegment, MessageRing> kind, int producers)
            throws Exception {
        try (Arena arena = Arena.ofShared()) {
            MessageRing ring = kind.apply(arena.allocate(MessageRing.segmentSize(4096), 128));   // payloads 12..512 bytes
            int max = ring.maxMessageLength();
            long perProducer = TOTAL / producers;
            AtomicReference<String> failure = new AtomicReference<>();
            List<Thread> threads = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                final int producer = p;
                threads.add(Thread.ofPlatform().start(() -> {
                    MemorySegment scratch = MemorySegment.ofArray(new byte[max]);
                    for (long seq = 0; seq < perProducer && failure.get() == null; seq++) {
                        int length = CheckedMessages.length(producer, seq, max);
                        if ((seq & 1) == 0) {
                            CheckedMessages.fill(scratch, 0, producer, seq, length);
                            while (!ring.write(1 + producer, scratch, 0, length)) {
                                Thread.yield();
                            }
                        } else {
                            long index;
                            while ((index = ring.tryClaim(1 + producer, length)) < 0) {
                                Thread.yield();
                            }
                            CheckedMessages.fill(ring.buffer(), index, producer, seq, length);
                            ring.commit(index);
                        }
                    }
                }));
            }
            long[] nextSequence = new long[producers];
            long[] received = {0};
            while (received[0] < perProducer * producers && failure.get() == null) {
                int n = ring.read((type, buffer, offset, length) -> {
                    String problem = CheckedMessages.check(buffer, offset, length, max, producers);
                    int producer = CheckedMessages.producer(buffer, offset);
                    long seq = CheckedMessages.sequence(buffer, offset);
                    if (problem == null && type != producer + 1) {
                        problem = "type " + type + " for producer " + producer;
                    }
                    if (problem == null && seq != nextSequence[producer]) {
                        problem = "producer " + producer + ": sequence " + seq + ", expected " + nextSequence[producer];
                    }
                    if (problem != null) {
                        failure.compareAndSet(null, problem);
                        return;
                    }
                    nextSequence[producer]++;
                    received[0]++;
                }, 256);
                if (n == 0) {
                    Thread.yield();
                }
            }
            for (Thread t : threads) {
                t.join();
            }
            assertNull(failure.get());
            assertEquals(perProducer * producers, received[0]);
            long[] expected = new long[producers];
            java.util.Arrays.fill(expected, perProducer);
            assertArrayEquals(expected, nextSequence, "every producer's messages, none lost or duplicated");
            assertEquals(0, ring.read((t, b, o, l) -> { }, 10));
            assertEquals(0, ring.size());
        }
    }
}
