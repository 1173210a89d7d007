/**
 * NUMA for Runnel: the machine's nodes, their CPUs and distances (read from sysfs, or from any sysfs-like
 * directory for tests), placement of workers across nodes or packed on one, and node-local memory for rings
 * by first touch from a thread pinned on the node.
 */
module dev.runnel.numa {
    requires transitive dev.runnel.affinity;
    exports dev.runnel.numa;
}
