package dev.runnel.affinity;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Which socket and which core each CPU (hardware thread) belongs to, read from sysfs:
 * {@code <root>/online} and {@code <root>/cpuN/topology/{physical_package_id,core_id}}, with {@code root}
 * normally {@code /sys/devices/system/cpu}. Any directory laid out the same way works, so tests describe
 * made-up machines.
 *
 * <p>Where the topology files are missing (not Linux, a restricted container) every online CPU is its own core
 * on socket {@code 0}.
 */
public final class CpuLayout {
    /** The sysfs directory of the running machine. */
    public static final Path SYSFS_CPU = Path.of("/sys/devices/system/cpu");

    private final CpuSet cpus;
    private final int[] socket;
    private final int[] core;

    private CpuLayout(CpuSet cpus, int[] socket, int[] core) {
        this.cpus = cpus;
        this.socket = socket;
        this.core = core;
    }

    /**
     * Reads the running machine's layout.
     *
     * @return the layout
     */
    public static CpuLayout read() {
        return Files.isDirectory(SYSFS_CPU) ? read(SYSFS_CPU) : flat(CpuSet.range(0,
                Runtime.getRuntime().availableProcessors() - 1));
    }

    /**
     * Reads a layout from a sysfs-like directory.
     *
     * @param root a directory laid out like {@code /sys/devices/system/cpu}
     * @return the layout
     * @throws UncheckedIOException     if a file exists but cannot be read
     * @throws IllegalArgumentException if a file does not hold what sysfs would
     */
    public static CpuLayout read(Path root) {
        final Path online = root.resolve("online");
        final CpuSet cpus = Files.exists(online) ? CpuSet.parse(SysFs.read(online))
                : CpuSet.range(0, Runtime.getRuntime().availableProcessors() - 1);
        final int size = Math.max(cpus.stream().max().orElse(-1) + 1, 0);
        final int[] socket = new int[size];
        final int[] core = new int[size];
        Arrays.fill(socket, -1);
        cpus.stream().forEach(cpu -> {
            final Path topology = root.resolve("cpu" + cpu).resolve("topology");
            socket[cpu] = readInt(topology.resolve("physical_package_id"), 0);
            core[cpu] = readInt(topology.resolve("core_id"), cpu);
        });
        return new CpuLayout(cpus, socket, core);
    }

    /**
     * Returns a layout where each CPU of {@code cpus} is its own core on socket {@code 0}.
     *
     * @param cpus the CPUs
     * @return the layout
     */
    public static CpuLayout flat(CpuSet cpus) {
        final int size = cpus.isEmpty() ? 0 : cpus.stream().max().getAsInt() + 1;
        final int[] socket = new int[size];
        final int[] core = new int[size];
        Arrays.fill(socket, -1);
        cpus.stream().forEach(cpu -> {
            socket[cpu] = 0;
            core[cpu] = cpu;
        });
        return new CpuLayout(cpus, socket, core);
    }

    /**
     * Returns the online CPUs.
     *
     * @return the CPUs this layout describes
     */
    public CpuSet cpus() {
        return cpus;
    }

    /**
     * Returns the socket (physical package) of {@code cpu}.
     *
     * @param cpu an online CPU
     * @return its socket id
     * @throws IllegalArgumentException if {@code cpu} is not online
     */
    public int socketOf(int cpu) {
        check(cpu);
        return socket[cpu];
    }

    /**
     * Returns the core id of {@code cpu}, as sysfs numbers it (unique within its socket).
     *
     * @param cpu an online CPU
     * @return its core id
     * @throws IllegalArgumentException if {@code cpu} is not online
     */
    public int coreOf(int cpu) {
        check(cpu);
        return core[cpu];
    }

    /**
     * Tells whether two CPUs are hardware threads of the same core.
     *
     * @param a an online CPU
     * @param b an online CPU
     * @return {@code true} if same socket and same core
     */
    public boolean sameCore(int a, int b) {
        return sameSocket(a, b) && core[a] == core[b];
    }

    /**
     * Tells whether two CPUs are on the same socket.
     *
     * @param a an online CPU
     * @param b an online CPU
     * @return {@code true} if same socket
     */
    public boolean sameSocket(int a, int b) {
        check(a);
        check(b);
        return socket[a] == socket[b];
    }

    /**
     * Returns the hardware threads of the core of {@code cpu}, {@code cpu} included.
     *
     * @param cpu an online CPU
     * @return the CPUs sharing its core
     */
    public CpuSet coreSiblings(int cpu) {
        check(cpu);
        return CpuSet.of(cpus.stream().filter(c -> sameCore(cpu, c)).toArray());
    }

    /**
     * Returns the CPUs of socket {@code socketId}.
     *
     * @param socketId a socket id
     * @return its online CPUs (empty if no such socket)
     */
    public CpuSet socketCpus(int socketId) {
        return CpuSet.of(cpus.stream().filter(c -> socket[c] == socketId).toArray());
    }

    private void check(int cpu) {
        if (!cpus.contains(cpu)) {
            throw new IllegalArgumentException("cpu=" + cpu + " is not an online CPU (online: " + cpus + ")");
        }
    }

    private static int readInt(Path file, int missing) {
        if (!Files.exists(file)) {
            return missing;
        }
        final String text = SysFs.read(file).strip();
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + " holds \"" + text + "\", not an integer", e);
        }
    }
}
