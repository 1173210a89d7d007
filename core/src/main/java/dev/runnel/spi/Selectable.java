package dev.runnel.spi;

/**
 * What a selector asks of a channel: keep a case registered, and let go of it. Every channel kind of Runnel
 * implements it alongside its channel interface.
 *
 * <p>The protocol (ADR 0004, ADR 0005): a selector tries its cases without waiting ({@code tryReceive},
 * {@code trySend}). A case that fails is registered with its channel: one {@link WaitNode} per case, which
 * <em>stays linked between selects</em> until the case is disabled or the selector closed. Whenever a channel
 * looks for a waiter to wake it calls {@link Waiter#readied} for every registration it passes, so the selector
 * sets that case's readiness bit, and tries the next select only on the cases whose bit is set.
 *
 * <ul>
 *   <li>While the selector is busy it holds its waiter ({@link Waiter#hold()}): channels pass its
 *       registrations (readying them) and wake the next waiter instead, so a busy selector consumes no
 *       signal.</li>
 *   <li>While it waits ({@link Waiter#WAITING}), a channel claims it like any waiter. Buffered channels
 *       complete the claim with {@link Waiter#READY}: the selector tries that case, and if it does not act on
 *       it (another case won, or it gave up) it calls {@link #forwardReceiverSignal()} (or
 *       {@link #forwardSenderSignal()}), so that the wake-up reaches another waiter. Rendezvous channels
 *       complete the hand-off itself: with the value (a receive case) or {@link Waiter#TAKEN} (a send case).</li>
 *   <li>A channel that closes completes every waiting registration with {@link Waiter#CLOSED}.</li>
 * </ul>
 */
public interface Selectable {

    /**
     * Registers {@code node} to be readied (and, while its waiter waits, claimed) when a receive may succeed,
     * and re-checks the channel. Registering a node that is linked already only re-checks. The caller is the
     * node's owner, holding its waiter or waiting; while it waits, a rendezvous channel with a waiting sender
     * completes the hand-off at once (the waiter becomes {@link Waiter#CLAIMED}).
     *
     * @param node a node of the caller's waiter, unlinked or linked in this channel
     * @return {@code true} if a receive may succeed now or the channel is closed (try the case; check the
     *         waiter's state first if it was waiting); {@code false} if registered and nothing is ready
     */
    boolean registerReceiver(WaitNode node);

    /**
     * Registers {@code node}, whose {@link WaitNode#item()} is the value to send, to be readied (and, while its
     * waiter waits, claimed) when a send may succeed, or, on a rendezvous channel, to hand the value to a
     * receiver. As {@link #registerReceiver(WaitNode)} otherwise.
     *
     * @param node a node of the caller's waiter holding the value, unlinked or linked in this channel
     * @return as {@link #registerReceiver(WaitNode)}
     */
    boolean registerSender(WaitNode node);

    /**
     * Takes back a registration, if it is still linked (a disabled case, a closed selector, a send case that
     * has sent).
     *
     * @param node a node of the caller's waiter
     */
    void unregister(WaitNode node);

    /**
     * Passes on a {@link Waiter#READY} signal for a receive that its owner received but will not act on (another
     * case won, or it gave up), so that another receiver is woken if a value is still there.
     */
    void forwardReceiverSignal();

    /**
     * Passes on a {@link Waiter#READY} signal for a send that its owner received but will not act on, so that
     * another sender is woken if there is still room.
     */
    void forwardSenderSignal();

    /**
     * Tells whether this channel wakes its registrations at all. A channel built with a wait strategy that never
     * parks ({@link dev.runnel.WaitStrategy#busySpin()}) skips signalling on its fast paths; a selector polls
     * such a channel's cases on every select instead of registering them.
     *
     * @return {@code true} if registrations are readied and claimed as described above
     */
    default boolean signals() {
        return true;
    }
}
