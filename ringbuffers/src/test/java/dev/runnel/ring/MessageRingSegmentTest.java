package dev.runnel.ring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Segment checks, the descriptors' constants, and the mapped-file format. */
class MessageRingSegmentTest {

    @TempDir
    Path dir;

    @Test
    void trailerLayoutMatchesTheHandComputedOffsets() {
        var layout = MessageRingDescriptor.TRAILER_LAYOUT;
        assertEquals(MessageRingDescriptor.TAIL_POSITION_OFFSET,
                layout.byteOffset(MemoryLayout.PathElement.groupElement("tailPosition")));
        assertEquals(MessageRingDescriptor.HEAD_CACHE_POSITION_OFFSET,
                layout.byteOffset(MemoryLayout.PathElement.groupElement("headCachePosition")));
        assertEquals(MessageRingDescriptor.HEAD_POSITION_OFFSET,
                layout.byteOffset(MemoryLayout.PathElement.groupElement("headPosition")));
        assertEquals(MessageRingDescriptor.CONSUMER_HEARTBEAT_OFFSET,
                layout.byteOffset(MemoryLayout.PathElement.groupElement("consumerHeartbeat")));
        assertEquals(MessageRingDescriptor.TRAILER_LENGTH, layout.byteSize());
        assertEquals(1024 + 512, MessageRing.segmentSize(1024));
    }

    @Test
    void headerPacksLengthAndTypeAsTheyReadBack() {
        MemorySegment s = MemorySegment.ofArray(new long[1]);
        s.set(ValueLayout.JAVA_LONG, 0, RecordDescriptor.header(-24, 7));
        assertEquals(-24, s.get(ValueLayout.JAVA_INT, RecordDescriptor.LENGTH_OFFSET));
        assertEquals(7, s.get(ValueLayout.JAVA_INT, RecordDescriptor.TYPE_OFFSET));
        assertEquals(ByteOrder.nativeOrder(), ValueLayout.JAVA_LONG.order());
        assertEquals(0, RecordDescriptor.align(0));
        assertEquals(16, RecordDescriptor.align(9));
        assertEquals(16, RecordDescriptor.align(16));
    }

    @Test
    void badCapacitiesAndSegmentsAreRejected() {
        for (int bad : new int[] {0, 32, 63, 100, 1000, -1024, (1 << 30) + 1}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MessageRing.segmentSize(bad));
            assertEquals("capacity=" + bad + ", must be a power of two in [64, 1073741824]", e.getMessage());
        }
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> MessageRing.oneToOne(MemorySegment.ofArray(new long[1000 / 8])));
        assertTrue(size.getMessage().startsWith("segment.byteSize()=1000, must be a power of two"), size.getMessage());
        IllegalArgumentException align = assertThrows(IllegalArgumentException.class,
                () -> MessageRing.manyToOne(MemorySegment.ofArray(new byte[1024 + 512])));
        assertTrue(align.getMessage().startsWith("segment alignment=1, must be >= 8"), align.getMessage());
        MemorySegment readOnly = MemorySegment.ofArray(new long[(1024 + 512) / 8]).asReadOnly();
        assertThrows(IllegalArgumentException.class, () -> MessageRing.oneToOne(readOnly));
        assertThrows(NullPointerException.class, () -> MessageRing.oneToOne(null));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment misaligned = arena.allocate(1024 + 512 + 8, 8).asSlice(4, 1024 + 512);
            assertThrows(IllegalArgumentException.class, () -> MessageRing.manyToOne(misaligned));
        }
    }

    @Test
    void wrappingWritesNothing() {
        MemorySegment segment = MemorySegment.ofArray(new long[(int) (MessageRing.segmentSize(256) / 8)]);
        MessageRing.manyToOne(segment);
        MessageRing.oneToOne(segment);
        assertEquals(0, segment.elements(ValueLayout.JAVA_LONG).filter(l -> l.get(ValueLayout.JAVA_LONG, 0) != 0).count());
    }

    @Test
    void twoRingsOverOneSegmentShareIt() {
        MemorySegment segment = MemorySegment.ofArray(new long[(int) (MessageRing.segmentSize(256) / 8)]);
        MessageRing producer = MessageRing.manyToOne(segment);
        MessageRing consumer = MessageRing.manyToOne(segment);
        producer.write(5, MemorySegment.ofArray(new byte[] {1, 2, 3}), 0, 3);
        List<Integer> types = new ArrayList<>();
        assertEquals(1, consumer.read((t, b, o, l) -> types.add(t), 1));
        assertEquals(List.of(5), types);
    }

    @Test
    void ringFileCreateOpenAndCreateOrOpen() throws IOException {
        Path path = dir.resolve("ring.dat");
        try (MessageRingFile created = MessageRingFile.create(path, 4096)) {
            assertEquals(MessageRingFileDescriptor.fileSize(4096), Files.size(path));
            assertEquals(4096, created.capacity());
            assertEquals(path, created.path());
            created.manyToOne().write(3, MemorySegment.ofArray(new byte[] {42}), 0, 1);
        }
        assertThrows(FileAlreadyExistsException.class, () -> MessageRingFile.create(path, 4096));
        try (MessageRingFile opened = MessageRingFile.open(path)) {
            assertEquals(4096, opened.capacity());
            List<Integer> got = new ArrayList<>();
            opened.oneToOne().read((t, b, o, l) -> got.add(t * 100 + b.get(ValueLayout.JAVA_BYTE, o)), 10);
            assertEquals(List.of(342), got, "the message survived close and reopen");
        }
        try (MessageRingFile again = MessageRingFile.createOrOpen(path, 4096)) {
            assertEquals(0, again.manyToOne().size());
        }
        IOException mismatch = assertThrows(IOException.class, () -> MessageRingFile.createOrOpen(path, 8192));
        assertTrue(mismatch.getMessage().endsWith("existing ring file has capacity=4096, asked for 8192"),
                mismatch.getMessage());
        try (MessageRingFile fresh = MessageRingFile.createOrOpen(dir.resolve("fresh.dat"), 128)) {
            assertEquals(128, fresh.capacity());
        }
        assertThrows(NoSuchFileException.class, () -> MessageRingFile.open(dir.resolve("missing.dat")));
        assertThrows(IllegalArgumentException.class, () -> MessageRingFile.create(dir.resolve("bad.dat"), 100));
    }

    @Test
    void processesRacingToCreateOrOpenAllGetTheSameRing() throws Exception {
        for (int round = 0; round < 20; round++) {
            Path path = dir.resolve("race-" + round + ".dat");
            int racers = 8;
            java.util.concurrent.CyclicBarrier barrier = new java.util.concurrent.CyclicBarrier(racers);
            List<Thread> threads = new ArrayList<>();
            List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            java.util.concurrent.atomic.AtomicInteger written = new java.util.concurrent.atomic.AtomicInteger();
            for (int i = 0; i < racers; i++) {
                final int id = i + 1;
                threads.add(Thread.ofPlatform().start(() -> {
                    try {
                        barrier.await();
                        try (MessageRingFile f = MessageRingFile.createOrOpen(path, 1024)) {
                            if (f.manyToOne().write(id, MemorySegment.ofArray(new byte[8]), 0, 8)) {
                                written.incrementAndGet();
                            }
                        }
                    } catch (Throwable t) {
                        failures.add(t);
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            assertEquals(List.of(), failures);
            try (MessageRingFile f = MessageRingFile.open(path)) {
                int[] count = {0};
                f.manyToOne().read((t, b, o, l) -> count[0]++, 100);
                assertEquals(written.get(), count[0], "every racer wrote into the one ring");
                assertEquals(racers, count[0]);
            }
        }
    }

    @Test
    void ringFilesOfAnotherKindVersionOrSizeAreRefused() throws IOException {
        Path path = dir.resolve("ring.dat");
        MessageRingFile.create(path, 1024).close();
        byte[] good = Files.readAllBytes(path);

        Path notOurs = dir.resolve("other.dat");
        byte[] other = good.clone();
        other[0] = 'X';
        Files.write(notOurs, other);
        assertTrue(assertThrows(IOException.class, () -> MessageRingFile.open(notOurs)).getMessage()
                .contains("not a Runnel message ring file"));

        Path newer = dir.resolve("newer.dat");
        byte[] v2 = good.clone();
        MemorySegment.ofArray(v2).set(ValueLayout.JAVA_INT_UNALIGNED, MessageRingFileDescriptor.VERSION_OFFSET, 2);
        Files.write(newer, v2);
        assertTrue(assertThrows(IOException.class, () -> MessageRingFile.open(newer)).getMessage()
                .endsWith("version=2, this Runnel reads version 1"));

        Path truncated = dir.resolve("truncated.dat");
        Files.write(truncated, java.util.Arrays.copyOf(good, good.length - 8));
        assertTrue(assertThrows(IOException.class, () -> MessageRingFile.open(truncated)).getMessage()
                .contains("truncated or corrupt"));

        Path tiny = dir.resolve("tiny.dat");
        Files.write(tiny, new byte[10]);
        assertTrue(assertThrows(IOException.class, () -> MessageRingFile.open(tiny)).getMessage()
                .contains("less than a ring file header"));
    }
}
