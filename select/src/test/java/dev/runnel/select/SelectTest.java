package dev.runnel.select;

import dev.runnel.Channel;
import dev.runnel.ChannelClosedException;
import dev.runnel.bounded.BoundedChannel;
import dev.runnel.unbounded.UnboundedChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static dev.runnel.select.Select.otherwise;
import static dev.runnel.select.Select.receive;
import static dev.runnel.select.Select.select;
import static dev.runnel.select.Select.selectBiased;
import static dev.runnel.select.Select.send;
import static dev.runnel.select.Select.timeout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class SelectTest {

    @Test
    void returnsTheHandlerResultOfTheReadyClause() throws InterruptedException {
        Channel<Integer> prices = BoundedChannel.create(4);
        Channel<String> orders = BoundedChannel.create(4);
        Channel<String> acks = BoundedChannel.create(0);
        orders.send("o1");
        String r = select(
                receive(prices, p -> "price " + p),
                receive(orders, o -> "order " + o),
                send(acks, "ack", () -> "acked"),
                timeout(Duration.ofSeconds(5), () -> "idle"));
        assertEquals("order o1", r);
        assertFalse(acks.trySend("probe"), "no clause stays registered after the select");
    }

    @Test
    void otherwiseRunsWhenNothingIsReadyAndTakesNothing() throws InterruptedException {
        Channel<String> a = BoundedChannel.create(0);
        Channel<String> full = BoundedChannel.create(1);
        full.send("x");
        assertEquals("default", select(receive(a, v -> "got"), send(full, "y", () -> "sent"),
                otherwise(() -> "default")));
        assertEquals(1, full.size());
        assertFalse(a.trySend("z"), "nothing left registered");
    }

    @Test
    void timeoutRunsAfterItsDuration() throws InterruptedException {
        Channel<String> a = BoundedChannel.create(1);
        long start = System.nanoTime();
        assertEquals("late", select(receive(a, v -> v), timeout(Duration.ofMillis(30), () -> "late")));
        assertTrue(System.nanoTime() - start >= 30_000_000L);
        assertEquals("only", select(timeout(Duration.ofMillis(1), () -> "only")));
        assertTrue(a.trySend("v"));
        assertEquals("v", select(receive(a, v -> v), timeout(Duration.ZERO, () -> "zero")));
    }

    @Test
    void closedChannelsMakeTheSelectThrowTheirException() {
        Channel<String> a = BoundedChannel.create(2);
        a.close(new IllegalStateException("upstream failed"));
        ChannelClosedException e = assertThrows(ChannelClosedException.class,
                () -> select(receive(a, v -> v)));
        assertEquals("upstream failed", e.getCause().getMessage());
        Channel<String> b = UnboundedChannel.create();
        b.close();
        assertThrows(ChannelClosedException.class, () -> select(send(b, "x", () -> "sent"),
                otherwise(() -> "default")));
    }

    @Test
    void theSameChannelMayAppearTwice() throws InterruptedException {
        Channel<String> a = BoundedChannel.create(1);
        a.send("v");
        String r = select(receive(a, v -> "first " + v), receive(a, v -> "second " + v));
        assertTrue(r.equals("first v") || r.equals("second v"), r);
        assertNull(a.tryReceive(), "received once");
    }

    @Test
    void biasedTakesTheFirstReadyInArgumentOrder() throws InterruptedException {
        Channel<Integer> a = UnboundedChannel.create();
        Channel<Integer> b = UnboundedChannel.create();
        for (int i = 0; i < 400; i++) {
            a.send(i);
            b.send(i);
        }
        for (int i = 0; i < 200; i++) {
            assertEquals("b", selectBiased(receive(b, v -> "b"), receive(a, v -> "a")));
        }
        int aHits = 0;
        for (int i = 0; i < 200; i++) {
            if (select(List.of(receive(b, v -> "b"), receive(a, v -> "a"))).equals("a")) {
                aHits++;
            }
        }
        assertTrue(aHits > 50 && aHits < 150, "fair select picked a " + aHits + " times of 200");
    }

    @Test
    void aHandlerExceptionPropagatesAfterItsClauseTookEffect() throws InterruptedException {
        Channel<String> a = BoundedChannel.create(1);
        a.send("v");
        assertThrows(IllegalStateException.class, () -> select(receive(a, v -> {
            throw new IllegalStateException(v);
        })));
        assertNull(a.tryReceive(), "the value was taken");
    }

    @Test
    void twoSelectsMeetOnARendezvousChannel() throws Exception {
        Channel<Integer> c = BoundedChannel.create(0);
        Channel<Integer> idle = BoundedChannel.create(0);      // nobody sends here
        Channel<Integer> nobody = BoundedChannel.create(0);    // nobody receives here
        AtomicReference<String> sent = new AtomicReference<>();
        Thread sender = Thread.ofVirtual().start(() -> {
            try {
                sent.set(select(send(c, 42, () -> "sent"), receive(idle, v -> "idle")));
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        assertEquals(42, select(receive(c, v -> v), send(nobody, 0, () -> -1)));
        sender.join();
        assertEquals("sent", sent.get());
    }

    @Test
    void interruptedWhileWaitingThrowsAndTakesNothing() throws Exception {
        Channel<String> a = BoundedChannel.create(0);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = Thread.ofPlatform().start(() -> {
            try {
                select(receive(a, v -> v));
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        Thread.sleep(50);
        t.interrupt();
        t.join();
        assertTrue(thrown.get() instanceof InterruptedException, String.valueOf(thrown.get()));
        assertFalse(a.trySend("x"));
    }

    @Test
    void badClausesAreRejected() {
        Channel<String> a = BoundedChannel.create(1);
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> select(List.of()));
        assertTrue(none.getMessage().contains("at least one"), none.getMessage());
        assertThrows(IllegalArgumentException.class, () -> select(receive(a, v -> v),
                timeout(Duration.ofMillis(1), () -> "a"), timeout(Duration.ofMillis(2), () -> "b")));
        assertThrows(IllegalArgumentException.class, () -> select(otherwise(() -> "a"), otherwise(() -> "b")));
        assertThrows(IllegalArgumentException.class, () -> timeout(Duration.ofMillis(-1), () -> "x"));
        assertThrows(NullPointerException.class, () -> send(a, null, () -> "x"));
        assertThrows(NullPointerException.class, () -> receive(null, v -> v));
        assertTrue(a.trySend("still works"));
        assertSame(1, a.size());
    }
}
