package dev.runnel.spi;

import java.util.Objects;

/**
 * One registration of a {@link Waiter} with one channel: the waiter, the key that tells the waiter which
 * registration won, and, for a sender, the value it offers. Linked into a {@link WaiterQueue}; the links are
 * guarded by that queue's lock.
 *
 * <p>A node is in at most one queue at a time. A plain blocking operation uses its thread's node
 * ({@link #ofCurrentThread()}, key {@code 0}); a selector keeps one node per case.
 */
public final class WaitNode {
    private static final ThreadLocal<WaitNode> CURRENT =
            ThreadLocal.withInitial(() -> new WaitNode(new Waiter(Thread.currentThread()), 0));

    private final Waiter waiter;
    private final int key;
    private Object item;
    WaitNode prev;
    WaitNode next;
    WaiterQueue queue;   // the queue this node is linked in, or null

    /**
     * Creates a registration for {@code waiter} under {@code key}.
     *
     * @param waiter the waiter that this registration wakes
     * @param key    the key the waiter receives when this registration wins
     */
    public WaitNode(Waiter waiter, int key) {
        this.waiter = Objects.requireNonNull(waiter, "waiter");
        this.key = key;
    }

    /**
     * Returns the calling thread's node for plain (non-select) blocking operations, creating it on first use.
     * A thread blocks in one operation at a time, so one node suffices; the operation must leave it unlinked.
     *
     * @return the calling thread's node, key {@code 0}
     */
    public static WaitNode ofCurrentThread() {
        return CURRENT.get();
    }

    /**
     * Returns the waiter this registration wakes.
     *
     * @return the waiter
     */
    public Waiter waiter() {
        return waiter;
    }

    /**
     * Returns the key of this registration.
     *
     * @return the key
     */
    public int key() {
        return key;
    }

    /**
     * Returns the value a sender offers through this registration ({@code null} for a receiver).
     *
     * @return the offered value
     */
    public Object item() {
        return item;
    }

    /**
     * Sets the value a sender offers; owner only, before registering.
     *
     * @param item the offered value, or {@code null} to clear it
     */
    public void item(Object item) {
        this.item = item;
    }

    /**
     * Tells whether this node is linked in a queue now; read it under that queue's lock.
     *
     * @return {@code true} if linked
     */
    public boolean isLinked() {
        return queue != null;
    }

    @Override
    public String toString() {
        return "WaitNode[key=" + key + ", " + waiter + "]";
    }
}
