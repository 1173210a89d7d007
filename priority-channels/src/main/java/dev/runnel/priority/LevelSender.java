package dev.runnel.priority;

import dev.runnel.SendChannel;
import dev.runnel.spi.Selectable;
import dev.runnel.spi.WaitNode;

import java.time.Duration;

/** {@link PriorityChannel#sender(int)}: sends at one level; closing it closes the whole channel. */
final class LevelSender<T> implements SendChannel<T>, Selectable {
    private final PriorityChannel<T> channel;
    private final int level;

    LevelSender(PriorityChannel<T> channel, int level) {
        this.channel = channel;
        this.level = level;
    }

    @Override
    public void send(T value) throws InterruptedException {
        channel.send(value, level);
    }

    @Override
    public boolean send(T value, Duration timeout) throws InterruptedException {
        return channel.send(value, level, timeout);
    }

    @Override
    public boolean trySend(T value) {
        return channel.trySend(value, level);
    }

    @Override
    public boolean close() {
        return channel.close();
    }

    @Override
    public boolean close(Throwable cause) {
        return channel.close(cause);
    }

    @Override
    public boolean isClosedForSend() {
        return channel.isClosedForSend();
    }

    @Override
    public boolean registerReceiver(WaitNode node) {
        throw new UnsupportedOperationException("a level sender has no receive side");
    }

    @Override
    public boolean registerSender(WaitNode node) {
        return channel.registerSenderAt(node, level);
    }

    @Override
    public void unregister(WaitNode node) {
        channel.unregister(node);
    }

    @Override
    public void forwardReceiverSignal() {
        channel.forwardReceiverSignal();
    }

    @Override
    public void forwardSenderSignal() {
        channel.forwardSenderSignalAt(level);
    }

    @Override
    public String toString() {
        return "PriorityChannel.sender(" + level + ") of " + channel;
    }
}
