package dev.runnel;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The default iterator of {@link ReceiveChannel}, over a scripted single-threaded channel. */
class ReceiveIteratorTest {

    /** Receives the scripted values, then ends as scripted: closed, failed, or interrupted. */
    static final class Scripted implements ReceiveChannel<String> {
        final ArrayDeque<String> values;
        final Throwable end;

        Scripted(Throwable end, String... values) {
            this.values = new ArrayDeque<>(List.of(values));
            this.end = end;
        }

        @Override
        public String receive() throws InterruptedException {
            if (!values.isEmpty()) {
                return values.poll();
            }
            if (end instanceof InterruptedException ie) {
                throw ie;
            }
            throw new ChannelClosedException("closed", end);
        }

        @Override
        public String receive(Duration timeout) throws InterruptedException {
            return receive();
        }

        @Override
        public String tryReceive() {
            return values.poll();
        }

        @Override
        public boolean isClosedForReceive() {
            return values.isEmpty();
        }
    }

    @Test
    void endsNormallyAfterAPlainClose() {
        List<String> seen = new ArrayList<>();
        for (String s : new Scripted(null, "a", "b")) {
            seen.add(s);
        }
        assertEquals(List.of("a", "b"), seen);
    }

    @Test
    void throwsTheCloseCauseAfterAFailedClose() {
        IllegalStateException cause = new IllegalStateException("upstream failed");
        Iterator<String> it = new Scripted(cause, "a").iterator();
        assertEquals("a", it.next());
        ChannelClosedException e = assertThrows(ChannelClosedException.class, it::hasNext);
        assertSame(cause, e.getCause());
        assertFalse(it.hasNext(), "ended after the failure was reported");
    }

    @Test
    void hasNextIsIdempotentAndNextWithoutValueThrows() {
        Iterator<String> it = new Scripted(null, "a").iterator();
        assertTrue(it.hasNext());
        assertTrue(it.hasNext());
        assertEquals("a", it.next());
        assertFalse(it.hasNext());
        assertThrows(NoSuchElementException.class, it::next);
    }

    @Test
    void interruptBecomesCancellationWithTheFlagSetAgain() {
        Iterator<String> it = new Scripted(new InterruptedException(), "a").iterator();
        assertEquals("a", it.next());
        try {
            CancellationException e = assertThrows(CancellationException.class, it::hasNext);
            assertInstanceOf(InterruptedException.class, e.getCause());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            assertTrue(Thread.interrupted());
        }
    }

    @Test
    void closedExceptionCarriesItsCause() {
        assertNull(new ChannelClosedException("x").getCause());
        RuntimeException cause = new RuntimeException();
        assertSame(cause, new ChannelClosedException("x", cause).getCause());
        assertInstanceOf(IllegalStateException.class, new ChannelClosedException("x"));
    }
}
