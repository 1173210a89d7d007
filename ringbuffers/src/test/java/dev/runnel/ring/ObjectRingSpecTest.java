package dev.runnel.ring;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One behavioural suite for every object ring, run single-threaded (the concurrent races are in stress-tests). */
class ObjectRingSpecTest {

    record Kind(String name, IntFunction<ObjectRing<Integer>> factory) {
        ObjectRing<Integer> create(int capacity) {
            return factory.apply(capacity);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Kind> kinds() {
        return Stream.of(
                new Kind("SpscRing", SpscRing::new),
                new Kind("MpscRing", MpscRing::new),
                new Kind("MpmcRing", MpmcRing::new));
    }

    static Stream<Arguments> kindsAndCapacities() {
        return kinds().flatMap(k -> Stream.of(1, 2, 3, 4, 7, 8, 16, 1000, 1024).map(c -> Arguments.of(k, c)));
    }

    @ParameterizedTest(name = "{0} capacity {1}")
    @MethodSource("kindsAndCapacities")
    void capacityIsRoundedUpToAPowerOfTwo(Kind kind, int requested) {
        ObjectRing<Integer> ring = kind.create(requested);
        int expected = Integer.highestOneBit(requested) == requested ? requested : Integer.highestOneBit(requested) << 1;
        assertEquals(expected, ring.capacity());
    }

    @ParameterizedTest(name = "{0} capacity {1}")
    @MethodSource("kindsAndCapacities")
    void fillsToCapacityThenRefusesThenDrainsInOrder(Kind kind, int requested) {
        ObjectRing<Integer> ring = kind.create(requested);
        int capacity = ring.capacity();
        assertTrue(ring.isEmpty());
        assertNull(ring.poll());
        assertNull(ring.peek());
        for (int i = 0; i < capacity; i++) {
            assertTrue(ring.offer(i), "offer " + i);
            assertEquals(i + 1, ring.size());
        }
        assertFalse(ring.offer(-1), "offer on a full ring");
        assertEquals(capacity, ring.size());
        assertFalse(ring.isEmpty());
        for (int i = 0; i < capacity; i++) {
            assertEquals(i, ring.peek());
            assertEquals(i, ring.poll());
        }
        assertNull(ring.poll());
        assertTrue(ring.isEmpty());
        assertEquals(0, ring.size());
    }

    @ParameterizedTest(name = "{0} capacity {1}")
    @MethodSource("kindsAndCapacities")
    void wrapsAroundManyTimesKeepingOrder(Kind kind, int requested) {
        ObjectRing<Integer> ring = kind.create(requested);
        int capacity = ring.capacity();
        int next = 0;
        int expected = 0;
        // Uneven batches so that the head and tail cross the array end at every offset.
        for (int round = 0; round < 5 * capacity + 10; round++) {
            int batch = 1 + round % capacity;
            for (int i = 0; i < batch; i++) {
                if (!ring.offer(next)) {
                    break;
                }
                next++;
            }
            int take = 1 + (round * 7) % capacity;
            for (int i = 0; i < take; i++) {
                Integer v = ring.poll();
                if (v == null) {
                    break;
                }
                assertEquals(expected++, v);
            }
            assertEquals(next - expected, ring.size());
        }
        Integer v;
        while ((v = ring.poll()) != null) {
            assertEquals(expected++, v);
        }
        assertEquals(next, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void capacityOneHoldsExactlyOne(Kind kind) {
        ObjectRing<Integer> ring = kind.create(1);
        assertEquals(1, ring.capacity());
        for (int i = 0; i < 100; i++) {
            assertTrue(ring.offer(i));
            assertFalse(ring.offer(i));
            assertEquals(1, ring.size());
            assertEquals(i, ring.peek());
            assertEquals(i, ring.poll());
            assertNull(ring.poll());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void rejectsBadCapacitiesNamingTheArgument(Kind kind) {
        for (int bad : new int[] {0, -1, Integer.MIN_VALUE, (1 << 30) + 1, Integer.MAX_VALUE}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> kind.create(bad));
            assertTrue(e.getMessage().startsWith("capacity=" + bad), e.getMessage());
            assertTrue(e.getMessage().contains("[1, 1073741824]"), e.getMessage());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void nullElementIsRejectedAndChangesNothing(Kind kind) {
        ObjectRing<Integer> ring = kind.create(4);
        ring.offer(1);
        NullPointerException e = assertThrows(NullPointerException.class, () -> ring.offer(null));
        assertTrue(e.getMessage().contains("e"), e.getMessage());
        assertEquals(1, ring.size());
        assertEquals(1, ring.poll());
        assertNull(ring.poll());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void drainHonoursLimitAndStopsWhenEmpty(Kind kind) {
        ObjectRing<Integer> ring = kind.create(16);
        for (int i = 0; i < 10; i++) {
            ring.offer(i);
        }
        List<Integer> seen = new ArrayList<>();
        assertEquals(0, ring.drain(seen::add, 0));
        assertEquals(4, ring.drain(seen::add, 4));
        assertEquals(List.of(0, 1, 2, 3), seen);
        assertEquals(6, ring.size());
        assertEquals(6, ring.drain(seen::add, 100));
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), seen);
        assertEquals(0, ring.drain(seen::add, 100));
        assertTrue(ring.isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void drainConsumerFailureLosesOnlyTheElementItWasGiven(Kind kind) {
        ObjectRing<Integer> ring = kind.create(8);
        for (int i = 0; i < 5; i++) {
            ring.offer(i);
        }
        List<Integer> seen = new ArrayList<>();
        assertThrows(IllegalStateException.class, () -> ring.drain(v -> {
            if (v == 2) {
                throw new IllegalStateException("boom");
            }
            seen.add(v);
        }, 10));
        assertEquals(List.of(0, 1), seen);
        assertEquals(3, ring.poll());
        assertEquals(4, ring.poll());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void fillHonoursLimitAndStopsWhenFullWithoutCallingTheSupplierInVain(Kind kind) {
        ObjectRing<Integer> ring = kind.create(8);
        AtomicInteger calls = new AtomicInteger();
        Supplier<Integer> counter = calls::getAndIncrement;
        assertEquals(0, ring.fill(counter, 0));
        assertEquals(3, ring.fill(counter, 3));
        assertEquals(5, ring.fill(counter, 100));
        assertEquals(8, calls.get(), "the supplier is not called when there is no room");
        assertEquals(0, ring.fill(counter, 100));
        assertEquals(8, calls.get());
        for (int i = 0; i < 8; i++) {
            assertEquals(i, ring.poll());
        }
        assertNull(ring.poll());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void fillSupplierReturningNullOrThrowingLeavesTheRingConsistent(Kind kind) {
        ObjectRing<Integer> ring = kind.create(8);
        AtomicInteger calls = new AtomicInteger();
        NullPointerException npe = assertThrows(NullPointerException.class,
                () -> ring.fill(() -> calls.get() < 2 ? calls.getAndIncrement() : null, 5));
        assertTrue(npe.getMessage().contains("after 2 element(s)"), npe.getMessage());
        assertThrows(ArithmeticException.class, () -> ring.fill(() -> {
            throw new ArithmeticException("boom");
        }, 5));
        assertTrue(ring.offer(100));
        assertEquals(0, ring.peek());
        assertEquals(0, ring.poll());
        assertEquals(1, ring.poll());
        assertEquals(100, ring.peek());
        assertEquals(100, ring.poll());
        assertNull(ring.poll());
        assertNull(ring.peek());
        // Every slot is usable again: the failures left nothing claimed.
        for (int i = 0; i < 8; i++) {
            assertTrue(ring.offer(i));
        }
        assertFalse(ring.offer(8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void badDrainAndFillArgumentsAreRejected(Kind kind) {
        ObjectRing<Integer> ring = kind.create(8);
        ring.offer(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ring.drain(v -> { }, -1));
        assertEquals("limit=-1, must be >= 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ring.fill(() -> 1, -5));
        assertThrows(NullPointerException.class, () -> ring.drain(null, 1));
        assertThrows(NullPointerException.class, () -> ring.fill(null, 1));
        assertEquals(1, ring.size(), "bad arguments change nothing");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void peekDoesNotRemove(Kind kind) {
        ObjectRing<Integer> ring = kind.create(4);
        Integer boxed = 1000;
        ring.offer(boxed);
        assertSame(boxed, ring.peek());
        assertSame(boxed, ring.peek());
        assertEquals(1, ring.size());
        assertSame(boxed, ring.poll());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void toStringShowsTheState(Kind kind) {
        ObjectRing<Integer> ring = kind.create(4);
        ring.offer(1);
        ring.offer(2);
        ring.poll();
        assertEquals(kind.name() + "[capacity=4, size=1, producerIndex=2, consumerIndex=1]", ring.toString());
    }
}
