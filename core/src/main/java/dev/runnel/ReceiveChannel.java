package dev.runnel;

import java.time.Duration;
import java.util.Iterator;

/**
 * The receiving end of a channel.
 *
 * <p>After the channel is closed, receivers still drain every buffered value; once it is drained,
 * {@link #receive()}, {@link #receive(Duration)} and {@link #tryReceive()} throw
 * {@link ChannelClosedException}, carrying the {@link SendChannel#close(Throwable)} cause if there was one.
 *
 * <p>Iterating over a channel ({@code for (T v : channel)}) receives values until the channel is closed and
 * drained: the iteration ends normally after {@link SendChannel#close()} and throws
 * {@link ChannelClosedException} after {@link SendChannel#close(Throwable)}. An iteration interrupted while
 * waiting throws {@link java.util.concurrent.CancellationException} with the interrupt status set again, since
 * {@link Iterator#hasNext()} cannot throw {@link InterruptedException}; no value is lost.
 *
 * @param <T> the type of the values received
 */
public interface ReceiveChannel<T> extends Iterable<T> {

    /**
     * Receives a value, waiting while the channel is empty.
     *
     * @return the value, never {@code null}
     * @throws ChannelClosedException if the channel is closed and drained, before or while waiting
     * @throws InterruptedException   if interrupted while waiting; nothing is received and the interrupt
     *                                status is cleared
     */
    T receive() throws InterruptedException;

    /**
     * Receives a value, waiting at most {@code timeout} while the channel is empty.
     *
     * @param timeout how long to wait at most, not negative; zero makes this {@link #tryReceive()}
     * @return the value, or {@code null} if the timeout elapsed first (nothing was received)
     * @throws NullPointerException     if {@code timeout} is {@code null}
     * @throws IllegalArgumentException if {@code timeout} is negative
     * @throws ChannelClosedException   if the channel is closed and drained (at once, not after the timeout)
     * @throws InterruptedException     if interrupted while waiting; nothing is received and the interrupt
     *                                  status is cleared
     */
    T receive(Duration timeout) throws InterruptedException;

    /**
     * Receives a value if one is ready now.
     *
     * @return the value, or {@code null} if none is ready
     * @throws ChannelClosedException if the channel is closed and drained
     */
    T tryReceive();

    /**
     * Tells whether the channel is closed and drained: after this returns {@code true}, every receive throws.
     *
     * @return {@code true} once the channel is closed and holds no more values
     */
    boolean isClosedForReceive();

    /**
     * Returns an iterator that receives values until the channel is closed and drained.
     *
     * @return a single-use iterator over the values received
     */
    @Override
    default Iterator<T> iterator() {
        return new ReceiveIterator<>(this);
    }
}
