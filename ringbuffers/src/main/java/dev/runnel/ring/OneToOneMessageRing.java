package dev.runnel.ring;

import java.lang.foreign.MemorySegment;

/**
 * A {@link MessageRing} for one producer thread and one consumer thread.
 *
 * <p><b>Note:</b> one thread at a time may write ({@code write}, {@code tryClaim}, {@code commit},
 * {@code abort}) and one thread at a time may read. The producer owns the tail: it moves it with a release
 * store, no CAS.
 */
final class OneToOneMessageRing extends AbstractMessageRing {

    OneToOneMessageRing(MemorySegment buffer) {
        super(buffer);
    }

    @Override
    long claim(int required) {
        final long tail = tailPlain();
        final int padding = paddingFor(tail, required);
        if (padding < 0) {
            return INSUFFICIENT_CAPACITY;
        }
        tailRelease(tail + required + padding);
        return claimed(tail, padding);
    }
}
