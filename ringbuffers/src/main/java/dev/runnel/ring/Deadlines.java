package dev.runnel.ring;

import java.time.Duration;
import java.util.Objects;

/** Turns a timeout into a {@link System#nanoTime()} deadline, checking it. */
final class Deadlines {
    private Deadlines() {
    }

    /**
     * The timeout in nanoseconds, checked, and capped at about 146 years so that adding it to
     * {@link System#nanoTime()} cannot overflow.
     *
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    static long nanos(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout=" + timeout + ", must not be negative");
        }
        try {
            return Math.min(timeout.toNanos(), Long.MAX_VALUE / 2);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE / 2;
        }
    }

    /**
     * The {@link System#nanoTime()} deadline {@code timeout} from now.
     *
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    static long deadline(Duration timeout) {
        return System.nanoTime() + nanos(timeout);
    }
}
