package dev.runnel.select;

import dev.runnel.Channel;
import dev.runnel.ChannelClosedException;
import dev.runnel.WaitStrategy;
import dev.runnel.bounded.BoundedChannel;
import dev.runnel.priority.PriorityChannel;
import dev.runnel.unbounded.UnboundedChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class SelectorTest {

    @Test
    void receivesFromTheReadyCaseAndReportsItsValue() throws InterruptedException {
        Channel<String> a = BoundedChannel.create(4);
        Channel<String> b = BoundedChannel.create(4);
        try (Selector sel = Selector.create()) {
            Selector.ReceiveCase<String> ca = sel.receive(a);
            Selector.ReceiveCase<String> cb = sel.receive(b);
            assertNull(sel.trySelect(), "nothing ready");
            b.send("x");
            assertSame(cb, sel.select());
            assertEquals("x", cb.value());
            a.send("y");
            assertSame(ca, sel.select(Duration.ofSeconds(5)));
            assertEquals("y", ca.value());
            assertNull(sel.select(Duration.ofMillis(20)), "timed out");
            assertEquals(2, sel.size());
        }
    }

    @Test
    void wakesWhenAValueArrivesOnAnyOfManyChannels() throws Exception {
        int n = 130;   // three readiness words
        @SuppressWarnings({"unchecked", "rawtypes"})
        Channel<Integer>[] channels = new Channel[n];
        try (Selector sel = Selector.create(WaitStrategy.park())) {
            for (int i = 0; i < n; i++) {
                channels[i] = i % 3 == 0 ? BoundedChannel.create(0) : i % 3 == 1 ? BoundedChannel.create(2)
                        : UnboundedChannel.create();
                sel.receive(channels[i]);
            }
            for (int round = 0; round < 300; round++) {
                int target = (round * 37) % n;
                Thread sender = Thread.ofVirtual().start(() -> {
                    try {
                        Thread.sleep(0, 50_000);
                        channels[target].send(target);
                    } catch (InterruptedException e) {
                        throw new AssertionError(e);
                    }
                });
                Selector.Case c = sel.select();
                assertEquals(target, c.index());
                assertEquals(target, ((Selector.ReceiveCase<?>) c).value());
                sender.join();
            }
        }
    }

    @Test
    void fairAmongReadyCasesAndBiasedTakesTheFirst() throws InterruptedException {
        Channel<Integer> a = UnboundedChannel.create();
        Channel<Integer> b = UnboundedChannel.create();
        Channel<Integer> c = UnboundedChannel.create();
        int rounds = 30_000;
        for (int i = 0; i < rounds; i++) {
            a.send(i);
            b.send(i);
        }
        int[] hits = new int[3];
        try (Selector sel = Selector.create()) {
            sel.receive(a);
            sel.receive(c);   // never ready: must not skew the choice between a and b
            sel.receive(b);
            for (int i = 0; i < rounds; i++) {
                hits[sel.select().index()]++;
            }
        }
        assertEquals(0, hits[1]);
        assertTrue(hits[0] > rounds * 0.45 && hits[0] < rounds * 0.55, "a chosen " + hits[0] + " of " + rounds);
        try (Selector sel = Selector.createBiased()) {
            Selector.ReceiveCase<Integer> first = sel.receive(b);
            sel.receive(a);
            for (int i = 0; i < 100; i++) {
                assertSame(first, sel.select());
            }
        }
    }

    @Test
    void sendCaseSendsOnceArmedAndStaysArmedWhenAnotherCaseWins() throws InterruptedException {
        Channel<String> out = BoundedChannel.create(1);
        Channel<String> in = BoundedChannel.create(1);
        try (Selector sel = Selector.create()) {
            Selector.SendCase<String> send = sel.send(out);
            Selector.ReceiveCase<String> receive = sel.receive(in);
            assertFalse(send.isArmed());
            assertNull(sel.trySelect(), "an unarmed send case does not take part");
            send.offer("1");
            assertSame(send, sel.select());
            assertFalse(send.isArmed(), "sent: disarmed");
            send.offer("2");
            in.send("r");
            assertSame(receive, sel.select(), "the buffer of out is full: only the receive is ready");
            assertTrue(send.isArmed(), "still armed after another case won");
            assertEquals("1", out.receive());
            assertSame(send, sel.select());
            assertEquals("2", out.receive());
            assertNull(out.tryReceive(), "each armed value was sent once");
        }
    }

    @Test
    void disabledCaseIsGoNilChannel() throws InterruptedException {
        Channel<String> a = BoundedChannel.create(2);
        try (Selector sel = Selector.create()) {
            Selector.ReceiveCase<String> ca = sel.receive(a);
            a.send("v");
            ca.disable();
            assertFalse(ca.isEnabled());
            assertNull(sel.select(Duration.ofMillis(10)), "a disabled case never completes");
            assertEquals(1, a.size(), "and takes nothing");
            ca.enable();
            assertSame(ca, sel.trySelect());
            assertEquals("v", ca.value());
        }
    }

    @Test
    void closedReceiveCaseReportsClosedAndClosedSendCaseThrows() throws InterruptedException {
        Channel<String> a = BoundedChannel.create(2);
        Channel<String> b = BoundedChannel.create(0);
        try (Selector sel = Selector.create()) {
            Selector.ReceiveCase<String> ca = sel.receive(a);
            a.send("last");
            a.close();
            assertSame(ca, sel.select());
            assertEquals("last", ca.value(), "buffered values drain first");
            assertFalse(ca.isClosed());
            assertSame(ca, sel.select());
            assertTrue(ca.isClosed());
            assertNull(ca.value());
            ca.disable();
            Selector.SendCase<String> cb = sel.send(b);
            cb.offer("x");
            b.close(new IllegalStateException("gone"));
            ChannelClosedException e = assertThrows(ChannelClosedException.class, sel::select);
            assertEquals("gone", e.getCause().getMessage());
            assertTrue(cb.isArmed(), "the case stays armed");
        }
    }

    @Test
    void closeWakesAParkedSelector() throws Exception {
        Channel<String> a = BoundedChannel.create(0);
        try (Selector sel = Selector.create(WaitStrategy.park())) {
            Selector.ReceiveCase<String> ca = sel.receive(a);
            Thread closer = Thread.ofVirtual().start(() -> {
                sleep(20);
                a.close();
            });
            assertSame(ca, sel.select());
            assertTrue(ca.isClosed());
            closer.join();
        }
    }

    @Test
    void interruptedWhileWaitingTakesNothing() throws Exception {
        Channel<String> a = BoundedChannel.create(0);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = Thread.ofPlatform().start(() -> {
            try (Selector sel = Selector.create()) {
                sel.receive(a);
                sel.select();
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        Thread.sleep(50);
        t.interrupt();
        t.join();
        assertTrue(thrown.get() instanceof InterruptedException, String.valueOf(thrown.get()));
        assertFalse(a.trySend("x"), "the closed selector left no receiver behind");
    }

    @Test
    void rendezvousHandsOffToAParkedSelectorAndTwoSelectorsMeet() throws Exception {
        Channel<Integer> c = BoundedChannel.create(0);
        int n = 20_000;
        Thread sender = Thread.ofPlatform().start(() -> {
            try (Selector sel = Selector.create()) {
                Selector.SendCase<Integer> s = sel.send(c);
                for (int i = 0; i < n; i++) {
                    s.offer(i);
                    if (sel.select() != s) {
                        throw new AssertionError("only one case");
                    }
                }
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        long sum = 0;
        try (Selector sel = Selector.create()) {
            Selector.ReceiveCase<Integer> r = sel.receive(c);
            for (int i = 0; i < n; i++) {
                assertSame(r, sel.select());
                assertEquals(i, r.value());
                sum += r.value();
            }
        }
        sender.join();
        assertEquals((long) n * (n - 1) / 2, sum);
    }

    @Test
    void worksWithPriorityChannelsAndLevelSenders() throws InterruptedException {
        PriorityChannel<String> p = PriorityChannel.create(2, 1);
        try (Selector sel = Selector.create()) {
            Selector.SendCase<String> low = sel.send(p.sender(1));
            Selector.ReceiveCase<String> r = sel.receive(p);
            low.offer("a");
            Selector.Case first = sel.select();
            if (first == low) {
                assertSame(r, sel.select());
                assertEquals("a", r.value());
            } else {
                throw new AssertionError("nothing to receive before the send: " + first);
            }
        }
    }

    @Test
    void selectsOverBroadcastSubscriptions() throws Exception {
        dev.runnel.broadcast.BroadcastChannel<Integer> quotes = dev.runnel.broadcast.BroadcastChannel.create(8);
        Channel<String> control = BoundedChannel.create(1);
        try (dev.runnel.broadcast.Subscription<Integer> sub = quotes.subscribe(); Selector sel = Selector.create()) {
            Selector.ReceiveCase<Integer> q = sel.receive(sub);
            Selector.ReceiveCase<String> c = sel.receive(control);
            Thread feed = Thread.ofVirtual().start(() -> {
                try {
                    for (int i = 0; i < 1000; i++) {
                        quotes.send(i);
                    }
                    control.send("stop");
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            });
            int expected = 0;
            while (true) {
                Selector.Case got = sel.select();
                if (got == q) {
                    assertEquals(expected++, q.value());
                } else if (got == c) {
                    break;
                }
            }
            while (expected < 1000) {   // the stop may overtake quotes still in the ring
                assertSame(q, sel.select());
                assertEquals(expected++, q.value());
            }
            feed.join();
        }
    }

    @Test
    void badUseFailsClearly() throws Exception {
        Selector sel = Selector.create();
        IllegalArgumentException foreign = assertThrows(IllegalArgumentException.class,
                () -> sel.receive(new ForeignChannel()));
        assertTrue(foreign.getMessage().contains("Runnel channel"), foreign.getMessage());
        assertThrows(NullPointerException.class, () -> sel.receive(null));
        Channel<String> a = BoundedChannel.create(1);
        Selector.SendCase<String> s = sel.send(a);
        assertThrows(NullPointerException.class, () -> s.offer(null));
        assertThrows(IllegalArgumentException.class, () -> sel.select(Duration.ofMillis(-1)));
        sel.receive(a);
        assertNull(sel.trySelect());
        AtomicReference<Throwable> other = new AtomicReference<>();
        Thread t = Thread.ofVirtual().start(() -> {
            try {
                sel.trySelect();
            } catch (Throwable e) {
                other.set(e);
            }
        });
        t.join();
        assertTrue(other.get() instanceof IllegalStateException, "another thread: " + other.get());
        sel.close();
        sel.close();
        assertThrows(IllegalStateException.class, sel::trySelect);
        assertTrue(a.trySend("x"));
    }

    /** A channel from outside Runnel: it cannot take part in a select. */
    private static final class ForeignChannel implements dev.runnel.ReceiveChannel<String> {
        @Override
        public String receive() {
            return "";
        }

        @Override
        public String receive(Duration timeout) {
            return "";
        }

        @Override
        public String tryReceive() {
            return null;
        }

        @Override
        public boolean isClosedForReceive() {
            return false;
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
