package dev.runnel.ring;

import java.lang.foreign.MemorySegment;

/**
 * Receives messages from {@link MessageRing#controlledRead} and tells the ring, after each one, how to go on.
 */
@FunctionalInterface
public interface ControlledMessageHandler {

    /** What the ring does after a message has been handled. */
    enum Action {
        /** The message is not consumed: stop, and deliver it again on the next read. */
        ABORT,
        /** The message is consumed: stop reading for now. */
        BREAK,
        /** The message is consumed, and so is everything read before it: free the space now, then go on. */
        COMMIT,
        /** The message is consumed: go on with the next one. */
        CONTINUE
    }

    /**
     * Handles one message. The payload is valid only during the call.
     *
     * @param typeId the message's type id, positive
     * @param buffer the ring's buffer (do not write to it)
     * @param offset where the payload starts in {@code buffer}
     * @param length the payload length in bytes, {@code >= 0}
     * @return what the ring does next
     */
    Action onMessage(int typeId, MemorySegment buffer, long offset, int length);
}
