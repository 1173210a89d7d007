package dev.runnel.select;

import java.util.Objects;
import java.util.function.Supplier;

/** {@link Select#otherwise}: runs its handler if no clause is ready at once (Go's {@code default}). */
final class OtherwiseClause<R> extends Select.Clause<R> {
    private final Supplier<? extends R> handler;

    OtherwiseClause(Supplier<? extends R> handler) {
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    Supplier<? extends R> handler() {
        return handler;
    }
}
