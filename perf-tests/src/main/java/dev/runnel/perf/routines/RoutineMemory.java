package dev.runnel.perf.routines;

import dev.runnel.Channel;
import dev.runnel.ChannelClosedException;
import dev.runnel.bounded.BoundedChannel;
import dev.runnel.routines.Routines;
import dev.runnel.routines.Scheduler;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Heap per parked routine: starts {@code n} routines that each block, measures the heap (after full
 * collections) before and once all are parked, then releases them. The secondary result
 * {@code bytesPerRoutine} is the figure (JMH sums an EVENTS counter over the measured iterations: divide the
 * score by their count, or read the per-iteration values in the JSON); the primary score is the time of the whole
 * round (spawn, park, release, end).
 *
 * <p>{@code impl}: {@code Routines.go} and {@code Scheduler.go} routines each block in {@code receive} on a
 * Runnel channel (1,000 channels, the channel's waiter node included); {@code Thread.ofVirtual} is the JDK
 * peer: bare virtual threads blocked on one {@link CountDownLatch}. A virtual thread's stack lives in the heap
 * (stack chunks), so heap usage counts it.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-XX:+UseG1GC",
        "--add-opens=java.base/java.lang=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED"})
@State(Scope.Benchmark)
public class RoutineMemory {
    private static final int CHANNELS = 1_000;

    @Param({"100000", "1000000"})
    public int n;

    @Param({"Routines.go", "Scheduler.go", "Thread.ofVirtual"})
    public String impl;

    private Scheduler scheduler;

    /** The figure, reported beside the time. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Footprint {
        public long bytesPerRoutine;

        @Setup(Level.Iteration)
        public void clear() {
            bytesPerRoutine = 0;
        }
    }

    @Setup
    public void setUp() {
        if (impl.equals("Scheduler.go")) {
            scheduler = Scheduler.builder().workers(2).name("memory").build();
        }
    }

    @TearDown
    public void tearDown() {
        if (scheduler != null) {
            scheduler.close();
        }
    }

    @Benchmark
    public long parkedRoutines(Footprint footprint) throws InterruptedException {
        final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        final LongAdder parked = new LongAdder();
        final CountDownLatch ended = new CountDownLatch(n);
        final long before = usedAfterGc(memory);
        final Runnable release;
        if (impl.equals("Thread.ofVirtual")) {
            final CountDownLatch latch = new CountDownLatch(1);
            final Thread.Builder builder = Thread.ofVirtual();
            for (int i = 0; i < n; i++) {
                builder.start(() -> {
                    parked.increment();
                    try {
                        latch.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    ended.countDown();
                });
            }
            release = latch::countDown;
        } else {
            final Channel<Integer>[] channels = channels();
            for (int i = 0; i < n; i++) {
                final Channel<Integer> ch = channels[i % CHANNELS];
                final Runnable body = () -> {
                    parked.increment();
                    try {
                        ch.receive();
                    } catch (ChannelClosedException | InterruptedException released) {
                        // the end of the measurement
                    }
                    ended.countDown();
                };
                if (scheduler != null) {
                    scheduler.go(body);
                } else {
                    Routines.go(body);
                }
            }
            release = () -> {
                for (Channel<Integer> ch : channels) {
                    ch.close();
                }
            };
        }
        while (parked.sum() < n) {
            Thread.sleep(1);
        }
        Thread.sleep(200); // let the last ones reach park
        final long after = usedAfterGc(memory);
        footprint.bytesPerRoutine = (after - before) / n;
        release.run();
        ended.await();
        return after - before;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Channel<Integer>[] channels() {
        final Channel<Integer>[] channels = new Channel[CHANNELS];
        for (int i = 0; i < CHANNELS; i++) {
            channels[i] = BoundedChannel.create(16);
        }
        return channels;
    }

    private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
