package dev.runnel;

import java.time.Duration;

/**
 * The sending end of a channel.
 *
 * <p>{@code null} is never a value: every send method throws {@link NullPointerException} for a {@code null}
 * value, before any effect on the channel. Sending on a closed channel throws {@link ChannelClosedException}
 * whose cause is the {@link #close(Throwable)} argument, if any.
 *
 * @param <T> the type of the values sent
 */
public interface SendChannel<T> {

    /**
     * Sends a value, waiting while the channel is full (for a rendezvous channel: until a receiver takes it).
     *
     * @param value the value to send, not {@code null}
     * @throws NullPointerException   if {@code value} is {@code null}
     * @throws ChannelClosedException if the channel is closed, before or while waiting; nothing is sent
     * @throws InterruptedException   if interrupted while waiting; nothing is sent and the interrupt status
     *                                is cleared
     */
    void send(T value) throws InterruptedException;

    /**
     * Sends a value, waiting at most {@code timeout} while the channel is full.
     *
     * @param value   the value to send, not {@code null}
     * @param timeout how long to wait at most, not negative; zero makes this {@link #trySend(Object)}
     * @return {@code true} if sent, {@code false} if the timeout elapsed first (nothing was sent)
     * @throws NullPointerException     if {@code value} or {@code timeout} is {@code null}
     * @throws IllegalArgumentException if {@code timeout} is negative
     * @throws ChannelClosedException   if the channel is closed, before or while waiting; nothing is sent
     * @throws InterruptedException     if interrupted while waiting; nothing is sent and the interrupt status
     *                                  is cleared
     */
    boolean send(T value, Duration timeout) throws InterruptedException;

    /**
     * Sends a value if that can be done without waiting. A rendezvous channel accepts it only if a receiver
     * is already waiting.
     *
     * @param value the value to send, not {@code null}
     * @return {@code true} if sent, {@code false} if the send would have had to wait (nothing was sent)
     * @throws NullPointerException   if {@code value} is {@code null}
     * @throws ChannelClosedException if the channel is closed
     */
    boolean trySend(T value);

    /**
     * Closes the channel: no more values are accepted, values already buffered are still delivered, and
     * receivers end normally once they are drained. Waiting senders wake and throw
     * {@link ChannelClosedException}.
     *
     * @return {@code true} if this call closed the channel, {@code false} if it was already closed
     */
    boolean close();

    /**
     * Closes the channel as failed: as {@link #close()}, but the {@link ChannelClosedException}s thrown to
     * senders and, once drained, to receivers carry {@code cause}.
     *
     * @param cause why the channel failed; {@code null} makes this {@link #close()}
     * @return {@code true} if this call closed the channel, {@code false} if it was already closed
     */
    boolean close(Throwable cause);

    /**
     * Tells whether the channel is closed for sending: after this returns {@code true}, every send throws.
     *
     * @return {@code true} once the channel has been closed
     */
    boolean isClosedForSend();
}
