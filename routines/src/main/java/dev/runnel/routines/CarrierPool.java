package dev.runnel.routines;

import dev.runnel.WaitStrategy;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The carrier threads of a {@link Scheduler} and how work reaches them. As an {@link Executor} it is the
 * scheduler of the virtual threads that run on it: the JDK hands it a continuation each time a routine starts
 * or is unparked.
 *
 * <p>A task submitted from one of its own carriers (a routine readying another) goes to that carrier's queue,
 * as Go puts a readied goroutine on the current P; any other submission goes round-robin. A full queue spills
 * to a shared overflow queue. Idle carriers steal from the others. A submitter wakes a parked carrier only when
 * no carrier is spinning (a spinner will find the task), as Go's runtime does.
 */
final class CarrierPool implements Executor {
    final Carrier[] carriers;
    final ConcurrentLinkedQueue<Runnable> overflow = new ConcurrentLinkedQueue<>();
    final WaitStrategy idle;
    final AtomicInteger spinning = new AtomicInteger();
    private final Scheduler scheduler;
    private final boolean virtual;
    private int nextCarrier;
    volatile boolean stopping;

    CarrierPool(Scheduler scheduler, String name, int[] cpus, WaitStrategy idle, int queueCapacity,
            boolean virtual) {
        this.scheduler = scheduler;
        this.idle = idle;
        this.virtual = virtual;
        this.carriers = new Carrier[cpus.length];
        for (int i = 0; i < cpus.length; i++) {
            carriers[i] = new Carrier(this, i, cpus[i], queueCapacity, name + "-carrier-" + i);
        }
    }

    void start() {
        for (Carrier carrier : carriers) {
            carrier.start();
        }
    }

    @Override
    public void execute(Runnable task) {
        final Thread current = virtual ? VirtualCarriers.currentCarrier() : Thread.currentThread();
        boolean queued = false;
        if (current instanceof Carrier carrier && carrier.pool == this) {
            queued = carrier.queue.offer(task);
        }
        if (!queued) {
            final int start = nextCarrier++ & Integer.MAX_VALUE; // a racy round-robin hint is enough
            queued = carriers[start % carriers.length].queue.offer(task);
            if (!queued) {
                overflow.add(task);
            }
        }
        // Dekker with Carrier.stopSpinningMayPark: the offer above ends with a volatile write (the ring's CAS of
        // its producer index, or the overflow queue's CAS), and the reads below are volatile; the carrier writes
        // spinning and its parked flag volatile, then reads the queues volatile. The JMM's total order over
        // volatile accesses means one of the two sees the other: no fence needed on this path, which every unpark
        // of a routine takes.
        if (spinning.get() == 0) {
            wakeOne();
        }
    }

    private void wakeOne() {
        for (Carrier carrier : carriers) {
            if (carrier.parked == 1 && Carrier.PARKED.compareAndSet(carrier, 1, 0)) {
                LockSupport.unpark(carrier);
                return;
            }
        }
    }

    /** Tells whether any queue holds a task. */
    boolean hasWork() {
        if (!overflow.isEmpty()) {
            return true;
        }
        for (Carrier carrier : carriers) {
            if (!carrier.queue.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** Tells whether no queue holds a task and no routine of the scheduler is alive. */
    boolean isQuiet() {
        return !hasWork() && scheduler.live() == 0;
    }

    /** Stops the carriers once no routine is alive; returns at once. */
    void stop() {
        stopping = true;
        for (Carrier carrier : carriers) {
            LockSupport.unpark(carrier);
        }
    }

    void join() throws InterruptedException {
        for (Carrier carrier : carriers) {
            carrier.join();
        }
    }

    long queued() {
        long n = overflow.size();
        for (Carrier carrier : carriers) {
            n += carrier.queue.size();
        }
        return n;
    }

    void taskFailed(Carrier carrier, Throwable t) {
        System.err.println("Runnel: a task failed on " + carrier.getName() + ": " + t);
        t.printStackTrace();
    }
}
