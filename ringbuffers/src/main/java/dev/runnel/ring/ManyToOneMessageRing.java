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
        final int capacity = this.capacity;
        long head = headCacheOpaque();
        long tail;
        int tailIndex;
        int padding;
        do {
            tail = tailVolatile();
            if (required > capacity - (tail - head)) {
                head = headAcquire();
                if (required > capacity - (tail - head)) {
                    return INSUFFICIENT_CAPACITY;
                }
                headCacheOpaque(head);
            }
            padding = 0;
            tailIndex = (int) tail & mask;
            final int toBufferEnd = capacity - tailIndex;
            if (required > toBufferEnd) {
                int headIndex = (int) head & mask;
                if (required > headIndex) {
                    head = headAcquire();
                    headIndex = (int) head & mask;
                    if (required > headIndex) {
                        return INSUFFICIENT_CAPACITY;
                    }
                    headCacheOpaque(head);
                }
                padding = toBufferEnd;
            }
        } while (!casTail(tail, tail + required + padding));
        if (padding != 0) {
            writePadding(tailIndex, padding);
            tailIndex = 0;
        }
        return tailIndex;
    }
}
