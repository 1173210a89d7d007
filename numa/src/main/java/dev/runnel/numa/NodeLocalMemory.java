package dev.runnel.numa;

import dev.runnel.affinity.Affinity;
import dev.runnel.affinity.CpuSet;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Native memory placed on a chosen NUMA node by <em>first touch</em>: Linux backs a page with memory of the
 * node whose CPU first writes it, so the segment is allocated and every page written by a platform thread
 * pinned to the node's CPUs. Rings allocated so sit next to the pinned workers that use them.
 *
 * <p>Where pinning is impossible, the memory is allocated all the same (wherever the kernel puts it) and
 * {@link Affinity} says so once. {@link #nodeOf(MemorySegment, long)} asks the kernel where a page lives
 * ({@code move_pages} in query mode), to check a placement.
 */
public final class NodeLocalMemory {
    private static final long PAGE = 4096;
    private static final MethodHandle SYSCALL = bindSyscall();
    private static final long SYS_MOVE_PAGES = switch (System.getProperty("os.arch", "")) {
        case "amd64", "x86_64" -> 279;
        case "aarch64" -> 239;
        default -> -1;
    };

    private NodeLocalMemory() {
    }

    /**
     * Allocates {@code byteSize} zeroed bytes from {@code arena}, page-aligned, on {@code node}.
     *
     * @param arena    a shared, global or automatic arena (the allocation happens on another thread)
     * @param byteSize how many bytes, {@code >= 1}
     * @param node     the node that should hold the pages; it must have CPUs
     * @return the segment
     * @throws IllegalArgumentException if {@code byteSize < 1}, the node has no CPU, or the arena is confined
     *                                  to another thread
     * @throws InterruptedException     if interrupted while the node's thread allocates (the allocation still
     *                                  completes, in the arena)
     */
    public static MemorySegment allocate(Arena arena, long byteSize, NumaNode node) throws InterruptedException {
        if (byteSize < 1) {
            throw new IllegalArgumentException("byteSize=" + byteSize + " must be >= 1");
        }
        final CpuSet cpus = node.cpus();
        if (cpus.isEmpty()) {
            throw new IllegalArgumentException("node=" + node + " has no CPU to touch its memory from");
        }
        final AtomicReference<Object> result = new AtomicReference<>();
        final Thread toucher = Thread.ofPlatform().name("runnel-first-touch-node" + node.id()).unstarted(() -> {
            try {
                Affinity.pin(cpus);
                final MemorySegment segment = arena.allocate(byteSize, PAGE);
                for (long offset = 0; offset < byteSize; offset += PAGE) {
                    segment.set(ValueLayout.JAVA_BYTE, offset, (byte) 0);
                }
                result.set(segment);
            } catch (WrongThreadException e) {
                result.set(new IllegalArgumentException("arena is confined to another thread: node-local"
                        + " memory is allocated on a thread pinned to the node; use a shared, global or automatic"
                        + " arena", e));
            } catch (RuntimeException | Error e) {
                result.set(e);
            }
        });
        toucher.start();
        toucher.join();
        final Object out = result.get();
        if (out instanceof MemorySegment segment) {
            return segment;
        }
        if (out instanceof RuntimeException e) {
            throw e;
        }
        throw (Error) out;
    }

    /**
     * Asks the kernel which node holds the page at {@code offset} in {@code segment}.
     *
     * @param segment a native segment
     * @param offset  an offset in it
     * @return the node id, or {@code -1} if the kernel will not say (no {@code move_pages} here, a container
     *         that forbids it, a page never touched)
     * @throws IndexOutOfBoundsException if {@code offset} is outside the segment
     */
    public static int nodeOf(MemorySegment segment, long offset) {
        java.util.Objects.checkIndex(offset, segment.byteSize());
        if (SYSCALL == null || SYS_MOVE_PAGES < 0 || !segment.isNative()) {
            return -1;
        }
        try (Arena arena = Arena.ofConfined()) {
            final MemorySegment pages = arena.allocate(ValueLayout.ADDRESS);
            pages.set(ValueLayout.ADDRESS, 0, MemorySegment.ofAddress((segment.address() + offset) & -PAGE));
            final MemorySegment status = arena.allocate(ValueLayout.JAVA_INT);
            status.set(ValueLayout.JAVA_INT, 0, Integer.MIN_VALUE);
            // move_pages(pid 0 = this process, 1 page, pages, nodes NULL = only query, status, flags 0)
            final long rc = (long) SYSCALL.invokeExact(SYS_MOVE_PAGES, 0L, 1L, pages, MemorySegment.NULL, status,
                    0L);
            final int node = status.get(ValueLayout.JAVA_INT, 0);
            return rc == 0 && node >= 0 ? node : -1;
        } catch (Throwable t) {
            return -1;
        }
    }

    /** {@code long syscall(long number, ...)}, all six arguments passed as longs as glibc reads them. */
    @SuppressWarnings("restricted")
    private static MethodHandle bindSyscall() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return null;
        }
        try {
            final Linker linker = Linker.nativeLinker();
            return linker.downcallHandle(linker.defaultLookup().find("syscall").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG,
                            ValueLayout.JAVA_LONG, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS,
                            ValueLayout.JAVA_LONG),
                    Linker.Option.firstVariadicArg(1));
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }
}
