package dev.runnel.perf.message;

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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.lang.foreign.Arena;
import java.util.concurrent.TimeUnit;

/**
 * Binary messages, two producers and one consumer, all yielding ({@link Thread#yield()}) after a miss: three
 * threads on two CPUs. Only the transports that allow several producers. The score to read is
 * {@code messagesRead} per microsecond. Every transport has 64 KiB of records (the Disruptor: 1024
 * pre-allocated events) and reads at most 64 messages per call.
 *
 * <p>Run: {@code ./runnel bench MessageRingTwoProducerThroughput}
 */
@State(Scope.Group)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "-Xmx1g"})
public class MessageRingTwoProducerThroughput {
    @Param({"MessageRing.manyToOne", "Agrona.ManyToOneRingBuffer", "Disruptor.multi"})
    public String impl;

    @Param({"32", "256"})
    public int length;

    Arena arena;
    MessageTransport transport;

    @Setup(Level.Iteration)
    public void create() {
        arena = Arena.ofShared();
        transport = MessageTransport.create(impl, 64 * 1024, arena);
    }

    @TearDown(Level.Iteration)
    public void release() {
        arena.close();
    }

    @Benchmark
    @Group("yielding2p")
    @GroupThreads(2)
    public void write(MessageRingThroughput.WriteCounters counters) {
        if (transport.write(length)) {
            counters.writesMade++;
        } else {
            counters.writesFailed++;
            Thread.yield();
        }
    }

    @Benchmark
    @Group("yielding2p")
    @GroupThreads(1)
    public void read(MessageRingThroughput.ReadCounters counters) {
        int n = transport.read(MessageRingThroughput.READ_LIMIT);
        if (n == 0) {
            counters.readsEmpty++;
            Thread.yield();
        } else {
            counters.messagesRead += n;
        }
    }
}
