package dev.runnel.routines;

import dev.runnel.WaitStrategy;
import dev.runnel.affinity.Affinity;
import dev.runnel.affinity.CpuSet;
import dev.runnel.numa.NumaTopology;
import dev.runnel.numa.Placement;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs routines on its own carrier threads: {@code workers} platform threads, each pinned to a CPU chosen by
 * NUMA {@link Placement} (when {@link Builder#pinned(boolean) pinned}), each idling with its
 * {@link WaitStrategy} (spin, then yield, then park) and stealing work from the others.
 *
 * <pre>{@code
 * try (Scheduler s = Scheduler.builder().workers(2).pinned(true).build()) {
 *     s.go(() -> marketDataStage());
 *     s.go(() -> strategyStage());
 * }   // close(): waits for both
 * }</pre>
 *
 * <p><b>Virtual or platform routines.</b> Routines run as virtual threads whose continuations these carriers
 * run, when the JVM allows it: the JDK has no public API for a carrier pool, so it takes
 * {@code --add-opens java.base/java.lang=ALL-UNNAMED} (or {@code =dev.runnel.routines} on the module path),
 * which {@code ./runnel} passes. Otherwise each routine runs directly on a carrier, as a task, until it ends: a
 * routine that blocks then holds its carrier. The scheduler says so once (logger {@code dev.runnel.routines})
 * and {@link #usesVirtualThreads()} tells.
 *
 * <p><b>Shutdown.</b> {@link #close()} stops accepting routines and waits for those alive to end (drain);
 * {@link #shutdownNow()} cancels them, then waits. Either then stops the carriers. A routine parked forever
 * keeps {@code close()} waiting: cancel it, or use {@code shutdownNow()}.
 */
public final class Scheduler implements AutoCloseable {
    /** The JDK's default virtual-thread scheduler, behind {@link Routines}. */
    static final Scheduler DEFAULT = new Scheduler();
    private static final AtomicInteger SCHEDULERS = new AtomicInteger();

    /** The name every routine thread of this scheduler shares: no string per routine; its number tells it apart. */
    private final String threadName;
    private final CarrierPool pool;
    private final ThreadFactory threads;
    private final AtomicLong ids = new AtomicLong();
    private final LongAdder finished;
    private final LongAdder rejected = new LongAdder();
    private final LiveRoutines alive;
    private final Object closing = new Object();
    private volatile boolean closed;
    private volatile UncaughtFailureHandler handler;

    private Scheduler() {
        this.threadName = "routine";
        this.pool = null;
        this.threads = Thread.ofVirtual().name(threadName).factory();
        this.finished = null;
        this.alive = null;
        this.handler = UncaughtFailureHandler.printToStderr();
    }

    private Scheduler(Builder b, int[] cpus) {
        this.threadName = b.name + "-routine";
        this.handler = b.handler;
        this.finished = new LongAdder();
        this.alive = new LiveRoutines(cpus.length);
        final boolean virtual = b.virtualThreads && VirtualCarriers.unavailableReason() == null;
        if (b.virtualThreads && !virtual) {
            VirtualCarriers.sayOnce();
        }
        this.pool = new CarrierPool(this, b.name, cpus, b.waitStrategy, b.queueCapacity, virtual);
        this.threads = virtual ? VirtualCarriers.factory(pool, threadName) : null;
        pool.start();
    }

    /**
     * Returns a builder: {@code availableProcessors} workers, unpinned, {@link Placement#SPREAD},
     * {@code spinYieldThenPark(2000, 20)} idling, virtual threads.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a routine on this scheduler.
     *
     * @param body what it computes
     * @param <T>  the result type
     * @return the routine
     * @throws IllegalStateException if this scheduler is closed
     */
    public <T> Routine<T> go(Callable<T> body) {
        final RoutineTask<T> task = newTask(null, body);
        start(task);
        return task;
    }

    /**
     * Starts a routine on this scheduler.
     *
     * @param body what it does
     * @return the routine, whose result is {@code null}
     * @throws IllegalStateException if this scheduler is closed
     */
    public Routine<Void> go(Runnable body) {
        final RoutineTask<Void> task = newTask(null, body);
        start(task);
        return task;
    }

    /**
     * Runs {@code body} with a new {@link Scope} whose routines run on this scheduler, and waits for them; see
     * {@link Routines#scope(ScopeBody)}.
     *
     * @param body starts the scope's routines
     * @throws RoutineFailedException if the first failure was a checked exception (cause: it)
     * @throws RuntimeException       the first failure as is, if unchecked (also {@link Error}s)
     * @throws InterruptedException   if the calling thread was interrupted: the routines were cancelled, and
     *                                have ended
     */
    public void scope(ScopeBody body) throws InterruptedException {
        Objects.requireNonNull(body, "body");
        final Scope scope = new Scope(this);
        boolean interrupted = false;
        try {
            body.run(scope);
        } catch (InterruptedException e) {
            interrupted = true;
            scope.cancel();
        } catch (Throwable t) {
            scope.failed(t);
        }
        interrupted |= scope.awaitAll();
        final Throwable first = scope.firstFailure();
        if (first != null) {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (first instanceof RuntimeException e) {
                throw e;
            }
            if (first instanceof Error e) {
                throw e;
            }
            throw new RoutineFailedException("a routine of the scope failed: " + first, first);
        }
        if (interrupted) {
            throw new InterruptedException("the scope was interrupted: its routines were cancelled and have ended");
        }
    }

    <T> RoutineTask<T> newTask(Scope scope, Callable<T> body) {
        Objects.requireNonNull(body, "body");
        return task(scope, body, false);
    }

    <T> RoutineTask<T> newTask(Scope scope, Runnable body) {
        Objects.requireNonNull(body, "body");
        return task(scope, body, true);
    }

    private <T> RoutineTask<T> task(Scope scope, Object body, boolean returnsNothing) {
        final long number = ids.incrementAndGet();
        return alive == null ? new RoutineTask<>(this, scope, number, body, returnsNothing)
                : new TrackedRoutineTask<>(this, scope, number, body, returnsNothing, alive.stripeOf(number));
    }

    /** A task that will never start (its scope had ended): not counted as started. */
    void discard(RoutineTask<?> task) {
        if (pool != null) {
            task.rejected = true;
            rejected.increment();
        }
    }

    void start(RoutineTask<?> task) {
        if (pool == null) {
            start(task, threads.newThread(task));
            return;
        }
        alive.add((TrackedRoutineTask<?>) task);
        if (closed) { // after the add: close() either sees this routine alive, or this sees closed (the stripe's
                      // lock orders the add and close()'s count of that stripe; closed is written before it)
            discard(task);
            task.cancel();
            throw new IllegalStateException("the scheduler is closed: it accepts no new routine");
        }
        if (threads != null) {
            start(task, threads.newThread(task));
        } else {
            pool.execute(task);
        }
    }

    private void start(RoutineTask<?> task, Thread thread) {
        task.number(thread.threadId());   // the number thread dumps show: #id (the name is the factory's)
        thread.start();
    }

    /** A routine ended (completed by whoever moved it to DONE). */
    void ended(RoutineTask<?> task) {
        if (pool != null) {
            // counted finished before it leaves the live registry: close() returns once the registry is empty,
            // and stats() read after close() must count every routine finished
            if (!task.rejected) {
                finished.increment();
            }
            alive.remove((TrackedRoutineTask<?>) task);
        }
        if (task.scope != null) {
            task.scope.ended(task);
        }
        if (pool != null && closed) {
            synchronized (closing) {
                closing.notifyAll();
            }
        }
    }

    long live() {
        return alive == null ? 0 : alive.size();
    }

    String routineName(long id) {
        return threadName + '-' + id;
    }

    UncaughtFailureHandler uncaughtFailureHandler() {
        return handler;
    }

    void setUncaughtFailureHandler(UncaughtFailureHandler handler) {
        this.handler = handler;
    }

    /**
     * Tells whether routines run as virtual threads on the carriers (see the class comment).
     *
     * @return {@code false} on the platform fallback
     */
    public boolean usesVirtualThreads() {
        return threads != null;
    }

    /**
     * Returns the CPU each carrier was asked to run on ({@code -1}: unpinned).
     *
     * @return one CPU per worker
     */
    public int[] cpus() {
        final int[] cpus = new int[pool.carriers.length];
        for (int i = 0; i < cpus.length; i++) {
            cpus[i] = pool.carriers[i].cpu;
        }
        return cpus;
    }

    /**
     * Returns the carriers' threads (for monitoring: their names, states, stacks).
     *
     * @return the carrier threads
     */
    public List<Thread> carrierThreads() {
        return List.of(pool.carriers);
    }

    /**
     * Reads the counters.
     *
     * @return a snapshot
     */
    public SchedulerStats stats() {
        final List<CarrierStats> carriers = new ArrayList<>();
        long running = 0;
        long steals = 0;
        for (Carrier carrier : pool.carriers) {
            final CarrierStats c = carrier.stats();
            carriers.add(c);
            running += c.busy() ? 1 : 0;
            steals += c.steals();
        }
        final long started = ids.get() - rejected.sum();
        final long done = finished.sum();
        final long queued = pool.queued();
        final long parked = Math.max(0, started - done - running - queued);
        return new SchedulerStats(usesVirtualThreads(), started, done, running, queued, parked, steals,
                List.copyOf(carriers));
    }

    /**
     * Tells whether {@link #close()} or {@link #shutdownNow()} has been called.
     *
     * @return {@code true} if no new routine is accepted
     */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Stops accepting routines, waits for every routine alive to end, then stops the carriers. A second call
     * waits the same way. If interrupted while waiting, it cancels the routines (as {@link #shutdownNow()}),
     * still waits for them, and returns with the interrupt status set.
     */
    @Override
    public void close() {
        closed = true;
        boolean interrupted = false;
        synchronized (closing) {
            while (live() > 0) {
                try {
                    closing.wait(100);
                } catch (InterruptedException e) {
                    interrupted = true;
                    cancelAlive();
                }
            }
        }
        pool.stop();
        try {
            pool.join();
        } catch (InterruptedException e) {
            interrupted = true;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops accepting routines, cancels (interrupts) every routine alive, waits for them to end, then stops the
     * carriers. A routine that ignores its interrupt and never ends keeps this waiting. If the calling thread is
     * interrupted while waiting, it keeps waiting and returns with the interrupt status set.
     */
    public void shutdownNow() {
        closed = true;
        cancelAlive();
        close();
    }

    private void cancelAlive() {
        for (RoutineTask<?> task : alive.snapshot()) {
            task.cancel();
        }
    }

    @Override
    public String toString() {
        return "Scheduler[" + threadName.substring(0, threadName.length() - "-routine".length()) + ", workers="
                + pool.carriers.length + (usesVirtualThreads() ? ", virtual" : ", platform") + "]";
    }

    /** Settings of a {@link Scheduler}. */
    public static final class Builder {
        private int workers = Runtime.getRuntime().availableProcessors();
        private boolean pinned;
        private CpuSet cpus;
        private Placement placement = Placement.SPREAD;
        private NumaTopology topology;
        private WaitStrategy waitStrategy = WaitStrategy.spinYieldThenPark(2000, 20);
        private String name;
        private boolean virtualThreads = true;
        private int queueCapacity = 4096;
        private UncaughtFailureHandler handler = UncaughtFailureHandler.printToStderr();

        private Builder() {
        }

        /**
         * Sets the number of carrier threads.
         *
         * @param workers in {@code [1, 4096]}
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder workers(int workers) {
            if (workers < 1 || workers > 4096) {
                throw new IllegalArgumentException("workers=" + workers + " is out of range [1, 4096]");
            }
            this.workers = workers;
            return this;
        }

        /**
         * Pins each carrier to one CPU, chosen by the {@link #placement(Placement) placement} among the
         * {@link #cpus(CpuSet) allowed CPUs}. Where pinning is impossible, carriers run unpinned and
         * {@link Affinity} says so once.
         *
         * @param pinned whether to pin
         * @return this builder
         */
        public Builder pinned(boolean pinned) {
            this.pinned = pinned;
            return this;
        }

        /**
         * Restricts pinned carriers to these CPUs (by default, the CPUs the building thread may run on).
         *
         * @param cpus the allowed CPUs, not empty
         * @return this builder
         * @throws IllegalArgumentException if empty
         */
        public Builder cpus(CpuSet cpus) {
            if (cpus.isEmpty()) {
                throw new IllegalArgumentException("cpus is empty: allow at least one CPU");
            }
            this.cpus = cpus;
            return this;
        }

        /**
         * Sets how pinned carriers are placed across NUMA nodes (default {@link Placement#SPREAD}).
         *
         * @param placement spread across nodes or pack on one
         * @return this builder
         */
        public Builder placement(Placement placement) {
            this.placement = Objects.requireNonNull(placement, "placement");
            return this;
        }

        /**
         * Sets the NUMA topology to place on (default: this machine's, read from sysfs).
         *
         * @param topology the topology
         * @return this builder
         */
        public Builder topology(NumaTopology topology) {
            this.topology = Objects.requireNonNull(topology, "topology");
            return this;
        }

        /**
         * Sets how an idle carrier waits for work: it idles per the strategy while it says so (spinning,
         * yielding), then parks until a routine is submitted.
         *
         * @param waitStrategy the strategy; {@link WaitStrategy#busySpin()} never parks (one CPU per carrier)
         * @return this builder
         */
        public Builder waitStrategy(WaitStrategy waitStrategy) {
            this.waitStrategy = Objects.requireNonNull(waitStrategy, "waitStrategy");
            return this;
        }

        /**
         * Names the scheduler: carriers are {@code <name>-carrier-<i>}, routine threads {@code <name>-routine}
         * (numbered by their thread ids), routines {@code <name>-routine-<id>}.
         *
         * @param name the name, not blank
         * @return this builder
         * @throws IllegalArgumentException if blank
         */
        public Builder name(String name) {
            if (name.isBlank()) {
                throw new IllegalArgumentException("name is blank");
            }
            this.name = name;
            return this;
        }

        /**
         * Chooses virtual threads on the carriers (the default, where the JVM allows it) or routines run
         * directly on the platform carriers (one routine per carrier at a time, nothing between it and the
         * CPU).
         *
         * @param virtualThreads {@code false} for platform routines
         * @return this builder
         */
        public Builder virtualThreads(boolean virtualThreads) {
            this.virtualThreads = virtualThreads;
            return this;
        }

        /**
         * Sets the capacity of each carrier's queue (rounded up to a power of two); beyond it tasks spill to a
         * shared overflow queue.
         *
         * @param queueCapacity in {@code [16, 1 << 20]}
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder queueCapacity(int queueCapacity) {
            if (queueCapacity < 16 || queueCapacity > 1 << 20) {
                throw new IllegalArgumentException("queueCapacity=" + queueCapacity
                        + " is out of range [16, 1048576]");
            }
            this.queueCapacity = queueCapacity;
            return this;
        }

        /**
         * Sets the handler of failures nobody joins.
         *
         * @param handler the handler
         * @return this builder
         */
        public Builder uncaughtFailureHandler(UncaughtFailureHandler handler) {
            this.handler = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /**
         * Starts the carriers.
         *
         * @return the scheduler
         * @throws IllegalArgumentException if pinned and no allowed CPU is on any NUMA node
         */
        public Scheduler build() {
            if (name == null) {
                name = "runnel-" + SCHEDULERS.incrementAndGet();
            }
            final int[] placed;
            if (pinned) {
                final NumaTopology t = topology != null ? topology : NumaTopology.read();
                final CpuSet allowed = cpus != null ? cpus : Affinity.currentMask();
                placed = placement.cpus(workers, t, allowed);
            } else {
                placed = new int[workers];
                java.util.Arrays.fill(placed, -1);
            }
            return new Scheduler(this, placed);
        }
    }
}
