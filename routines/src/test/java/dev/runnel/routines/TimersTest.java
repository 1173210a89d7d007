package dev.runnel.routines;

import dev.runnel.Channel;
import dev.runnel.ChannelClosedException;
import dev.runnel.ReceiveChannel;
import dev.runnel.bounded.BoundedChannel;
import dev.runnel.select.Selector;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimersTest {

    @Test
    void afterDeliversOnceAfterTheDelay() throws InterruptedException {
        final long start = System.nanoTime();
        final ReceiveChannel<Instant> timer = Timers.after(Duration.ofMillis(30));
        assertNull(timer.tryReceive());
        final Instant fired = timer.receive();
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(30).toNanos());
        assertNotNull(fired);
        assertNull(timer.receive(Duration.ofMillis(50)), "one value only");
        assertFalse(timer.isClosedForReceive(), "like Go's time.After: never closed");
    }

    @Test
    void tickerTicksUntilClosedThenDrainsAndEnds() throws InterruptedException {
        final Ticker ticker = Timers.tick(Duration.ofMillis(5));
        Instant previous = ticker.receive();
        for (int i = 0; i < 5; i++) {
            final Instant next = ticker.receive();
            assertTrue(next.isAfter(previous) || next.equals(previous));
            previous = next;
        }
        Thread.sleep(20); // a tick is held now (the slot keeps one; the rest were dropped)
        ticker.close();
        ticker.close();
        assertNotNull(ticker.receive(), "the tick held before close is still received");
        assertThrows(ChannelClosedException.class, ticker::receive);
        assertTrue(ticker.isClosedForReceive());
    }

    @Test
    void aTimerIsACaseOfASelect() throws InterruptedException {
        final Channel<String> quiet = BoundedChannel.create(4);
        try (Selector selector = Selector.create()) {
            final Selector.ReceiveCase<String> data = selector.receive(quiet);
            final Selector.ReceiveCase<Instant> timeout = selector.receive(Timers.after(Duration.ofMillis(20)));
            assertSame(timeout, selector.select(), "nothing on the channel: the timer wins");
            assertNotNull(timeout.value());
            quiet.send("x");
            assertSame(data, selector.select());
        }
        try (Ticker ticker = Timers.tick(Duration.ofMillis(2)); Selector selector = Selector.create()) {
            final Selector.ReceiveCase<Instant> tick = selector.receive(ticker);
            for (int i = 0; i < 3; i++) {
                assertSame(tick, selector.select());
            }
        }
    }

    @Test
    void badDurationsAreClearErrors() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Timers.after(Duration.ofMillis(-1)))
                .getMessage().contains("delay=PT-0.001S must not be negative"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Timers.tick(Duration.ZERO))
                .getMessage().contains("period=PT0S must be positive"));
        assertThrows(NullPointerException.class, () -> Timers.after(null));
    }
}
