package dev.runnel.examples;

import dev.runnel.ring.MessageHandler;
import dev.runnel.ring.MessageRing;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A pipe over an off-heap {@link MessageRing}: each message is 16 bytes (sequence, send time) written in place
 * with a zero-copy claim, and read in place by the consumer. The same ring could sit in a mapped file shared
 * with another process.
 */
final class MessageRingPipe implements Pipe {
    private static final int TYPE_ID = 1;
    private static final int LENGTH = 16;

    private final MessageRing ring;
    private final MessageHandler handler = this::onMessage;
    private Message target;   // consumer-local: where the handler copies the message

    MessageRingPipe(Arena arena, int capacityInMessages) {
        int bytes = Integer.highestOneBit(Math.max(64, capacityInMessages * (LENGTH + 8)) - 1) << 1;
        this.ring = MessageRing.oneToOne(arena.allocate(MessageRing.segmentSize(bytes), 128));
    }

    @Override
    public boolean send(long sequence, long sentAtNanos) {
        long index = ring.tryClaim(TYPE_ID, LENGTH);
        if (index < 0) {
            return false;
        }
        MemorySegment buffer = ring.buffer();
        buffer.set(ValueLayout.JAVA_LONG, index, sequence);
        buffer.set(ValueLayout.JAVA_LONG, index + 8, sentAtNanos);
        ring.commit(index);
        return true;
    }

    @Override
    public boolean receive(Message into) {
        target = into;
        return ring.read(handler, 1) == 1;
    }

    private void onMessage(int typeId, MemorySegment buffer, long offset, int length) {
        target.sequence = buffer.get(ValueLayout.JAVA_LONG, offset);
        target.sentAtNanos = buffer.get(ValueLayout.JAVA_LONG, offset + 8);
    }

    @Override
    public String name() {
        return "Runnel MessageRing";
    }
}
