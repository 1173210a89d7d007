package dev.runnel.affinity;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CpuSetTest {

    @Test
    void parsesAndWritesLinuxCpulists() {
        final CpuSet set = CpuSet.parse("0-3,8, 10-11\n");
        assertArrayEquals(new int[] {0, 1, 2, 3, 8, 10, 11}, set.toArray());
        assertEquals("0-3,8,10-11", set.toString());
        assertEquals(set, CpuSet.parse(set.toString()));
        assertEquals(7, set.size());
        assertEquals(CpuSet.empty(), CpuSet.parse("  \n"));
        assertEquals("", CpuSet.empty().toString());
    }

    @Test
    void spansWordsAndCombines() {
        final CpuSet high = CpuSet.of(63, 64, 200);
        assertEquals("63-64,200", high.toString());
        assertEquals(63, high.first());
        assertEquals(200, high.next(65));
        assertEquals(-1, high.next(201));
        final CpuSet low = CpuSet.range(0, 63);
        assertEquals(CpuSet.of(63), low.intersect(high));
        assertEquals(CpuSet.of(64, 200), high.minus(low));
        assertEquals(66, low.union(high).size());
        assertTrue(high.contains(200));
        assertFalse(high.contains(-1));
        assertFalse(high.contains(100_000));
        assertEquals(CpuSet.of(1, 2), CpuSet.fromWords(new long[] {6L, 0L, 0L}));
        assertEquals(3, CpuSet.of(1).toWords(3).length);
    }

    @Test
    void badInputNamesTheArgumentAndTheRange() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CpuSet.of(-1))
                .getMessage().contains("cpu=-1 is out of range [0, 8191]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CpuSet.range(3, 2))
                .getMessage().contains("to=2 must be >= from=3"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CpuSet.parse("0-x"))
                .getMessage().contains("bad item \"0-x\""));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CpuSet.parse("5-2"))
                .getMessage().contains("bad range \"5-2\""));
        assertThrows(IllegalArgumentException.class, () -> CpuSet.parse("9000"));
    }
}
