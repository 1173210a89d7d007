package dev.runnel.affinity;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Pins the current platform thread to a CPU or a CPU set, and reads its mask and CPU back, through the C
 * library ({@code sched_setaffinity}, {@code sched_getaffinity}, {@code sched_getcpu}) called with the FFM
 * {@link java.lang.foreign.Linker}: no JNI, no JNA. Run with {@code --enable-native-access=dev.runnel.affinity}
 * (or {@code ALL-UNNAMED} on the class path) to keep the JDK from warning about the native calls.
 *
 * <p><b>Where pinning is impossible</b> (not Linux, a container that refuses the call), {@link #pin(int)}
 * returns {@code false}, the reason is logged once (logger {@code dev.runnel.affinity}, level WARNING) and is
 * available from {@link #unavailableReason()}, and the thread carries on unpinned.
 *
 * <p><b>Virtual threads</b> cannot be pinned: their carrier changes under them, so pinning one would pin
 * whichever carrier it happens to run on. {@link #pin(int)} throws {@link IllegalStateException} on them.
 */
public final class Affinity {
    private static final AffinityBackend BACKEND = LinuxAffinity.load();
    private static final AtomicBoolean SAID = new AtomicBoolean();

    private Affinity() {
    }

    /**
     * Tells whether this process can pin threads.
     *
     * @return {@code true} if {@link #pin(int)} can work here
     */
    public static boolean isAvailable() {
        return BACKEND.unavailableReason() == null;
    }

    /**
     * Tells why pinning is impossible here.
     *
     * @return the reason, or {@code null} if pinning is available
     */
    public static String unavailableReason() {
        return BACKEND.unavailableReason();
    }

    /**
     * Pins the calling thread to one CPU.
     *
     * @param cpu the CPU, in {@code [0, CpuSet.MAX_CPU]}
     * @return {@code true} if pinned; {@code false} if pinning is impossible here (said once, see above)
     * @throws IllegalArgumentException if {@code cpu} is out of range, or is not a CPU this process may use
     * @throws IllegalStateException    if the calling thread is virtual
     */
    public static boolean pin(int cpu) {
        CpuSet.checkCpu("cpu", cpu);
        return pin(CpuSet.of(cpu));
    }

    /**
     * Pins the calling thread to a set of CPUs: the kernel runs it only on those.
     *
     * @param cpus the CPUs, not empty
     * @return {@code true} if pinned; {@code false} if pinning is impossible here (said once, see above)
     * @throws IllegalArgumentException if {@code cpus} is empty, or holds no CPU this process may use
     * @throws IllegalStateException    if the calling thread is virtual
     */
    public static boolean pin(CpuSet cpus) {
        if (cpus.isEmpty()) {
            throw new IllegalArgumentException("cpus is empty: pin needs at least one CPU");
        }
        if (Thread.currentThread().isVirtual()) {
            throw new IllegalStateException("cannot pin a virtual thread (it would pin whichever carrier it runs"
                    + " on): pin a platform thread, or run routines on a pinned Scheduler");
        }
        if (!isAvailable()) {
            sayOnce(BACKEND.unavailableReason());
            return false;
        }
        final int errno = BACKEND.setMask(cpus);
        if (errno == 0) {
            return true;
        }
        if (errno == 22) { // EINVAL: no CPU of the set is online and allowed to this process
            throw new IllegalArgumentException("cpus=" + cpus + " holds no CPU this process may run on"
                    + " (allowed to this thread now: " + currentMask() + ")");
        }
        sayOnce("sched_setaffinity failed with errno " + errno + " (1 = EPERM: the container refuses it)");
        return false;
    }

    /**
     * Returns the CPUs the calling thread may run on. Where pinning is impossible this is CPUs
     * {@code 0 .. availableProcessors - 1}.
     *
     * @return the calling thread's mask
     */
    public static CpuSet currentMask() {
        final CpuSet mask = BACKEND.getMask();
        return mask != null ? mask : CpuSet.range(0, Runtime.getRuntime().availableProcessors() - 1);
    }

    /**
     * Returns the CPU the calling thread runs on at this instant (a virtual thread: its carrier's).
     *
     * @return the CPU number, or {@code -1} if unknown here
     */
    public static int currentCpu() {
        return BACKEND.currentCpu();
    }

    private static void sayOnce(String reason) {
        if (SAID.compareAndSet(false, true)) {
            System.getLogger("dev.runnel.affinity").log(System.Logger.Level.WARNING,
                    "Runnel: threads cannot be pinned here, they run unpinned: " + reason);
        }
    }
}
