package dev.runnel.affinity;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * Pinning through the C library with the FFM {@link Linker}: {@code sched_setaffinity(0, size, mask)},
 * {@code sched_getaffinity(0, size, mask)} and {@code sched_getcpu()}. Pid {@code 0} means the calling thread
 * (a Linux thread is a task with its own mask). The mask is a {@code cpu_set_t}: an array of unsigned longs,
 * bit {@code i % 64} of word {@code i / 64} for CPU {@code i}; on little- and big-endian 64-bit machines alike the
 * kernel reads it as longs, which is what {@link CpuSet#toWords(int)} gives.
 */
final class LinuxAffinity implements AffinityBackend {
    private static final StructLayout CAPTURED = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURED.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final int EINVAL = 22;

    private final MethodHandle setAffinity;
    private final MethodHandle getAffinity;
    private final MethodHandle getCpu;
    /** Words in the masks passed to the kernel: at least glibc's 1024 CPUs, more if the kernel needs it. */
    private volatile int maskWords = 16;

    private LinuxAffinity(MethodHandle setAffinity, MethodHandle getAffinity, MethodHandle getCpu) {
        this.setAffinity = setAffinity;
        this.getAffinity = getAffinity;
        this.getCpu = getCpu;
    }

    /**
     * Binds the C library's functions, or returns a {@link NoAffinity} saying why it could not. Restricted
     * (native) calls are the point of this class: the signatures above are those of glibc and musl.
     */
    @SuppressWarnings("restricted")
    static AffinityBackend load() {
        final String os = System.getProperty("os.name", "");
        if (!os.toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return new NoAffinity("thread pinning needs Linux (os.name=" + os + ")");
        }
        try {
            final Linker linker = Linker.nativeLinker();
            final SymbolLookup libc = linker.defaultLookup();
            final Linker.Option errno = Linker.Option.captureCallState("errno");
            final FunctionDescriptor affinity = FunctionDescriptor.of(ValueLayout.JAVA_INT,
                    ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS);
            final MethodHandle set = linker.downcallHandle(libc.find("sched_setaffinity").orElseThrow(),
                    affinity, errno);
            final MethodHandle get = linker.downcallHandle(libc.find("sched_getaffinity").orElseThrow(),
                    affinity, errno);
            final MethodHandle cpu = linker.downcallHandle(libc.find("sched_getcpu").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT));
            final LinuxAffinity backend = new LinuxAffinity(set, get, cpu);
            if (backend.getMask() == null) {
                return new NoAffinity("sched_getaffinity failed: the kernel or the container refuses it");
            }
            return backend;
        } catch (RuntimeException | LinkageError e) {
            return new NoAffinity("the C library's sched_setaffinity could not be bound: " + e);
        }
    }

    @Override
    public String unavailableReason() {
        return null;
    }

    @Override
    public int setMask(CpuSet cpus) {
        try (Arena arena = Arena.ofConfined()) {
            final long[] words = cpus.toWords(maskWords);
            final MemorySegment mask = arena.allocateFrom(ValueLayout.JAVA_LONG, words);
            final MemorySegment state = arena.allocate(CAPTURED);
            final int rc = (int) setAffinity.invokeExact(state, 0, mask.byteSize(), mask);
            return rc == 0 ? 0 : (int) ERRNO.get(state, 0L);
        } catch (Throwable t) {
            throw new IllegalStateException("sched_setaffinity failed", t);
        }
    }

    @Override
    public CpuSet getMask() {
        try (Arena arena = Arena.ofConfined()) {
            while (true) {
                final int words = maskWords;
                final MemorySegment mask = arena.allocate(ValueLayout.JAVA_LONG, words);
                final MemorySegment state = arena.allocate(CAPTURED);
                final int rc = (int) getAffinity.invokeExact(state, 0, mask.byteSize(), mask);
                if (rc >= 0) {
                    return CpuSet.fromWords(mask.toArray(ValueLayout.JAVA_LONG));
                }
                // EINVAL: the kernel's mask is wider than ours (more than 1024 CPUs): double and retry.
                if ((int) ERRNO.get(state, 0L) != EINVAL || words >= (CpuSet.MAX_CPU + 1) / 64) {
                    return null;
                }
                maskWords = words * 2;
            }
        } catch (Throwable t) {
            return null;
        }
    }

    @Override
    public int currentCpu() {
        try {
            return (int) getCpu.invokeExact();
        } catch (Throwable t) {
            return -1;
        }
    }
}
