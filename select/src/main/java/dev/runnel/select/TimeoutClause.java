package dev.runnel.select;

import java.util.Objects;
import java.util.function.Supplier;

/** {@link Select#timeout}: runs its handler if no clause completes within its duration. */
final class TimeoutClause<R> extends Select.Clause<R> {
    private final long nanos;
    private final Supplier<? extends R> handler;

    TimeoutClause(long nanos, Supplier<? extends R> handler) {
        this.nanos = nanos;
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    long nanos() {
        return nanos;
    }

    Supplier<? extends R> handler() {
        return handler;
    }
}
