package dev.runnel;

/**
 * A channel: both ends of a Go-style channel in one object.
 *
 * @param <T> the type of the values carried
 */
public interface Channel<T> extends SendChannel<T>, ReceiveChannel<T> {

    /**
     * Returns how many values the channel buffers: exactly the capacity it was created with.
     *
     * @return {@code 0} for a rendezvous channel, {@link Integer#MAX_VALUE} for an unbounded one
     */
    int capacity();

    /**
     * Returns how many values are buffered now. Under concurrent use this is a snapshot that may be stale as
     * soon as it is returned.
     *
     * @return a value between {@code 0} and {@link #capacity()}
     */
    int size();
}
