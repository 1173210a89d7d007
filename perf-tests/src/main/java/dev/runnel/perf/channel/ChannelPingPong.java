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
 * Round trip between two threads over a pair of channels: a driver sends on {@code ping} and receives on
 * {@code pong}; an echo receives on {@code ping} and sends on {@code pong}. Both are virtual threads or both are
 * platform threads ({@code carrier}); the JMH thread only starts batches of {@value #BATCH} round trips and parks
 * until they are done. Capacity 0 is the rendezvous shape (Go's unbuffered ping-pong, Jox's rendezvous,
 * {@code SynchronousQueue}, {@code LinkedTransferQueue.transfer}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class ChannelPingPong {
    static final int BATCH = 1_000;
    private static final Object VALUE = "ping";

    @Param({"Runnel", "Jox", "SynchronousQueue", "LinkedTransferQueue"})
    public String impl;

    @Param({"virtual", "platform"})
    public String carrier;

    @Param({"0"})
    public int capacity;

    private BatchWorker driver;
    private Thread echo;

    @Setup
    public void setUp() {
        boolean virtual = carrier.equals("virtual");
        BlockingChannelUnderTest ping = BlockingChannelUnderTest.create(impl, capacity);
        BlockingChannelUnderTest pong = BlockingChannelUnderTest.create(impl, capacity);
        echo = BatchWorker.background("echo", virtual, n -> {
            while (true) {
                pong.send(ping.receive());
            }
        });
        driver = new BatchWorker("driver", virtual, n -> {
            for (int i = 0; i < n; i++) {
                ping.send(VALUE);
                if (pong.receive() != VALUE) {
                    throw new AssertionError("wrong value");
                }
            }
        });
    }

    @TearDown
    public void tearDown() throws InterruptedException {
        driver.stop();
        echo.interrupt();
        echo.join(5_000);
    }

    /** One batch of round trips; the score is per round trip. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void roundTrip() {
        driver.await(driver.start(BATCH));
    }
}
