package dev.runnel.spi;

import dev.runnel.WaitStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The waiter's one-CAS state machine, its await loop, and the queue that claims waiters. */
@Timeout(30)
class WaiterTest {

    @Test
    void exactlyOneOfClaimAndCancelWins() {
        Waiter w = new Waiter(Thread.currentThread());
        assertEquals(Waiter.CANCELLED, w.state(), "not registered until reset");
        assertFalse(w.tryClaim());
        w.reset();
        assertTrue(w.tryClaim());
        assertFalse(w.tryCancel(), "claimed: the owner cannot cancel");
        w.complete(4, "v");
        assertEquals(Waiter.CLAIMED, w.state());
        assertEquals(4, w.key());
        assertEquals("v", w.item());
        w.reset();
        assertTrue(w.tryCancel());
        assertFalse(w.tryClaim(), "cancelled: no channel can claim it");
    }

    @Test
    void releaseReturnsATentativeClaim() {
        Waiter w = new Waiter(Thread.currentThread());
        w.reset();
        assertTrue(w.tryClaim());
        w.release();
        assertEquals(Waiter.WAITING, w.state());
        assertTrue(w.tryCancel());
    }

    @Test
    void awaitTimesOutAndCancels() {
        Waiter w = new Waiter(Thread.currentThread());
        w.reset();
        long start = System.nanoTime();
        assertEquals(Waiter.AWAIT_TIMED_OUT, w.await(WaitStrategy.park(), false, true, start + 20_000_000L));
        assertTrue(System.nanoTime() - start >= 20_000_000L);
        assertEquals(Waiter.CANCELLED, w.state());
    }

    @Test
    void awaitReturnsOnInterruptWithTheFlagCleared() {
        Waiter w = new Waiter(Thread.currentThread());
        w.reset();
        Thread.currentThread().interrupt();
        assertEquals(Waiter.AWAIT_INTERRUPTED, w.await(WaitStrategy.spinThenPark(10), true, false, 0));
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @Test
    void claimWinsOverAnInterruptAndKeepsTheFlag() {
        Waiter w = new Waiter(Thread.currentThread());
        w.reset();
        assertTrue(w.tryClaim());
        w.complete(0, Waiter.READY);
        Thread.currentThread().interrupt();
        assertEquals(Waiter.AWAIT_CLAIMED, w.await(WaitStrategy.park(), false, false, 0));
        assertTrue(Thread.interrupted(), "the interrupt stays set when the operation completed");
    }

    @Test
    void parkedOwnerIsWokenByComplete() throws Exception {
        Waiter w = new Waiter(Thread.currentThread());
        w.reset();
        Thread claimer = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            assertTrue(w.tryClaim());
            w.complete(2, "hello");
        });
        assertEquals(Waiter.AWAIT_CLAIMED, w.await(WaitStrategy.park(), false, false, 0));
        assertEquals("hello", w.item());
        claimer.join();
    }

    @Test
    void queueClaimsInArrivalOrderAndSkipsCancelledAndClaiming() {
        WaiterQueue q = new WaiterQueue();
        AtomicInteger readied = new AtomicInteger();
        Waiter a = new Waiter(Thread.currentThread()) {
            @Override
            protected void readied(int key) {
                readied.addAndGet(key);
            }
        };
        Waiter b = new Waiter(Thread.currentThread());
        Waiter c = new Waiter(Thread.currentThread());
        a.reset();
        b.reset();
        c.reset();
        WaitNode na = new WaitNode(a, 10);
        WaitNode nb = new WaitNode(b, 0);
        WaitNode nc = new WaitNode(c, 0);
        q.add(na);
        q.add(nb);
        q.add(nc);
        assertEquals(3, q.waiting());
        assertThrows(IllegalStateException.class, () -> q.add(na), "a node is in one queue at a time");
        assertTrue(a.tryCancel());      // a gave up
        assertTrue(b.tryClaim());       // b is in a tentative claim elsewhere
        q.lock().lock();
        WaitNode claimed;
        try {
            claimed = q.claimLocked();
        } finally {
            q.lock().unlock();
        }
        assertSame(nc, claimed, "cancelled a dropped, claiming b skipped");
        assertEquals(10, readied.get(), "every registration passed is readied, a cancelled one too");
        assertEquals(1, q.waiting(), "b stays queued");
        assertTrue(nb.isLinked());
        assertFalse(na.isLinked());
        b.release();
        assertTrue(q.signal(Waiter.READY));
        assertEquals(Waiter.CLAIMED, b.state());
        assertSame(Waiter.READY, b.item());
        assertFalse(q.signal(Waiter.READY), "empty queue");
        assertEquals(0, q.waiting());
    }

    @Test
    void signalAllWakesEveryWaiter() {
        WaiterQueue q = new WaiterQueue();
        Waiter[] waiters = new Waiter[5];
        for (int i = 0; i < waiters.length; i++) {
            waiters[i] = new Waiter(Thread.currentThread());
            waiters[i].reset();
            q.add(new WaitNode(waiters[i], i));
        }
        assertEquals(5, q.signalAll(Waiter.CLOSED));
        for (int i = 0; i < waiters.length; i++) {
            assertEquals(Waiter.CLAIMED, waiters[i].state());
            assertEquals(i, waiters[i].key());
            assertSame(Waiter.CLOSED, waiters[i].item());
        }
        assertEquals(0, q.waiting());
    }

    @Test
    void removeUnlinksFromTheMiddle() {
        WaiterQueue q = new WaiterQueue();
        WaitNode[] nodes = new WaitNode[3];
        for (int i = 0; i < 3; i++) {
            Waiter w = new Waiter(Thread.currentThread());
            w.reset();
            nodes[i] = new WaitNode(w, i);
            q.add(nodes[i]);
        }
        assertTrue(q.remove(nodes[1]));
        assertFalse(q.remove(nodes[1]), "already unlinked");
        assertFalse(new WaiterQueue().remove(nodes[0]), "not linked in that queue");
        assertEquals(2, q.waiting());
        assertTrue(q.signal(Waiter.READY));
        assertEquals(Waiter.CLAIMED, nodes[0].waiter().state());
        assertTrue(q.signal(Waiter.READY));
        assertEquals(Waiter.CLAIMED, nodes[2].waiter().state());
        assertEquals(Waiter.WAITING, nodes[1].waiter().state());
    }

    @Test
    void currentThreadNodeIsReusedAndKeyZero() {
        WaitNode n = WaitNode.ofCurrentThread();
        assertSame(n, WaitNode.ofCurrentThread());
        assertEquals(0, n.key());
        assertSame(Thread.currentThread(), n.waiter().thread());
        n.item("x");
        assertEquals("x", n.item());
        n.item(null);
        assertTrue(n.toString().contains("key=0"), n.toString());
    }

    @Test
    void heldWaiterIsSkippedReadiedAndStaysLinked() {
        WaiterQueue q = new WaiterQueue();
        AtomicInteger readied = new AtomicInteger();
        Waiter selector = new Waiter(Thread.currentThread()) {
            @Override
            protected void readied(int key) {
                readied.addAndGet(key);
            }
        };
        Waiter plain = new Waiter(Thread.currentThread());
        selector.hold();
        plain.reset();
        WaitNode ns = new WaitNode(selector, 5);
        WaitNode np = new WaitNode(plain, 0);
        q.lock().lock();
        try {
            assertTrue(q.addIfUnlinkedLocked(ns));
            assertFalse(q.addIfUnlinkedLocked(ns), "registering again keeps the one link");
            q.addLocked(np);
            assertTrue(q.hasWaitingLocked(), "the plain waiter waits behind the held selector");
            assertEquals(5, readied.get(), "passing the held selector readies it");
            assertSame(np, q.claimLocked());
            assertEquals(10, readied.get());
            assertTrue(ns.isLinked(), "a held selector's registration stays linked");
            assertFalse(q.hasWaitingLocked());
        } finally {
            q.lock().unlock();
        }
        selector.release();
        assertEquals(Waiter.WAITING, selector.state());
        assertTrue(q.signal(Waiter.READY), "released: it can be claimed again");
        assertEquals(5, selector.key());
        selector.hold();
        assertEquals(Waiter.CLAIMING, selector.state());
    }
}
