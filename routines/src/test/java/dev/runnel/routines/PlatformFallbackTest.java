package dev.runnel.routines;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A JVM started without {@code --add-opens java.base/java.lang}: the scheduler runs routines on its platform
 * carriers, says why once (however many schedulers), and works.
 */
class PlatformFallbackTest {

    /** Run in the child JVM: two schedulers, one routine each. */
    public static void main(String[] args) throws Exception {
        for (int i = 0; i < 2; i++) {
            try (Scheduler s = Scheduler.builder().workers(1).build()) {
                System.out.println(s.usesVirtualThreads() + " " + s.go(() -> 6 * 7).join());
            }
        }
    }

    @Test
    void saysSoOnceAndRunsOnPlatformCarriers() throws IOException, InterruptedException {
        final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        final Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                PlatformFallbackTest.class.getName()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child JVM ended");
        final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        final String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), err);
        assertEquals(List.of("false 42", "false 42"), out.lines().toList());
        final long said = err.lines().filter(l -> l.contains("run on its platform carrier threads")).count();
        assertEquals(1, said, err);
        assertTrue(err.contains("--add-opens java.base/java.lang=ALL-UNNAMED"), err);
    }
}
