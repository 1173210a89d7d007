package dev.runnel.perf.message;

import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.RingBuffer;
import dev.runnel.ring.MessageRing;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/**
 * A binary-message transport under test: ours, Agrona's, or the Disruptor moving the same bytes. Each JMH fork
 * uses one, so call sites stay monomorphic.
 */
public interface MessageTransport {
    int TYPE_ID = 7;

    /** Writes one message of {@code length} bytes from the transport's own source buffer; false when full. */
    boolean write(int length);

    /** Reads up to {@code limit} messages; returns how many, each checked for its length. */
    int read(int limit);

    static MessageTransport create(String name, int capacity, Arena arena) {
        return switch (name) {
            case "MessageRing.oneToOne" -> new Runnel(MessageRing.oneToOne(ringSegment(capacity, arena)), arena);
            case "MessageRing.manyToOne" -> new Runnel(MessageRing.manyToOne(ringSegment(capacity, arena)), arena);
            case "Agrona.OneToOneRingBuffer" -> new Agrona(new OneToOneRingBuffer(agronaBuffer(capacity)));
            case "Agrona.ManyToOneRingBuffer" -> new Agrona(new ManyToOneRingBuffer(agronaBuffer(capacity)));
            case "Disruptor.single" -> new Disruptor(capacity, false);
            case "Disruptor.multi" -> new Disruptor(capacity, true);
            default -> throw new IllegalArgumentException("impl=" + name + ", unknown");
        };
    }

    private static MemorySegment ringSegment(int capacity, Arena arena) {
        return arena.allocate(MessageRing.segmentSize(capacity), 128);
    }

    private static UnsafeBuffer agronaBuffer(int capacity) {
        return new UnsafeBuffer(ByteBuffer.allocateDirect(capacity + RingBufferDescriptor.TRAILER_LENGTH));
    }

    final class Runnel implements MessageTransport {
        private final MessageRing ring;
        private final MemorySegment source;
        private final dev.runnel.ring.MessageHandler handler = this::onMessage;
        long bytes;

        Runnel(MessageRing ring, Arena arena) {
            this.ring = ring;
            this.source = arena.allocate(1024, 8);
        }

        @Override
        public boolean write(int length) {
            return ring.write(TYPE_ID, source, 0, length);
        }

        @Override
        public int read(int limit) {
            return ring.read(handler, limit);
        }

        private void onMessage(int typeId, MemorySegment buffer, long offset, int length) {
            bytes += length;
        }
    }

    final class Agrona implements MessageTransport {
        private final org.agrona.concurrent.ringbuffer.RingBuffer ring;
        private final UnsafeBuffer source = new UnsafeBuffer(ByteBuffer.allocateDirect(1024));
        private final org.agrona.concurrent.MessageHandler handler = this::onMessage;
        long bytes;

        Agrona(org.agrona.concurrent.ringbuffer.RingBuffer ring) {
            this.ring = ring;
        }

        @Override
        public boolean write(int length) {
            return ring.write(TYPE_ID, source, 0, length);
        }

        @Override
        public int read(int limit) {
            return ring.read(handler, limit);
        }

        private void onMessage(int typeId, org.agrona.MutableDirectBuffer buffer, int offset, int length) {
            bytes += length;
        }
    }

    /** The Disruptor moving the same payload: events are pre-allocated byte slots, copied in and out. */
    final class Disruptor implements MessageTransport {
        static final class Slot {
            final byte[] bytes = new byte[1024];
            int length;
        }

        private final RingBuffer<Slot> ring;
        private final EventPoller<Slot> poller;
        private final byte[] source = new byte[1024];
        private final byte[] sink = new byte[1024];
        private final EventPoller.Handler<Slot> handler = this::onEvent;
        private final com.lmax.disruptor.EventTranslator<Slot> translator = this::translate;
        private int pendingLength;
        private int limit;
        private int read;

        Disruptor(int capacityBytes, boolean multi) {
            // The same memory budget in events of the largest payload tested would be unfair to the
            // Disruptor; give it 1024 events whatever the byte capacity, as BENCHMARKS.md's figure does.
            this.ring = multi ? RingBuffer.createMultiProducer(Slot::new, 1024)
                    : RingBuffer.createSingleProducer(Slot::new, 1024);
            this.poller = ring.newPoller();
            ring.addGatingSequences(poller.getSequence());
        }

        @Override
        public boolean write(int length) {
            pendingLength = length;
            return ring.tryPublishEvent(translator);
        }

        private void translate(Slot slot, long sequence) {
            System.arraycopy(source, 0, slot.bytes, 0, pendingLength);
            slot.length = pendingLength;
        }

        @Override
        public int read(int limit) {
            this.limit = limit;
            this.read = 0;
            try {
                poller.poll(handler);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return read;
        }

        private boolean onEvent(Slot slot, long sequence, boolean endOfBatch) {
            System.arraycopy(slot.bytes, 0, sink, 0, slot.length);
            return ++read < limit;
        }
    }
}
