package dev.runnel.affinity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static dev.runnel.affinity.AffinityStrategy.DIFFERENT_CORE;
import static dev.runnel.affinity.AffinityStrategy.DIFFERENT_SOCKET;
import static dev.runnel.affinity.AffinityStrategy.SAME_CORE;
import static dev.runnel.affinity.AffinityStrategy.SAME_SOCKET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CpuAllocatorTest {

    private static CpuAllocator allocator(Path dir, CpuSet reserved) throws IOException {
        return CpuAllocator.of(CpuLayout.read(CpuLayoutTest.twoSocketsTwoCoresTwoThreads(dir)), reserved);
    }

    @Test
    void strategiesPlaceRelativeToAReference(@TempDir Path dir) throws IOException {
        final CpuAllocator cpus = allocator(dir, CpuSet.range(1, 7));
        assertEquals(4, cpus.reserve(0, SAME_CORE).cpu());
        assertEquals(1, cpus.reserve(0, SAME_SOCKET).cpu(), "cpu 4 is taken; 1 is socket 0's other core");
        assertEquals(2, cpus.reserve(0, DIFFERENT_SOCKET).cpu());
        assertEquals(3, cpus.reserve(2, SAME_SOCKET, DIFFERENT_CORE).cpu());
        assertEquals(CpuSet.of(5, 6, 7), cpus.free());
    }

    @Test
    void strategiesAreTriedInOrder(@TempDir Path dir) throws IOException {
        final CpuAllocator cpus = allocator(dir, CpuSet.of(2, 3));
        // no free CPU shares cpu 0's core or socket: fall through to a different socket
        assertEquals(2, cpus.reserve(0, SAME_CORE, SAME_SOCKET, DIFFERENT_SOCKET).cpu());
        final IllegalStateException e = assertThrows(IllegalStateException.class, () -> cpus.reserve(0, SAME_CORE));
        assertTrue(e.getMessage().contains("reserved=2-3, taken=2"), e.getMessage());
    }

    @Test
    void wholeCoresAndRelease(@TempDir Path dir) throws IOException {
        final CpuAllocator cpus = allocator(dir, CpuSet.of(1, 2, 5));
        final CpuLease core = cpus.reserveCore();
        assertEquals(CpuSet.of(1, 5), core.cpus(), "cpu 2's sibling 6 is not reserved");
        assertFalse(core.isPinned());
        assertThrows(IllegalStateException.class, cpus::reserveCore);
        core.close();
        core.close();
        assertEquals(CpuSet.of(1, 2, 5), cpus.free());
        cpus.reserve();
        cpus.reserve();
        cpus.reserve();
        assertThrows(IllegalStateException.class, cpus::reserve);
    }

    @Test
    void badReservationsAreClearErrors(@TempDir Path dir) throws IOException {
        final CpuLayout layout = CpuLayout.read(CpuLayoutTest.twoSocketsTwoCoresTwoThreads(dir));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CpuAllocator.of(layout, CpuSet.of(7, 9)))
                .getMessage().contains("holds CPUs 9 that are not online"));
        assertThrows(IllegalArgumentException.class, () -> CpuAllocator.of(layout, CpuSet.of(1)).reserve(12));
    }
}
