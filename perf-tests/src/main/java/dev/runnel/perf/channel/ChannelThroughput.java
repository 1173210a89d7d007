package dev.runnel.perf.channel;

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
 * One producer and one consumer (virtual threads by default) move batches of {@value #BATCH} values through a
 * buffered channel; the score is the time per message (Go's "buffered channel, 1 producer 1 consumer" shape).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class ChannelThroughput {
    static final int BATCH = 10_000;
    private static final Object VALUE = "value";

    @Param({"Runnel", "Jox", "ArrayBlockingQueue", "LinkedTransferQueue"})
    public String impl;

    @Param({"16", "1024"})
    public int capacity;

    @Param({"virtual"})
    public String carrier;

    private BatchWorker producer;
    private BatchWorker consumer;

    @Setup
    public void setUp() {
        boolean virtual = carrier.equals("virtual");
        BlockingChannelUnderTest channel = BlockingChannelUnderTest.create(impl, capacity);
        producer = new BatchWorker("producer", virtual, n -> {
            for (int i = 0; i < n; i++) {
                channel.send(VALUE);
            }
        });
        consumer = new BatchWorker("consumer", virtual, n -> {
            for (int i = 0; i < n; i++) {
                if (channel.receive() != VALUE) {
                    throw new AssertionError("wrong value");
                }
            }
        });
    }

    @TearDown
    public void tearDown() throws InterruptedException {
        producer.stop();
        consumer.stop();
    }

    /** One batch sent and received; the score is per message. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void transfer() {
        BatchWorker.transfer(producer, consumer, BATCH);
    }
}
