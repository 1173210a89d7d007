package dev.runnel.numa;

import dev.runnel.affinity.CpuSet;
import dev.runnel.affinity.SysFs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The NUMA nodes of a machine, read from sysfs: {@code <root>/nodeN/cpulist} and {@code <root>/nodeN/distance}
 * with {@code root} normally {@code /sys/devices/system/node}. Any directory laid out the same way works, so
 * tests describe made-up machines (holes in node and CPU numbering included).
 *
 * <p>The {@code distance} file of a node lists its distance to every node, in ascending node-id order. Where
 * there is no node directory (not Linux, a kernel without NUMA) the machine is one node {@code 0} holding
 * every CPU.
 */
public final class NumaTopology {
    /** The sysfs directory of the running machine. */
    public static final Path SYSFS_NODE = Path.of("/sys/devices/system/node");

    private final List<NumaNode> nodes;

    private NumaTopology(List<NumaNode> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    /**
     * Reads the running machine's topology.
     *
     * @return the topology
     */
    public static NumaTopology read() {
        return read(SYSFS_NODE);
    }

    /**
     * Reads a topology from a sysfs-like directory; a missing directory, or one without {@code nodeN}
     * entries, is one node holding CPUs {@code 0 .. availableProcessors - 1}.
     *
     * @param root a directory laid out like {@code /sys/devices/system/node}
     * @return the topology
     * @throws UncheckedIOException     if a file exists but cannot be read
     * @throws IllegalArgumentException if a file does not hold what sysfs would, naming it
     */
    public static NumaTopology read(Path root) {
        final List<Integer> ids = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, "node[0-9]*")) {
                for (Path dir : dirs) {
                    ids.add(Integer.parseInt(dir.getFileName().toString().substring(4)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + root, e);
            }
        }
        if (ids.isEmpty()) {
            return singleNode(CpuSet.range(0, Runtime.getRuntime().availableProcessors() - 1));
        }
        ids.sort(Comparator.naturalOrder());
        final int[] nodeIds = ids.stream().mapToInt(Integer::intValue).toArray();
        final List<NumaNode> nodes = new ArrayList<>();
        for (int id : nodeIds) {
            final Path dir = root.resolve("node" + id);
            final Path cpulist = dir.resolve("cpulist");
            final CpuSet cpus = Files.exists(cpulist) ? CpuSet.parse(SysFs.read(cpulist)) : CpuSet.empty();
            nodes.add(new NumaNode(id, cpus, nodeIds, distances(dir.resolve("distance"), id, nodeIds)));
        }
        return new NumaTopology(nodes);
    }

    /**
     * Returns a one-node topology holding {@code cpus}.
     *
     * @param cpus the CPUs of node {@code 0}
     * @return the topology
     */
    public static NumaTopology singleNode(CpuSet cpus) {
        return new NumaTopology(List.of(new NumaNode(0, cpus, new int[] {0}, new int[] {10})));
    }

    /**
     * Returns the nodes, in ascending id order.
     *
     * @return the nodes
     */
    public List<NumaNode> nodes() {
        return nodes;
    }

    /**
     * Tells whether the machine has more than one node.
     *
     * @return {@code true} for a NUMA machine
     */
    public boolean isNuma() {
        return nodes.size() > 1;
    }

    /**
     * Returns the node with id {@code id}.
     *
     * @param id a node id
     * @return the node
     * @throws IllegalArgumentException if there is no such node
     */
    public NumaNode node(int id) {
        for (NumaNode node : nodes) {
            if (node.id() == id) {
                return node;
            }
        }
        throw new IllegalArgumentException("id=" + id + " is not a node (nodes: " + ids() + ")");
    }

    /**
     * Returns the node that holds {@code cpu}.
     *
     * @param cpu a CPU number
     * @return the node
     * @throws IllegalArgumentException if no node holds it
     */
    public NumaNode nodeOfCpu(int cpu) {
        for (NumaNode node : nodes) {
            if (node.cpus().contains(cpu)) {
                return node;
            }
        }
        throw new IllegalArgumentException("cpu=" + cpu + " is on no node (CPUs: " + cpus() + ")");
    }

    /**
     * Returns every CPU of every node.
     *
     * @return the CPUs
     */
    public CpuSet cpus() {
        CpuSet all = CpuSet.empty();
        for (NumaNode node : nodes) {
            all = all.union(node.cpus());
        }
        return all;
    }

    /**
     * Returns the distance between two nodes.
     *
     * @param from a node id
     * @param to   a node id
     * @return the kernel's distance
     * @throws IllegalArgumentException if a node does not exist
     */
    public int distance(int from, int to) {
        return node(from).distanceTo(to);
    }

    @Override
    public String toString() {
        return "NumaTopology" + nodes;
    }

    private List<Integer> ids() {
        return nodes.stream().map(NumaNode::id).toList();
    }

    private static int[] distances(Path file, int id, int[] nodeIds) {
        if (!Files.exists(file)) { // an old kernel: local 10, remote 20, the kernel's own defaults
            return Arrays.stream(nodeIds).map(other -> other == id ? 10 : 20).toArray();
        }
        final String text = SysFs.read(file).strip();
        final int[] distances;
        try {
            distances = Arrays.stream(text.split("\\s+")).mapToInt(Integer::parseInt).toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + " holds \"" + text + "\", not a list of distances", e);
        }
        if (distances.length != nodeIds.length) {
            throw new IllegalArgumentException(file + " lists " + distances.length + " distances for "
                    + nodeIds.length + " nodes " + Arrays.toString(nodeIds));
        }
        return distances;
    }
}
