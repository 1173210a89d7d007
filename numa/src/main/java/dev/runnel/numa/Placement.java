package dev.runnel.numa;

import dev.runnel.affinity.CpuSet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How to place workers on CPUs across NUMA nodes: {@link #SPREAD} them round-robin over the nodes (more
 * memory bandwidth, more last-level cache), or {@link #PACK} them on one node, spilling to the nearest nodes
 * only when it is full (cheaper communication between them).
 *
 * <p>Only CPUs in the {@code allowed} set are used (the process's mask, or the reserved CPUs). With more workers
 * than allowed CPUs, the placement wraps around and CPUs are shared.
 */
public enum Placement {
    /** Round-robin over the nodes: worker 0 on node A, worker 1 on node B, ... */
    SPREAD,
    /** Fill the node with the most allowed CPUs first, then the nodes nearest to it. */
    PACK;

    /**
     * Chooses a CPU for each of {@code workers} workers.
     *
     * @param workers  how many, {@code >= 1}
     * @param topology the machine
     * @param allowed  the CPUs that may be used
     * @return {@code workers} CPU numbers, worker {@code i} on element {@code i}
     * @throws IllegalArgumentException if {@code workers < 1} or no allowed CPU is on any node
     */
    public int[] cpus(int workers, NumaTopology topology, CpuSet allowed) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers=" + workers + " must be >= 1");
        }
        final List<int[]> perNode = new ArrayList<>();
        final List<NumaNode> order = order(topology, allowed);
        for (NumaNode node : order) {
            perNode.add(node.cpus().intersect(allowed).toArray());
        }
        final int total = perNode.stream().mapToInt(a -> a.length).sum();
        if (total == 0) {
            throw new IllegalArgumentException("allowed=" + allowed + " holds no CPU of any node ("
                    + topology.cpus() + ")");
        }
        final int[] sequence = new int[total];
        int n = 0;
        if (this == PACK) {
            for (int[] cpus : perNode) {
                for (int cpu : cpus) {
                    sequence[n++] = cpu;
                }
            }
        } else {
            for (int round = 0; n < total; round++) {
                for (int[] cpus : perNode) {
                    if (round < cpus.length) {
                        sequence[n++] = cpus[round];
                    }
                }
            }
        }
        final int[] out = new int[workers];
        for (int i = 0; i < workers; i++) {
            out[i] = sequence[i % total];
        }
        return out;
    }

    private List<NumaNode> order(NumaTopology topology, CpuSet allowed) {
        final List<NumaNode> nodes = new ArrayList<>(topology.nodes().stream()
                .filter(node -> !node.cpus().intersect(allowed).isEmpty()).toList());
        if (this == PACK && !nodes.isEmpty()) {
            final NumaNode home = nodes.stream()
                    .max(Comparator.comparingInt((NumaNode node) -> node.cpus().intersect(allowed).size())
                            .thenComparing(Comparator.comparingInt(NumaNode::id).reversed()))
                    .orElseThrow();
            nodes.sort(Comparator.comparingInt((NumaNode node) -> home.distanceTo(node.id()))
                    .thenComparingInt(NumaNode::id));
        }
        return nodes;
    }
}
