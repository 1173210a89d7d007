package dev.runnel.select;

/**
 * A clause on a channel: it becomes one case of the select's {@link Selector}, and runs its handler once that
 * case completes.
 *
 * @param <R> the result type
 */
sealed interface ChannelClause<R> permits ReceiveClause, SendClause {

    /** Adds this clause's case to {@code selector}. */
    Selector.Case addTo(Selector selector);

    /** Runs the handler for the completed case (or throws the channel's close). */
    R complete(Selector.Case completed);
}
