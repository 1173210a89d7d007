package dev.runnel.ring;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Both closable rings: exact capacity over a power-of-two array, close, drain, and the exact queries. */
class ClosableRingTest {

    record Kind(String name, IntFunction<ClosableRing<Integer>> factory) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Kind> kinds() {
        return List.of(new Kind("singleConsumer", c -> ClosableRing.singleConsumer(c, true)),
                new Kind("singleConsumer(release)", c -> ClosableRing.singleConsumer(c, false)),
                new Kind("multiConsumer", ClosableRing::multiConsumer));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void capacityIsExactAcrossManyWraps(Kind kind) {
        for (int capacity : new int[] {1, 3, 5, 8, 100}) {
            ClosableRing<Integer> ring = kind.factory().apply(capacity);
            assertEquals(capacity, ring.capacity());
            int next = 0;
            int expected = 0;
            for (int round = 0; round < 50; round++) {
                while (ring.offer(next)) {
                    next++;
                }
                assertEquals(capacity, ring.size(), "full at exactly the capacity");
                assertFalse(ring.hasRoom());
                int take = 1 + round % capacity;
                for (int i = 0; i < take; i++) {
                    assertEquals(expected++, ring.poll());
                }
                assertTrue(ring.hasRoom());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void closeKeepsWhatWasAddedAndRefusesMore(Kind kind) {
        ClosableRing<Integer> ring = kind.factory().apply(4);
        assertTrue(ring.isEmpty());
        assertFalse(ring.isDrained(), "open: not drained even when empty");
        ring.offer(1);
        ring.offer(2);
        assertTrue(ring.close());
        assertFalse(ring.close(), "closing twice");
        assertTrue(ring.isClosed());
        assertFalse(ring.offer(3), "closed");
        assertFalse(ring.isDrained());
        assertEquals(2, ring.size());
        List<Integer> rest = new ArrayList<>();
        Integer v;
        while ((v = ring.poll()) != null) {
            rest.add(v);
        }
        assertEquals(List.of(1, 2), rest);
        assertTrue(ring.isDrained());
        assertNull(ring.poll());
        assertTrue(ring.toString().contains("closed"), ring.toString());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void badArguments(Kind kind) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> kind.factory().apply(0));
        assertTrue(e.getMessage().contains("capacity=0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> kind.factory().apply((1 << 30) + 1));
        ClosableRing<Integer> ring = kind.factory().apply(2);
        assertThrows(NullPointerException.class, () -> ring.offer(null));
        assertTrue(ring.isEmpty(), "nothing added by a rejected call");
    }
}
