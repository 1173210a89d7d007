package dev.runnel.affinity;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * An immutable set of CPU numbers, as the kernel's {@code cpu_set_t} holds it: one bit per CPU.
 *
 * <p>Its text form is the Linux "cpulist" format of sysfs and {@code taskset -c}: ascending ranges and
 * single CPUs separated by commas, such as {@code "0-3,8,10-11"}; {@link #parse(String)} reads it and
 * {@link #toString()} writes it.
 */
public final class CpuSet {
    /** The largest CPU number accepted: Linux's {@code CONFIG_NR_CPUS} upper bound. */
    public static final int MAX_CPU = 8191;

    private static final CpuSet EMPTY = new CpuSet(new long[0]);

    private final long[] words;

    private CpuSet(long[] words) {
        int n = words.length;
        while (n > 0 && words[n - 1] == 0) {
            n--;
        }
        this.words = n == words.length ? words : Arrays.copyOf(words, n);
    }

    /**
     * Returns the empty set.
     *
     * @return a set with no CPU
     */
    public static CpuSet empty() {
        return EMPTY;
    }

    /**
     * Returns the set of the given CPUs.
     *
     * @param cpus CPU numbers in {@code [0, MAX_CPU]}, in any order, repeats allowed
     * @return the set
     * @throws IllegalArgumentException if a CPU number is out of range
     */
    public static CpuSet of(int... cpus) {
        int max = -1;
        for (int cpu : cpus) {
            checkCpu("cpu", cpu);
            max = Math.max(max, cpu);
        }
        final long[] words = new long[(max >> 6) + 1];
        for (int cpu : cpus) {
            words[cpu >> 6] |= 1L << cpu;
        }
        return new CpuSet(words);
    }

    /**
     * Returns the CPUs {@code from} to {@code to}, both included.
     *
     * @param from the first CPU, in {@code [0, MAX_CPU]}
     * @param to   the last CPU, in {@code [from, MAX_CPU]}
     * @return the set
     * @throws IllegalArgumentException if a bound is out of range or {@code to < from}
     */
    public static CpuSet range(int from, int to) {
        checkCpu("from", from);
        checkCpu("to", to);
        if (to < from) {
            throw new IllegalArgumentException("to=" + to + " must be >= from=" + from);
        }
        final long[] words = new long[(to >> 6) + 1];
        for (int cpu = from; cpu <= to; cpu++) {
            words[cpu >> 6] |= 1L << cpu;
        }
        return new CpuSet(words);
    }

    /**
     * Reads a Linux cpulist such as {@code "0-3,8,10-11"}; blanks around items and a trailing newline are
     * ignored, and an empty (or blank) text is the empty set.
     *
     * @param cpulist the text
     * @return the set
     * @throws IllegalArgumentException naming the bad item if the text is not a cpulist
     */
    public static CpuSet parse(String cpulist) {
        final String text = cpulist.strip();
        if (text.isEmpty()) {
            return EMPTY;
        }
        long[] words = new long[1];
        for (String item : text.split(",")) {
            final String it = item.strip();
            final int dash = it.indexOf('-');
            final int from;
            final int to;
            try {
                from = Integer.parseInt(dash < 0 ? it : it.substring(0, dash).strip());
                to = dash < 0 ? from : Integer.parseInt(it.substring(dash + 1).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("cpulist=\"" + cpulist + "\": bad item \"" + it
                        + "\" (expected N or N-M, CPUs in [0, " + MAX_CPU + "])", e);
            }
            if (from < 0 || to > MAX_CPU || to < from) {
                throw new IllegalArgumentException("cpulist=\"" + cpulist + "\": bad range \"" + it
                        + "\" (expected N or N-M with N <= M, CPUs in [0, " + MAX_CPU + "])");
            }
            if ((to >> 6) >= words.length) {
                words = Arrays.copyOf(words, (to >> 6) + 1);
            }
            for (int cpu = from; cpu <= to; cpu++) {
                words[cpu >> 6] |= 1L << cpu;
            }
        }
        return new CpuSet(words);
    }

    /**
     * Returns the set held by a {@code cpu_set_t}-like bit array: bit {@code i} of {@code words[i / 64]} is CPU
     * {@code i}.
     *
     * @param words the bits (copied)
     * @return the set
     */
    public static CpuSet fromWords(long[] words) {
        return new CpuSet(words.clone());
    }

    /**
     * Returns the bits of this set, {@code cpu_set_t}-like: bit {@code i} of word {@code i / 64} is CPU
     * {@code i}; the array has at least {@code minWords} words.
     *
     * @param minWords the least length of the array, {@code >= 0}
     * @return a fresh array
     */
    public long[] toWords(int minWords) {
        return Arrays.copyOf(words, Math.max(minWords, words.length));
    }

    /**
     * Tells whether {@code cpu} is in this set.
     *
     * @param cpu a CPU number (any int: out of range numbers are never in a set)
     * @return {@code true} if present
     */
    public boolean contains(int cpu) {
        return cpu >= 0 && (cpu >> 6) < words.length && (words[cpu >> 6] & (1L << cpu)) != 0;
    }

    /**
     * Returns how many CPUs this set holds.
     *
     * @return the count
     */
    public int size() {
        int n = 0;
        for (long w : words) {
            n += Long.bitCount(w);
        }
        return n;
    }

    /**
     * Tells whether this set is empty.
     *
     * @return {@code true} if no CPU is in it
     */
    public boolean isEmpty() {
        return words.length == 0;
    }

    /**
     * Returns the lowest CPU of this set.
     *
     * @return the lowest CPU number, or {@code -1} if empty
     */
    public int first() {
        return next(0);
    }

    /**
     * Returns the lowest CPU of this set that is {@code >= from}.
     *
     * @param from where to start, {@code >= 0}
     * @return a CPU number, or {@code -1} if none
     */
    public int next(int from) {
        int w = from >> 6;
        if (from < 0 || w >= words.length) {
            return -1;
        }
        long bits = words[w] & (-1L << from);
        while (true) {
            if (bits != 0) {
                return (w << 6) + Long.numberOfTrailingZeros(bits);
            }
            if (++w == words.length) {
                return -1;
            }
            bits = words[w];
        }
    }

    /**
     * Returns the CPUs in ascending order.
     *
     * @return a fresh array
     */
    public int[] toArray() {
        return stream().toArray();
    }

    /**
     * Returns the CPUs in ascending order.
     *
     * @return a stream of CPU numbers
     */
    public IntStream stream() {
        return IntStream.iterate(first(), cpu -> cpu >= 0, cpu -> next(cpu + 1));
    }

    /**
     * Returns the CPUs in this set or in {@code other}.
     *
     * @param other another set
     * @return the union
     */
    public CpuSet union(CpuSet other) {
        final long[] a = words.length >= other.words.length ? words : other.words;
        final long[] b = a == words ? other.words : words;
        final long[] out = a.clone();
        for (int i = 0; i < b.length; i++) {
            out[i] |= b[i];
        }
        return new CpuSet(out);
    }

    /**
     * Returns the CPUs in both this set and {@code other}.
     *
     * @param other another set
     * @return the intersection
     */
    public CpuSet intersect(CpuSet other) {
        final long[] out = new long[Math.min(words.length, other.words.length)];
        for (int i = 0; i < out.length; i++) {
            out[i] = words[i] & other.words[i];
        }
        return new CpuSet(out);
    }

    /**
     * Returns the CPUs of this set that are not in {@code other}.
     *
     * @param other another set
     * @return the difference
     */
    public CpuSet minus(CpuSet other) {
        final long[] out = words.clone();
        for (int i = 0; i < Math.min(out.length, other.words.length); i++) {
            out[i] &= ~other.words[i];
        }
        return new CpuSet(out);
    }

    /**
     * Returns this set in Linux cpulist format, such as {@code "0-3,8"}; the empty set is {@code ""}.
     *
     * @return the cpulist
     */
    @Override
    public String toString() {
        final StringBuilder sb = new StringBuilder();
        int cpu = first();
        while (cpu >= 0) {
            int end = cpu;
            while (contains(end + 1)) {
                end++;
            }
            if (!sb.isEmpty()) {
                sb.append(',');
            }
            sb.append(cpu);
            if (end > cpu) {
                sb.append('-').append(end);
            }
            cpu = next(end + 1);
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CpuSet other && Arrays.equals(words, other.words);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(words);
    }

    static void checkCpu(String name, int cpu) {
        if (cpu < 0 || cpu > MAX_CPU) {
            throw new IllegalArgumentException(name + "=" + cpu + " is out of range [0, " + MAX_CPU + "]");
        }
    }
}
