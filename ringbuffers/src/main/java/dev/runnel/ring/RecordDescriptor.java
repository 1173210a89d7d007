package dev.runnel.ring;

/**
 * The framing of one message in a {@link MessageRing}: an 8-byte header, then the payload, padded so that the
 * next record starts 8-byte aligned.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-------------------------------------------------------------+
 *  |R|                       record length                         |  int, native byte order
 *  +-+-------------------------------------------------------------+
 *  |                          type id                              |  int
 *  +---------------------------------------------------------------+
 *  |                       payload ...                            ...
 * ...                                                              |
 *  +---------------------------------------------------------------+
 *  |                 zero padding to 8-byte alignment              |
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * <p>The record length counts the header and the payload, not the alignment padding. Its sign is the commit
 * protocol (the R bit above is its sign bit):
 * <ul>
 *   <li>{@code 0}: nothing written here yet (a zeroed ring is empty: the consumer zeroes what it has read);</li>
 *   <li>negative: claimed, being written by a many-to-one producer (so that {@link MessageRing#unblock()} can
 *       tell a claim in progress from free space);</li>
 *   <li>positive: committed; the consumer may read it. It is stored last, with release semantics, and read
 *       with acquire semantics, so the payload is visible before the record is.</li>
 * </ul>
 * A record with type id {@link #PADDING_TYPE_ID} is skipped by readers: it fills the end of the buffer when a
 * message does not fit before the wrap, or replaces an aborted or abandoned claim.
 */
public final class RecordDescriptor {
    /** Length of the record header in bytes. */
    public static final int HEADER_LENGTH = 8;
    /** Records start at multiples of this many bytes. */
    public static final int ALIGNMENT = 8;
    /** Type id of padding records, which readers skip; user type ids are positive. */
    public static final int PADDING_TYPE_ID = -1;
    /** Offset of the record length within the header. */
    public static final int LENGTH_OFFSET = 0;
    /** Offset of the type id within the header. */
    public static final int TYPE_OFFSET = 4;

    private RecordDescriptor() {
    }

    /**
     * Offset of the length field of the record at {@code recordOffset}.
     *
     * @param recordOffset where the record starts in the buffer
     * @return where its length field is
     */
    public static long lengthOffset(long recordOffset) {
        return recordOffset + LENGTH_OFFSET;
    }

    /**
     * Offset of the type id field of the record at {@code recordOffset}.
     *
     * @param recordOffset where the record starts in the buffer
     * @return where its type id field is
     */
    public static long typeOffset(long recordOffset) {
        return recordOffset + TYPE_OFFSET;
    }

    /**
     * Offset of the payload of the record at {@code recordOffset}.
     *
     * @param recordOffset where the record starts in the buffer
     * @return where its payload starts
     */
    public static long payloadOffset(long recordOffset) {
        return recordOffset + HEADER_LENGTH;
    }

    /**
     * Rounds a record length up to the alignment: the space the record takes in the buffer.
     *
     * @param recordLength header plus payload, {@code >= 0}
     * @return the aligned length
     */
    public static int align(int recordLength) {
        return (recordLength + ALIGNMENT - 1) & -ALIGNMENT;
    }

    /**
     * The header as one {@code long}, so that length and type id can be written with one atomic store: the
     * length in the bytes at {@link #LENGTH_OFFSET}, the type id in the bytes at {@link #TYPE_OFFSET}, in native
     * byte order.
     *
     * @param length the record length (possibly negative, see the class comment)
     * @param typeId the type id
     * @return the header as it reads through a native-order {@code long} at the record's offset
     */
    public static long header(int length, int typeId) {
        if (java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN) {
            return ((long) typeId << 32) | (length & 0xFFFF_FFFFL);
        }
        return ((long) length << 32) | (typeId & 0xFFFF_FFFFL);
    }

    /**
     * Checks a user type id.
     *
     * @param typeId the type id given
     * @throws IllegalArgumentException if it is not positive
     */
    public static void checkTypeId(int typeId) {
        if (typeId < 1) {
            throw new IllegalArgumentException("typeId=" + typeId + ", must be >= 1 (type ids are positive)");
        }
    }
}
