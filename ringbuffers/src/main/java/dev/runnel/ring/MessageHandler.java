package dev.runnel.ring;

import java.lang.foreign.MemorySegment;

/** Receives the messages a {@link MessageRing} reads, one call per message, on the consumer thread. */
@FunctionalInterface
public interface MessageHandler {
    /**
     * Handles one message. The payload is valid only during the call: copy what must outlive it.
     *
     * @param typeId the message's type id, positive
     * @param buffer the ring's buffer (do not write to it)
     * @param offset where the payload starts in {@code buffer}
     * @param length the payload length in bytes, {@code >= 0}
     */
    void onMessage(int typeId, MemorySegment buffer, long offset, int length);
}
