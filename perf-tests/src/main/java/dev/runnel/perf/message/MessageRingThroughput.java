package dev.runnel.perf.message;

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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.lang.foreign.Arena;
import java.util.concurrent.TimeUnit;

/**
 * Binary messages, one producer and one consumer, both busy-spinning. The score to read is {@code messagesRead}
 * per microsecond. Every transport has 64 KiB of records (the Disruptor: 1024
 * pre-allocated events) and reads at most 64 messages per call.
 *
 * <p>Run: {@code ./runnel bench MessageRingThroughput -prof gc}
 */
@State(Scope.Group)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "-Xmx1g"})
public class MessageRingThroughput {
    static final int READ_LIMIT = 64;

    @Param({"MessageRing.oneToOne", "Agrona.OneToOneRingBuffer", "Disruptor.single",
            "MessageRing.manyToOne", "Agrona.ManyToOneRingBuffer", "Disruptor.multi"})
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

    /** Write-side counters. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class WriteCounters {
        public long writesFailed;
        public long writesMade;
    }

    /** Read-side counters; {@code messagesRead} is the throughput. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class ReadCounters {
        public long readsEmpty;
        public long messagesRead;
    }

    @Benchmark
    @Group("tpt")
    @GroupThreads(1)
    public void write(WriteCounters counters) {
        if (transport.write(length)) {
            counters.writesMade++;
        } else {
            counters.writesFailed++;
        }
    }

    @Benchmark
    @Group("tpt")
    @GroupThreads(1)
    public void read(ReadCounters counters) {
        int n = transport.read(READ_LIMIT);
        if (n == 0) {
            counters.readsEmpty++;
        } else {
            counters.messagesRead += n;
        }
    }
}
