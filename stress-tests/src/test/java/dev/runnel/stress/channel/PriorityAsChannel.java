package dev.runnel.stress.channel;

import dev.runnel.Channel;
import dev.runnel.priority.PriorityChannel;

import java.time.Duration;

/** A priority channel seen as a {@link Channel} that sends at one level, so the contract tests cover it. */
final class PriorityAsChannel<T> implements Channel<T> {
    private final PriorityChannel<T> channel;
    private final int level;

    PriorityAsChannel(PriorityChannel<T> channel, int level) {
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
    public T receive() throws InterruptedException {
        return channel.receive();
    }

    @Override
    public T receive(Duration timeout) throws InterruptedException {
        return channel.receive(timeout);
    }

    @Override
    public T tryReceive() {
        return channel.tryReceive();
    }

    @Override
    public boolean isClosedForReceive() {
        return channel.isClosedForReceive();
    }

    @Override
    public int capacity() {
        return channel.capacity(level);
    }

    @Override
    public int size() {
        return channel.size();
    }

    @Override
    public String toString() {
        return channel.toString();
    }
}
