package dev.runnel;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;

/**
 * The iterator behind {@link ReceiveChannel#iterator()}: {@link #hasNext()} blocks in
 * {@link ReceiveChannel#receive()} and holds the value until {@link #next()} takes it.
 */
final class ReceiveIterator<T> implements Iterator<T> {
    private final ReceiveChannel<T> channel;
    private T next;
    private boolean ended;

    ReceiveIterator(ReceiveChannel<T> channel) {
        this.channel = channel;
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        if (ended) {
            return false;
        }
        try {
            next = channel.receive();
            return true;
        } catch (ChannelClosedException e) {
            ended = true;
            if (e.getCause() != null) {
                throw e;
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            CancellationException ce = new CancellationException("interrupted while waiting for a value");
            ce.initCause(e);
            throw ce;
        }
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException("channel closed and drained");
        }
        T value = next;
        next = null;
        return value;
    }
}
