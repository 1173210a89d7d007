package dev.runnel.stress.channel;

import dev.runnel.Channel;
import dev.runnel.WaitStrategy;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 100,000 virtual threads send and receive through one shared channel: half send 10 values each, half
 * receive 10 each. Count and checksum prove that nothing is lost or duplicated, and that every blocked
 * routine was woken (the test would hang otherwise). Then millions of values through 4 producers and 4
 * receivers.
 */
@Timeout(300)
class VirtualThreadChannelStressTest {
    private static final int ROUTINES = 100_000;
    private static final int PER_ROUTINE = 10;

    static List<ChannelKind> kinds() {
        return List.of(
                ChannelKind.bounded(0, WaitStrategy.defaultStrategy()),
                ChannelKind.bounded(64, WaitStrategy.park()),
                ChannelKind.bounded(1024, WaitStrategy.defaultStrategy()),
                ChannelKind.unboundedKind(WaitStrategy.defaultStrategy()),
                ChannelKind.priority(16, WaitStrategy.park()));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void hundredThousandVirtualThreads(ChannelKind kind) {
        Channel<Long> channel = kind.createTyped();
        LongAdder count = new LongAdder();
        LongAdder checksum = new LongAdder();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        int pairs = ROUTINES / 2;
        try (ExecutorService routines = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int r = 0; r < pairs; r++) {
                long sender = r;
                routines.submit(() -> {
                    try {
                        for (long i = 0; i < PER_ROUTINE; i++) {
                            channel.send(sender * PER_ROUTINE + i);
                        }
                    } catch (Throwable t) {
                        failures.add(t);
                    }
                });
                routines.submit(() -> {
                    try {
                        for (int i = 0; i < PER_ROUTINE; i++) {
                            long v = channel.receive();
                            count.increment();
                            checksum.add(mix(v));
                        }
                    } catch (Throwable t) {
                        failures.add(t);
                    }
                });
            }
        }
        assertTrue(failures.isEmpty(), () -> failures.size() + " failures, first: " + failures.peek());
        long n = (long) pairs * PER_ROUTINE;
        long expected = 0;
        for (long v = 0; v < n; v++) {
            expected += mix(v);
        }
        assertEquals(n, count.sum(), "count");
        assertEquals(expected, checksum.sum(), "checksum");
        assertEquals(0, channel.size(), "nothing left over");
    }

    /** 4 producers and 4 receivers move 2,000,000 values: count, checksum and per-producer order. */
    @ParameterizedTest
    @MethodSource("kinds")
    void twoMillionValues(ChannelKind kind) throws Exception {
        ChannelContractTest.checkExactlyOnce(kind, 4, 4, 500_000);
    }

    /** The single-consumer ring under 4 producers: 2,000,000 values. */
    @ParameterizedTest
    @MethodSource("singleConsumerKinds")
    void twoMillionValuesOneReceiver(ChannelKind kind) throws Exception {
        ChannelContractTest.checkExactlyOnce(kind, 4, 1, 500_000);
    }

    static List<ChannelKind> singleConsumerKinds() {
        return List.of(ChannelKind.singleConsumer(1, WaitStrategy.park()),
                ChannelKind.singleConsumer(256, WaitStrategy.defaultStrategy()));
    }

    private static long mix(long v) {
        long x = v * 0x9E3779B97F4A7C15L;
        return x ^ (x >>> 31);
    }
}
