package dev.runnel.perf.ring;

import org.openjdk.jmh.annotations.AuxCounters;
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
 * One producer, one consumer, both busy-spinning (no back-off), after JCTools' {@code QueueThroughputBackoffNone}:
 * the score to read is {@code pollsMade} (elements moved per microsecond); failed offers and polls are counted
 * too, so a structure cannot look fast by failing fast.
 *
 * <p>Run: {@code ./runnel bench 'ring\.RingThroughput' -prof gc}
 */
@State(Scope.Group)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "-Xmx1g"})
public class RingThroughput {
    /** The element moved: one shared object, so that only the structure is measured. */
    static final Object ELEMENT = 1;

    @Param({"SpscRing", "JCTools.SpscArrayQueue", "Agrona.OneToOneConcurrentArrayQueue",
            "MpscRing", "JCTools.MpscArrayQueue", "Agrona.ManyToOneConcurrentArrayQueue",
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

    /** Offer-side counters, reported per microsecond like the score. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class OfferCounters {
        public long offersFailed;
        public long offersMade;
    }

    /** Poll-side counters; {@code pollsMade} is the throughput. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class PollCounters {
        public long pollsFailed;
        public long pollsMade;
    }

    @Benchmark
    @Group("tpt")
    @GroupThreads(1)
    public void offer(OfferCounters counters) {
        if (queue.offer(ELEMENT)) {
            counters.offersMade++;
        } else {
            counters.offersFailed++;
        }
    }

    @Benchmark
    @Group("tpt")
    @GroupThreads(1)
    public void poll(PollCounters counters) {
        if (queue.poll() == null) {
            counters.pollsFailed++;
        } else {
            counters.pollsMade++;
        }
    }
}
