package dev.runnel.affinity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads files of a sysfs-like tree ({@code /sys/devices/system/cpu}, {@code /sys/devices/system/node}, or a
 * made-up copy in a test), for {@link CpuLayout} and the NUMA module's topology.
 */
public final class SysFs {
    private SysFs() {
    }

    /**
     * Reads a whole file as text.
     *
     * @param file the file
     * @return its contents, unstripped
     * @throws UncheckedIOException naming the file, if it cannot be read (missing, unreadable)
     */
    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
