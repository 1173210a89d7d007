package dev.runnel.affinity;

/** How {@link Affinity} reaches the operating system: the Linux C library, or nothing. */
sealed interface AffinityBackend permits LinuxAffinity, NoAffinity {

    /** Tells why pinning is impossible, or {@code null} if it is possible. */
    String unavailableReason();

    /**
     * Pins the calling platform thread to {@code cpus}.
     *
     * @return {@code 0} on success, else the C library's {@code errno}
     */
    int setMask(CpuSet cpus);

    /** Returns the calling thread's mask, or {@code null} if it cannot be read. */
    CpuSet getMask();

    /** Returns the CPU the calling thread runs on, or {@code -1} if unknown. */
    int currentCpu();
}
