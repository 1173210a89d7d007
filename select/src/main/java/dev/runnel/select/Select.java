package dev.runnel.select;

import dev.runnel.ReceiveChannel;
import dev.runnel.SendChannel;
import dev.runnel.spi.Timeouts;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Go's {@code select}, one shot: waits until exactly one clause completes and returns its handler's result.
 *
 * <pre>{@code
 * import static dev.runnel.select.Select.*;
 *
 * String r = select(
 *     receive(prices, p -> "price " + p),
 *     receive(orders, o -> "order " + o),
 *     send(acks, ack, () -> "acked"),
 *     timeout(Duration.ofMillis(5), () -> "idle"));    // or otherwise(() -> ...): Go's default
 * }</pre>
 *
 * <ul>
 *   <li>At most one clause takes effect: no value is received or sent by a clause that was not chosen. Among
 *       clauses ready at once, {@code select} picks one uniformly at random; {@code selectBiased} picks the
 *       first in argument order.</li>
 *   <li>{@link #otherwise} runs if no clause is ready at once; {@link #timeout} runs if none becomes ready
 *       within its duration. At most one of each.</li>
 *   <li>A receive clause whose channel is closed and drained makes the select throw that channel's
 *       {@link dev.runnel.ChannelClosedException}; so does a send clause whose channel is closed.</li>
 *   <li>A handler runs after its clause has taken effect, on the calling thread; what it throws propagates.</li>
 *   <li>The same channel may appear in several clauses; two selects on opposite ends of a rendezvous channel
 *       meet.</li>
 * </ul>
 *
 * <p>Each call builds a small {@link Selector} if it has to wait, and releases it before returning. For a select
 * in a hot loop, keep a {@link Selector}: it allocates nothing per select.
 */
public final class Select {

    private Select() {
    }

    /**
     * A clause of a select: built by {@link #receive}, {@link #send}, {@link #timeout} or {@link #otherwise}.
     *
     * @param <R> the type of the handler's result
     */
    public abstract static sealed class Clause<R>
            permits ReceiveClause, SendClause, TimeoutClause, OtherwiseClause {
        Clause() {
        }
    }

    /**
     * A clause that receives a value from {@code channel} and passes it to {@code handler}.
     *
     * @param channel a Runnel channel
     * @param handler what to do with the value
     * @param <T>     the value type
     * @param <R>     the result type
     * @return the clause
     * @throws NullPointerException if an argument is {@code null}
     */
    public static <T, R> Clause<R> receive(ReceiveChannel<T> channel, Function<? super T, ? extends R> handler) {
        return new ReceiveClause<>(channel, handler);
    }

    /**
     * A clause that sends {@code value} into {@code channel}, then runs {@code handler}.
     *
     * @param channel a Runnel channel
     * @param value   the value to send, not {@code null}
     * @param handler what to do once sent
     * @param <T>     the value type
     * @param <R>     the result type
     * @return the clause
     * @throws NullPointerException if an argument is {@code null}
     */
    public static <T, R> Clause<R> send(SendChannel<T> channel, T value, Supplier<? extends R> handler) {
        return new SendClause<>(channel, value, handler);
    }

    /**
     * A clause that runs {@code handler} if no other clause completes within {@code duration}.
     *
     * @param duration how long to wait, not negative
     * @param handler  what to do on timeout
     * @param <R>      the result type
     * @return the clause
     * @throws NullPointerException     if an argument is {@code null}
     * @throws IllegalArgumentException if {@code duration} is negative
     */
    public static <R> Clause<R> timeout(Duration duration, Supplier<? extends R> handler) {
        return new TimeoutClause<>(Timeouts.nanos(duration), handler);
    }

    /**
     * A clause that runs {@code handler} if no other clause is ready at once: Go's {@code default}.
     *
     * @param handler what to do when nothing is ready
     * @param <R>     the result type
     * @return the clause
     * @throws NullPointerException if {@code handler} is {@code null}
     */
    public static <R> Clause<R> otherwise(Supplier<? extends R> handler) {
        return new OtherwiseClause<>(handler);
    }

    /**
     * Waits until one clause completes (chosen uniformly at random among the ready ones) and returns its
     * handler's result.
     *
     * @param clauses the clauses: at least one; at most one {@code timeout} and one {@code otherwise}
     * @param <R>     the result type
     * @return the result of the chosen clause's handler
     * @throws InterruptedException              if interrupted while waiting; no clause took effect
     * @throws dev.runnel.ChannelClosedException if the chosen receive clause's channel is closed and drained, or
     *                                           a send clause's channel is closed
     * @throws IllegalArgumentException          if there is no clause, more than one {@code timeout} or
     *                                           {@code otherwise}, or a channel is not a Runnel channel
     */
    @SafeVarargs
    @SuppressWarnings("varargs")   // List.of copies the array; nothing is stored into it
    public static <R> R select(Clause<? extends R>... clauses) throws InterruptedException {
        return run(List.of(clauses), false);
    }

    /**
     * As {@link #select(Clause[])}, with the clauses given as a list (a select built at run time).
     *
     * @param clauses the clauses
     * @param <R>     the result type
     * @return the result of the chosen clause's handler
     * @throws InterruptedException              if interrupted while waiting; no clause took effect
     * @throws dev.runnel.ChannelClosedException as {@link #select(Clause[])}
     * @throws IllegalArgumentException          as {@link #select(Clause[])}
     */
    public static <R> R select(List<? extends Clause<? extends R>> clauses) throws InterruptedException {
        return run(clauses, false);
    }

    /**
     * As {@link #select(Clause[])}, but among the ready clauses the first in argument order wins.
     *
     * @param clauses the clauses
     * @param <R>     the result type
     * @return the result of the chosen clause's handler
     * @throws InterruptedException              if interrupted while waiting; no clause took effect
     * @throws dev.runnel.ChannelClosedException as {@link #select(Clause[])}
     * @throws IllegalArgumentException          as {@link #select(Clause[])}
     */
    @SafeVarargs
    @SuppressWarnings("varargs")   // List.of copies the array; nothing is stored into it
    public static <R> R selectBiased(Clause<? extends R>... clauses) throws InterruptedException {
        return run(List.of(clauses), true);
    }

    /**
     * As {@link #selectBiased(Clause[])}, with the clauses given as a list.
     *
     * @param clauses the clauses
     * @param <R>     the result type
     * @return the result of the chosen clause's handler
     * @throws InterruptedException              if interrupted while waiting; no clause took effect
     * @throws dev.runnel.ChannelClosedException as {@link #select(Clause[])}
     * @throws IllegalArgumentException          as {@link #select(Clause[])}
     */
    public static <R> R selectBiased(List<? extends Clause<? extends R>> clauses) throws InterruptedException {
        return run(clauses, true);
    }

    private static <R> R run(List<? extends Clause<? extends R>> clauses, boolean biased)
            throws InterruptedException {
        Objects.requireNonNull(clauses, "clauses");
        if (clauses.isEmpty()) {
            throw new IllegalArgumentException("clauses: at least one is needed");
        }
        TimeoutClause<? extends R> timeout = null;
        OtherwiseClause<? extends R> otherwise = null;
        final Selector selector = biased ? Selector.createBiased() : Selector.create();
        final ChannelClause<?>[] byCase = new ChannelClause<?>[clauses.size()];
        try {
            for (Clause<? extends R> clause : clauses) {
                switch (Objects.requireNonNull(clause, "clause")) {
                    case TimeoutClause<? extends R> t -> {
                        if (timeout != null) {
                            throw new IllegalArgumentException("clauses: at most one timeout, got two");
                        }
                        timeout = t;
                    }
                    case OtherwiseClause<? extends R> o -> {
                        if (otherwise != null) {
                            throw new IllegalArgumentException("clauses: at most one otherwise, got two");
                        }
                        otherwise = o;
                    }
                    case ReceiveClause<?, ? extends R> r -> byCase[r.addTo(selector).index()] = r;
                    case SendClause<?, ? extends R> s -> byCase[s.addTo(selector).index()] = s;
                }
            }
            final Selector.Case chosen;
            if (otherwise != null) {
                chosen = selector.trySelectUnregistered();
                if (chosen == null) {
                    return otherwise.handler().get();
                }
            } else if (timeout != null) {
                chosen = selector.select(Duration.ofNanos(timeout.nanos()));
                if (chosen == null) {
                    return timeout.handler().get();
                }
            } else {
                chosen = selector.select();
            }
            @SuppressWarnings("unchecked")
            final ChannelClause<? extends R> clause = (ChannelClause<? extends R>) byCase[chosen.index()];
            selector.close();   // before the handler runs: it may select on the same channels
            return clause.complete(chosen);
        } finally {
            selector.close();
        }
    }
}
