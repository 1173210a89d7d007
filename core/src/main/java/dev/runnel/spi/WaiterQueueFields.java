package dev.runnel.spi;

/** The waiter count that a channel's fast path reads, and the list it counts, on one cache line. */
abstract class WaiterQueueFields extends WaiterQueueL0Pad {
    int waiting;      // through WaiterQueue.WAITING; written under the lock, read without it
    WaitNode head;    // guarded by the lock
    WaitNode tail;    // guarded by the lock
}
