package dev.runnel.select;

import dev.runnel.ReceiveChannel;

import java.util.Objects;
import java.util.function.Function;

/** {@link Select#receive}: receives a value, passes it to the handler. */
final class ReceiveClause<T, R> extends Select.Clause<R> implements ChannelClause<R> {
    private final ReceiveChannel<T> channel;
    private final Function<? super T, ? extends R> handler;

    ReceiveClause(ReceiveChannel<T> channel, Function<? super T, ? extends R> handler) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    @Override
    public Selector.Case addTo(Selector selector) {
        return selector.receive(channel);
    }

    @Override
    @SuppressWarnings("unchecked")
    public R complete(Selector.Case completed) {
        final Selector.ReceiveCase<T> c = (Selector.ReceiveCase<T>) completed;
        if (c.isClosed()) {
            throw c.closedException();
        }
        return handler.apply(c.value());
    }
}
