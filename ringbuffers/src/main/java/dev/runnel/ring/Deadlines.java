package dev.runnel.ring;

import java.time.Duration;
import java.util.Objects;

/** Turns a timeout into a {@link System#nanoTime()} deadline, checking it. */
final class Deadlines {
    private Deadlines() {
    }

    /**
     * The deadline {@code timeout} from now, saturated at about 292 years.
     *
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    static long deadline(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout=" + timeout + ", must not be negative");
        }
        long nanos;
        try {
            nanos = timeout.toNanos();
        } catch (ArithmeticException e) {
            nanos = Long.MAX_VALUE;
        }
        return System.nanoTime() + Math.min(nanos, Long.MAX_VALUE / 2);
    }
}
