package dev.runnel.spi;

import java.time.Duration;
import java.util.Objects;

/** Turns a timeout into a {@link System#nanoTime()} deadline, checking it. */
public final class Timeouts {
    /** The longest wait, about 146 years: adding it to {@link System#nanoTime()} cannot overflow. */
    public static final long MAX_NANOS = Long.MAX_VALUE / 2;

    private Timeouts() {
    }

    /**
     * Returns the timeout in nanoseconds, checked, and capped at {@link #MAX_NANOS}.
     *
     * @param timeout the timeout, not negative
     * @return the timeout in nanoseconds, in {@code [0, MAX_NANOS]}
     * @throws NullPointerException     if {@code timeout} is {@code null}
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    public static long nanos(Duration timeout) {
        return nanos("timeout", timeout);
    }

    /**
     * Returns a non-negative duration in nanoseconds, checked, and capped at {@link #MAX_NANOS}; errors name the
     * argument ({@code delay}, {@code period}, ...).
     *
     * @param name     the argument's name, for the error message
     * @param duration the duration, not negative
     * @return the duration in nanoseconds, in {@code [0, MAX_NANOS]}
     * @throws NullPointerException     if {@code duration} is {@code null}
     * @throws IllegalArgumentException if {@code duration} is negative
     */
    public static long nanos(String name, Duration duration) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + "=" + duration + " must not be negative");
        }
        try {
            return Math.min(duration.toNanos(), MAX_NANOS);
        } catch (ArithmeticException e) {
            return MAX_NANOS;
        }
    }

    /**
     * Returns the {@link System#nanoTime()} deadline {@code timeout} from now.
     *
     * @param timeout the timeout, not negative
     * @return the deadline
     * @throws NullPointerException     if {@code timeout} is {@code null}
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    public static long deadline(Duration timeout) {
        return System.nanoTime() + nanos(timeout);
    }

    /**
     * Tells whether a deadline has passed.
     *
     * @param deadline a {@link System#nanoTime()} deadline
     * @return {@code true} if now is at or after {@code deadline}
     */
    public static boolean expired(long deadline) {
        return System.nanoTime() - deadline >= 0;
    }
}
