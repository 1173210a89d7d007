package dev.runnel.perf.select;

import dev.runnel.perf.channel.BatchWorker;
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
 * Go's select benchmark shape: one producer sends round-robin over {@code width} buffered(16) channels, one
 * consumer selects over all of them; both are virtual threads (they park when blocked). The score is the time
 * per message.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class SelectThroughput {
    static final int BATCH = 10_000;

    @Param({"Runnel", "Jox"})
    public String impl;

    @Param({"2", "4", "16", "128"})
    public int width;

    private BatchWorker producer;
    private BatchWorker consumer;

    @Setup
    public void setUp() {
        SelectUnderTest select = SelectUnderTest.create(impl, width, false);
        Object value = SelectUnderTest.VALUE;
        int[] next = {0};
        producer = new BatchWorker("producer", true, n -> {
            int w = select.width();
            int i = next[0];
            for (int k = 0; k < n; k++) {
                select.send(i, value);
                i = i + 1 == w ? 0 : i + 1;
            }
            next[0] = i;
        });
        consumer = new BatchWorker("consumer", true, n -> {
            for (int k = 0; k < n; k++) {
                if (select.select() != value) {
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

    /** One batch sent and selected; the score is per message. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void transfer() {
        BatchWorker.transfer(producer, consumer, BATCH);
    }
}
