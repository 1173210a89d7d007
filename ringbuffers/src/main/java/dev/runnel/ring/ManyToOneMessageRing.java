package dev.runnel.ring;

import java.lang.foreign.MemorySegment;

/**
 * A {@link MessageRing} for many producers, threads or processes, and one consumer thread.
 *
 * <p><b>Note:</b> any thread of any process that maps the segment may write; one thread at a time may read.
 * Producers claim space by a CAS of the tail position; the producers' cached head position lives in the
 * trailer, shared by all of them as a hint (it can only be stale low, never high).
 */
final class ManyToOneMessageRing extends AbstractMessageRing {

    ManyToOneMessageRing(MemorySegment buffer) {
        super(buffer);
    }

    @Override
    long claim(int required) {
        long tail;
        int padding;
        do {
            tail = tailVolatile();
            padding = paddingFor(tail, required);
            if (padding < 0) {
                return INSUFFICIENT_CAPACITY;
            }
        } while (!casTail(tail, tail + required + padding));
        return claimed(tail, padding);
    }
}
