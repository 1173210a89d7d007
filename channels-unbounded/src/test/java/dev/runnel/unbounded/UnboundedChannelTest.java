package dev.runnel.unbounded;

import dev.runnel.ChannelClosedException;
import dev.runnel.WaitStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.ref.WeakReference;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The unbounded channel's own rules: sends never block, memory follows what is buffered. */
@Timeout(60)
class UnboundedChannelTest {

    @Test
    void sendsNeverBlockAndValuesComeOutInOrder() throws InterruptedException {
        UnboundedChannel<Integer> channel = UnboundedChannel.create();
        int n = 10 * Segment.SIZE + 7;
        for (int i = 0; i < n; i++) {
            channel.send(i);
        }
        assertTrue(channel.send(n, Duration.ZERO));
        assertEquals(n + 1, channel.size());
        assertEquals(Integer.MAX_VALUE, channel.capacity());
        for (int i = 0; i <= n; i++) {
            assertEquals(i, channel.receive());
        }
        assertNull(channel.tryReceive());
        assertEquals(0, channel.size());
    }

    @Test
    void drainedSegmentsAreReleased() throws InterruptedException {
        SegmentQueue<Integer> queue = new SegmentQueue<>();
        WeakReference<Segment> first = new WeakReference<>(queue.receiveSegment());
        for (int i = 0; i < 4 * Segment.SIZE; i++) {
            assertTrue(queue.offer(i));
        }
        for (int i = 0; i < 4 * Segment.SIZE; i++) {
            assertEquals(i, queue.poll());
        }
        assertEquals(3, queue.receiveSegment().id, "the receive hint moved to the last segment read");
        for (int i = 0; i < 100 && first.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertNull(first.get(), "the first segment is unreachable once drained");
    }

    @Test
    void closeStopsSendsAndReceiversDrainFirst() throws InterruptedException {
        UnboundedChannel<String> channel = UnboundedChannel.create(WaitStrategy.park());
        channel.send("a");
        channel.send("b");
        channel.close();
        assertThrows(ChannelClosedException.class, () -> channel.send("c"));
        assertThrows(ChannelClosedException.class, () -> channel.trySend("c"));
        assertEquals("a", channel.receive());
        assertEquals("b", channel.receive(Duration.ofSeconds(1)));
        assertTrue(channel.isClosedForReceive());
        assertThrows(ChannelClosedException.class, channel::receive);
        assertThrows(ChannelClosedException.class, () -> channel.receive(Duration.ofDays(1)));
        assertThrows(ChannelClosedException.class, channel::tryReceive);
    }

    @Test
    void badArguments() {
        UnboundedChannel<String> channel = UnboundedChannel.create();
        assertThrows(NullPointerException.class, () -> channel.send(null));
        assertThrows(IllegalArgumentException.class, () -> channel.send("x", Duration.ofNanos(-1)));
        assertThrows(NullPointerException.class, () -> UnboundedChannel.create(null));
        assertEquals(0, channel.size(), "nothing sent by a rejected call");
    }
}
