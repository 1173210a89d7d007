package dev.runnel.perf.select;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * The cost of a select on one platform thread that never waits (a busy-spinning selector's hot loop): each
 * operation sends one value and selects one value.
 * <ul>
 *   <li>{@code ready=one}: the value just sent, round-robin over the channels, is the only one ready.</li>
 *   <li>{@code ready=all}: every channel holds a value; the select picks one and the channel it emptied is
 *       refilled.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class SelectOneThread {
    @Param({"Runnel", "Jox"})
    public String impl;

    @Param({"2", "4", "16", "128"})
    public int width;

    @Param({"one", "all"})
    public String ready;

    private SelectUnderTest select;
    private int next;
    private Object[] values;

    @Setup
    public void setUp() throws InterruptedException {
        select = SelectUnderTest.create(impl, width, true);
        values = new Object[width];
        for (int i = 0; i < width; i++) {
            values[i] = Integer.valueOf(i);   // the value names its channel, so "all" can refill the right one
            if (ready.equals("all")) {
                select.send(i, values[i]);
            }
        }
    }

    /** One send and one select. */
    @Benchmark
    public Object sendAndSelect() throws InterruptedException {
        if (ready.equals("one")) {
            int i = next;
            next = i + 1 == width ? 0 : i + 1;
            select.send(i, values[i]);
            return select.select();
        }
        Object v = select.select();
        select.send((Integer) v, v);
        return v;
    }
}
