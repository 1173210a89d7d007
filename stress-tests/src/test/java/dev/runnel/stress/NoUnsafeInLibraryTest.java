package dev.runnel.stress;

import dev.runnel.bounded.BoundedChannel;
import dev.runnel.priority.PriorityChannel;
import dev.runnel.ring.SpscRing;
import dev.runnel.unbounded.UnboundedChannel;
import dev.runnel.WaitStrategy;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No library class may reference {@code sun.misc.Unsafe} or JDK internals: scans the constant pools (as bytes)
 * of every class in the library modules this module depends on.
 */
class NoUnsafeInLibraryTest {
    private static final String[] FORBIDDEN = {"sun/misc/Unsafe", "jdk/internal/", "com/sun/jna/"};

    @Test
    void libraryClassesReferenceNoUnsafeAndNoJdkInternals() throws Exception {
        List<String> offenders = new ArrayList<>();
        int scanned = 0;
        for (Class<?> anchor : new Class<?>[] {WaitStrategy.class, SpscRing.class,
                BoundedChannel.class, UnboundedChannel.class, PriorityChannel.class, dev.runnel.broadcast.BroadcastChannel.class,
                dev.runnel.select.Selector.class, dev.runnel.affinity.Affinity.class, dev.runnel.numa.NumaTopology.class,
                dev.runnel.routines.Scheduler.class}) {
            Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            scanned += scan(location, offenders);
        }
        assertTrue(scanned > 10, "found the library classes (" + scanned + ")");
        assertEquals(List.of(), offenders);
    }

    private static int scan(Path location, List<String> offenders) throws IOException, URISyntaxException {
        int count = 0;
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                for (Path p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    check(p.toString(), Files.readAllBytes(p), offenders);
                    count++;
                }
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                for (JarEntry e : jar.stream().filter(e -> e.getName().endsWith(".class")).toList()) {
                    try (InputStream in = jar.getInputStream(e)) {
                        check(location + "!" + e.getName(), in.readAllBytes(), offenders);
                        count++;
                    }
                }
            }
        }
        return count;
    }

    private static void check(String name, byte[] classBytes, List<String> offenders) {
        String text = new String(classBytes, StandardCharsets.ISO_8859_1);
        for (String forbidden : FORBIDDEN) {
            if (text.contains(forbidden)) {
                offenders.add(name + " references " + forbidden);
            }
        }
    }
}
