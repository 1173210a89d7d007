package dev.runnel.spi;

import dev.runnel.ChannelClosedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Timeouts, the close state and the spin lock. */
@Timeout(30)
class SpiSupportTest {

    @Test
    void timeoutsAreCheckedAndCapped() {
        assertEquals(5_000_000, Timeouts.nanos(Duration.ofMillis(5)));
        assertEquals(Timeouts.MAX_NANOS, Timeouts.nanos(Duration.ofDays(300 * 366L)));
        assertEquals(Timeouts.MAX_NANOS, Timeouts.nanos(Duration.ofSeconds(Long.MAX_VALUE)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Timeouts.nanos(Duration.ofNanos(-1)));
        assertTrue(e.getMessage().contains("timeout=") && e.getMessage().contains("negative"), e.getMessage());
        assertThrows(NullPointerException.class, () -> Timeouts.deadline(null));
        assertTrue(Timeouts.expired(Timeouts.deadline(Duration.ZERO)));
        assertFalse(Timeouts.expired(Timeouts.deadline(Duration.ofDays(1))));
    }

    @Test
    void closeStateKeepsTheFirstCause() {
        CloseState s = new CloseState();
        assertFalse(s.isClosed());
        assertEquals("open", s.toString());
        IllegalStateException cause = new IllegalStateException("first");
        assertTrue(s.close(cause));
        assertFalse(s.close(null));
        assertTrue(s.isClosed());
        assertSame(cause, s.cause());
        ChannelClosedException send = s.sendException();
        assertSame(cause, send.getCause());
        assertTrue(send.getMessage().contains("send"));
        assertTrue(s.receiveException().getMessage().contains("drained"));
        assertTrue(s.toString().startsWith("failed"));
        CloseState normal = new CloseState();
        assertTrue(normal.close(null));
        assertNull(normal.cause());
        assertNull(normal.receiveException().getCause());
        assertEquals("closed", normal.toString());
    }

    @Test
    void spinLockExcludes() throws Exception {
        SpinLock lock = new SpinLock();
        AtomicLong inside = new AtomicLong();
        long[] counter = new long[1];
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 100_000; i++) {
                    lock.lock();
                    try {
                        if (inside.incrementAndGet() != 1) {
                            throw new AssertionError("two threads inside");
                        }
                        counter[0]++;
                        inside.decrementAndGet();
                    } finally {
                        lock.unlock();
                    }
                }
            });
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(400_000, counter[0]);
        assertFalse(lock.isLocked());
    }
}
