package dev.runnel.perf.routines;

import dev.runnel.Channel;
import dev.runnel.bounded.BoundedChannel;
import dev.runnel.routines.Routine;
import dev.runnel.routines.Routines;
import dev.runnel.routines.Scheduler;
import dev.runnel.routines.SchedulerStats;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
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

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * Round trip between two routines over two rendezvous channels (Go's unbuffered ping-pong): an echo routine
 * lives for the trial; each invocation starts a driver routine doing {@value #BATCH} round trips and joins it.
 *
 * <p>{@code scheduler}: {@code jdk} (the JDK's default virtual-thread scheduler, via {@code Routines.go}),
 * {@code pinned} (a Runnel scheduler of 2 carriers pinned to CPUs 0 and 1, spin-yield-park idling), and
 * {@code unpinned} (the same carriers, not pinned).
 *
 * <p>With {@code -jvmArgsAppend -Drunnel.bench.stats=true}, each iteration on a Runnel scheduler prints what the
 * carriers did per round trip (tasks run, steals, idle parks): two tasks per round trip means that every
 * hand-off parked a routine and resumed it through a queue.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "--add-opens=java.base/java.lang=ALL-UNNAMED",
        "--enable-native-access=ALL-UNNAMED"})
@State(Scope.Benchmark)
public class RoutinePingPong {
    static final int BATCH = 10_000;
    private static final Integer VALUE = 7;

    @Param({"jdk", "pinned", "unpinned"})
    public String scheduler;

    private Scheduler runnel;
    private Channel<Integer> ping;
    private Channel<Integer> pong;
    private Routine<Void> echo;
    private long roundTrips;
    private SchedulerStats before;

    @Setup
    public void setUp() {
        ping = BoundedChannel.create(0);
        pong = BoundedChannel.create(0);
        if (!scheduler.equals("jdk")) {
            runnel = Scheduler.builder().workers(2).pinned(scheduler.equals("pinned")).name("pingpong").build();
            if (!runnel.usesVirtualThreads()) {
                throw new IllegalStateException("the fork needs --add-opens java.base/java.lang=ALL-UNNAMED");
            }
        }
        echo = go(() -> {
            while (true) {
                pong.send(ping.receive());
            }
        });
    }

    private <T> Routine<T> go(Callable<T> body) {
        return runnel == null ? Routines.go(body) : runnel.go(body);
    }

    @TearDown
    public void tearDown() throws InterruptedException {
        echo.cancel();
        try {
            echo.join();
        } catch (java.util.concurrent.CancellationException expected) {
            // the echo loop ends by cancellation
        }
        if (runnel != null) {
            runnel.close();
        }
    }

    @Setup(Level.Iteration)
    public void startIteration() {
        roundTrips = 0;
        before = runnel == null ? null : runnel.stats();
    }

    @TearDown(Level.Iteration)
    public void endIteration() {
        if (before == null || !Boolean.getBoolean("runnel.bench.stats") || roundTrips == 0) {
            return;
        }
        final SchedulerStats after = runnel.stats();
        final StringBuilder sb = new StringBuilder("per round trip:");
        for (int i = 0; i < after.carriers().size(); i++) {
            final var a = after.carriers().get(i);
            final var b = before.carriers().get(i);
            sb.append(String.format(" | carrier %d: tasks %.3f steals %.3f idleParks %.4f", i,
                    (double) (a.tasks() - b.tasks()) / roundTrips, (double) (a.steals() - b.steals()) / roundTrips,
                    (double) (a.idleParks() - b.idleParks()) / roundTrips));
        }
        System.out.println(sb);
    }

    /** {@value #BATCH} round trips by a driver routine; the score is per round trip. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Integer roundTrip() throws InterruptedException {
        roundTrips += BATCH;
        return go(() -> {
            int sum = 0;
            for (int i = 0; i < BATCH; i++) {
                ping.send(VALUE);
                sum += pong.receive();
            }
            return sum;
        }).join();
    }
}
