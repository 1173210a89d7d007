package dev.runnel.stress.ring;

import dev.runnel.ring.MpmcRing;
import dev.runnel.ring.MpscRing;
import dev.runnel.ring.ObjectRing;
import dev.runnel.ring.SpscRing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many producers and consumers, 10 million values per ring. Each value encodes its producer and its sequence
 * number; each consumer records what it took in its own bit set and checks that every producer's values reach
 * it in increasing order. At the end the bit sets must be disjoint and cover every value: nothing lost,
 * nothing duplicated. The sum of the values is checked as well. Waiting threads yield (more threads than the
 * two CPUs of CI machines).
 */
class RingStressTest {
    static final int TOTAL = 10_000_000;

    /** A ring operation style: one element at a time, or in batches through fill and drain. */
    enum Mode { SINGLE, BATCH }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void spscOneProducerOneConsumer() throws Exception {
        run(new SpscRing<>(1024), 1, 1, Mode.SINGLE);
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void spscBatchesThroughASmallRing() throws Exception {
        run(new SpscRing<>(8), 1, 1, Mode.BATCH);
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void mpscFourProducersOneConsumer() throws Exception {
        run(new MpscRing<>(1024), 4, 1, Mode.SINGLE);
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void mpscFourProducersBatchingIntoASmallRing() throws Exception {
        run(new MpscRing<>(16), 4, 1, Mode.BATCH);
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void mpmcFourProducersFourConsumers() throws Exception {
        run(new MpmcRing<>(1024), 4, 4, Mode.SINGLE);
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void mpmcTwoProducersTwoConsumersBatchingThroughTwoSlots() throws Exception {
        run(new MpmcRing<>(2), 2, 2, Mode.BATCH);
    }

    private static void run(ObjectRing<Integer> ring, int producers, int consumers, Mode mode) throws Exception {
        final int perProducer = TOTAL / producers;
        final int total = perProducer * producers;
        final AtomicLong taken = new AtomicLong();
        final List<BitSet> seenByConsumer = new ArrayList<>();
        final List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch start = new CountDownLatch(1);
        final List<Thread> threads = new ArrayList<>();
        final long[] sums = new long[consumers];

        for (int p = 0; p < producers; p++) {
            final int producer = p;
            threads.add(Thread.ofPlatform().name("producer-" + p).unstarted(() -> {
                await(start);
                int next = 0;
                final int base = producer * perProducer;
                while (next < perProducer) {
                    if (mode == Mode.SINGLE) {
                        if (ring.offer(base + next)) {
                            next++;
                        } else {
                            Thread.yield();
                        }
                    } else {
                        final int from = next;
                        final int[] cursor = {from};
                        int added = ring.fill(() -> base + cursor[0]++, Math.min(64, perProducer - from));
                        next += added;
                        if (added == 0) {
                            Thread.yield();
                        }
                    }
                }
            }));
        }
        for (int c = 0; c < consumers; c++) {
            final BitSet seen = new BitSet(total);
            seenByConsumer.add(seen);
            final int consumer = c;
            threads.add(Thread.ofPlatform().name("consumer-" + c).unstarted(() -> {
                await(start);
                final int[] lastByProducer = new int[producers];
                java.util.Arrays.fill(lastByProducer, -1);
                long sum = 0;
                try {
                    while (taken.get() < total) {
                        int got;
                        if (mode == Mode.SINGLE) {
                            Integer v = ring.poll();
                            got = v == null ? 0 : 1;
                            if (v != null) {
                                sum += record(v, seen, lastByProducer, perProducer);
                            }
                        } else {
                            final long[] batchSum = {0};
                            got = ring.drain(v -> batchSum[0] += record(v, seen, lastByProducer, perProducer), 64);
                            sum += batchSum[0];
                        }
                        if (got == 0) {
                            Thread.yield();
                        } else {
                            taken.addAndGet(got);
                        }
                    }
                } catch (Throwable t) {
                    failures.add(t);
                    taken.set(Long.MAX_VALUE / 2);   // release the other consumers
                }
                sums[consumer] = sum;
            }));
        }
        threads.forEach(Thread::start);
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertTrue(failures.isEmpty(), () -> "consumer failed: " + failures);
        assertEquals(total, taken.get(), "values taken");
        BitSet union = new BitSet(total);
        long cardinality = 0;
        for (BitSet seen : seenByConsumer) {
            cardinality += seen.cardinality();
            union.or(seen);
        }
        assertEquals(total, union.cardinality(), "distinct values seen (nothing lost)");
        assertEquals(total, cardinality, "values seen in all (nothing duplicated)");
        long sum = 0;
        for (long s : sums) {
            sum += s;
        }
        assertEquals((long) total * (total - 1) / 2, sum, "checksum");
        assertNull(ring.poll());
        assertTrue(ring.isEmpty());
        assertEquals(0, ring.size());
        assertFalse(Thread.interrupted());
    }

    /** Marks {@code v} seen by this consumer and checks its producer's order; returns it for the sum. */
    private static int record(int v, BitSet seen, int[] lastByProducer, int perProducer) {
        if (seen.get(v)) {
            throw new AssertionError("duplicate " + v);
        }
        seen.set(v);
        int producer = v / perProducer;
        int sequence = v % perProducer;
        if (sequence <= lastByProducer[producer]) {
            throw new AssertionError("producer " + producer + " reordered: " + sequence + " after "
                    + lastByProducer[producer]);
        }
        lastByProducer[producer] = sequence;
        return v;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
