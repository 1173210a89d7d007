package dev.runnel;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WaitStrategyTest {

    @Test
    void spinThenParkSpinsExactlyNTimes() {
        WaitStrategy w = WaitStrategy.spinThenPark(3);
        assertTrue(w.idle(0));
        assertTrue(w.idle(2));
        assertFalse(w.idle(3));
        assertTrue(w.parks());
        assertEquals("spinThenPark(3)", w.name());
    }

    @Test
    void spinYieldThenParkHasThreePhases() {
        WaitStrategy w = WaitStrategy.spinYieldThenPark(2, 2);
        assertTrue(w.idle(0));
        assertTrue(w.idle(3));
        assertFalse(w.idle(4));
        assertEquals("spinYieldThenPark(2, 2)", w.toString());
    }

    @Test
    void parkParksAtOnce() {
        assertFalse(WaitStrategy.park().idle(0));
        assertEquals("park", WaitStrategy.park().name());
    }

    @Test
    void busySpinAndYieldingNeverPark() {
        for (WaitStrategy w : new WaitStrategy[] {WaitStrategy.busySpin(), WaitStrategy.yielding(2)}) {
            assertFalse(w.parks());
            for (int attempt : new int[] {0, 1, 5, 1_000_000, Integer.MAX_VALUE, -1}) {
                assertTrue(w.idle(attempt), w + " at " + attempt);
            }
        }
        assertEquals("busySpin", WaitStrategy.busySpin().name());
        assertEquals("yielding(2)", WaitStrategy.yielding(2).name());
    }

    @Test
    void defaultSpinsWhenThereIsMoreThanOneCpu() {
        WaitStrategy w = WaitStrategy.defaultStrategy();
        assertTrue(w.parks());
        boolean multi = Runtime.getRuntime().availableProcessors() > 1;
        assertEquals(multi, w.idle(0));
        assertFalse(w.idle(WaitStrategy.DEFAULT_SPINS));
    }

    @Test
    void negativeCountsAreRejectedNamingTheArgument() {
        assertEquals("spins=-1, must be >= 0",
                assertThrows(IllegalArgumentException.class, () -> WaitStrategy.spinThenPark(-1)).getMessage());
        assertEquals("yields=-2, must be >= 0",
                assertThrows(IllegalArgumentException.class, () -> WaitStrategy.spinYieldThenPark(1, -2)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> WaitStrategy.yielding(-1));
    }
}
