package dev.runnel.numa;

import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NodeLocalMemoryTest {

    @Test
    void allocatesZeroedPagesOnTheNodeAsked() throws InterruptedException {
        final NumaTopology topology = NumaTopology.read();
        try (Arena arena = Arena.ofShared()) {
            for (NumaNode node : topology.nodes()) {
                if (node.cpus().isEmpty()) {
                    continue;
                }
                final MemorySegment segment = NodeLocalMemory.allocate(arena, 1 << 20, node);
                assertEquals(1 << 20, segment.byteSize());
                assertEquals(0, segment.address() % 4096, "page-aligned");
                for (long offset = 0; offset < segment.byteSize(); offset += 4096) {
                    assertEquals(0, segment.get(ValueLayout.JAVA_BYTE, offset));
                }
                final int where = NodeLocalMemory.nodeOf(segment, 12345);
                // -1: the kernel will not say here (move_pages refused); otherwise it must be the node asked
                assertTrue(where == -1 || where == node.id(), "page on node " + where + ", asked " + node);
            }
        }
    }

    @Test
    void badInputIsAClearError() {
        final NumaNode node = NumaTopology.read().nodes().get(0);
        try (Arena confined = Arena.ofConfined()) {
            final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> NodeLocalMemory.allocate(confined, 4096, node));
            assertTrue(e.getMessage().contains("arena is confined to another thread"), e.getMessage());
        }
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> NodeLocalMemory.allocate(Arena.global(), 0, node)).getMessage().contains("byteSize=0"));
        try (Arena arena = Arena.ofConfined()) {
            final MemorySegment small = arena.allocate(16);
            assertThrows(IndexOutOfBoundsException.class, () -> NodeLocalMemory.nodeOf(small, 16));
            assertEquals(-1, NodeLocalMemory.nodeOf(MemorySegment.ofArray(new byte[16]), 0), "heap: no node");
        }
    }
}
