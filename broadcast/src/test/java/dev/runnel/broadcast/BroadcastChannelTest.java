package dev.runnel.broadcast;

import dev.runnel.ChannelClosedException;
import dev.runnel.WaitStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class BroadcastChannelTest {

    private static <T> BroadcastChannel.Builder<T> builder(int capacity, boolean singleSender) {
        BroadcastChannel.Builder<T> b = BroadcastChannel.<T>builder().capacity(capacity);
        return singleSender ? b.singleSender() : b;
    }

    @ParameterizedTest(name = "singleSender={0}")
    @ValueSource(booleans = {false, true})
    void everySubscriberReceivesEveryValueInOrder(boolean single) throws Exception {
        BroadcastChannel<Long> ch = BroadcastChannelTest.<Long>builder(64, single).build();
        int n = 300_000;
        List<Thread> readers = new ArrayList<>();
        List<AtomicReference<Throwable>> failures = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            Subscription<Long> s = ch.subscribe();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            failures.add(failure);
            readers.add(Thread.ofVirtual().start(() -> {
                long expected = 0;
                try (s) {
                    for (Long v : s) {
                        if (v != expected) {
                            throw new AssertionError("expected " + expected + ", got " + v);
                        }
                        expected++;
                    }
                    if (expected != n) {
                        throw new AssertionError("received " + expected + " of " + n);
                    }
                } catch (Throwable e) {
                    failure.set(e);
                }
            }));
        }
        for (long i = 0; i < n; i++) {
            ch.send(i);
        }
        ch.close();
        for (Thread t : readers) {
            t.join();
        }
        for (AtomicReference<Throwable> f : failures) {
            assertNull(f.get(), () -> String.valueOf(f.get()));
        }
    }

    @ParameterizedTest(name = "singleSender={0}")
    @ValueSource(booleans = {false, true})
    void blockHoldsTheSenderUntilTheSlowestReadsOrLeaves(boolean single) throws InterruptedException {
        BroadcastChannel<Integer> ch = BroadcastChannelTest.<Integer>builder(3, single).build();
        Subscription<Integer> fast = ch.subscribe();
        Subscription<Integer> slow = ch.subscribe();
        for (int i = 0; i < 3; i++) {
            assertTrue(ch.trySend(i));
            assertEquals(i, fast.receive());
        }
        assertFalse(ch.trySend(3), "slow is 3 behind: the sender is held");
        assertFalse(ch.send(3, Duration.ofMillis(5)), "timed out, nothing sent");
        assertEquals(0, slow.receive());
        assertTrue(ch.trySend(3));
        assertEquals(3, slow.lag());
        slow.close();
        assertEquals(1, ch.subscribers());
        assertTrue(ch.trySend(4), "a closed subscription holds no one back");
        assertThrows(ChannelClosedException.class, slow::tryReceive);
        assertEquals(3, fast.receive());
        assertEquals(4, fast.receive());
    }

    @ParameterizedTest(name = "singleSender={0}")
    @ValueSource(booleans = {false, true})
    void lapReportsTheMissedCountOnceThenContinuesFromTheOldestHeld(boolean single) throws InterruptedException {
        BroadcastChannel<Integer> ch = BroadcastChannelTest.<Integer>builder(8, single).policy(LagPolicy.LAP).build();
        Subscription<Integer> s = ch.subscribe();
        for (int i = 0; i < 8 + 5; i++) {
            assertTrue(ch.trySend(i), "LAP never holds the sender");
        }
        LappedException e = assertThrows(LappedException.class, s::receive);
        assertEquals(5, e.missed());
        assertEquals(5, s.missed());
        for (int i = 5; i < 13; i++) {
            assertEquals(i, s.receive(), "continues from the oldest value held");
        }
        assertNull(s.tryReceive());
        for (int i = 13; i < 13 + 100; i++) {
            ch.send(i);
        }
        e = assertThrows(LappedException.class, s::tryReceive);
        assertEquals(92, e.missed());
        assertEquals(97, s.missed());
        assertEquals(105, s.tryReceive());
    }

    @ParameterizedTest(name = "singleSender={0}")
    @ValueSource(booleans = {false, true})
    void subscribeStartsAtTheNextValueAndReplayFromTheOldestHeld(boolean single) throws InterruptedException {
        BroadcastChannel<Integer> ch = BroadcastChannelTest.<Integer>builder(4, single).build();
        for (int i = 0; i < 10; i++) {
            assertTrue(ch.trySend(i), "no subscriber: completes at once");
        }
        Subscription<Integer> next = ch.subscribe();
        Subscription<Integer> replay = ch.subscribeFromOldest();
        assertNull(next.tryReceive());
        assertFalse(ch.trySend(10), "the replaying subscriber is a whole capacity behind: BLOCK holds the sender");
        for (int i = 6; i < 10; i++) {
            assertEquals(i, replay.receive(), "the last 4 values");
        }
        ch.send(10);
        assertEquals(10, next.receive());
        assertEquals(10, replay.receive());
    }

    @ParameterizedTest(name = "singleSender={0}")
    @ValueSource(booleans = {false, true})
    void closeLetsEverySubscriberDrainThenEnds(boolean single) throws InterruptedException {
        BroadcastChannel<String> ch = BroadcastChannelTest.<String>builder(4, single).build();
        Subscription<String> a = ch.subscribe();
        Subscription<String> b = ch.subscribe();
        ch.send("x");
        ch.send("y");
        assertTrue(ch.close(new IllegalStateException("feed down")));
        assertFalse(ch.close());
        assertThrows(ChannelClosedException.class, () -> ch.send("z"));
        assertThrows(ChannelClosedException.class, ch::subscribe);
        assertEquals("x", a.receive());
        assertEquals("y", a.tryReceive());
        assertThrows(ChannelClosedException.class, a::tryReceive);
        assertEquals("x", b.receive());
        assertEquals("y", b.receive(Duration.ofSeconds(1)));
        ChannelClosedException e = assertThrows(ChannelClosedException.class, b::receive);
        assertEquals("feed down", e.getCause().getMessage());
        assertTrue(b.isClosedForReceive());
    }

    @ParameterizedTest(name = "singleSender={0}")
    @ValueSource(booleans = {false, true})
    void closeWakesAWaitingSubscriberAndSubscriptionCloseToo(boolean single) throws Exception {
        BroadcastChannel<String> ch = BroadcastChannelTest.<String>builder(4, single)
                .waitStrategy(WaitStrategy.park()).build();
        Subscription<String> s = ch.subscribe();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = Thread.ofVirtual().start(() -> {
            try {
                s.receive();
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        Thread.sleep(30);
        s.close();
        t.join();
        assertTrue(thrown.get() instanceof ChannelClosedException, String.valueOf(thrown.get()));

        Subscription<String> other = ch.subscribe();
        Thread u = Thread.ofVirtual().start(() -> {
            try {
                other.receive();
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        Thread.sleep(30);
        ch.close();
        u.join();
        assertTrue(thrown.get() instanceof ChannelClosedException);
    }

    @ParameterizedTest(name = "singleSender={0}")
    @ValueSource(booleans = {false, true})
    void subscribeAndLeaveUnderLoadSeesConsecutiveValues(boolean single) throws Exception {
        BroadcastChannel<Long> ch = BroadcastChannelTest.<Long>builder(32, single).build();
        AtomicLong sent = new AtomicLong();
        Thread sender = Thread.ofVirtual().start(() -> {
            try {
                for (long i = 0; i < 400_000; i++) {
                    ch.send(i);
                    sent.set(i);
                }
                ch.close();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        List<Thread> readers = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int k = 0; k < 4; k++) {
            readers.add(Thread.ofVirtual().start(() -> {
                try {
                    while (!ch.isClosedForSend()) {
                        try (Subscription<Long> s = ch.subscribe()) {
                            long previous = -1;
                            for (int i = 0; i < 1000; i++) {
                                long v = s.receive();
                                if (previous >= 0 && v != previous + 1) {
                                    throw new AssertionError("gap: " + previous + " then " + v);
                                }
                                previous = v;
                            }
                        }
                    }
                } catch (ChannelClosedException end) {
                    // the feed ended while subscribed, or between a check and subscribe()
                } catch (Throwable e) {
                    failure.set(e);
                }
            }));
        }
        sender.join();
        for (Thread t : readers) {
            t.join();
        }
        assertNull(failure.get(), () -> String.valueOf(failure.get()));
        assertEquals(399_999, sent.get());
    }

    @Test
    void singleSenderParkedSubscribersAreWokenByEachSend() throws Exception {
        BroadcastChannel<Integer> ch = BroadcastChannel.<Integer>builder().capacity(1).singleSender()
                .waitStrategy(WaitStrategy.park()).build();
        Subscription<Integer> s = ch.subscribe();
        Subscription<Integer> echo = ch.subscribe();
        int n = 20_000;
        AtomicLong sum = new AtomicLong();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (s) {
                for (Integer v : s) {
                    sum.addAndGet(v);
                }
            }
        });
        Thread second = Thread.ofVirtual().start(() -> {
            try (echo) {
                for (Integer ignored : echo) {
                    Thread.yield();   // a different pace: the sender is held back by one, then by the other
                }
            }
        });
        for (int i = 1; i <= n; i++) {
            ch.send(i);   // capacity 1: each send waits for both, which park between values
        }
        ch.close();
        reader.join();
        second.join();
        assertEquals((long) n * (n + 1) / 2, sum.get());
    }

    @Test
    void singleSenderSignalsOnlyWhereSubscribersPark() {
        BroadcastChannel<String> spinning = BroadcastChannel.<String>builder().capacity(4).singleSender()
                .waitStrategy(WaitStrategy.busySpin()).build();
        BroadcastChannel<String> parking = BroadcastChannel.<String>builder().capacity(4).singleSender()
                .waitStrategy(WaitStrategy.park()).build();
        BroadcastChannel<String> shared = BroadcastChannel.<String>builder().capacity(4)
                .waitStrategy(WaitStrategy.busySpin()).build();
        assertFalse(spinning.subscribe().signals(), "never parks, never signalled: a select polls it");
        assertTrue(parking.subscribe().signals());
        assertTrue(shared.subscribe().signals(), "the CAS already orders a shared-sender send: it always signals");
        assertTrue(spinning.toString().contains("singleSender"), spinning.toString());
        assertFalse(shared.toString().contains("singleSender"), shared.toString());
    }

    @Test
    void badArgumentsAreRejected() {
        for (int bad : new int[] {0, -1, BroadcastChannel.MAX_CAPACITY + 1}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> BroadcastChannel.create(bad));
            assertTrue(e.getMessage().contains("capacity=" + bad), e.getMessage());
        }
        assertThrows(IllegalStateException.class, () -> BroadcastChannel.builder().build());
        assertThrows(NullPointerException.class, () -> BroadcastChannel.builder().policy(null));
        BroadcastChannel<String> ch = BroadcastChannel.create(1);
        assertThrows(NullPointerException.class, () -> ch.trySend(null));
        assertThrows(IllegalArgumentException.class, () -> ch.send("x", Duration.ofMillis(-1)));
        assertEquals(1, ch.capacity());
        assertEquals(LagPolicy.BLOCK, ch.policy());
    }

}
