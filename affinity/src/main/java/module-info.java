/**
 * Thread affinity without JNI or JNA: pin the current platform thread to a CPU or a CPU set and read its mask
 * back, through the FFM {@link java.lang.foreign.Linker} calling the C library; the machine's CPU layout
 * (sockets, cores, hardware threads) and allocation of reserved CPUs by strategy (same core, same socket,
 * different core, ...). Where pinning is impossible it says so once and carries on.
 */
module dev.runnel.affinity {
    exports dev.runnel.affinity;
}
