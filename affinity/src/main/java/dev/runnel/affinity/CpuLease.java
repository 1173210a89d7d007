package dev.runnel.affinity;

/**
 * CPUs reserved from a {@link CpuAllocator} for one thread: closing the lease gives them back and, if
 * {@link CpuAllocator#acquire()} pinned the thread, restores the mask that thread had before.
 */
public final class CpuLease implements AutoCloseable {
    private final CpuAllocator allocator;
    private final int cpu;
    private final CpuSet cpus;
    private CpuSet restore;
    private Thread pinnedThread;
    private boolean closed;

    CpuLease(CpuAllocator allocator, int cpu, CpuSet cpus) {
        this.allocator = allocator;
        this.cpu = cpu;
        this.cpus = cpus;
    }

    /**
     * Returns the CPU this lease is for (the first of {@link #cpus()}).
     *
     * @return a CPU number
     */
    public int cpu() {
        return cpu;
    }

    /**
     * Returns every CPU this lease holds: one, or all threads of a core for {@link CpuAllocator#acquireCore()}.
     *
     * @return the CPUs
     */
    public CpuSet cpus() {
        return cpus;
    }

    /**
     * Tells whether the thread that acquired this lease was pinned to its CPUs.
     *
     * @return {@code false} for {@code reserve} leases and where pinning is impossible
     */
    public synchronized boolean isPinned() {
        return pinnedThread != null;
    }

    synchronized boolean pinCurrentThread() {
        final CpuSet before = Affinity.currentMask();
        if (Affinity.pin(cpus)) {
            restore = before;
            pinnedThread = Thread.currentThread();
            return true;
        }
        return false;
    }

    /**
     * Gives the CPUs back to the allocator; if the calling thread is the one pinned, restores its previous mask.
     * A second close does nothing.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (pinnedThread == Thread.currentThread()) {
            Affinity.pin(restore);
        }
        allocator.release(cpus);
    }

    @Override
    public String toString() {
        return "CpuLease[cpus=" + cpus + (isPinned() ? ", pinned" : "") + "]";
    }
}
