package dev.runnel.affinity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CpuLayoutTest {

    /**
     * Writes a made-up machine: 2 sockets x 2 cores x 2 hardware threads, numbered as Linux numbers them on
     * x86 (first threads of all cores, then second threads): cpu c is socket (c / 2) % 2, core c % 2.
     */
    static Path twoSocketsTwoCoresTwoThreads(Path root) throws IOException {
        Files.writeString(root.resolve("online"), "0-7\n");
        for (int cpu = 0; cpu < 8; cpu++) {
            final Path topology = Files.createDirectories(root.resolve("cpu" + cpu).resolve("topology"));
            Files.writeString(topology.resolve("physical_package_id"), (cpu / 2) % 2 + "\n");
            Files.writeString(topology.resolve("core_id"), cpu % 2 + "\n");
        }
        return root;
    }

    @Test
    void readsSocketsCoresAndSiblings(@TempDir Path dir) throws IOException {
        final CpuLayout layout = CpuLayout.read(twoSocketsTwoCoresTwoThreads(dir));
        assertEquals(CpuSet.range(0, 7), layout.cpus());
        assertEquals(1, layout.socketOf(2));
        assertEquals(0, layout.coreOf(4));
        assertTrue(layout.sameCore(0, 4));
        assertFalse(layout.sameCore(0, 2), "same core id, other socket");
        assertTrue(layout.sameSocket(0, 5));
        assertEquals(CpuSet.of(1, 5), layout.coreSiblings(1));
        assertEquals(CpuSet.of(2, 3, 6, 7), layout.socketCpus(1));
        assertThrows(IllegalArgumentException.class, () -> layout.socketOf(8));
    }

    @Test
    void missingTopologyFilesMeanOneCorePerCpu(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("online"), "0,2-3\n");
        final CpuLayout layout = CpuLayout.read(dir);
        assertEquals(CpuSet.of(0, 2, 3), layout.cpus());
        assertFalse(layout.sameCore(2, 3));
        assertTrue(layout.sameSocket(0, 3));
    }

    @Test
    void garbageInSysfsIsAClearError(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("online"), "0\n");
        final Path topology = Files.createDirectories(dir.resolve("cpu0").resolve("topology"));
        Files.writeString(topology.resolve("core_id"), "zero\n");
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CpuLayout.read(dir));
        assertTrue(e.getMessage().contains("holds \"zero\", not an integer"), e.getMessage());
    }

    @Test
    void readsThisMachine() {
        final CpuLayout layout = CpuLayout.read();
        assertTrue(layout.cpus().size() >= 1);
        assertTrue(layout.cpus().contains(layout.cpus().first()));
    }
}
