package dev.runnel.affinity;

/** The backend where pinning is impossible: every pin is refused, masks are unknown. */
record NoAffinity(String unavailableReason) implements AffinityBackend {

    @Override
    public int setMask(CpuSet cpus) {
        return -1;
    }

    @Override
    public CpuSet getMask() {
        return null;
    }

    @Override
    public int currentCpu() {
        return -1;
    }
}
