package dev.runnel.numa;

import dev.runnel.affinity.CpuSet;

import java.util.Arrays;

/**
 * One NUMA node: its id, its CPUs (none for a memory-only node) and its distance to every node, as the kernel
 * reports them ({@code 10} to itself; a larger number is farther, {@code 20} is typically one hop).
 */
public final class NumaNode {
    private final int id;
    private final CpuSet cpus;
    private final int[] nodeIds;
    private final int[] distances;

    NumaNode(int id, CpuSet cpus, int[] nodeIds, int[] distances) {
        this.id = id;
        this.cpus = cpus;
        this.nodeIds = nodeIds;
        this.distances = distances;
    }

    /**
     * Returns this node's id (ids may have holes: node 0 and node 2 with no node 1).
     *
     * @return the id
     */
    public int id() {
        return id;
    }

    /**
     * Returns this node's CPUs.
     *
     * @return the CPUs, empty for a memory-only node
     */
    public CpuSet cpus() {
        return cpus;
    }

    /**
     * Returns the kernel's distance from this node to node {@code nodeId}.
     *
     * @param nodeId a node id of the same topology
     * @return the distance ({@code 10} to itself)
     * @throws IllegalArgumentException if there is no such node
     */
    public int distanceTo(int nodeId) {
        final int i = Arrays.binarySearch(nodeIds, nodeId);
        if (i < 0) {
            throw new IllegalArgumentException("nodeId=" + nodeId + " is not a node (nodes: "
                    + Arrays.toString(nodeIds) + ")");
        }
        return distances[i];
    }

    @Override
    public String toString() {
        return "node" + id + "[cpus=" + cpus + "]";
    }
}
