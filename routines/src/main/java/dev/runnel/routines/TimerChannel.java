package dev.runnel.routines;

import dev.runnel.Channel;
import dev.runnel.ChannelClosedException;
import dev.runnel.ReceiveChannel;
import dev.runnel.bounded.BoundedChannel;
import dev.runnel.spi.Selectable;
import dev.runnel.spi.WaitNode;

import java.time.Duration;
import java.time.Instant;

/**
 * The receive side of a timer: a one-slot channel the JDK's scheduled executor sends the time into. A tick
 * finding the slot full is dropped (Go's tickers drop ticks for slow receivers too). Selectable as any Runnel
 * channel: a timer in a select wakes the selector when it fires.
 */
class TimerChannel implements ReceiveChannel<Instant>, Selectable {
    final Channel<Instant> slot = BoundedChannel.create(1);
    private final Selectable selectable = (Selectable) slot;

    /** Sends the current time, unless the slot is full or the timer stopped. */
    final void fire() {
        try {
            slot.trySend(Instant.now());
        } catch (ChannelClosedException stopped) {
            // stopped between the executor's run and this send: nothing to deliver
        }
    }

    @Override
    public Instant receive() throws InterruptedException {
        return slot.receive();
    }

    @Override
    public Instant receive(Duration timeout) throws InterruptedException {
        return slot.receive(timeout);
    }

    @Override
    public Instant tryReceive() {
        return slot.tryReceive();
    }

    @Override
    public boolean isClosedForReceive() {
        return slot.isClosedForReceive();
    }

    @Override
    public boolean registerReceiver(WaitNode node) {
        return selectable.registerReceiver(node);
    }

    @Override
    public boolean registerSender(WaitNode node) {
        throw new UnsupportedOperationException("a timer channel is receive-only");
    }

    @Override
    public void unregister(WaitNode node) {
        selectable.unregister(node);
    }

    @Override
    public void forwardReceiverSignal() {
        selectable.forwardReceiverSignal();
    }

    @Override
    public void forwardSenderSignal() {
        selectable.forwardSenderSignal();
    }

    @Override
    public boolean signals() {
        return selectable.signals();
    }
}
