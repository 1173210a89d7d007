package dev.runnel.ring;

import dev.runnel.IdleStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One behavioural suite for both message ring kinds, over native, heap and mapped-file segments. */
class MessageRingSpecTest {
    static final int CAPACITY = 1024;

    @TempDir
    static Path tempDir;

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    enum Memory { NATIVE, HEAP, MAPPED }

    record Kind(String name, Function<MemorySegment, MessageRing> wrap) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> kinds() {
        List<Arguments> all = new ArrayList<>();
        for (Kind kind : List.of(new Kind("oneToOne", MessageRing::oneToOne),
                new Kind("manyToOne", MessageRing::manyToOne))) {
            for (Memory memory : Memory.values()) {
                all.add(Arguments.of(kind, memory));
            }
        }
        return all.stream();
    }

    MessageRing ring(Kind kind, Memory memory, int capacity) throws IOException {
        long size = MessageRing.segmentSize(capacity);
        MemorySegment segment = switch (memory) {
            case NATIVE -> {
                Arena arena = Arena.ofShared();
                toClose.add(arena);
                yield arena.allocate(size, 128);
            }
            case HEAP -> MemorySegment.ofArray(new long[(int) (size / 8)]);
            case MAPPED -> {
                MessageRingFile file = MessageRingFile.create(
                        tempDir.resolve("ring-" + System.nanoTime() + ".dat"), capacity);
                toClose.add(file);
                yield file.ringSegment();
            }
        };
        return kind.wrap().apply(segment);
    }

    /** A payload whose bytes are a function of (seed, position), so every byte can be checked. */
    static MemorySegment payload(int length, int seed) {
        MemorySegment p = MemorySegment.ofArray(new byte[length]);
        for (int i = 0; i < length; i++) {
            p.set(ValueLayout.JAVA_BYTE, i, (byte) (seed * 31 + i));
        }
        return p;
    }

    record Received(int typeId, byte[] bytes) {
    }

    static MessageHandler collect(List<Received> into) {
        return (typeId, buffer, offset, length) ->
                into.add(new Received(typeId, buffer.asSlice(offset, length).toArray(ValueLayout.JAVA_BYTE)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("kinds")
    void writesAndReadsInOrder(Kind kind, Memory memory) throws IOException {
        MessageRing ring = ring(kind, memory, CAPACITY);
        assertEquals(CAPACITY, ring.capacity());
        assertEquals(CAPACITY / 8, ring.maxMessageLength());
        assertEquals(0, ring.size());
        for (int i = 0; i < 5; i++) {
            assertTrue(ring.write(i + 1, payload(i * 3, i), 0, i * 3));
        }
        assertEquals(8 + 16 + 16 + 24 + 24, ring.size(), "aligned record sizes");
        List<Received> got = new ArrayList<>();
        assertEquals(3, ring.read(collect(got), 3));
        assertEquals(2, ring.read(collect(got), 10));
        assertEquals(0, ring.read(collect(got), 10));
        for (int i = 0; i < 5; i++) {
            assertEquals(i + 1, got.get(i).typeId());
            assertArrayEquals(payload(i * 3, i).toArray(ValueLayout.JAVA_BYTE), got.get(i).bytes());
        }
        assertEquals(0, ring.size());
        assertEquals(ring.producerPosition(), ring.consumerPosition());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("kinds")
    void wrapsAroundWithEveryMessageSize(Kind kind, Memory memory) throws IOException {
        MessageRing ring = ring(kind, memory, 256);
        int max = ring.maxMessageLength();
        List<Received> got = new ArrayList<>();
        int sent = 0;
        int received = 0;
        // Lengths cycle through 0..max with a stride that does not divide the capacity, so records meet the
        // buffer's end at every alignment, with and without padding.
        for (int round = 0; round < 4000; round++) {
            int length = (round * 7) % (max + 1);
            if (ring.write(1 + round % 5, payload(length, sent), 0, length)) {
                sent++;
            } else {
                received += ring.read(collect(got), 1 + round % 4);
            }
        }
        received += ring.read(collect(got), Integer.MAX_VALUE);
        received += ring.read(collect(got), Integer.MAX_VALUE);
        assertEquals(sent, received);
        assertTrue(sent > 1000, "many messages crossed the ring: " + sent);
        int seq = 0;
        for (int round = 0; round < 4000 && seq < got.size(); round++) {
            int length = (round * 7) % (max + 1);
            if (got.get(seq).bytes().length != length) {
                continue;   // this round's write was refused
            }
            assertArrayEquals(payload(length, seq).toArray(ValueLayout.JAVA_BYTE), got.get(seq).bytes(), "message " + seq);
            seq++;
        }
        assertEquals(0, ring.size());
    }

    static Stream<Kind> ringKinds() {
        return kinds().map(a -> (Kind) a.get()[0]).distinct();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ringKinds")
    void everySizeAroundTheWrapBoundary(Kind kind) throws IOException {
        for (int offset = 0; offset < 64; offset += 8) {
            for (int length = 0; length <= 32; length++) {
                MessageRing ring = ring(kind, Memory.HEAP, 256);
                // Move head and tail to (capacity - offset - 8): offset + 8 bytes are left before the end.
                int target = ring.capacity() - offset - 8;
                for (int done = 0; done < target; ) {
                    int record = Math.min(target - done, ring.maxMessageLength() + RecordDescriptor.HEADER_LENGTH);
                    assertTrue(ring.write(9, payload(record - 8, 0), 0, record - 8));
                    assertEquals(1, ring.read((t, b, o, l) -> { }, 1));
                    done += record;
                }
                assertEquals(target, ring.producerPosition());
                assertTrue(ring.write(7, payload(length, length), 0, length), "offset " + offset + " length " + length);
                List<Received> got = new ArrayList<>();
                assertEquals(1, ring.read(collect(got), 10), "one read crosses the padding and the wrap");
                assertEquals(7, got.getFirst().typeId());
                assertArrayEquals(payload(length, length).toArray(ValueLayout.JAVA_BYTE), got.getFirst().bytes());
                assertEquals(0, ring.size());
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("kinds")
    void fullRingRefusesThenAcceptsAfterARead(Kind kind, Memory memory) throws IOException {
        MessageRing ring = ring(kind, memory, 256);
        int written = 0;
        while (ring.write(1, payload(24, written), 0, 24)) {
            written++;
        }
        assertEquals(256 / 32, written);
        assertEquals(256, ring.size());
        assertEquals(MessageRing.INSUFFICIENT_CAPACITY, ring.tryClaim(1, 0));
        assertEquals(1, ring.read((t, b, o, l) -> { }, 1));
        assertTrue(ring.write(1, payload(24, 99), 0, 24));
        assertFalse(ring.write(1, payload(0, 0), 0, 0));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("kinds")
    void largestAndZeroLengthMessages(Kind kind, Memory memory) throws IOException {
        MessageRing ring = ring(kind, memory, CAPACITY);
        int max = ring.maxMessageLength();
        assertTrue(ring.write(3, payload(max, 5), 0, max));
        assertTrue(ring.write(4, payload(0, 0), 0, 0));
        List<Received> got = new ArrayList<>();
        assertEquals(2, ring.read(collect(got), 10));
        assertArrayEquals(payload(max, 5).toArray(ValueLayout.JAVA_BYTE), got.get(0).bytes());
        assertEquals(0, got.get(1).bytes().length);
        assertEquals(4, got.get(1).typeId());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("kinds")
    void claimCommitAbort(Kind kind, Memory memory) throws IOException {
        MessageRing ring = ring(kind, memory, CAPACITY);
        long a = ring.tryClaim(10, 4);
        long b = ring.tryClaim(11, 4);
        long c = ring.tryClaim(12, 4);
        assertTrue(a >= 0 && b > a && c > b);
        ring.buffer().set(ValueLayout.JAVA_INT_UNALIGNED, a, 0xA);
        ring.buffer().set(ValueLayout.JAVA_INT_UNALIGNED, c, 0xC);
        ring.commit(c);
        List<Received> got = new ArrayList<>();
        assertEquals(0, ring.read(collect(got), 10), "the uncommitted claim at the head holds the reader back");
        ring.commit(a);
        ring.abort(b);
        assertEquals(2, ring.read(collect(got), 10), "the aborted claim is skipped");
        assertEquals(List.of(10, 12), got.stream().map(Received::typeId).toList());
        assertEquals(0xA, MemorySegment.ofArray(got.get(0).bytes()).get(ValueLayout.JAVA_INT_UNALIGNED, 0));
        assertEquals(0xC, MemorySegment.ofArray(got.get(1).bytes()).get(ValueLayout.JAVA_INT_UNALIGNED, 0));
        long d = ring.tryClaim(13, 0);
        ring.commit(d);
        assertEquals("index=" + d + ": no claim in progress there",
                assertThrows(IllegalStateException.class, () -> ring.commit(d)).getMessage().substring(0,
                        ("index=" + d + ": no claim in progress there").length()));
        assertThrows(IllegalStateException.class, () -> ring.abort(d));
        assertThrows(IllegalArgumentException.class, () -> ring.commit(3));
        assertThrows(IllegalArgumentException.class, () -> ring.commit(-8));
        assertThrows(IllegalArgumentException.class, () -> ring.commit(ring.capacity() + 8));
        assertEquals(1, ring.read(collect(got), 10));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("kinds")
    void badArgumentsAreRejectedAndChangeNothing(Kind kind, Memory memory) throws IOException {
        MessageRing ring = ring(kind, memory, CAPACITY);
        MemorySegment src = payload(16, 1);
        assertEquals("typeId=0, must be >= 1 (type ids are positive)",
                assertThrows(IllegalArgumentException.class, () -> ring.write(0, src, 0, 4)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ring.write(-1, src, 0, 4));
        assertThrows(IllegalArgumentException.class, () -> ring.tryClaim(0, 4));
        assertEquals("length=-1, must be in [0, 128] (maxMessageLength)",
                assertThrows(IllegalArgumentException.class, () -> ring.write(1, src, 0, -1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ring.write(1, payload(129, 0), 0, 129));
        assertThrows(IllegalArgumentException.class, () -> ring.tryClaim(1, 129));
        assertEquals("srcOffset=10, length=8: must lie within src, whose byteSize()=16",
                assertThrows(IllegalArgumentException.class, () -> ring.write(1, src, 10, 8)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ring.write(1, src, -1, 4));
        assertThrows(NullPointerException.class, () -> ring.write(1, null, 0, 4));
        assertThrows(IllegalArgumentException.class, () -> ring.read((t, b, o, l) -> { }, -1));
        assertThrows(IllegalArgumentException.class, () -> ring.controlledRead((t, b, o, l) -> null, -1));
        assertThrows(NullPointerException.class, () -> ring.read(null, 1));
        assertEquals(0, ring.size());
        assertEquals(0, ring.producerPosition());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("kinds")
    void controlledReadActions(Kind kind, Memory memory) throws IOException {
        MessageRing ring = ring(kind, memory, CAPACITY);
        for (int i = 1; i <= 6; i++) {
            ring.write(i, payload(8, i), 0, 8);
        }
        List<Integer> seen = new ArrayList<>();
        // ABORT on the third: two consumed, the third delivered again next time.
        assertEquals(2, ring.controlledRead((t, b, o, l) -> {
            seen.add(t);
            return t == 3 ? ControlledMessageHandler.Action.ABORT : ControlledMessageHandler.Action.CONTINUE;
        }, 10));
        assertEquals(4 * 16, ring.size());
        // BREAK after the first; COMMIT frees the space at once.
        assertEquals(1, ring.controlledRead((t, b, o, l) -> {
            seen.add(t);
            return ControlledMessageHandler.Action.BREAK;
        }, 10));
        long[] sizeAfterCommit = new long[1];
        assertEquals(3, ring.controlledRead((t, b, o, l) -> {
            seen.add(t);
            if (t == 5) {
                sizeAfterCommit[0] = ring.size();
            }
            return ControlledMessageHandler.Action.COMMIT;
        }, 10));
        assertEquals(32, sizeAfterCommit[0], "message 4 was freed before message 5 was handled (5 and 6 remain)");
        assertEquals(List.of(1, 2, 3, 3, 4, 5, 6), seen);
        assertEquals(0, ring.size());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("kinds")
    void controlledReadCommittingUpToTheBufferEndStopsThere(Kind kind, Memory memory) throws IOException {
        MessageRing ring = ring(kind, memory, 256);
        for (int i = 1; i <= 8; i++) {
            assertTrue(ring.write(i, payload(24, i), 0, 24));   // 8 records of 32 bytes: exactly to the end
        }
        List<Integer> seen = new ArrayList<>();
        assertEquals(8, ring.controlledRead((t, b, o, l) -> {
            seen.add(t);
            return ControlledMessageHandler.Action.COMMIT;
        }, 100));
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), seen, "nothing read past the records into the trailer");
        assertEquals(0, ring.size());
        assertTrue(ring.write(9, payload(24, 9), 0, 24));
        assertEquals(1, ring.controlledRead((t, b, o, l) -> {
            seen.add(t);
            return ControlledMessageHandler.Action.COMMIT;
        }, 100));
        assertEquals(9, seen.getLast());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("kinds")
    void unblockTurnsAStuckClaimIntoPadding(Kind kind, Memory memory) throws IOException {
        MessageRing ring = ring(kind, memory, CAPACITY);
        ring.tryClaim(1, 20);                        // a producer that claims and dies
        ring.write(2, payload(4, 2), 0, 4);
        List<Received> got = new ArrayList<>();
        assertEquals(0, ring.read(collect(got), 10));
        assertTrue(ring.unblock());
        assertEquals(1, ring.read(collect(got), 10));
        assertEquals(2, got.getFirst().typeId());
        assertFalse(ring.unblock(), "nothing left to unblock");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("kinds")
    void unblockPadsAClaimWhoseHeaderWasNeverWritten(Kind kind, Memory memory) throws IOException {
        MessageRing ring = ring(kind, memory, CAPACITY);
        long dead = ring.tryClaim(1, 20);
        ring.buffer().set(ValueLayout.JAVA_LONG, dead - RecordDescriptor.HEADER_LENGTH, 0L);   // died before the header
        ring.write(2, payload(4, 2), 0, 4);
        ring.write(3, payload(4, 3), 0, 4);
        List<Received> got = new ArrayList<>();
        assertEquals(0, ring.read(collect(got), 10));
        assertTrue(ring.unblock());
        assertEquals(2, ring.read(collect(got), 10));
        assertEquals(List.of(2, 3), got.stream().map(Received::typeId).toList());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("kinds")
    void unblockIfStalledWaitsForTheTimeout(Kind kind, Memory memory) throws IOException {
        MessageRing ring = ring(kind, memory, CAPACITY);
        assertFalse(ring.unblockIfStalled(Duration.ZERO), "nothing pending");
        ring.tryClaim(1, 8);
        ring.write(2, payload(4, 2), 0, 4);
        assertFalse(ring.unblockIfStalled(Duration.ofHours(1)), "first sight of the stall starts the clock");
        assertFalse(ring.unblockIfStalled(Duration.ofHours(1)), "not stalled long enough");
        assertTrue(ring.unblockIfStalled(Duration.ZERO));
        assertEquals(1, ring.read((t, b, o, l) -> assertEquals(2, t), 10));
        assertThrows(IllegalArgumentException.class, () -> ring.unblockIfStalled(Duration.ofSeconds(-1)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("kinds")
    void heartbeat(Kind kind, Memory memory) throws IOException {
        MessageRing ring = ring(kind, memory, CAPACITY);
        assertEquals(0, ring.consumerHeartbeatTime());
        ring.consumerHeartbeatTime(1_700_000_000_000L);
        assertEquals(1_700_000_000_000L, ring.consumerHeartbeatTime());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("kinds")
    void handlerFailureConsumesTheMessagesUpToIt(Kind kind, Memory memory) throws IOException {
        MessageRing ring = ring(kind, memory, CAPACITY);
        for (int i = 1; i <= 3; i++) {
            ring.write(i, payload(4, i), 0, 4);
        }
        assertThrows(IllegalStateException.class, () -> ring.read((t, b, o, l) -> {
            if (t == 2) {
                throw new IllegalStateException("boom");
            }
        }, 10));
        List<Received> got = new ArrayList<>();
        assertEquals(1, ring.read(collect(got), 10));
        assertEquals(3, got.getFirst().typeId());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("kinds")
    void blockingVariantsTimeOutAndHonourInterrupts(Kind kind, Memory memory) throws Exception {
        MessageRing ring = ring(kind, memory, 256);
        IdleStrategy idle = IdleStrategy.backoff();
        assertEquals(0, ring.read((t, b, o, l) -> { }, 1, idle, Duration.ofMillis(20)));
        while (ring.write(1, payload(24, 0), 0, 24)) {
            // fill
        }
        long start = System.nanoTime();
        assertFalse(ring.write(1, payload(24, 0), 0, 24, idle, Duration.ofMillis(20)));
        assertTrue(System.nanoTime() - start >= 20_000_000L);
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> ring.write(1, payload(24, 0), 0, 24, idle, Duration.ofSeconds(5)));
        assertFalse(Thread.currentThread().isInterrupted(), "interrupt status cleared");
        assertThrows(IllegalArgumentException.class, () -> ring.write(1, payload(4, 0), 0, 4, idle, Duration.ofMillis(-1)));
        assertThrows(IllegalArgumentException.class, () -> ring.read((t, b, o, l) -> { }, 0, idle, Duration.ZERO));
        assertEquals(8, ring.read((t, b, o, l) -> { }, 100, idle, Duration.ZERO));
        Thread reader = Thread.ofPlatform().start(() -> {
            try {
                Thread.sleep(30);
                ring.read((t, b, o, l) -> { }, 1);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        while (ring.write(1, payload(24, 0), 0, 24)) {
            // fill again
        }
        assertTrue(ring.write(1, payload(24, 0), 0, 24, idle, Duration.ofSeconds(10)), "room made by the reader");
        reader.join();
    }
}
