package dev.runnel.routines;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WaitGroupTest {

    @Test
    void awaitsEveryDone() throws InterruptedException {
        final WaitGroup wg = new WaitGroup();
        final AtomicInteger ran = new AtomicInteger();
        for (int i = 0; i < 1000; i++) {
            wg.add(1);
            Routines.go(() -> {
                try {
                    ran.incrementAndGet();
                } finally {
                    wg.done();
                }
            });
        }
        wg.await();
        assertEquals(1000, ran.get());
        assertEquals(0, wg.count());
        wg.await(); // zero: at once
    }

    @Test
    void awaitWithTimeoutAndReuse() throws InterruptedException {
        final WaitGroup wg = new WaitGroup();
        wg.add(2);
        assertFalse(wg.await(Duration.ofMillis(10)));
        wg.done();
        assertFalse(wg.await(Duration.ZERO));
        wg.add(-1);
        assertTrue(wg.await(Duration.ZERO));
        wg.add(1); // reuse
        Routines.go(wg::done);
        assertTrue(wg.await(Duration.ofSeconds(10)));
        assertThrows(IllegalArgumentException.class, () -> wg.await(Duration.ofNanos(-1)));
    }

    @Test
    void aNegativeCounterIsAClearErrorAndChangesNothing() throws InterruptedException {
        final WaitGroup wg = new WaitGroup();
        final IllegalStateException e = assertThrows(IllegalStateException.class, wg::done);
        assertTrue(e.getMessage().contains("would go negative: 0 + (-1) = -1"), e.getMessage());
        wg.add(3);
        assertThrows(IllegalStateException.class, () -> wg.add(-4));
        assertEquals(3, wg.count(), "left unchanged");
        wg.add(-3);
        assertTrue(wg.await(Duration.ZERO));
    }

    @Test
    void awaitIsInterruptible() {
        final WaitGroup wg = new WaitGroup();
        wg.add(1);
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, wg::await);
        assertEquals(1, wg.count());
    }
}
