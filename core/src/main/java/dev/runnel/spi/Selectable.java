package dev.runnel.spi;

/**
 * What a selector asks of a channel: register a case's interest, and take it back. Every channel kind of Runnel
 * implements it alongside its channel interface.
 *
 * <p>The protocol (ADR 0004): a selector first tries each case without registering ({@code tryReceive},
 * {@code trySend}). If none is ready, it resets its {@link Waiter}, registers one {@link WaitNode} per case,
 * re-checks every case, and parks. A channel that may have become ready for a registered case claims the
 * selector's waiter under that node's key ({@link Waiter#readied} is called first, so a selector can set a
 * readiness bit) and completes it:
 * <ul>
 *   <li>buffered channels complete with {@link Waiter#READY}: the selector tries that case again, and if it
 *       does not act on it (another case won, or it gave up), it calls {@link #forwardReceiverSignal()} (or {@link #forwardSenderSignal()}) so
 *       that the wake-up is not lost for other waiters;</li>
 *   <li>rendezvous channels complete the hand-off itself: with the value (a receive case) or
 *       {@link Waiter#TAKEN} (a send case).</li>
 * </ul>
 * A channel that closes completes every registration with {@link Waiter#CLOSED}.
 *
 * <p>A registration whose waiter is {@link Waiter#CLAIMING} is skipped, not dropped: a selector that returns
 * its waiter from {@code CLAIMING} to {@code WAITING} ({@link Waiter#release()}) must re-check every case it is
 * registered for before it parks.
 */
public interface Selectable {

    /**
     * Registers {@code node} to be signalled when a receive may succeed.
     *
     * @param node an unlinked node of a waiting waiter
     * @return {@code true} if registered; {@code false} if not, because the channel may be ready now, is
     *         closed, or completed the node's waiter at once (a rendezvous sender was waiting): check the
     *         waiter's state, then try the case
     */
    boolean registerReceiver(WaitNode node);

    /**
     * Registers {@code node}, whose {@link WaitNode#item()} is the value to send, to be signalled when a send
     * may succeed (or, on a rendezvous channel, to hand the value to a receiver).
     *
     * @param node an unlinked node of a waiting waiter, holding the value
     * @return as {@link #registerReceiver(WaitNode)}
     */
    boolean registerSender(WaitNode node);

    /**
     * Takes back a registration that has not been claimed (another case won, or the selector gave up).
     *
     * @param node a node registered with this channel
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
}
