package dev.runnel.select;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The readiness words of a selector: bit {@code i} set means case {@code i} may be ready. Channels set bits
 * (from any thread, under their queue locks); the selector's owner clears them.
 *
 * <pre>
 *   long[]:  | 16 longs pad | word 0: cases 0..63 | word 1: cases 64..127 | ... | 16 longs pad |
 * </pre>
 *
 * <p>The pads keep the words, which producers write, off the cache lines of the array header and of whatever
 * the allocator places next to the array.
 */
final class ReadinessMask {
    private static final int PAD = 16;   // 128 bytes
    private static final VarHandle WORDS = MethodHandles.arrayElementVarHandle(long[].class);

    private final long[] words;
    private final int count;

    ReadinessMask(int wordCount) {
        this.count = wordCount;
        this.words = new long[wordCount + 2 * PAD];
    }

    int wordCount() {
        return count;
    }

    /** Sets bit {@code key}: a volatile read first, so that a bit already set costs no atomic. */
    void set(int key) {
        final int i = PAD + (key >>> 6);
        final long bit = 1L << key;
        if (((long) WORDS.getVolatile(words, i) & bit) == 0) {
            WORDS.getAndBitwiseOr(words, i, bit);
        }
    }

    /** Clears bit {@code key} (an atomic: a channel may be setting another bit of the word). */
    void clear(int key) {
        final int i = PAD + (key >>> 6);
        final long bit = 1L << key;
        if (((long) WORDS.getVolatile(words, i) & bit) != 0) {
            WORDS.getAndBitwiseAnd(words, i, ~bit);
        }
    }

    /** Returns word {@code w}, volatile. */
    long word(int w) {
        return (long) WORDS.getVolatile(words, PAD + w);
    }
}
