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
        final int capacity = this.capacity;
        final long tail = tailPlain();
        long head = headCacheOpaque();
        if (required > capacity - (tail - head)) {
            head = headAcquire();
            if (required > capacity - (tail - head)) {
                return INSUFFICIENT_CAPACITY;
            }
            headCacheOpaque(head);
        }
        int padding = 0;
        int tailIndex = (int) tail & mask;
        final int toBufferEnd = capacity - tailIndex;
        if (required > toBufferEnd) {
            // The record must start at 0: [0, head index) must hold it.
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
        tailRelease(tail + required + padding);
        if (padding != 0) {
            writePadding(tailIndex, padding);
            tailIndex = 0;
        }
        return tailIndex;
    }
}
