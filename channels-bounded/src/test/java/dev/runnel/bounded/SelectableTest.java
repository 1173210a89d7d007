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
        assertFalse(selectable.registerSender(sendCase), "no receiver yet: registered, nothing ready");

        RecordingWaiter receivingSelector = new RecordingWaiter();
        receivingSelector.reset();
        WaitNode receiveCase = new WaitNode(receivingSelector, 5);
        assertTrue(selectable.registerReceiver(receiveCase), "a sender waits: the hand-off completes at once");

        assertEquals(Waiter.CLAIMED, receivingSelector.state());
        assertEquals(5, receivingSelector.key());
        assertEquals("hello", receivingSelector.item());
        assertEquals(Waiter.CLAIMED, sendingSelector.state());
        assertEquals(3, sendingSelector.key());
        assertSame(Waiter.TAKEN, sendingSelector.item());
        assertEquals(List.of(3), sendingSelector.readied);
        assertFalse(receiveCase.isLinked(), "the receive case that met is not left registered");
        assertNull(channel.tryReceive(), "the value went once, to the selector");
    }

    @Test
    void aHeldSelectorIsToldToTryAndTakesNothingWhileRegistering() {
        Channel<String> channel = BoundedChannel.create(0);
        Selectable selectable = (Selectable) channel;
        Waiter sender = new Waiter(Thread.currentThread());
        sender.reset();
        WaitNode sendCase = new WaitNode(sender, 0);
        sendCase.item("kept");
        assertFalse(selectable.registerSender(sendCase));

        Waiter selector = new Waiter(Thread.currentThread());
        selector.hold();   // busy between selects
        WaitNode receiveCase = new WaitNode(selector, 1);
        assertTrue(selectable.registerReceiver(receiveCase), "a sender waits: try the case");
        assertEquals(Waiter.WAITING, sender.state(), "the sender was not touched");
        assertEquals(Waiter.CLAIMING, selector.state());
        assertEquals("kept", channel.tryReceive(), "the selector's own try takes the value");
        assertEquals(Waiter.CLAIMED, sender.state());
        selectable.unregister(receiveCase);
        assertFalse(channel.trySend("x"), "no receiver left registered");
    }

    @Test
    void aHeldSelectorIsReadiedAndPassedOver() {
        Channel<String> channel = BoundedChannel.create(0);
        Selectable selectable = (Selectable) channel;
        RecordingWaiter selector = new RecordingWaiter();
        selector.hold();
        WaitNode receiveCase = new WaitNode(selector, 4);
        assertFalse(selectable.registerReceiver(receiveCase));
        assertFalse(channel.trySend("not for a busy selector"), "a held selector is not a receiver");
        assertEquals(List.of(4), selector.readied, "but it learns that a sender came by");
        assertTrue(receiveCase.isLinked(), "and stays registered");
        selectable.unregister(receiveCase);
        assertFalse(receiveCase.isLinked());
    }

    @Test
    void aSelectorDoesNotMeetItselfOnOneChannel() {
        Channel<String> channel = BoundedChannel.create(0);
        Selectable selectable = (Selectable) channel;
        Waiter selector = new Waiter(Thread.currentThread());
        selector.reset();
        WaitNode sendCase = new WaitNode(selector, 0);
        sendCase.item("mine");
        assertFalse(selectable.registerSender(sendCase));
        WaitNode receiveCase = new WaitNode(selector, 1);
        assertFalse(selectable.registerReceiver(receiveCase), "its own send case is skipped: registered");
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
        assertFalse(selectable.registerReceiver(receiveCase));
        assertFalse(selectable.registerReceiver(receiveCase), "registering again is allowed");
        assertTrue(channel.trySend("v"));
        assertEquals(Waiter.CLAIMED, selector.state());
        assertEquals(7, selector.key());
        assertSame(Waiter.READY, selector.item());
        assertEquals(List.of(7), selector.readied);
        assertEquals("v", channel.tryReceive(), "the value stays in the buffer for the selector to take");

        selector.reset();
        assertTrue(channel.trySend("a"));
        WaitNode other = new WaitNode(selector, 8);
        assertTrue(selectable.registerReceiver(other), "ready now");
        selectable.unregister(other);
        assertTrue(selectable.signals());
        assertFalse(((Selectable) BoundedChannel.builder().capacity(2).waitStrategy(WaitStrategy.busySpin()).build())
                .signals(), "a busy-spin channel never signals: selectors poll it");
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
        assertFalse(selectable.registerSender(sendCase));
        assertEquals("full", channel.tryReceive());
        assertEquals(Waiter.CLAIMED, selector.state());
        assertSame(Waiter.READY, selector.item());

        selector.reset();
        assertTrue(channel.trySend("again"));
        assertFalse(selectable.registerSender(sendCase));
        channel.close();
        assertSame(Waiter.CLOSED, selector.item(), "close completes every registration");
        assertTrue(selectable.registerSender(sendCase), "closed: try the case (it throws)");
    }
}
