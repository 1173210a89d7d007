package dev.runnel.select;

import dev.runnel.SendChannel;

import java.util.Objects;
import java.util.function.Supplier;

/** {@link Select#send}: sends a value, then runs the handler. */
final class SendClause<T, R> extends Select.Clause<R> implements ChannelClause<R> {
    private final SendChannel<T> channel;
    private final T value;
    private final Supplier<? extends R> handler;

    SendClause(SendChannel<T> channel, T value, Supplier<? extends R> handler) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.value = Objects.requireNonNull(value, "value");
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    @Override
    public Selector.Case addTo(Selector selector) {
        final Selector.SendCase<T> c = selector.send(channel);
        c.offer(value);
        return c;
    }

    @Override
    public R complete(Selector.Case completed) {
        return handler.get();
    }
}
