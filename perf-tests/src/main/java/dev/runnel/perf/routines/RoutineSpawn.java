package dev.runnel.perf.routines;

import dev.runnel.routines.Routine;
import dev.runnel.routines.Routines;
import dev.runnel.routines.Scheduler;
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
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * Spawn + join of a routine that returns at once, one at a time ({@link #one}) and in batches of
 * {@value #BATCH} started before any is joined ({@link #batch}), against a raw JDK virtual thread
 * ({@code Thread.ofVirtual().start(r)} then {@code join()}). The caller is the JMH platform thread.
 *
 * <p>{@code impl}: {@code Routines.go} (virtual thread on the JDK's scheduler, plus the routine's handle, name,
 * and result), {@code Scheduler.go} (virtual thread on a 2-carrier Runnel scheduler), {@code Thread.ofVirtual}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "--add-opens=java.base/java.lang=ALL-UNNAMED",
        "--enable-native-access=ALL-UNNAMED"})
@State(Scope.Benchmark)
public class RoutineSpawn {
    static final int BATCH = 1_000;
    private static final Integer RESULT = 42;

    @Param({"Routines.go", "Scheduler.go", "Thread.ofVirtual"})
    public String impl;

    private Scheduler scheduler;
    private final Routine<?>[] routines = new Routine<?>[BATCH];
    private final Thread[] threads = new Thread[BATCH];
    private final Thread.Builder.OfVirtual virtual = Thread.ofVirtual();

    @Setup
    public void setUp() {
        if (impl.equals("Scheduler.go")) {
            scheduler = Scheduler.builder().workers(2).name("bench").build();
            if (!scheduler.usesVirtualThreads()) {
                throw new IllegalStateException("the fork needs --add-opens java.base/java.lang=ALL-UNNAMED");
            }
        }
    }

    @TearDown
    public void tearDown() {
        if (scheduler != null) {
            scheduler.close();
        }
    }

    private static Integer work() {
        return RESULT;
    }

    /** One spawn, then its join. */
    @Benchmark
    public Object one() throws InterruptedException {
        return switch (impl) {
            case "Routines.go" -> Routines.go(RoutineSpawn::work).join();
            case "Scheduler.go" -> scheduler.go(RoutineSpawn::work).join();
            default -> {
                final Thread t = virtual.start(RoutineSpawn::work);
                t.join();
                yield t;
            }
        };
    }

    /**
     * A routine (a virtual thread on the same scheduler; for {@code Thread.ofVirtual}, a virtual thread) spawns
     * {@value #BATCH}, then joins them; the JMH thread joins that caller. The score is per spawned routine.
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void batchFromRoutine(Blackhole bh) throws Exception {
        switch (impl) {
            case "Routines.go" -> Routines.go(() -> spawnAndJoin(bh)).join();
            case "Scheduler.go" -> scheduler.go(() -> spawnAndJoin(bh)).join();
            default -> {
                final Thread caller = virtual.start(() -> {
                    try {
                        spawnAndJoin(bh);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
                caller.join();
            }
        }
    }

    /** {@value #BATCH} spawns, then their joins; the score is per routine. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void batch(Blackhole bh) throws InterruptedException {
        spawnAndJoin(bh);
    }

    private Void spawnAndJoin(Blackhole bh) throws InterruptedException {
        switch (impl) {
            case "Routines.go" -> {
                for (int i = 0; i < BATCH; i++) {
                    routines[i] = Routines.go(RoutineSpawn::work);
                }
                for (Routine<?> r : routines) {
                    bh.consume(r.join());
                }
            }
            case "Scheduler.go" -> {
                for (int i = 0; i < BATCH; i++) {
                    routines[i] = scheduler.go(RoutineSpawn::work);
                }
                for (Routine<?> r : routines) {
                    bh.consume(r.join());
                }
            }
            default -> {
                for (int i = 0; i < BATCH; i++) {
                    threads[i] = virtual.start(RoutineSpawn::work);
                }
                for (Thread t : threads) {
                    t.join();
                }
            }
        }
        return null;
    }
}
