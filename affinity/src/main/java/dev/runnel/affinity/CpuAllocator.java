package dev.runnel.affinity;

import java.util.Objects;

/**
 * Hands out <em>reserved</em> CPUs to threads, one thread per CPU, by placement strategy: the feature set of
 * Chronicle Thread Affinity's {@code AffinityLock}, on the FFM backend of {@link Affinity}.
 *
 * <p>The reserved CPUs are those the operating system is asked to keep free for latency-critical threads (with
 * {@code isolcpus} or a cpuset). {@link #system()} reads them from the system property
 * {@code runnel.affinity.reserved} (a cpulist such as {@code "2-7"}), else takes every CPU this process may use
 * except the lowest, which is left to the operating system and the JVM's own threads.
 *
 * <p>{@code reserve} methods only book CPUs; {@code acquire} methods book and pin the calling thread. When no
 * reserved CPU fits, they throw {@link IllegalStateException} naming what is reserved and what is taken. All
 * methods are thread-safe.
 */
public final class CpuAllocator {
    /** The system property naming the reserved CPUs for {@link #system()}. */
    public static final String RESERVED_PROPERTY = "runnel.affinity.reserved";

    private final CpuLayout layout;
    private final CpuSet reserved;
    private CpuSet taken = CpuSet.empty();

    private CpuAllocator(CpuLayout layout, CpuSet reserved) {
        this.layout = layout;
        this.reserved = reserved;
    }

    /**
     * Returns an allocator over this machine's layout and reserved CPUs (see the class comment).
     *
     * @return a new allocator
     * @throws IllegalArgumentException if {@code runnel.affinity.reserved} is not a cpulist
     */
    public static CpuAllocator system() {
        final CpuLayout layout = CpuLayout.read();
        final String property = System.getProperty(RESERVED_PROPERTY);
        final CpuSet allowed = Affinity.currentMask().intersect(layout.cpus());
        final CpuSet reserved;
        if (property != null) {
            reserved = CpuSet.parse(property).intersect(layout.cpus());
        } else {
            reserved = allowed.size() > 1 ? allowed.minus(CpuSet.of(allowed.first())) : allowed;
        }
        return new CpuAllocator(layout, reserved);
    }

    /**
     * Returns an allocator over a given layout and reserved set (tests, made-up machines).
     *
     * @param layout   the machine
     * @param reserved the CPUs to hand out; must all be in the layout
     * @return a new allocator
     * @throws IllegalArgumentException if a reserved CPU is not in the layout
     */
    public static CpuAllocator of(CpuLayout layout, CpuSet reserved) {
        Objects.requireNonNull(layout, "layout");
        final CpuSet unknown = reserved.minus(layout.cpus());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("reserved=" + reserved + " holds CPUs " + unknown
                    + " that are not online (online: " + layout.cpus() + ")");
        }
        return new CpuAllocator(layout, reserved);
    }

    /**
     * Returns the machine this allocator places on.
     *
     * @return the layout
     */
    public CpuLayout layout() {
        return layout;
    }

    /**
     * Returns the CPUs this allocator hands out.
     *
     * @return the reserved CPUs
     */
    public CpuSet reserved() {
        return reserved;
    }

    /**
     * Returns the reserved CPUs no lease holds now.
     *
     * @return the free CPUs
     */
    public synchronized CpuSet free() {
        return reserved.minus(taken);
    }

    /**
     * Books the lowest free reserved CPU and pins the calling thread to it.
     *
     * @return the lease; close it to give the CPU back and restore the thread's mask
     * @throws IllegalStateException if no reserved CPU is free, or the calling thread is virtual
     */
    public CpuLease acquire() {
        return pin(reserve());
    }

    /**
     * Books a free reserved CPU placed relative to {@code reference} by the first of {@code strategies} that any
     * free CPU satisfies, and pins the calling thread to it.
     *
     * @param reference  the CPU to place relative to (typically another lease's {@link CpuLease#cpu()})
     * @param strategies the placements to try, in order; none means {@link AffinityStrategy#ANY}
     * @return the lease
     * @throws IllegalStateException    if no free reserved CPU satisfies any strategy, or the calling thread is
     *                                  virtual (nothing stays booked)
     * @throws IllegalArgumentException if {@code reference} is not an online CPU
     */
    public CpuLease acquire(int reference, AffinityStrategy... strategies) {
        return pin(reserve(reference, strategies));
    }

    /**
     * Books a whole free core (every hardware thread of it, so no other thread shares its caches) and pins the
     * calling thread to it.
     *
     * @return the lease, whose {@link CpuLease#cpus()} are the core's threads
     * @throws IllegalStateException if no core has all its threads reserved and free, or the calling thread is
     *                               virtual (nothing stays booked)
     */
    public CpuLease acquireCore() {
        return pin(reserveCore());
    }

    /**
     * Books the lowest free reserved CPU, without pinning anyone.
     *
     * @return the lease
     * @throws IllegalStateException if no reserved CPU is free
     */
    public synchronized CpuLease reserve() {
        final int cpu = free().first();
        if (cpu < 0) {
            throw exhausted("a free reserved CPU");
        }
        return book(cpu, CpuSet.of(cpu));
    }

    /**
     * Books a CPU as {@link #acquire(int, AffinityStrategy...)} would, without pinning anyone.
     *
     * @param reference  the CPU to place relative to
     * @param strategies the placements to try, in order; none means {@link AffinityStrategy#ANY}
     * @return the lease
     * @throws IllegalStateException    if no free reserved CPU satisfies any strategy
     * @throws IllegalArgumentException if {@code reference} is not an online CPU
     */
    public synchronized CpuLease reserve(int reference, AffinityStrategy... strategies) {
        layout.socketOf(reference); // checks that it is online
        final AffinityStrategy[] order = strategies.length == 0
                ? new AffinityStrategy[] {AffinityStrategy.ANY} : strategies;
        final CpuSet free = free();
        for (AffinityStrategy strategy : order) {
            for (int cpu = free.first(); cpu >= 0; cpu = free.next(cpu + 1)) {
                if (cpu != reference && strategy.matches(layout, reference, cpu)) {
                    return book(cpu, CpuSet.of(cpu));
                }
            }
        }
        throw exhausted("a CPU placed " + java.util.Arrays.toString(order) + " from cpu " + reference);
    }

    /**
     * Books a whole core as {@link #acquireCore()} would, without pinning anyone.
     *
     * @return the lease
     * @throws IllegalStateException if no core has all its threads reserved and free
     */
    public synchronized CpuLease reserveCore() {
        final CpuSet free = free();
        for (int cpu = free.first(); cpu >= 0; cpu = free.next(cpu + 1)) {
            final CpuSet core = layout.coreSiblings(cpu);
            if (free.intersect(core).equals(core)) {
                return book(cpu, core);
            }
        }
        throw exhausted("a core with all its threads reserved and free");
    }

    synchronized void release(CpuSet cpus) {
        taken = taken.minus(cpus);
    }

    private CpuLease book(int cpu, CpuSet cpus) {
        taken = taken.union(cpus);
        return new CpuLease(this, cpu, cpus);
    }

    private static CpuLease pin(CpuLease lease) {
        try {
            lease.pinCurrentThread();
            return lease;
        } catch (RuntimeException e) {
            lease.close();
            throw e;
        }
    }

    private IllegalStateException exhausted(String wanted) {
        return new IllegalStateException("no " + wanted + ": reserved=" + reserved + ", taken=" + taken
                + " (reserve more with -D" + RESERVED_PROPERTY + "=<cpulist>)");
    }
}
