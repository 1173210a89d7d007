package dev.runnel.ring;

/**
 * The layout of a {@link MessageRingFile}: a versioned header, then the ring's segment ({@link
 * MessageRingDescriptor}). The header is never inside the ring's segment.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                 magic "RUNNELMR" (long, written last)         |  0
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                         version (int)                         |  8
 *  +---------------------------------------------------------------+
 *  |                 capacity: bytes of records (int)              |  12
 *  +---------------------------------------------------------------+
 *  |                ring offset: where the ring starts (int)       |  16
 *  +---------------------------------------------------------------+
 *  |                  reserved, zero, up to byte 128              ...  20
 *  +---------------------------------------------------------------+
 *  |     the ring: capacity bytes of records, then the trailer    ...  RING_OFFSET
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * <p>All fields are in the machine's native byte order: the file is shared memory between processes of one
 * machine, not an exchange format. The creator writes every field, then the magic number with release
 * semantics; an opener that reads the magic number with acquire semantics sees a complete header.
 */
public final class MessageRingFileDescriptor {
    /** "RUNNELMR" in ASCII, as a {@code long}. */
    public static final long MAGIC = 0x52554E4E454C4D52L;
    /** The file format version this code reads and writes. */
    public static final int VERSION = 1;
    /** Offset of the magic number. */
    public static final int MAGIC_OFFSET = 0;
    /** Offset of the version. */
    public static final int VERSION_OFFSET = MAGIC_OFFSET + Long.BYTES;
    /** Offset of the ring's capacity. */
    public static final int CAPACITY_OFFSET = VERSION_OFFSET + Integer.BYTES;
    /** Offset of the field that says where the ring starts. */
    public static final int RING_OFFSET_OFFSET = CAPACITY_OFFSET + Integer.BYTES;
    /** Length of the header, and offset of the ring's segment: two cache lines. */
    public static final int HEADER_LENGTH = 128;

    private MessageRingFileDescriptor() {
    }

    /**
     * The size of a ring file of {@code capacity} bytes of records.
     *
     * @param capacity bytes of records, a power of two in {@code [64, 2^30]}
     * @return the file size: header, records, trailer
     * @throws IllegalArgumentException if {@code capacity} is out of range
     */
    public static long fileSize(int capacity) {
        return HEADER_LENGTH + MessageRingDescriptor.segmentSize(capacity);
    }
}
