package dev.runnel.perf.ring;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Two producers and one consumer: three threads on machines with two CPUs, so every thread yields
 * ({@link Thread#yield()}) after a failed offer or poll instead of spinning. The score to read is
 * {@code pollsMade}.
 *
 * <p>Run: {@code ./runnel bench MultiProducerThroughput}
 */
@State(Scope.Group)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "-Xmx1g"})
public class MultiProducerThroughput {

    @Param({"MpscRing", "JCTools.MpscArrayQueue", "Agrona.ManyToOneConcurrentArrayQueue",
            "MpmcRing", "JCTools.MpmcArrayQueue", "Agrona.ManyToManyConcurrentArrayQueue",
            "ArrayBlockingQueue"})
    public String impl;

    @Param({"1024"})
    public int capacity;

    QueueUnderTest queue;

    @Setup(Level.Iteration)
    public void createQueue() {
        queue = QueueUnderTest.create(impl, capacity);
    }

    @Benchmark
    @Group("yielding2p")
    @GroupThreads(2)
    public void offer(RingThroughput.OfferCounters counters) {
        if (queue.offer(RingThroughput.ELEMENT)) {
            counters.offersMade++;
        } else {
            counters.offersFailed++;
            Thread.yield();
        }
    }

    @Benchmark
    @Group("yielding2p")
    @GroupThreads(1)
    public void poll(RingThroughput.PollCounters counters) {
        if (queue.poll() == null) {
            counters.pollsFailed++;
            Thread.yield();
        } else {
            counters.pollsMade++;
        }
    }
}
