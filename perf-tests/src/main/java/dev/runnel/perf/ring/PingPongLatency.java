package dev.runnel.perf.ring;

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

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;

/**
 * Busy-spin round trip between two threads: the benchmark thread sends a token over one structure, an echo
 * thread sends it back over a second one. {@code raw} is the hardware floor: two volatile fields, no structure.
 *
 * <p>Run: {@code ./runnel bench PingPongLatency}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "-Xmx1g"})
public class PingPongLatency {
    private static final VarHandle PING;
    private static final VarHandle PONG;

    static {
        try {
            PING = MethodHandles.lookup().findVarHandle(PingPongLatency.class, "ping", long.class);
            PONG = MethodHandles.lookup().findVarHandle(PingPongLatency.class, "pong", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Param({"raw", "SpscRing", "JCTools.SpscArrayQueue", "Agrona.OneToOneConcurrentArrayQueue"})
    public String impl;

    QueueUnderTest there;
    QueueUnderTest back;
    Thread echo;
    volatile boolean running;

    // The raw floor's two fields; the padding keeps them on separate cache lines.
    long p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15;
    long ping;
    long q00, q01, q02, q03, q04, q05, q06, q07, q08, q09, q10, q11, q12, q13, q14, q15;
    long pong;
    long r00, r01, r02, r03, r04, r05, r06, r07, r08, r09, r10, r11, r12, r13, r14, r15;
    long token;

    @Setup(Level.Trial)
    public void startEcho() {
        running = true;
        if (impl.equals("raw")) {
            echo = Thread.ofPlatform().daemon().name("echo").start(this::echoRaw);
        } else {
            there = QueueUnderTest.create(impl, 1024);
            back = QueueUnderTest.create(impl, 1024);
            echo = Thread.ofPlatform().daemon().name("echo").start(this::echoQueue);
        }
    }

    @TearDown(Level.Trial)
    public void stopEcho() throws InterruptedException {
        running = false;
        echo.join();
    }

    private void echoRaw() {
        long seen = 0;
        while (running) {
            long v = (long) PING.getAcquire(this);
            if (v != seen) {
                seen = v;
                PONG.setRelease(this, v);
            } else {
                Thread.onSpinWait();
            }
        }
    }

    private void echoQueue() {
        final QueueUnderTest there = this.there;
        final QueueUnderTest back = this.back;
        while (running) {
            Object v = there.poll();
            if (v != null) {
                while (!back.offer(v)) {
                    Thread.onSpinWait();
                }
            } else {
                Thread.onSpinWait();
            }
        }
    }

    @Benchmark
    public long roundTrip() {
        if (there == null) {
            long v = ++token;
            PING.setRelease(this, v);
            while ((long) PONG.getAcquire(this) != v) {
                Thread.onSpinWait();
            }
            return v;
        }
        final Object sent = RingThroughput.ELEMENT;
        while (!there.offer(sent)) {
            Thread.onSpinWait();
        }
        Object got;
        while ((got = back.poll()) == null) {
            Thread.onSpinWait();
        }
        return got == sent ? 1 : 0;
    }
}
