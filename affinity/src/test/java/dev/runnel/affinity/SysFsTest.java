package dev.runnel.affinity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SysFsTest {
    @TempDir
    Path root;

    @Test
    void readsTheWholeFileUnstripped() throws Exception {
        final Path online = Files.writeString(root.resolve("online"), "0-3,8\n");
        assertEquals("0-3,8\n", SysFs.read(online));
    }

    @Test
    void aMissingFileIsAnErrorNamingIt() {
        final Path missing = root.resolve("cpu7").resolve("topology").resolve("core_id");
        final UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> SysFs.read(missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }
}
