package dev.runnel.bounded;

import dev.runnel.Channel;
import dev.runnel.WaitStrategy;
import dev.runnel.spi.Selectable;
import dev.runnel.spi.WaitNode;
import dev.runnel.spi.Waiter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The select SPI as a selector (issue 5) will use it, exercised directly. */
@Timeout(30)
class SelectableTest {

    /** A selector's waiter that records which cases were readied, as a readiness bitmask would. */
    static final class RecordingWaiter extends Waiter {
        final List<Integer> readied = new ArrayList<>();

        RecordingWaiter() {
            super(Thread.currentThread());
        }

        @Override
        protected void readied(int key) {
            readied.add(key);
        }
    }

    @Test
    void twoSelectorsMeetOnOppositeEndsOfARendezvousChannel() {
        Channel<String> channel = BoundedChannel.create(0);
        Selectable selectable = (Selectable) channel;
        RecordingWaiter sendingSelector = new RecordingWaiter();
        sendingSelector.reset();
        WaitNode sendCase = new WaitNode(sendingSelector, 3);
        sendCase.item("hello");
        assertTrue(selectable.registerSender(sendCase), "no receiver yet: registered");

        RecordingWaiter receivingSelector = new RecordingWaiter();
        receivingSelector.reset();
        WaitNode receiveCase = new WaitNode(receivingSelector, 5);
        assertFalse(selectable.registerReceiver(receiveCase), "a sender waits: completed at once, not registered");

        assertEquals(Waiter.CLAIMED, receivingSelector.state());
        assertEquals(5, receivingSelector.key());
        assertEquals("hello", receivingSelector.item());
        assertEquals(Waiter.CLAIMED, sendingSelector.state());
        assertEquals(3, sendingSelector.key());
        assertSame(Waiter.TAKEN, sendingSelector.item());
        assertEquals(List.of(3), sendingSelector.readied);
        assertNull(channel.tryReceive(), "the value went once, to the selector");
    }

    @Test
    void aSelectorAlreadyWonElsewhereTakesNothing() {
        Channel<String> channel = BoundedChannel.create(0);
        Selectable selectable = (Selectable) channel;
        Waiter sender = new Waiter(Thread.currentThread());
        sender.reset();
        WaitNode sendCase = new WaitNode(sender, 0);
        sendCase.item("kept");
        assertTrue(selectable.registerSender(sendCase));

        Waiter selector = new Waiter(Thread.currentThread());
        selector.reset();
        assertTrue(selector.tryClaim());   // another channel is completing this selector
        assertFalse(selectable.registerReceiver(new WaitNode(selector, 1)));
        assertEquals(Waiter.WAITING, sender.state(), "the sender was not touched");
        selectable.unregister(sendCase);
        assertFalse(channel.trySend("x"), "no receiver left registered");
    }

    @Test
    void aSelectorDoesNotMeetItselfOnOneChannel() {
        Channel<String> channel = BoundedChannel.create(0);
        Selectable selectable = (Selectable) channel;
        Waiter selector = new Waiter(Thread.currentThread());
        selector.reset();
        WaitNode sendCase = new WaitNode(selector, 0);
        sendCase.item("mine");
        assertTrue(selectable.registerSender(sendCase));
        WaitNode receiveCase = new WaitNode(selector, 1);
        assertTrue(selectable.registerReceiver(receiveCase), "its own send case is skipped: registered");
        assertEquals(Waiter.WAITING, selector.state());
        selectable.unregister(sendCase);
        selectable.unregister(receiveCase);
    }

    @Test
    void aBufferedChannelSignalsARegisteredReceiverCase() {
        Channel<String> channel = BoundedChannel.<String>builder().capacity(2).waitStrategy(WaitStrategy.park())
                .build();
        Selectable selectable = (Selectable) channel;
        RecordingWaiter selector = new RecordingWaiter();
        selector.reset();
        WaitNode receiveCase = new WaitNode(selector, 7);
        assertTrue(selectable.registerReceiver(receiveCase));
        assertTrue(channel.trySend("v"));
        assertEquals(Waiter.CLAIMED, selector.state());
        assertEquals(7, selector.key());
        assertSame(Waiter.READY, selector.item());
        assertEquals(List.of(7), selector.readied);
        assertEquals("v", channel.tryReceive(), "the value stays in the buffer for the selector to take");

        selector.reset();
        assertTrue(channel.trySend("a"));
        assertFalse(selectable.registerReceiver(new WaitNode(selector, 8)), "ready now: not registered");
    }

    @Test
    void aBufferedChannelSignalsARegisteredSenderCaseAndClosesIt() {
        Channel<String> channel = BoundedChannel.<String>builder().capacity(1).waitStrategy(WaitStrategy.park())
                .build();
        Selectable selectable = (Selectable) channel;
        assertTrue(channel.trySend("full"));
        Waiter selector = new Waiter(Thread.currentThread());
        selector.reset();
        WaitNode sendCase = new WaitNode(selector, 2);
        sendCase.item("next");
        assertTrue(selectable.registerSender(sendCase));
        assertEquals("full", channel.tryReceive());
        assertEquals(Waiter.CLAIMED, selector.state());
        assertSame(Waiter.READY, selector.item());

        selector.reset();
        assertTrue(channel.trySend("again"));
        assertTrue(selectable.registerSender(sendCase));
        channel.close();
        assertSame(Waiter.CLOSED, selector.item(), "close completes every registration");
    }
}
