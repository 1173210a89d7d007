package dev.runnel.examples;

import dev.runnel.affinity.Affinity;
import dev.runnel.routines.Scheduler;
import org.HdrHistogram.Histogram;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * {@code ./runnel demo}: a two-stage pipeline on Runnel's rings beside the same pipeline on the JDK's
 * {@link java.util.concurrent.ArrayBlockingQueue}: throughput, then a latency distribution at a fixed rate; then
 * the same stages written Go's way (routines, channels, select), on the JDK's scheduler and on Runnel's pinned
 * carriers, and the scheduler's statistics.
 *
 * <p>Arguments (all optional): {@code messages=N} for the saturated runs (default 5,000,000), {@code paced=N}
 * for the paced runs (default 2,000,000), {@code rate=N} messages per second for the paced runs (default
 * 500,000).
 */
public final class Demo {
    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        long messages = 5_000_000;
        long paced = 2_000_000;
        long rate = 500_000;
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            long value = kv.length == 2 ? parse(arg, kv[1]) : -1;
            switch (kv[0]) {
                case "messages" -> messages = value;
                case "paced" -> paced = value;
                case "rate" -> rate = value;
                default -> usage("unknown argument: " + arg);
            }
        }
        if (messages < 1 || paced < 1) {
            usage("messages and paced must be >= 1");
        }
        if (rate < 1 || rate > 50_000_000) {
            usage("rate=" + rate + ", must be in [1, 50000000]");
        }

        PrintStream out = System.out;
        out.printf(Locale.ROOT, "Runnel demo: producer thread -> pipe (%d messages) -> consumer thread, both stages"
                + " busy-spinning, no allocation per message.%nPipes: Runnel's SpscRing of pooled objects, Runnel's"
                + " off-heap MessageRing (16-byte messages), Runnel's BoundedChannel (busy-spin), the JDK's"
                + " ArrayBlockingQueue.%nJava %s, %d CPUs.%n%n",
                Pipeline.CAPACITY,
                Runtime.version(), Runtime.getRuntime().availableProcessors());

        List<IntFunction<Pipe>> pipes = List.of(Pipe::spscRing, Pipe::messageRing, Pipe::channel,
                Pipe::arrayBlockingQueue);
        for (IntFunction<Pipe> pipe : pipes) {   // warm-up, discarded: let the JIT compile both pipelines
            Pipeline.run(pipe, 500_000, 0);
        }
        // the Go-style stages run as routines twice: on the JDK's virtual-thread scheduler, and on Runnel's
        // scheduler with one carrier pinned per CPU (NUMA placement: spread), idling spin -> yield -> park
        final int cpus = Runtime.getRuntime().availableProcessors();
        try (Scheduler scheduler = Scheduler.builder().workers(Math.min(cpus, 4)).pinned(true).name("demo").build()) {
            final List<Stages> stages = List.of(Stages.jdk(), Stages.pinned(scheduler));
            for (Stages where : stages) {   // warm-up, discarded
                ChannelPipeline.run(where, 500_000);
                SelectPipeline.run(where, 500_000);
            }

            out.printf(Locale.ROOT, "Saturated: %,d messages sent as fast as the pipe takes them"
                    + " (latency here is mostly queueing)%n", messages);
            header(out);
            for (IntFunction<Pipe> pipe : pipes) {
                row(out, Pipeline.run(pipe, messages, 0));
            }
            long interval = 1_000_000_000L / rate;
            out.printf(Locale.ROOT, "%nPaced: %,d messages at %,d msg/s, latency from the intended send time"
                    + " (corrected for coordinated omission)%n", paced, rate);
            header(out);
            for (IntFunction<Pipe> pipe : pipes) {
                row(out, Pipeline.run(pipe, paced, interval));
            }

            out.printf(Locale.ROOT, "%nGo style: producer and consumer routines in a structured scope, blocking"
                    + " send/receive on a channel of %d (spin, then park), close() ends the stream; %,d messages%n",
                    Pipeline.CAPACITY, messages);
            header(out);
            for (Stages where : stages) {
                row(out, ChannelPipeline.run(where, messages));
            }
            out.printf(Locale.ROOT, "%nSelect: two producer routines on their own channels, one consumer routine"
                    + " selecting over both with a reused Selector (fair, no allocation per select), inputs disabled"
                    + " as they close; %,d messages%n", messages);
            header(out);
            for (Stages where : stages) {
                row(out, SelectPipeline.run(where, messages));
            }
            out.printf(Locale.ROOT, "%nRunnel scheduler %s: routines as %s threads, carriers on CPUs %s%s%n  %s%n",
                    "demo", scheduler.usesVirtualThreads() ? "virtual" : "platform",
                    java.util.Arrays.toString(scheduler.cpus()),
                    Affinity.isAvailable() ? "" : " (not pinned: " + Affinity.unavailableReason() + ")",
                    scheduler.stats().summary());
        }
    }

    private static long parse(String arg, String value) {
        try {
            return Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            usage("not a number: " + arg);
            return -1;
        }
    }

    private static void usage(String problem) {
        System.err.println("demo: " + problem);
        System.err.println("usage: ./runnel demo [messages=N] [paced=N] [rate=MSG_PER_SECOND]");
        System.exit(2);
    }

    private static void header(PrintStream out) {
        out.printf(Locale.ROOT, "  %-32s %14s %9s %9s %9s %9s %9s %9s%n", "pipe", "msgs/s", "p50 µs", "p90 µs",
                "p99 µs", "p99.9 µs", "p99.99 µs", "max µs");
    }

    private static void row(PrintStream out, Pipeline.Result r) {
        Histogram h = r.latencyNanos();
        out.printf(Locale.ROOT, "  %-32s %,14.0f %9.2f %9.2f %9.2f %9.2f %9.2f %9.2f%n", r.pipe(),
                r.messagesPerSecond(), micros(h.getValueAtPercentile(50)), micros(h.getValueAtPercentile(90)),
                micros(h.getValueAtPercentile(99)), micros(h.getValueAtPercentile(99.9)),
                micros(h.getValueAtPercentile(99.99)), micros(h.getMaxValue()));
    }

    private static double micros(long nanos) {
        return nanos / 1000.0;
    }
}
