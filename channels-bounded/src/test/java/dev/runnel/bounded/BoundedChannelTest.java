package dev.runnel.bounded;

import dev.runnel.Channel;
import dev.runnel.ChannelClosedException;
import dev.runnel.WaitStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bounded channel's own rules: capacity, builder, overflow policies, and the buffered fast paths. */
@Timeout(60)
class BoundedChannelTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 10, 16, 1000})
    void capacityIsExact(int capacity) {
        for (Channel<Integer> channel : List.of(BoundedChannel.<Integer>create(capacity),
                BoundedChannel.<Integer>builder().capacity(capacity).singleConsumer().build())) {
            assertEquals(capacity, channel.capacity());
            for (int i = 0; i < capacity; i++) {
                assertTrue(channel.trySend(i), "send " + i + " of " + capacity);
                assertEquals(i + 1, channel.size());
            }
            assertFalse(channel.trySend(-1), "full at exactly " + capacity);
            assertEquals(0, channel.tryReceive());
            assertTrue(channel.trySend(capacity), "one value out, one in");
            assertFalse(channel.trySend(-1));
        }
    }

    @Test
    void badCapacityIsRejectedWithTheRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BoundedChannel.create(-1));
        assertTrue(e.getMessage().contains("capacity=-1"), e.getMessage());
        assertTrue(e.getMessage().contains("[0, 1073741824]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BoundedChannel.create(BoundedChannel.MAX_CAPACITY + 1));
        assertThrows(NullPointerException.class, () -> BoundedChannel.builder().waitStrategy(null));
        assertThrows(NullPointerException.class, () -> BoundedChannel.builder().overflow(null));
        IllegalArgumentException drop = assertThrows(IllegalArgumentException.class,
                () -> BoundedChannel.builder().overflow(Overflow.DROP_OLDEST).build());
        assertTrue(drop.getMessage().contains("capacity=0"), drop.getMessage());
    }

    @Test
    void zeroIsRendezvous() {
        Channel<String> channel = BoundedChannel.create(0);
        assertEquals(0, channel.capacity());
        assertFalse(channel.trySend("x"), "no receiver waiting");
        assertNull(channel.tryReceive(), "no sender waiting");
        assertEquals(0, channel.size());
    }

    @Test
    void dropNewestKeepsTheOldValues() throws InterruptedException {
        Channel<Integer> channel = BoundedChannel.<Integer>builder().capacity(3).overflow(Overflow.DROP_NEWEST).build();
        for (int i = 0; i < 10; i++) {
            channel.send(i);
        }
        assertTrue(channel.trySend(10));
        assertTrue(channel.send(11, Duration.ZERO));
        assertEquals(List.of(0, 1, 2), drain(channel));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void dropOldestKeepsTheNewValues(boolean singleConsumerHint) throws InterruptedException {
        BoundedChannel.Builder<Integer> builder = BoundedChannel.<Integer>builder().capacity(3)
                .overflow(Overflow.DROP_OLDEST);
        if (singleConsumerHint) {
            builder.singleConsumer();
        }
        Channel<Integer> channel = builder.build();
        for (int i = 0; i < 10; i++) {
            channel.send(i);
        }
        assertTrue(channel.trySend(10));
        assertEquals(List.of(8, 9, 10), drain(channel));
    }

    @Test
    void droppingChannelsStillRefuseSendsAfterClose() {
        for (Overflow overflow : List.of(Overflow.DROP_NEWEST, Overflow.DROP_OLDEST)) {
            Channel<Integer> channel = BoundedChannel.<Integer>builder().capacity(1).overflow(overflow).build();
            assertTrue(channel.trySend(1));
            channel.close();
            assertThrows(ChannelClosedException.class, () -> channel.send(2));
            assertThrows(ChannelClosedException.class, () -> channel.trySend(2));
            assertEquals(1, channel.tryReceive());
        }
    }

    @Test
    void busySpinChannelWorksAcrossThreads() throws Exception {
        Channel<Integer> channel = BoundedChannel.<Integer>builder().capacity(8).singleProducer().singleConsumer()
                .waitStrategy(WaitStrategy.busySpin()).build();
        int n = 200_000;
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread producer = Thread.ofPlatform().start(() -> {
            try {
                for (int i = 0; i < n; i++) {
                    channel.send(i);
                }
                channel.close();
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        int expected = 0;
        for (Integer v : channel) {
            assertEquals(expected++, v);
        }
        producer.join();
        assertEquals(n, expected);
        assertNull(failure.get());
    }

    @Test
    void blockedSenderWakesWhenAReceiverMakesRoom() throws Exception {
        Channel<Integer> channel = BoundedChannel.<Integer>builder().capacity(1).waitStrategy(WaitStrategy.park())
                .build();
        channel.send(1);
        CountDownLatch started = new CountDownLatch(1);
        Thread sender = Thread.ofVirtual().start(() -> {
            started.countDown();
            try {
                channel.send(2);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        started.await();
        awaitState(sender, Thread.State.WAITING);
        assertEquals(1, channel.receive());
        sender.join();
        assertEquals(2, channel.receive());
    }

    @Test
    void toStringNamesTheShape() {
        Channel<Integer> channel = BoundedChannel.<Integer>builder().capacity(5).overflow(Overflow.DROP_OLDEST)
                .waitStrategy(WaitStrategy.park()).build();
        String s = channel.toString();
        assertTrue(s.contains("capacity=5") && s.contains("park") && s.contains("DROP_OLDEST"), s);
        assertTrue(BoundedChannel.create(0).toString().contains("rendezvous"));
        assertTrue(BoundedChannel.builder().capacity(2).singleProducer().toString().contains("singleProducer=true"));
        channel.close(new IllegalStateException("boom"));
        assertTrue(channel.toString().contains("failed"), channel.toString());
    }

    @Test
    void closeCauseIsTheFirstOne() {
        Channel<Integer> channel = BoundedChannel.create(2);
        IllegalStateException first = new IllegalStateException("first");
        assertTrue(channel.close(first));
        assertFalse(channel.close(new IllegalStateException("second")));
        assertFalse(channel.close());
        assertSame(first, assertThrows(ChannelClosedException.class, channel::tryReceive).getCause());
    }

    static void awaitState(Thread thread, Thread.State state) throws InterruptedException {
        while (thread.getState() != state) {
            if (!thread.isAlive()) {
                throw new AssertionError(thread + " ended before reaching " + state);
            }
            Thread.sleep(1);
        }
    }

    static List<Integer> drain(Channel<Integer> channel) {
        List<Integer> values = new ArrayList<>();
        Integer v;
        while ((v = channel.tryReceive()) != null) {
            values.add(v);
        }
        return values;
    }
}
