package dev.runnel.ring;

import dev.runnel.spi.Timeouts;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.Objects;

import static dev.runnel.ring.MessageRingDescriptor.CONSUMER_HEARTBEAT_OFFSET;
import static dev.runnel.ring.MessageRingDescriptor.HEAD_CACHE_POSITION_OFFSET;
import static dev.runnel.ring.MessageRingDescriptor.HEAD_POSITION_OFFSET;
import static dev.runnel.ring.MessageRingDescriptor.TAIL_POSITION_OFFSET;
import static dev.runnel.ring.RecordDescriptor.ALIGNMENT;
import static dev.runnel.ring.RecordDescriptor.HEADER_LENGTH;
import static dev.runnel.ring.RecordDescriptor.PADDING_TYPE_ID;
import static dev.runnel.ring.RecordDescriptor.align;
import static dev.runnel.ring.RecordDescriptor.header;
import static dev.runnel.ring.RecordDescriptor.lengthOffset;
import static dev.runnel.ring.RecordDescriptor.payloadOffset;
import static dev.runnel.ring.RecordDescriptor.typeOffset;

/**
 * What both message rings share: checks, the write and commit protocol, the consumer side, and the accessors
 * of the trailer. The two kinds differ only in how producers claim space ({@link #claim(int)}).
 *
 * <p>Write protocol, after Agrona's ring buffers: claim {@code required} aligned bytes (moving the tail); store
 * the header with a <em>negative</em> length (release), so that a claim in progress is never mistaken for free
 * space; copy the payload; store the positive length (release). The consumer reads the length with acquire
 * semantics and stops at the first record whose length is not positive. After reading, it zeroes the space it
 * read, then moves the head (release): producers that see the new head (acquire) see zeroed space, so the
 * ring's invariant, "unwritten records read as length 0", holds across wraps.
 *
 * <p>Memory accessors name their mode; match {@code Release} stores with {@code Acquire} loads.
 */
abstract sealed class AbstractMessageRing implements MessageRing permits OneToOneMessageRing, ManyToOneMessageRing {
    static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
    static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();
    private static final long NOT_STALLED = Long.MIN_VALUE;

    final MemorySegment buffer;
    final int capacity;
    final int mask;
    final int maxMessageLength;
    final long tailPositionIndex;
    final long headCachePositionIndex;
    final long headPositionIndex;
    final long consumerHeartbeatIndex;

    // Consumer-local (this object, not the shared segment): the head last seen blocked, and since when.
    private long stalledHead = -1;
    private long stalledSinceNanos = NOT_STALLED;

    AbstractMessageRing(MemorySegment buffer) {
        Objects.requireNonNull(buffer, "segment");
        this.capacity = MessageRingDescriptor.capacityOf(buffer);
        this.buffer = buffer;
        this.mask = capacity - 1;
        this.maxMessageLength = capacity / 8;
        this.tailPositionIndex = capacity + (long) TAIL_POSITION_OFFSET;
        this.headCachePositionIndex = capacity + (long) HEAD_CACHE_POSITION_OFFSET;
        this.headPositionIndex = capacity + (long) HEAD_POSITION_OFFSET;
        this.consumerHeartbeatIndex = capacity + (long) CONSUMER_HEARTBEAT_OFFSET;
    }

    /**
     * Claims {@code required} aligned bytes, writing a padding record first if they do not fit before the end
     * of the buffer.
     *
     * @return the offset of the claimed record, or {@link #INSUFFICIENT_CAPACITY}
     */
    abstract long claim(int required);

    // ---- producer side

    final void checkLength(int length) {
        if (length < 0 || length > maxMessageLength) {
            throw new IllegalArgumentException(
                    "length=" + length + ", must be in [0, " + maxMessageLength + "] (maxMessageLength)");
        }
    }

    @Override
    public final boolean write(int typeId, MemorySegment src, long srcOffset, int length) {
        RecordDescriptor.checkTypeId(typeId);
        checkLength(length);
        Objects.requireNonNull(src, "src");
        if (srcOffset < 0 || srcOffset > src.byteSize() - length) {
            throw new IllegalArgumentException("srcOffset=" + srcOffset + ", length=" + length
                    + ": must lie within src, whose byteSize()=" + src.byteSize());
        }
        final long recordIndex = claimRecord(typeId, length);
        if (recordIndex < 0) {
            return false;
        }
        final MemorySegment buffer = this.buffer;
        MemorySegment.copy(src, srcOffset, buffer, payloadOffset(recordIndex), length);
        INT.setRelease(buffer, lengthOffset(recordIndex), length + HEADER_LENGTH);   // committed: payload first
        return true;
    }

    @Override
    public final long tryClaim(int typeId, int length) {
        RecordDescriptor.checkTypeId(typeId);
        checkLength(length);
        final long recordIndex = claimRecord(typeId, length);
        return recordIndex < 0 ? INSUFFICIENT_CAPACITY : payloadOffset(recordIndex);
    }

    /**
     * Claims room for a checked message and marks it in progress: the header holds the negated record
     * length until the commit.
     *
     * @return the record's offset, or a negative value if there is no room
     */
    private long claimRecord(int typeId, int length) {
        final int recordLength = length + HEADER_LENGTH;
        final long recordIndex = claim(align(recordLength));
        if (recordIndex >= 0) {
            LONG.setRelease(buffer, recordIndex, header(-recordLength, typeId));   // claimed, in progress
        }
        return recordIndex;
    }

    @Override
    public final void commit(long index) {
        final int recordLength = -claimedLength(index);
        INT.setRelease(buffer, lengthOffset(index - HEADER_LENGTH), recordLength);
    }

    @Override
    public final void abort(long index) {
        final int recordLength = -claimedLength(index);
        LONG.setRelease(buffer, index - HEADER_LENGTH, header(recordLength, PADDING_TYPE_ID));
    }

    /**
     * Checks a claim's index and returns the length field of its record, negative while the claim is in
     * progress.
     */
    private int claimedLength(long index) {
        final long recordIndex = index - HEADER_LENGTH;
        if (recordIndex < 0 || index > capacity || (recordIndex & (ALIGNMENT - 1)) != 0) {
            throw new IllegalArgumentException("index=" + index + ", must be a tryClaim result: in ["
                    + HEADER_LENGTH + ", " + capacity + "] and " + ALIGNMENT + "-byte aligned + " + HEADER_LENGTH);
        }
        final int length = (int) INT.getAcquire(buffer, lengthOffset(recordIndex));
        if (length >= 0) {
            throw new IllegalStateException("index=" + index + ": no claim in progress there (length=" + length
                    + "): committed or aborted already, or never claimed");
        }
        return length;
    }

    // ---- consumer side

    @Override
    public final int read(MessageHandler handler, int limit) {
        Objects.requireNonNull(handler, "handler");
        if (limit < 0) {
            throw new IllegalArgumentException("limit=" + limit + ", must be >= 0");
        }
        final long before = headPlain();
        final int read = readContiguous(handler, limit);
        final long after = headPlain();
        // Stopped at the buffer's end with room for more: go on from offset 0 (the ring has wrapped).
        if (read < limit && after != before && ((int) after & mask) == 0) {
            return read + readContiguous(handler, limit - read);
        }
        return read;
    }

    /** Reads from the head up to the end of the buffer at most. */
    private int readContiguous(MessageHandler handler, int limit) {
        final MemorySegment buffer = this.buffer;
        final long head = headPlain();
        final int headIndex = (int) head & mask;
        final int contiguous = capacity - headIndex;
        int bytesRead = 0;
        int messagesRead = 0;
        try {
            while (bytesRead < contiguous && messagesRead < limit) {
                final long recordIndex = headIndex + bytesRead;
                final int recordLength = (int) INT.getAcquire(buffer, lengthOffset(recordIndex));
                if (recordLength <= 0) {
                    break;
                }
                bytesRead += align(recordLength);
                final int typeId = (int) INT.get(buffer, typeOffset(recordIndex));
                if (typeId == PADDING_TYPE_ID) {
                    continue;
                }
                messagesRead++;
                handler.onMessage(typeId, buffer, payloadOffset(recordIndex), recordLength - HEADER_LENGTH);
            }
        } finally {
            if (bytesRead > 0) {
                release(headIndex, bytesRead, head);
            }
        }
        return messagesRead;
    }

    @Override
    public final int controlledRead(ControlledMessageHandler handler, int limit) {
        Objects.requireNonNull(handler, "handler");
        if (limit < 0) {
            throw new IllegalArgumentException("limit=" + limit + ", must be >= 0");
        }
        final MemorySegment buffer = this.buffer;
        long head = headPlain();
        int headIndex = (int) head & mask;
        int bytesRead = 0;
        int messagesRead = 0;
        try {
            // headIndex moves on at each COMMIT: bound the loop by the buffer's end, not by a length.
            while (headIndex + bytesRead < capacity && messagesRead < limit) {
                final long recordIndex = headIndex + bytesRead;
                final int recordLength = (int) INT.getAcquire(buffer, lengthOffset(recordIndex));
                if (recordLength <= 0) {
                    break;
                }
                final int alignedLength = align(recordLength);
                bytesRead += alignedLength;
                final int typeId = (int) INT.get(buffer, typeOffset(recordIndex));
                if (typeId == PADDING_TYPE_ID) {
                    continue;
                }
                final ControlledMessageHandler.Action action =
                        handler.onMessage(typeId, buffer, payloadOffset(recordIndex), recordLength - HEADER_LENGTH);
                if (action == ControlledMessageHandler.Action.ABORT) {
                    bytesRead -= alignedLength;
                    break;
                }
                messagesRead++;
                if (action == ControlledMessageHandler.Action.BREAK) {
                    break;
                }
                if (action == ControlledMessageHandler.Action.COMMIT) {
                    release(headIndex, bytesRead, head);
                    head += bytesRead;
                    headIndex += bytesRead;
                    bytesRead = 0;
                }
            }
        } finally {
            if (bytesRead > 0) {
                release(headIndex, bytesRead, head);
            }
        }
        return messagesRead;
    }

    /** Zeroes {@code length} bytes read at {@code index}, then publishes the new head. */
    private void release(int index, int length, long head) {
        final MemorySegment buffer = this.buffer;
        for (long i = index, end = (long) index + length; i < end; i += Long.BYTES) {
            LONG.set(buffer, i, 0L);
        }
        LONG.setRelease(buffer, headPositionIndex, head + length);   // the zeroes are visible before the head
    }

    @Override
    public final boolean unblock() {
        final MemorySegment buffer = this.buffer;
        final long head = headPlain();
        final long tail = tailVolatile();
        if (head == tail) {
            return false;
        }
        final int headIndex = (int) head & mask;
        final int tailIndex = (int) tail & mask;
        final int length = (int) INT.getVolatile(buffer, lengthOffset(headIndex));
        if (length < 0) {
            // Header written, never committed: make the claim a padding record of its own length.
            LONG.setRelease(buffer, headIndex, header(-length, PADDING_TYPE_ID));
            return true;
        }
        if (length > 0) {
            return false;   // committed: the consumer is not blocked
        }
        // Claimed (the tail moved past it), header never written: pad up to the next record that has begun,
        // or up to the tail or the buffer's end if none has.
        final int limit = tailIndex > headIndex ? tailIndex : capacity;
        int next = headIndex + ALIGNMENT;
        while (next < limit && (int) INT.getVolatile(buffer, lengthOffset(next)) == 0) {
            next += ALIGNMENT;
        }
        // A producer that was only slow may have written its header meanwhile: then leave it alone.
        for (int i = headIndex; i < next; i += ALIGNMENT) {
            if ((int) INT.getVolatile(buffer, lengthOffset(i)) != 0) {
                return false;
            }
        }
        LONG.setRelease(buffer, headIndex, header(next - headIndex, PADDING_TYPE_ID));
        return true;
    }

    @Override
    public final boolean unblockIfStalled(Duration timeout) {
        final long timeoutNanos = Timeouts.nanos(timeout);
        final long head = headPlain();
        final boolean blocked = head != tailVolatile()
                && (int) INT.getVolatile(buffer, lengthOffset((int) head & mask)) <= 0;
        if (!blocked) {
            stalledSinceNanos = NOT_STALLED;
            return false;
        }
        final long now = System.nanoTime();
        if (stalledSinceNanos == NOT_STALLED || stalledHead != head) {
            stalledHead = head;
            stalledSinceNanos = now;
            return false;
        }
        if (now - stalledSinceNanos < timeoutNanos) {
            return false;
        }
        stalledSinceNanos = NOT_STALLED;
        return unblock();
    }

    // ---- trailer accessors

    final long tailVolatile() {
        return (long) LONG.getVolatile(buffer, tailPositionIndex);
    }

    final long tailPlain() {
        return (long) LONG.get(buffer, tailPositionIndex);
    }

    final void tailRelease(long position) {
        LONG.setRelease(buffer, tailPositionIndex, position);
    }

    final boolean casTail(long expected, long position) {
        return LONG.compareAndSet(buffer, tailPositionIndex, expected, position);
    }

    final long headPlain() {
        return (long) LONG.get(buffer, headPositionIndex);
    }

    final long headAcquire() {
        return (long) LONG.getAcquire(buffer, headPositionIndex);
    }

    final long headCacheOpaque() {
        return (long) LONG.getOpaque(buffer, headCachePositionIndex);
    }

    final void headCacheOpaque(long position) {
        LONG.setOpaque(buffer, headCachePositionIndex, position);
    }

    /**
     * Decides a claim of {@code required} aligned bytes at position {@code tail}, refreshing the producers' head
     * cache when it says there is no room.
     *
     * @return the padding to put before the record ({@code 0} if it fits before the buffer's end, else the bytes
     *         up to the end, the record then going at offset 0), or {@code -1} if the ring has no room
     */
    final int paddingFor(long tail, int required) {
        final int capacity = this.capacity;
        long head = headCacheOpaque();
        if (required > capacity - (tail - head)) {
            head = headAcquire();
            if (required > capacity - (tail - head)) {
                return -1;
            }
            headCacheOpaque(head);
        }
        final int toBufferEnd = capacity - ((int) tail & mask);
        if (required <= toBufferEnd) {
            return 0;
        }
        // The record must start at offset 0, so [0, head offset) must hold it.
        if (required > ((int) head & mask)) {
            head = headAcquire();
            if (required > ((int) head & mask)) {
                return -1;
            }
            headCacheOpaque(head);
        }
        return toBufferEnd;
    }

    /**
     * After the tail has moved past a claim decided by {@link #paddingFor}: writes its padding record, if any.
     *
     * @return the offset of the claimed record
     */
    final long claimed(long tail, int padding) {
        final int tailIndex = (int) tail & mask;
        if (padding == 0) {
            return tailIndex;
        }
        LONG.setRelease(buffer, (long) tailIndex, header(padding, PADDING_TYPE_ID));
        return 0;
    }

    // ---- queries

    @Override
    public final int maxMessageLength() {
        return maxMessageLength;
    }

    @Override
    public final int capacity() {
        return capacity;
    }

    @Override
    public final long size() {
        long headAfter = headAcquire();
        while (true) {
            final long headBefore = headAfter;
            final long tail = tailVolatile();
            headAfter = headAcquire();
            if (headAfter == headBefore) {
                return Math.max(0, Math.min(tail - headAfter, capacity));
            }
        }
    }

    @Override
    public final MemorySegment buffer() {
        return buffer;
    }

    @Override
    public final long producerPosition() {
        return tailVolatile();
    }

    @Override
    public final long consumerPosition() {
        return headAcquire();
    }

    @Override
    public final void consumerHeartbeatTime(long epochMillis) {
        LONG.setRelease(buffer, consumerHeartbeatIndex, epochMillis);
    }

    @Override
    public final long consumerHeartbeatTime() {
        return (long) LONG.getAcquire(buffer, consumerHeartbeatIndex);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[capacity=" + capacity + ", head=" + consumerPosition() + ", tail="
                + producerPosition() + "]";
    }
}
