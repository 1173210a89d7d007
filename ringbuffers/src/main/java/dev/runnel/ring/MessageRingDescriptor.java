package dev.runnel.ring;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;

/**
 * The layout of a {@link MessageRing}'s segment: {@code capacity} bytes of records, then a trailer that holds
 * the positions. Each trailer field is 128 bytes (two cache lines) from the next, so that producers and the
 * consumer never write to the same cache line pair.
 *
 * <pre>
 *   0                                                     capacity
 *   +-----------------------------------------------------+
 *   |  records (see {@link RecordDescriptor})   ...       |   capacity: a power of two, >= 64
 *   +-----------------------------------------------------+  trailer:
 *   |  tail position            (long)  written by producers          capacity + TAIL_POSITION_OFFSET
 *   |  ... 120 bytes unused                                |
 *   +-----------------------------------------------------+
 *   |  head cache position      (long)  producers' cached copy of head  + HEAD_CACHE_POSITION_OFFSET
 *   |  ... 120 bytes unused                                |
 *   +-----------------------------------------------------+
 *   |  head position            (long)  written by the consumer        + HEAD_POSITION_OFFSET
 *   |  ... 120 bytes unused                                |
 *   +-----------------------------------------------------+
 *   |  consumer heartbeat       (long)  ms since the epoch, by the consumer + CONSUMER_HEARTBEAT_OFFSET
 *   |  ... 120 bytes unused                                |
 *   +-----------------------------------------------------+  capacity + TRAILER_LENGTH
 * </pre>
 *
 * <p>Positions count bytes since the ring was created and never wrap; a position's offset in the buffer is
 * {@code position & (capacity - 1)}. All zero is a valid empty ring, so a fresh mapping needs no
 * initialisation. {@link #TRAILER_LAYOUT} declares the same trailer as a {@link MemoryLayout}.
 */
public final class MessageRingDescriptor {
    /** Distance between two trailer fields: two cache lines, against adjacent-line prefetch. */
    public static final int FIELD_SPACING = 128;
    /** Offset of the tail position within the trailer. */
    public static final int TAIL_POSITION_OFFSET;
    /** Offset of the producers' cached head position within the trailer. */
    public static final int HEAD_CACHE_POSITION_OFFSET;
    /** Offset of the head position within the trailer. */
    public static final int HEAD_POSITION_OFFSET;
    /** Offset of the consumer heartbeat within the trailer. */
    public static final int CONSUMER_HEARTBEAT_OFFSET;
    /** Length of the trailer in bytes. */
    public static final int TRAILER_LENGTH;
    /** The smallest capacity a message ring accepts. */
    public static final int MIN_CAPACITY = 64;
    /** The largest capacity a message ring accepts: 2<sup>30</sup> bytes. */
    public static final int MAX_CAPACITY = 1 << 30;
    /** Alignment the segment's address must have: atomic {@code long} access needs 8. */
    public static final int REQUIRED_ALIGNMENT = 8;

    /** The trailer as a layout: the same offsets as the constants, checked by a unit test. */
    public static final StructLayout TRAILER_LAYOUT;

    static {
        int offset = 0;
        TAIL_POSITION_OFFSET = offset;
        offset += FIELD_SPACING;
        HEAD_CACHE_POSITION_OFFSET = offset;
        offset += FIELD_SPACING;
        HEAD_POSITION_OFFSET = offset;
        offset += FIELD_SPACING;
        CONSUMER_HEARTBEAT_OFFSET = offset;
        offset += FIELD_SPACING;
        TRAILER_LENGTH = offset;

        long gap = FIELD_SPACING - Long.BYTES;
        TRAILER_LAYOUT = MemoryLayout.structLayout(
                ValueLayout.JAVA_LONG.withName("tailPosition"), MemoryLayout.paddingLayout(gap),
                ValueLayout.JAVA_LONG.withName("headCachePosition"), MemoryLayout.paddingLayout(gap),
                ValueLayout.JAVA_LONG.withName("headPosition"), MemoryLayout.paddingLayout(gap),
                ValueLayout.JAVA_LONG.withName("consumerHeartbeat"), MemoryLayout.paddingLayout(gap));
    }

    private MessageRingDescriptor() {
    }

    /**
     * The segment size for a ring of {@code capacity} bytes of records: the capacity plus the trailer.
     *
     * @param capacity the bytes of records, a power of two in {@code [64, 2^30]}
     * @return the size the segment must have
     * @throws IllegalArgumentException if {@code capacity} is out of range or not a power of two
     */
    public static long segmentSize(int capacity) {
        checkCapacity(capacity);
        return (long) capacity + TRAILER_LENGTH;
    }

    /**
     * Checks a record capacity.
     *
     * @param capacity the bytes of records
     * @throws IllegalArgumentException if it is not a power of two in {@code [64, 2^30]}
     */
    public static void checkCapacity(int capacity) {
        if (capacity < MIN_CAPACITY || capacity > MAX_CAPACITY || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity=" + capacity + ", must be a power of two in ["
                    + MIN_CAPACITY + ", " + MAX_CAPACITY + "]");
        }
    }

    /**
     * Checks a segment and derives the ring's capacity from its size.
     *
     * @param segment the segment to wrap
     * @return the capacity: the segment size less the trailer
     * @throws IllegalArgumentException if the size is not a power of two plus the trailer, or the address is
     *                                  not 8-byte aligned (a {@code byte[]}-backed heap segment never is: use
     *                                  {@code MemorySegment.ofArray(long[])}), or the segment is read-only
     */
    public static int capacityOf(MemorySegment segment) {
        long size = segment.byteSize();
        long capacity = size - TRAILER_LENGTH;
        if (capacity < MIN_CAPACITY || capacity > MAX_CAPACITY || Long.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("segment.byteSize()=" + size + ", must be a power of two in ["
                    + MIN_CAPACITY + ", " + MAX_CAPACITY + "] plus the trailer (" + TRAILER_LENGTH
                    + " bytes): use MessageRing.segmentSize(capacity)");
        }
        if (segment.maxByteAlignment() < REQUIRED_ALIGNMENT) {
            throw new IllegalArgumentException("segment alignment=" + segment.maxByteAlignment()
                    + ", must be >= " + REQUIRED_ALIGNMENT + " for atomic access (allocate with alignment 8 or"
                    + " more; for heap memory use MemorySegment.ofArray(long[]), not byte[])");
        }
        if (segment.isReadOnly()) {
            throw new IllegalArgumentException("segment is read-only; a message ring writes to it");
        }
        return (int) capacity;
    }
}
