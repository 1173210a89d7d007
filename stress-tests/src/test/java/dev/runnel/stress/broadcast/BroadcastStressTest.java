package dev.runnel.stress.broadcast;

import dev.runnel.WaitStrategy;
import dev.runnel.broadcast.BroadcastChannel;
import dev.runnel.broadcast.LagPolicy;
import dev.runnel.broadcast.LappedException;
import dev.runnel.broadcast.Subscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Broadcast under load: two senders (or one, on a single-sender channel), three subscribers, millions of values.
 * BLOCK: every subscriber sees every value once, each sender's values in order (count, checksum, per-sender order).
 * LAP: every subscriber sees each sender's values in increasing order, and what it received plus what it was told
 * it missed is everything.
 */
@Timeout(300)
class BroadcastStressTest {
    private static final int SENDERS = 2;
    private static final int SUBSCRIBERS = 3;
    private static final long PER_SENDER = 1_000_000;

    @Test
    void blockEverySubscriberSeesEveryValueOnceInOrder() throws Exception {
        assertEveryValueOnce(run(BroadcastChannel.create(256), SENDERS), SENDERS * PER_SENDER);
    }

    @Test
    void lapReceivedPlusMissedIsEverything() throws Exception {
        BroadcastChannel<Long> ch = BroadcastChannel.<Long>builder().capacity(64).policy(LagPolicy.LAP).build();
        assertNothingUnaccounted(run(ch, SENDERS), SENDERS * PER_SENDER);
    }

    @Test
    void singleSenderBlockEverySubscriberSeesEveryValueOnceInOrder() throws Exception {
        BroadcastChannel<Long> ch = BroadcastChannel.<Long>builder().capacity(256).singleSender().build();
        assertEveryValueOnce(run(ch, 1), PER_SENDER);
    }

    @Test
    void singleSenderYieldingSubscribersBlockSeeEveryValue() throws Exception {
        BroadcastChannel<Long> ch = BroadcastChannel.<Long>builder().capacity(64).singleSender()
                .waitStrategy(WaitStrategy.yielding(100)).build();   // subscribers never park: sends never fence
        // Platform threads: virtual threads that yield and never park can keep the sender from ever being mounted.
        assertEveryValueOnce(run(ch, 1, Thread.ofPlatform()), PER_SENDER);
    }

    @Test
    void singleSenderLapReceivedPlusMissedIsEverything() throws Exception {
        BroadcastChannel<Long> ch = BroadcastChannel.<Long>builder().capacity(64).policy(LagPolicy.LAP)
                .singleSender().build();
        assertNothingUnaccounted(run(ch, 1), PER_SENDER);
    }

    private static void assertEveryValueOnce(List<long[]> results, long n) {
        for (long[] r : results) {
            assertEquals(n, r[0], "received");
            assertEquals(n * (n - 1) / 2, r[1], "checksum");
            assertEquals(0, r[2], "missed");
        }
    }

    private static void assertNothingUnaccounted(List<long[]> results, long n) {
        for (long[] r : results) {
            assertEquals(n, r[0] + r[2], "received + missed");
            assertTrue(r[0] > 0);
        }
    }

    /** Returns, per subscriber: {received, sum, missed}. */
    private static List<long[]> run(BroadcastChannel<Long> ch, int sendersCount) throws InterruptedException {
        return run(ch, sendersCount, Thread.ofVirtual());
    }

    private static List<long[]> run(BroadcastChannel<Long> ch, int sendersCount, Thread.Builder threads)
            throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<long[]> results = new ArrayList<>();
        List<Thread> readers = new ArrayList<>();
        for (int k = 0; k < SUBSCRIBERS; k++) {
            Subscription<Long> s = ch.subscribe();
            long[] r = new long[3];
            results.add(r);
            readers.add(threads.start(() -> {
                long[] last = new long[SENDERS];
                java.util.Arrays.fill(last, -1);
                try (s) {
                    while (true) {
                        Long v;
                        try {
                            v = s.receive();
                        } catch (LappedException e) {
                            continue;
                        }
                        int sender = (int) (v / PER_SENDER);
                        if (v <= last[sender]) {
                            throw new AssertionError("sender " + sender + ": " + v + " after " + last[sender]);
                        }
                        last[sender] = v;
                        r[0]++;
                        r[1] += v;
                    }
                } catch (dev.runnel.ChannelClosedException end) {
                    r[2] = s.missed();
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        List<Thread> senders = new ArrayList<>();
        for (int p = 0; p < sendersCount; p++) {
            long base = p * PER_SENDER;
            senders.add(threads.start(() -> {
                try {
                    for (long v = base; v < base + PER_SENDER; v++) {
                        ch.send(v);
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        for (Thread t : senders) {
            t.join();
        }
        ch.close();   // after the senders' last sends (joined): what a single-sender channel asks
        for (Thread t : readers) {
            t.join();
        }
        assertNull(failure.get(), () -> String.valueOf(failure.get()));
        return results;
    }
}
