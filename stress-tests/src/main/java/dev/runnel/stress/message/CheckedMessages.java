package dev.runnel.stress.message;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Self-checking message payloads for message-ring tests: every byte is a function of (producer, sequence), and
 * so is the length, so a reader can tell a torn, shifted, duplicated or foreign message from a good one.
 *
 * <pre>
 *   0        4                12                                   length
 *   +--------+----------------+------------------------------------+
 *   |producer|   sequence     |  filler: byte i = f(producer, seq, i)  |
 *   +--------+----------------+------------------------------------+
 * </pre>
 */
public final class CheckedMessages {
    /** The smallest payload: producer id and sequence number. */
    public static final int MIN_LENGTH = 12;

    private CheckedMessages() {
    }

    /** The length of message {@code sequence} of {@code producer}, in {@code [MIN_LENGTH, maxLength]}. */
    public static int length(int producer, long sequence, int maxLength) {
        long h = (sequence * 0x9E3779B97F4A7C15L) ^ (producer * 0xC2B2AE3D27D4EB4FL);
        h ^= h >>> 29;
        return MIN_LENGTH + (int) Long.remainderUnsigned(h, maxLength - MIN_LENGTH + 1);
    }

    private static byte filler(int producer, long sequence, int i) {
        return (byte) (sequence * 31 + i * 7 + producer);
    }

    /** Writes message {@code sequence} of {@code producer} into {@code target} at {@code offset}. */
    public static void fill(MemorySegment target, long offset, int producer, long sequence, int length) {
        target.set(ValueLayout.JAVA_INT_UNALIGNED, offset, producer);
        target.set(ValueLayout.JAVA_LONG_UNALIGNED, offset + 4, sequence);
        for (int i = MIN_LENGTH; i < length; i++) {
            target.set(ValueLayout.JAVA_BYTE, offset + i, filler(producer, sequence, i));
        }
    }

    /** The producer id of a message. */
    public static int producer(MemorySegment buffer, long offset) {
        return buffer.get(ValueLayout.JAVA_INT_UNALIGNED, offset);
    }

    /** The sequence number of a message. */
    public static long sequence(MemorySegment buffer, long offset) {
        return buffer.get(ValueLayout.JAVA_LONG_UNALIGNED, offset + 4);
    }

    /**
     * Checks a received message entirely.
     *
     * @return {@code null} if it is intact, else what is wrong
     */
    public static String check(MemorySegment buffer, long offset, int length, int maxLength, int producers) {
        if (length < MIN_LENGTH) {
            return "length " + length + " below " + MIN_LENGTH;
        }
        int producer = producer(buffer, offset);
        long sequence = sequence(buffer, offset);
        if (producer < 0 || producer >= producers || sequence < 0) {
            return "foreign message: producer " + producer + ", sequence " + sequence;
        }
        int expected = length(producer, sequence, maxLength);
        if (length != expected) {
            return "producer " + producer + " sequence " + sequence + ": length " + length + ", expected " + expected;
        }
        for (int i = MIN_LENGTH; i < length; i++) {
            if (buffer.get(ValueLayout.JAVA_BYTE, offset + i) != filler(producer, sequence, i)) {
                return "producer " + producer + " sequence " + sequence + ": torn at byte " + i;
            }
        }
        return null;
    }
}
