package dev.runnel.stress.message;

import dev.runnel.ring.MessageRing;
import dev.runnel.ring.MessageRingFile;

import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The producer process of the cross-process tests: opens a ring file and writes self-checking messages into it
 * from several threads, with zero-copy claims.
 *
 * <p>Usage: {@code RingFileProducer <file> <threads> <messagesPerThread | -1 for endless> <slow: true|false>}.
 * With {@code slow}, each claim is written a byte at a time with pauses, so that a kill is likely to land
 * between claim and commit. Prints {@code READY} once writing has begun.
 */
public final class RingFileProducer {
    private RingFileProducer() {
    }

    public static void main(String[] args) throws Exception {
        Path path = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        long perThread = Long.parseLong(args[2]);
        boolean slow = Boolean.parseBoolean(args[3]);
        try (MessageRingFile file = MessageRingFile.open(path)) {
            MessageRing ring = file.manyToOne();
            int max = ring.maxMessageLength();
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                final int producer = t;
                workers.add(Thread.ofPlatform().name("producer-" + t).start(() -> {
                    MemorySegment scratch = MemorySegment.ofArray(new byte[max]);
                    for (long seq = 0; perThread < 0 || seq < perThread; seq++) {
                        int length = CheckedMessages.length(producer, seq, max);
                        long index;
                        while ((index = ring.tryClaim(1, length)) < 0) {
                            Thread.yield();
                        }
                        if (slow) {
                            CheckedMessages.fill(scratch, 0, producer, seq, length);
                            for (int i = 0; i < length; i++) {
                                ring.buffer().set(java.lang.foreign.ValueLayout.JAVA_BYTE, index + i,
                                        scratch.get(java.lang.foreign.ValueLayout.JAVA_BYTE, i));
                                if ((i & 3) == 0) {
                                    Thread.yield();
                                }
                            }
                        } else {
                            CheckedMessages.fill(ring.buffer(), index, producer, seq, length);
                        }
                        ring.commit(index);
                    }
                }));
            }
            System.out.println("READY");
            System.out.flush();
            for (Thread w : workers) {
                w.join();
            }
        }
    }
}
