package dev.runnel.routines;

import dev.runnel.WaitStrategy;
import dev.runnel.affinity.Affinity;
import dev.runnel.affinity.CpuSet;
import dev.runnel.ring.MpmcRing;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * One carrier thread of a {@link CarrierPool}: a platform thread, pinned to its CPU if asked, that runs tasks
 * (virtual-thread continuations, or whole routines on the platform fallback) from its own queue, then from the
 * pool's overflow, then stolen from the other carriers' queues; when there is none it idles per the pool's
 * {@link WaitStrategy} (spin, yield) and finally parks until a submitter wakes it.
 *
 * <p>Its statistics are written by this thread only, with opaque stores, and read by anyone.
 */
final class Carrier extends Thread {
    private static final VarHandle TASKS;
    private static final VarHandle STEALS;
    private static final VarHandle IDLE_SPINS;
    private static final VarHandle IDLE_PARKS;
    private static final VarHandle BUSY;
    static final VarHandle PARKED;

    static {
        try {
            final MethodHandles.Lookup lookup = MethodHandles.lookup();
            TASKS = lookup.findVarHandle(Carrier.class, "tasks", long.class);
            STEALS = lookup.findVarHandle(Carrier.class, "steals", long.class);
            IDLE_SPINS = lookup.findVarHandle(Carrier.class, "idleSpins", long.class);
            IDLE_PARKS = lookup.findVarHandle(Carrier.class, "idleParks", long.class);
            BUSY = lookup.findVarHandle(Carrier.class, "busy", boolean.class);
            PARKED = lookup.findVarHandle(Carrier.class, "parked", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final CarrierPool pool;
    final int index;
    /** The CPU this carrier is pinned to, or {@code -1}. */
    final int cpu;
    final MpmcRing<Runnable> queue;
    private long tasks;
    private long steals;
    private long idleSpins;
    private long idleParks;
    private boolean busy;
    /** {@code 1} while parked or about to park; a submitter CASes it to {@code 0} and unparks. */
    volatile int parked;
    private volatile boolean pinned;

    Carrier(CarrierPool pool, int index, int cpu, int queueCapacity, String name) {
        super(null, null, name, 0, false);
        this.pool = pool;
        this.index = index;
        this.cpu = cpu;
        this.queue = new MpmcRing<>(queueCapacity);
        setDaemon(true);
    }

    @Override
    public void run() {
        if (cpu >= 0) {
            pinned = Affinity.pin(CpuSet.of(cpu));
        }
        final WaitStrategy idle = pool.idle;
        int attempt = 0;
        boolean spinning = false;
        while (true) {
            Runnable task = queue.poll();
            if (task == null) {
                task = pool.overflow.poll();
            }
            if (task == null) {
                task = steal();
            }
            if (task != null) {
                if (spinning) {
                    spinning = false;
                    pool.spinning.decrementAndGet();
                }
                attempt = 0;
                runTask(task);
                continue;
            }
            if (pool.stopping && pool.isQuiet()) {
                break;
            }
            if (!spinning) {
                spinning = true;
                pool.spinning.incrementAndGet();
            }
            if (idle.idle(attempt++)) {
                IDLE_SPINS.setOpaque(this, idleSpins + 1);
                continue;
            }
            spinning = false;
            if (stopSpinningMayPark()) {
                awaitWake();
            }
            attempt = 0;
        }
    }

    private void runTask(Runnable task) {
        BUSY.setOpaque(this, true);
        try {
            task.run();
        } catch (Throwable t) {
            // a routine's failure stays in its RoutineTask; anything here is a bug of a continuation
            pool.taskFailed(this, t);
        } finally {
            Thread.interrupted(); // an interrupt meant for a routine that ran here must not reach the next
            BUSY.setOpaque(this, false);
            TASKS.setOpaque(this, tasks + 1);
        }
    }

    private Runnable steal() {
        final Carrier[] all = pool.carriers;
        for (int i = 1; i < all.length; i++) {
            final Runnable task = all[(index + i) % all.length].queue.poll();
            if (task != null) {
                STEALS.setOpaque(this, steals + 1);
                return task;
            }
        }
        return null;
    }

    /**
     * The idle carrier's half of the wake-up protocol: leaves the pool's spinning count, announces that it is
     * about to park, then looks for work once more. Returns {@code true} if it may park (nothing arrived, and a
     * submitter that queues work from now on sees the announcement), {@code false} if it must go on running
     * (its parked flag is cleared again).
     *
     * <p>Dekker with {@link CarrierPool#execute(Runnable)}: the carrier writes {@code spinning} and
     * {@code parked}, then reads every queue; a submitter writes a queue, then reads {@code spinning} and
     * {@code parked}. All are volatile, so in the JMM's total order of them one side sees the other's write: a
     * submitter that saw this carrier spinning (and so woke nobody) queued its task before the carrier's
     * re-check, which finds it. {@code CarrierRaces} in the stress tests checks this.
     */
    boolean stopSpinningMayPark() {
        pool.spinning.decrementAndGet();
        PARKED.setVolatile(this, 1);
        if (pool.hasWork() || (pool.stopping && pool.isQuiet())) {
            PARKED.setVolatile(this, 0);
            return false;
        }
        IDLE_PARKS.setOpaque(this, idleParks + 1);
        return true;
    }

    /** Parks until a submitter clears the parked flag (and unparks this thread) or the pool stops. */
    private void awaitWake() {
        while (parked == 1 && !pool.stopping) {
            LockSupport.park(this);
        }
        PARKED.setVolatile(this, 0);
    }

    CarrierStats stats() {
        return new CarrierStats(index, cpu, pinned, (long) TASKS.getOpaque(this),
                (long) STEALS.getOpaque(this), (long) IDLE_SPINS.getOpaque(this), (long) IDLE_PARKS.getOpaque(this),
                (boolean) BUSY.getOpaque(this));
    }

    boolean isBusy() {
        return (boolean) BUSY.getOpaque(this);
    }
}
