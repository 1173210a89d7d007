package dev.runnel.affinity;

/**
 * Where to place a thread relative to a CPU already chosen (as Chronicle Thread Affinity's strategies do):
 * beside it on the same core (sharing caches), on another core of the same socket (sharing the last-level
 * cache), or as far as possible (another core, another socket). {@link CpuAllocator} tries the strategies it
 * is given in order.
 */
public enum AffinityStrategy {
    /** Any CPU. */
    ANY {
        @Override
        public boolean matches(CpuLayout layout, int reference, int candidate) {
            return true;
        }
    },
    /** A hardware thread of the reference CPU's core. */
    SAME_CORE {
        @Override
        public boolean matches(CpuLayout layout, int reference, int candidate) {
            return layout.sameCore(reference, candidate);
        }
    },
    /** A CPU on the reference CPU's socket. */
    SAME_SOCKET {
        @Override
        public boolean matches(CpuLayout layout, int reference, int candidate) {
            return layout.sameSocket(reference, candidate);
        }
    },
    /** A CPU on another core than the reference CPU's (any socket). */
    DIFFERENT_CORE {
        @Override
        public boolean matches(CpuLayout layout, int reference, int candidate) {
            return !layout.sameCore(reference, candidate);
        }
    },
    /** A CPU on another socket than the reference CPU's. */
    DIFFERENT_SOCKET {
        @Override
        public boolean matches(CpuLayout layout, int reference, int candidate) {
            return !layout.sameSocket(reference, candidate);
        }
    };

    /**
     * Tells whether {@code candidate} is placed as this strategy asks, relative to {@code reference}.
     *
     * @param layout    the machine
     * @param reference the CPU already chosen
     * @param candidate the CPU considered
     * @return {@code true} if it matches
     */
    public abstract boolean matches(CpuLayout layout, int reference, int candidate);
}
