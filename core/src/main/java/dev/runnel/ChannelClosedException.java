package dev.runnel;

import java.io.Serial;

/**
 * Thrown by a send on a closed channel, and by a receive on a closed and drained channel.
 *
 * <p>{@link #getCause()} is the argument of {@link SendChannel#close(Throwable)}, or {@code null} after a plain
 * {@link SendChannel#close()}.
 */
public class ChannelClosedException extends IllegalStateException {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception for a channel closed with the given cause.
     *
     * @param message what was attempted on the closed channel
     * @param cause   the close cause, or {@code null} if the channel was closed normally
     */
    public ChannelClosedException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates an exception for a channel closed normally.
     *
     * @param message what was attempted on the closed channel
     */
    public ChannelClosedException(String message) {
        super(message);
    }
}
