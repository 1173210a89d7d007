package dev.runnel.numa;

import dev.runnel.affinity.CpuSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NumaTopologyTest {

    /** Writes node directories: ids[i] holds cpulists[i] and the distance row distances[i]. */
    static Path sysfs(Path root, int[] ids, String[] cpulists, String[] distances) throws IOException {
        for (int i = 0; i < ids.length; i++) {
            final Path node = Files.createDirectories(root.resolve("node" + ids[i]));
            Files.writeString(node.resolve("cpulist"), cpulists[i] + "\n");
            Files.writeString(node.resolve("distance"), distances[i] + "\n");
        }
        Files.writeString(root.resolve("online"), "0-" + ids[ids.length - 1] + "\n"); // not a node: ignored
        return root;
    }

    /** Four nodes on a ring: 10 local, 16 to neighbours, 22 across. */
    static Path fourNodes(Path root) throws IOException {
        return sysfs(root, new int[] {0, 1, 2, 3}, new String[] {"0-1", "2-3", "4-5", "6-7"},
                new String[] {"10 16 22 16", "16 10 16 22", "22 16 10 16", "16 22 16 10"});
    }

    @Test
    void oneNode(@TempDir Path dir) throws IOException {
        final NumaTopology t = NumaTopology.read(sysfs(dir, new int[] {0}, new String[] {"0-3"},
                new String[] {"10"}));
        assertFalse(t.isNuma());
        assertEquals(CpuSet.range(0, 3), t.cpus());
        assertEquals(10, t.distance(0, 0));
        assertEquals(0, t.nodeOfCpu(3).id());
    }

    @Test
    void twoNodesWithHolesInCpuNumbering(@TempDir Path dir) throws IOException {
        final NumaTopology t = NumaTopology.read(sysfs(dir, new int[] {0, 1}, new String[] {"0-3,8-11", "4-5,12,14"},
                new String[] {"10 21", "21 10"}));
        assertTrue(t.isNuma());
        assertEquals(CpuSet.parse("0-5,8-12,14"), t.cpus());
        assertEquals(1, t.nodeOfCpu(14).id());
        assertEquals(21, t.distance(1, 0));
        assertThrows(IllegalArgumentException.class, () -> t.nodeOfCpu(13));
    }

    @Test
    void fourNodesAndHolesInNodeNumbering(@TempDir Path dir) throws IOException {
        final NumaTopology four = NumaTopology.read(fourNodes(dir.resolve("four")));
        assertEquals(List.of(0, 1, 2, 3), four.nodes().stream().map(NumaNode::id).toList());
        assertEquals(22, four.distance(0, 2));
        assertEquals(16, four.node(3).distanceTo(2));

        // nodes 0 and 2 only, and node 2 memory-only (no CPU)
        final NumaTopology holes = NumaTopology.read(sysfs(Files.createDirectories(dir.resolve("holes")),
                new int[] {0, 2}, new String[] {"0-1", ""}, new String[] {"10 20", "20 10"}));
        assertEquals(2, holes.nodes().size());
        assertTrue(holes.node(2).cpus().isEmpty());
        assertEquals(20, holes.distance(2, 0));
        assertThrows(IllegalArgumentException.class, () -> holes.node(1));
        assertThrows(IllegalArgumentException.class, () -> holes.distance(0, 1));
    }

    @Test
    void missingDirectoryIsOneNodeWithEveryCpu(@TempDir Path dir) {
        final NumaTopology t = NumaTopology.read(dir.resolve("absent"));
        assertEquals(1, t.nodes().size());
        assertEquals(Runtime.getRuntime().availableProcessors(), t.cpus().size());
    }

    @Test
    void garbageIsAClearError(@TempDir Path dir) throws IOException {
        final IllegalArgumentException short_ = assertThrows(IllegalArgumentException.class,
                () -> NumaTopology.read(sysfs(dir.resolve("a"), new int[] {0, 1}, new String[] {"0", "1"},
                        new String[] {"10", "20 10"})));
        assertTrue(short_.getMessage().contains("lists 1 distances for 2 nodes"), short_.getMessage());
        final IllegalArgumentException words = assertThrows(IllegalArgumentException.class,
                () -> NumaTopology.read(sysfs(dir.resolve("b"), new int[] {0}, new String[] {"0"},
                        new String[] {"ten"})));
        assertTrue(words.getMessage().contains("not a list of distances"), words.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NumaTopology.read(sysfs(dir.resolve("c"),
                new int[] {0}, new String[] {"0-z"}, new String[] {"10"})));
    }

    @Test
    void readsThisMachine() {
        final NumaTopology t = NumaTopology.read();
        assertFalse(t.nodes().isEmpty());
        assertFalse(t.cpus().isEmpty());
        assertEquals(10, t.distance(t.nodes().get(0).id(), t.nodes().get(0).id()));
    }

    @Test
    void spreadGoesRoundRobinAndPackFillsTheNearest(@TempDir Path dir) throws IOException {
        final NumaTopology t = NumaTopology.read(fourNodes(dir));
        final CpuSet all = t.cpus();
        assertArrayEquals(new int[] {0, 2, 4, 6, 1, 3}, Placement.SPREAD.cpus(6, t, all));
        // home = node 0 (ties: lowest id); then its neighbours 1 and 3 (16), then 2 (22)
        assertArrayEquals(new int[] {0, 1, 2, 3, 6, 7, 4, 5}, Placement.PACK.cpus(8, t, all));
        // home = node 2, the node with the most allowed CPUs
        assertArrayEquals(new int[] {4, 5, 3, 7}, Placement.PACK.cpus(4, t, CpuSet.parse("3-5,7")));
        // more workers than CPUs: wrap around
        assertArrayEquals(new int[] {1, 2, 1}, Placement.SPREAD.cpus(3, t, CpuSet.of(1, 2)));
        assertArrayEquals(new int[] {1, 2}, Placement.PACK.cpus(2, t, CpuSet.of(1, 2)), "a tie: lowest node first");
    }

    @Test
    void badPlacementsAreClearErrors(@TempDir Path dir) throws IOException {
        final NumaTopology t = NumaTopology.read(fourNodes(dir));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Placement.SPREAD.cpus(0, t, t.cpus()))
                .getMessage().contains("workers=0 must be >= 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Placement.PACK.cpus(1, t, CpuSet.of(40)))
                .getMessage().contains("holds no CPU of any node"));
    }
}
