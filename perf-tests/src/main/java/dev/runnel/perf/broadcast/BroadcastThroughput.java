package dev.runnel.perf.broadcast;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Market-data fan-out: the benchmark thread sends batches of {@value #BATCH} longs, and 1 or 2 subscribers (platform
 * threads) read every one. The score is the time per value, from the first send until every subscriber has seen
 * the last value of the batch. With 1 subscriber the readers busy-spin (2 threads on 2 CPUs); with 2 they yield
 * (3 threads on 2 CPUs: spinning would measure the scheduler). Lossless pairs: {@code Runnel.block} and the
 * Disruptor's multicast (single producer, one BatchEventProcessor per reader); lapping pairs: {@code Runnel.lap}
 * and Agrona's BroadcastTransmitter with zero-copy BroadcastReceivers. {@code Runnel.single.*} are the same
 * channels built with {@code singleSender()} (the peers' shape: one sender); the others are CAS-claimed
 * multi-sender channels.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {"--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class BroadcastThroughput {
    static final int BATCH = 10_000;

    @Param({"Runnel.single.block", "Runnel.block", "Disruptor", "Runnel.single.lap", "Runnel.lap", "Agrona"})
    public String impl;

    @Param({"1", "2"})
    public int subscribers;

    private BroadcastUnderTest broadcast;
    private long next;

    @Setup
    public void setUp() {
        broadcast = BroadcastUnderTest.create(impl, subscribers, subscribers == 1);
    }

    @TearDown
    public void tearDown() throws InterruptedException {
        broadcast.stop();
    }

    /** One batch sent and seen by every subscriber; the score is per value. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void fanOut() throws InterruptedException {
        long v = next;
        long last = v + BATCH - 1;
        for (; v <= last; v++) {
            broadcast.send(v);
        }
        next = v;
        while (!broadcast.allSaw(last, subscribers)) {
            Thread.onSpinWait();
        }
    }
}
