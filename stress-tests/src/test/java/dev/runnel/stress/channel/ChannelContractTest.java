package dev.runnel.stress.channel;

import dev.runnel.Channel;
import dev.runnel.ChannelClosedException;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every rule of the channel contract (DESIGN.md), over every channel kind. */
@Timeout(120)
class ChannelContractTest {

    static List<ChannelKind> kinds() {
        return ChannelKind.all();
    }

    static List<ChannelKind> oneReceiverKinds() {
        return ChannelKind.allOneReceiver();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void nullsAndNegativeTimeoutsAreRejectedAndLeaveNothing(ChannelKind kind) {
        Channel<Object> channel = kind.create();
        assertThrows(NullPointerException.class, () -> channel.send(null));
        assertThrows(NullPointerException.class, () -> channel.trySend(null));
        assertThrows(NullPointerException.class, () -> channel.send(null, Duration.ofMillis(1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> channel.send("x", Duration.ofMillis(-1)));
        assertTrue(e.getMessage().contains("timeout"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> channel.receive(Duration.ofMillis(-1)));
        assertThrows(NullPointerException.class, () -> channel.receive(null));
        assertEquals(0, channel.size());
        assertNull(channel.tryReceive());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void sendOnClosedThrowsAndReceiversDrainFirst(ChannelKind kind) throws Exception {
        Channel<Object> channel = kind.create();
        List<Object> sent = new ArrayList<>();
        if (!kind.rendezvous()) {
            int n = Math.min(kind.capacity(), 5);
            for (int i = 0; i < n; i++) {
                channel.send(i);
                sent.add(i);
            }
        }
        assertFalse(channel.isClosedForSend());
        assertTrue(channel.close());
        assertFalse(channel.close(), "closing twice returns false");
        assertFalse(channel.close(new IllegalStateException()), "and keeps the first close");
        assertTrue(channel.isClosedForSend());
        assertThrows(ChannelClosedException.class, () -> channel.send("late"));
        assertThrows(ChannelClosedException.class, () -> channel.trySend("late"));
        assertThrows(ChannelClosedException.class, () -> channel.send("late", Duration.ofSeconds(1)));
        assertEquals(sent.isEmpty(), channel.isClosedForReceive());
        List<Object> received = new ArrayList<>();
        for (Object v : channel) {
            received.add(v);
        }
        assertEquals(sent, received, "drained in order, nothing added after close");
        assertTrue(channel.isClosedForReceive());
        ChannelClosedException e = assertThrows(ChannelClosedException.class, channel::receive);
        assertNull(e.getCause(), "close() has no cause");
        assertThrows(ChannelClosedException.class, channel::tryReceive);
        long start = System.nanoTime();
        assertThrows(ChannelClosedException.class, () -> channel.receive(Duration.ofDays(1)));
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "a timed receive on a drained channel throws at once");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void closeWithCauseReachesSendersReceiversAndIterators(ChannelKind kind) throws Exception {
        Channel<Object> channel = kind.create();
        if (!kind.rendezvous()) {
            channel.send("buffered");
        }
        IllegalStateException cause = new IllegalStateException("upstream failed");
        assertTrue(channel.close(cause));
        assertSame(cause, assertThrows(ChannelClosedException.class, () -> channel.send("x")).getCause());
        assertSame(cause, assertThrows(ChannelClosedException.class, () -> channel.trySend("x")).getCause());
        Iterator<Object> it = channel.iterator();
        if (!kind.rendezvous()) {
            assertTrue(it.hasNext());
            assertEquals("buffered", it.next());
        }
        assertSame(cause, assertThrows(ChannelClosedException.class, it::hasNext).getCause());
        assertSame(cause, assertThrows(ChannelClosedException.class, channel::receive).getCause());
        assertSame(cause, assertThrows(ChannelClosedException.class, channel::tryReceive).getCause());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void closeWithNullCauseIsAPlainClose(ChannelKind kind) {
        Channel<Object> channel = kind.create();
        assertTrue(channel.close(null));
        assertNull(assertThrows(ChannelClosedException.class, channel::tryReceive).getCause());
        assertFalse(channel.iterator().hasNext(), "iteration ends normally after a plain close");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void blockedReceiverWakesOnCloseAndThrows(ChannelKind kind) throws Exception {
        Channel<Object> channel = kind.create();
        Blocked receiver = Blocked.start(channel::receive);
        IllegalStateException cause = new IllegalStateException("stop");
        channel.close(cause);
        Throwable thrown = receiver.join();
        assertInstanceOf(ChannelClosedException.class, thrown);
        assertSame(cause, thrown.getCause());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void blockedSenderWakesOnCloseAndThrows(ChannelKind kind) throws Exception {
        if (kind.unbounded()) {
            return;   // sends never block
        }
        Channel<Object> channel = filled(kind);
        Blocked sender = Blocked.start(() -> channel.send("blocked"));
        channel.close();
        assertInstanceOf(ChannelClosedException.class, sender.join());
        List<Object> drained = drainAll(channel);
        assertEquals(kind.capacity(), drained.size(), "the blocked value was not added");
        assertFalse(drained.contains("blocked"));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void timedOutReceiveReturnsNullAndTakesNothing(ChannelKind kind) throws Exception {
        Channel<Object> channel = kind.create();
        long start = System.nanoTime();
        assertNull(channel.receive(Duration.ofMillis(30)));
        assertTrue(System.nanoTime() - start >= 30_000_000L, "waited the timeout");
        assertNull(channel.receive(Duration.ZERO));
        // Nothing is left registered: a later value goes to a later receiver.
        Thread sender = sendFromAnotherThread(channel, "after");
        assertEquals("after", channel.receive(Duration.ofSeconds(30)));
        sender.join();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void timedOutSendReturnsFalseAndLeavesNoValue(ChannelKind kind) throws Exception {
        if (kind.unbounded()) {
            return;
        }
        Channel<Object> channel = filled(kind);
        assertFalse(channel.send("late", Duration.ofMillis(30)));
        assertFalse(channel.send("late", Duration.ZERO));
        channel.close();
        List<Object> drained = drainAll(channel);
        assertEquals(kind.capacity(), drained.size());
        assertFalse(drained.contains("late"), "a timed-out send leaves no value behind");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void interruptedReceiveThrowsClearsTheFlagAndTakesNothing(ChannelKind kind) throws Exception {
        Channel<Object> channel = kind.create();
        Blocked receiver = Blocked.start(channel::receive);
        receiver.thread.interrupt();
        assertInstanceOf(InterruptedException.class, receiver.join());
        assertFalse(receiver.interruptedAfter, "InterruptedException clears the interrupt status");
        Thread sender = sendFromAnotherThread(channel, "kept");
        assertEquals("kept", channel.receive(Duration.ofSeconds(30)), "the interrupted receiver took nothing");
        sender.join();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void interruptedSendThrowsAndLeavesNoValue(ChannelKind kind) throws Exception {
        if (kind.unbounded()) {
            return;
        }
        Channel<Object> channel = filled(kind);
        Blocked sender = Blocked.start(() -> channel.send("interrupted"));
        sender.thread.interrupt();
        assertInstanceOf(InterruptedException.class, sender.join());
        channel.close();
        List<Object> drained = drainAll(channel);
        assertFalse(drained.contains("interrupted"));
        assertEquals(kind.capacity(), drained.size());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void alreadyInterruptedBlockingCallsThrow(ChannelKind kind) {
        Channel<Object> channel = kind.create();
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, channel::receive);
        assertFalse(Thread.interrupted());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void iteratorTurnsAnInterruptIntoCancellation(ChannelKind kind) throws Exception {
        Channel<Object> channel = kind.create();
        Blocked receiver = Blocked.start(() -> channel.iterator().hasNext());
        receiver.thread.interrupt();
        assertInstanceOf(CancellationException.class, receiver.join());
        assertTrue(receiver.interruptedAfter, "the iterator restores the interrupt status");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void rendezvousSendReturnsOnlyOnceTaken(ChannelKind kind) throws Exception {
        if (!kind.rendezvous()) {
            return;
        }
        Channel<Object> channel = kind.create();
        CountDownLatch returned = new CountDownLatch(1);
        Thread sender = Thread.ofVirtual().start(() -> {
            try {
                channel.send("hand-off");
                returned.countDown();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        awaitBlocked(sender);
        assertEquals(1, returned.getCount(), "send has not returned while no receiver took the value");
        assertEquals("hand-off", channel.receive());
        returned.await();
        sender.join();
    }

    /** FIFO per producer and exactly once, with 4 producers and 4 receivers (virtual threads). */
    @ParameterizedTest
    @MethodSource("kinds")
    void manyProducersManyConsumersExactlyOnceInProducerOrder(ChannelKind kind) throws Exception {
        checkExactlyOnce(kind, 4, 4, 50_000);
    }

    /** FIFO per producer and exactly once, with 4 producers and 1 receiver. */
    @ParameterizedTest
    @MethodSource("oneReceiverKinds")
    void manyProducersOneConsumer(ChannelKind kind) throws Exception {
        checkExactlyOnce(kind, 4, 1, 50_000);
    }

    static void checkExactlyOnce(ChannelKind kind, int producers, int consumers, int perProducer) throws Exception {
        Channel<Long> channel = kind.createTyped();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicLong received = new AtomicLong();
        AtomicLong checksum = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        CountDownLatch producersDone = new CountDownLatch(producers);
        for (int p = 0; p < producers; p++) {
            long producer = p;
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    for (long i = 0; i < perProducer; i++) {
                        channel.send(producer << 32 | i);
                    }
                } catch (Throwable t) {
                    failures.add(t);
                } finally {
                    producersDone.countDown();
                }
            }));
        }
        for (int c = 0; c < consumers; c++) {
            threads.add(Thread.ofVirtual().start(() -> {
                long[] last = new long[producers];
                java.util.Arrays.fill(last, -1);
                try {
                    for (long v : channel) {
                        int producer = (int) (v >>> 32);
                        long seq = v & 0xFFFF_FFFFL;
                        if (seq <= last[producer]) {
                            throw new AssertionError("producer " + producer + ": " + seq + " after " + last[producer]);
                        }
                        last[producer] = seq;
                        received.incrementAndGet();
                        checksum.addAndGet(v * 31 + 7);
                    }
                } catch (Throwable t) {
                    failures.add(t);
                }
            }));
        }
        producersDone.await();
        channel.close();
        for (Thread t : threads) {
            t.join();
        }
        assertTrue(failures.isEmpty(), () -> "failures: " + failures);
        long expectedChecksum = 0;
        for (long p = 0; p < producers; p++) {
            for (long i = 0; i < perProducer; i++) {
                expectedChecksum += (p << 32 | i) * 31 + 7;
            }
        }
        assertEquals((long) producers * perProducer, received.get(), "count");
        assertEquals(expectedChecksum, checksum.get(), "checksum");
    }

    /** A fresh channel of {@code kind}, filled to its capacity. */
    static Channel<Object> filled(ChannelKind kind) throws InterruptedException {
        Channel<Object> channel = kind.create();
        for (int i = 0; i < kind.capacity(); i++) {
            channel.send(i);
        }
        return channel;
    }

    /** Everything a closed channel still holds, through its iterator. */
    static List<Object> drainAll(Channel<Object> channel) {
        List<Object> drained = new ArrayList<>();
        channel.iterator().forEachRemaining(drained::add);
        return drained;
    }

    /** Sends {@code value} from a new virtual thread (which fails if interrupted). */
    static Thread sendFromAnotherThread(Channel<Object> channel, Object value) {
        return Thread.ofVirtual().start(() -> {
            try {
                channel.send(value);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
    }

    /** One blocking call on a virtual thread: started, then awaited until parked; what it threw, once joined. */
    static final class Blocked {
        interface Call {
            void run() throws Exception;
        }

        final Thread thread;
        volatile Throwable thrown;
        volatile boolean interruptedAfter;

        private Blocked(Call call) {
            this.thread = Thread.ofVirtual().start(() -> {
                try {
                    call.run();
                } catch (Throwable t) {
                    thrown = t;
                    interruptedAfter = Thread.currentThread().isInterrupted();
                }
            });
        }

        static Blocked start(Call call) throws InterruptedException {
            Blocked blocked = new Blocked(call);
            awaitBlocked(blocked.thread);
            return blocked;
        }

        /** Waits for the thread to end; returns what the call threw, or {@code null}. */
        Throwable join() throws InterruptedException {
            thread.join();
            return thrown;
        }
    }

    /** Waits until {@code thread} is parked (or ended, which the caller's assertions then catch). */
    static void awaitBlocked(Thread thread) throws InterruptedException {
        while (thread.isAlive()) {
            Thread.State s = thread.getState();
            if (s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING) {
                return;
            }
            Thread.sleep(1);
        }
    }
}
