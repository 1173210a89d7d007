package dev.runnel.priority;

import dev.runnel.ChannelClosedException;
import dev.runnel.SendChannel;
import dev.runnel.WaitStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class PriorityChannelTest {

    @Test
    void mostUrgentLevelFirstFifoWithinALevel() throws InterruptedException {
        PriorityChannel<String> channel = PriorityChannel.create(3, 8);
        channel.send("low1", 2);
        channel.send("mid1", 1);
        channel.send("low2", 2);
        channel.send("high1", 0);
        channel.send("mid2", 1);
        channel.send("high2", 0);
        assertEquals(6, channel.size());
        assertEquals(List.of("high1", "high2", "mid1", "mid2", "low1", "low2"), drain(channel));
    }

    @Test
    void everyLevelOfSixtyFourIsReachable() throws InterruptedException {
        PriorityChannel<Integer> channel = PriorityChannel.create(64, 1);
        for (int level = 63; level >= 0; level--) {
            channel.send(level, level);
        }
        for (int level = 0; level < 64; level++) {
            assertEquals(level, channel.receive());
        }
        assertNull(channel.tryReceive());
    }

    @Test
    void perLevelCapacityIsExact() {
        PriorityChannel<Integer> channel = PriorityChannel.<Integer>builder().capacities(2, 3).build();
        assertEquals(2, channel.levels());
        assertEquals(2, channel.capacity(0));
        assertEquals(3, channel.capacity(1));
        assertTrue(channel.trySend(1, 0));
        assertTrue(channel.trySend(2, 0));
        assertFalse(channel.trySend(3, 0), "level 0 full at 2");
        assertTrue(channel.trySend(4, 1), "level 1 is independent");
        assertEquals(2, channel.size(0));
        assertEquals(1, channel.size(1));
    }

    @Test
    void badArgumentsNameTheRange() {
        PriorityChannel<Integer> channel = PriorityChannel.create(3, 4);
        IllegalArgumentException level = assertThrows(IllegalArgumentException.class, () -> channel.send(1, 3));
        assertTrue(level.getMessage().contains("level=3") && level.getMessage().contains("[0, 2]"),
                level.getMessage());
        assertThrows(IllegalArgumentException.class, () -> channel.trySend(1, -1));
        assertThrows(IllegalArgumentException.class, () -> channel.sender(3));
        assertThrows(NullPointerException.class, () -> channel.send(null, 0));
        assertThrows(IllegalArgumentException.class, () -> channel.send(1, 0, Duration.ofMillis(-1)));
        assertEquals(0, channel.size(), "nothing sent by a rejected call");
        IllegalArgumentException levels = assertThrows(IllegalArgumentException.class,
                () -> PriorityChannel.create(65, 4));
        assertTrue(levels.getMessage().contains("[1, 64]"), levels.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PriorityChannel.create(0, 4));
        assertThrows(IllegalArgumentException.class, () -> PriorityChannel.create(2, 0));
        assertThrows(IllegalArgumentException.class, () -> PriorityChannel.builder().antiStarvation(-1));
        assertThrows(IllegalArgumentException.class, () -> PriorityChannel.builder().capacities(1, 0));
        assertThrows(IllegalArgumentException.class,
                () -> PriorityChannel.builder().capacities(1, 2).levels(3).build());
    }

    @Test
    void antiStarvationServesALowerLevelAfterKHigherValues() throws InterruptedException {
        PriorityChannel<String> channel = PriorityChannel.<String>builder().levels(2).capacityPerLevel(16)
                .antiStarvation(3).build();
        for (int i = 0; i < 8; i++) {
            channel.send("h" + i, 0);
        }
        channel.send("l0", 1);
        channel.send("l1", 1);
        assertEquals(List.of("h0", "h1", "h2", "l0", "h3", "h4", "h5", "l1", "h6", "h7"), drain(channel));
    }

    @Test
    void withoutAntiStarvationLowerLevelsWait() throws InterruptedException {
        PriorityChannel<String> channel = PriorityChannel.create(2, 16);
        for (int i = 0; i < 5; i++) {
            channel.send("h" + i, 0);
        }
        channel.send("l0", 1);
        assertEquals(List.of("h0", "h1", "h2", "h3", "h4", "l0"), drain(channel));
    }

    @Test
    void levelSenderViewSendsAtItsLevelAndClosesTheChannel() throws InterruptedException {
        PriorityChannel<String> channel = PriorityChannel.create(2, 4);
        SendChannel<String> low = channel.sender(1);
        SendChannel<String> high = channel.sender(0);
        low.send("low");
        assertTrue(high.send("high", Duration.ZERO));
        assertTrue(high.trySend("high2"));
        assertEquals("high", channel.receive());
        IllegalStateException cause = new IllegalStateException("feed down");
        assertTrue(low.close(cause));
        assertTrue(high.isClosedForSend());
        assertFalse(high.close());
        assertThrows(ChannelClosedException.class, () -> high.send("x"));
        assertEquals("high2", channel.receive());
        assertEquals("low", channel.receive());
        ChannelClosedException e = assertThrows(ChannelClosedException.class, channel::receive);
        assertSame(cause, e.getCause());
        assertTrue(channel.isClosedForReceive());
    }

    @Test
    void blockedSenderAtAFullLevelWakesWhenThatLevelDrains() throws Exception {
        PriorityChannel<Integer> channel = PriorityChannel.<Integer>builder().levels(2).capacityPerLevel(1)
                .waitStrategy(WaitStrategy.park()).build();
        channel.send(1, 1);
        Thread sender = Thread.ofVirtual().start(() -> {
            try {
                channel.send(2, 1);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        while (sender.getState() != Thread.State.WAITING) {
            Thread.sleep(1);
        }
        assertTrue(channel.trySend(10, 0), "the other level has room");
        assertEquals(10, channel.receive());
        assertEquals(1, channel.receive());
        sender.join();
        assertEquals(2, channel.receive());
    }

    @Test
    void timedSendAtAFullLevelTimesOutAndLeavesNothing() throws InterruptedException {
        PriorityChannel<Integer> channel = PriorityChannel.create(2, 1);
        channel.send(1, 0);
        assertFalse(channel.send(2, 0, Duration.ofMillis(20)));
        assertEquals(1, channel.size());
        assertEquals(1, channel.receive());
        assertNull(channel.receive(Duration.ofMillis(10)));
        assertTrue(channel.toString().contains("levels=2"), channel.toString());
    }

    private static List<String> drain(PriorityChannel<?> channel) {
        List<String> values = new ArrayList<>();
        Object v;
        while ((v = channel.tryReceive()) != null) {
            values.add(String.valueOf(v));
        }
        return values;
    }
}
