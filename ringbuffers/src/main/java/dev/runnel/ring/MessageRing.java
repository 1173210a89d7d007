package dev.runnel.ring;

import dev.runnel.IdleStrategy;
import dev.runnel.spi.Timeouts;

import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.Objects;

/**
 * A ring of binary messages in a {@link MemorySegment}: native memory, a {@code long[]}-backed heap segment, or
 * a memory-mapped file that two processes share. Records are length- and type-prefixed and 8-byte aligned
 * ({@link RecordDescriptor}); the segment ends with a trailer of positions ({@link MessageRingDescriptor}).
 * A zeroed segment of {@link #segmentSize(int)} bytes is an empty ring, and wrapping a segment writes nothing,
 * so two processes simply wrap the same mapping.
 *
 * <p><b>Note:</b> {@link #oneToOne} rings allow one producer thread (in one process) at a time;
 * {@link #manyToOne} rings allow any number of producer threads, in any number of processes. Both allow one
 * consumer thread at a time: {@link #read}, {@link #controlledRead}, {@link #unblock()}. Full and empty are
 * return values; bad arguments throw before anything changes. The single-message operations allocate nothing.
 *
 * {@snippet :
 * MessageRing ring = MessageRing.manyToOne(arena.allocate(MessageRing.segmentSize(1 << 16), 128));
 * ring.write(PRICE, price, 0, 32);                       // producer: false when full
 * ring.read((type, buffer, offset, length) -> onPrice(buffer, offset), 64);   // consumer
 * }
 */
public sealed interface MessageRing permits AbstractMessageRing {

    /** Returned by {@link #tryClaim} when there is not enough room. */
    long INSUFFICIENT_CAPACITY = -2;

    /**
     * Wraps a segment as a ring for one producer thread and one consumer thread.
     *
     * @param segment a segment of {@link #segmentSize(int)} bytes, 8-byte aligned, zeroed when new
     * @return the ring
     * @throws IllegalArgumentException if the segment's size or alignment is wrong, or it is read-only
     */
    static MessageRing oneToOne(MemorySegment segment) {
        return new OneToOneMessageRing(segment);
    }

    /**
     * Wraps a segment as a ring for many producers (threads or processes) and one consumer thread.
     *
     * @param segment a segment of {@link #segmentSize(int)} bytes, 8-byte aligned, zeroed when new
     * @return the ring
     * @throws IllegalArgumentException if the segment's size or alignment is wrong, or it is read-only
     */
    static MessageRing manyToOne(MemorySegment segment) {
        return new ManyToOneMessageRing(segment);
    }

    /**
     * The segment size for a ring of {@code capacity} bytes of records.
     *
     * @param capacity bytes of records, a power of two in {@code [64, 2^30]}
     * @return {@code capacity} plus the trailer
     * @throws IllegalArgumentException if {@code capacity} is out of range or not a power of two
     */
    static long segmentSize(int capacity) {
        return MessageRingDescriptor.segmentSize(capacity);
    }

    /**
     * Writes one message, copied from {@code src}.
     *
     * @param typeId    the message type, positive
     * @param src       where the payload is
     * @param srcOffset where in {@code src} it starts
     * @param length    payload bytes, in {@code [0, maxMessageLength()]}
     * @return {@code true} if written, {@code false} if the ring had no room (nothing written)
     * @throws IllegalArgumentException if {@code typeId}, {@code length} or the source range is bad
     * @throws NullPointerException     if {@code src} is {@code null}
     */
    boolean write(int typeId, MemorySegment src, long srcOffset, int length);

    /**
     * Claims room for one message, to be written in place into {@link #buffer()} at the returned index and then
     * published with {@link #commit(long)} or given up with {@link #abort(long)}. Until then the consumer stops
     * at this message: commit or abort soon, and always one of them.
     *
     * @param typeId the message type, positive
     * @param length payload bytes, in {@code [0, maxMessageLength()]}
     * @return where to write the payload in {@link #buffer()}, or {@link #INSUFFICIENT_CAPACITY}
     * @throws IllegalArgumentException if {@code typeId} or {@code length} is bad
     */
    long tryClaim(int typeId, int length);

    /**
     * Publishes a claimed message to the consumer.
     *
     * @param index what {@link #tryClaim} returned
     * @throws IllegalArgumentException if {@code index} cannot be a claim's index
     * @throws IllegalStateException    if there is no claim in progress at {@code index} (already committed or
     *                                  aborted)
     */
    void commit(long index);

    /**
     * Gives up a claimed message: the consumer skips it.
     *
     * @param index what {@link #tryClaim} returned
     * @throws IllegalArgumentException if {@code index} cannot be a claim's index
     * @throws IllegalStateException    if there is no claim in progress at {@code index}
     */
    void abort(long index);

    /**
     * Reads up to {@code limit} messages, in order, stopping at the first one not yet committed. If the handler
     * throws, the messages before it and the one it was given are consumed, and the exception propagates.
     *
     * @param handler receives each message
     * @param limit   the most messages to read, {@code >= 0}
     * @return how many messages were handed to {@code handler}
     * @throws IllegalArgumentException if {@code limit} is negative
     */
    int read(MessageHandler handler, int limit);

    /**
     * Reads up to {@code limit} messages, letting the handler decide after each whether to go on, stop, give the
     * message back, or free the space read so far ({@link ControlledMessageHandler.Action}).
     *
     * @param handler receives each message and says what to do next
     * @param limit   the most messages to read, {@code >= 0}
     * @return how many messages were consumed (an aborted one is not counted)
     * @throws IllegalArgumentException if {@code limit} is negative
     */
    int controlledRead(ControlledMessageHandler handler, int limit);

    /**
     * Frees the consumer from a producer that died between claim and commit: turns the claim at the head (and
     * only it) into a padding record, so that reading goes on with the messages after it. Consumer thread only.
     * Call it only once the producer is known dead or has been stuck longer than any live producer could be
     * (see {@link #unblockIfStalled(Duration)}): a live producer that later completes an unblocked claim writes
     * into space the ring has reused.
     *
     * @return {@code true} if a stuck claim was turned into padding
     */
    boolean unblock();

    /**
     * Calls {@link #unblock()} if the head has not moved, with a message claimed but not committed there, for at
     * least {@code timeout} across calls of this method. Call it from the consumer's idle loop. Consumer thread
     * only.
     *
     * @param timeout how long the head may stay blocked before it is unblocked, not negative
     * @return {@code true} if a stuck claim was turned into padding
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    boolean unblockIfStalled(Duration timeout);

    /**
     * Returns the largest payload a message may have: an eighth of the capacity.
     *
     * @return the maximum payload length in bytes
     */
    int maxMessageLength();

    /**
     * Returns the bytes of records the ring holds at most.
     *
     * @return the capacity in bytes, a power of two
     */
    int capacity();

    /**
     * Returns the bytes in use now: claimed, written or padding, not yet consumed. A snapshot.
     *
     * @return a value in {@code [0, capacity()]}
     */
    long size();

    /**
     * Returns the wrapped segment: records and trailer.
     *
     * @return the segment this ring was created on
     */
    MemorySegment buffer();

    /**
     * Returns the producers' position: bytes claimed since the ring was created.
     *
     * @return the tail position
     */
    long producerPosition();

    /**
     * Returns the consumer's position: bytes consumed since the ring was created.
     *
     * @return the head position
     */
    long consumerPosition();

    /**
     * Records that the consumer is alive, for producers (in this or another process) to check.
     *
     * @param epochMillis the current time in milliseconds since the epoch
     */
    void consumerHeartbeatTime(long epochMillis);

    /**
     * Returns when the consumer last said it was alive.
     *
     * @return milliseconds since the epoch, or {@code 0} if it never did
     */
    long consumerHeartbeatTime();

    /**
     * Writes one message, idling with {@code idle} while the ring is full, for at most {@code timeout}. For
     * threads outside a duty-cycle loop. It polls rather than waits for a signal: across processes there is no
     * one to signal it.
     *
     * @param typeId    the message type, positive
     * @param src       where the payload is
     * @param srcOffset where in {@code src} it starts
     * @param length    payload bytes, in {@code [0, maxMessageLength()]}
     * @param idle      how to idle between attempts (its state is reset first)
     * @param timeout   how long to try at most, not negative
     * @return {@code true} if written, {@code false} if the timeout elapsed first (nothing written)
     * @throws IllegalArgumentException if an argument is bad
     * @throws InterruptedException     if interrupted while waiting (nothing written; interrupt status cleared)
     */
    default boolean write(int typeId, MemorySegment src, long srcOffset, int length, IdleStrategy idle,
                          Duration timeout) throws InterruptedException {
        Objects.requireNonNull(idle, "idle");
        final long deadline = Timeouts.deadline(timeout);
        idle.reset();
        while (!write(typeId, src, srcOffset, length)) {
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while the message ring was full");
            }
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            idle.idle();
        }
        return true;
    }

    /**
     * Reads up to {@code limit} messages, idling with {@code idle} while the ring is empty, for at most
     * {@code timeout}. It polls rather than waits for a signal.
     *
     * @param handler receives each message
     * @param limit   the most messages to read, {@code >= 1}
     * @param idle    how to idle between attempts (its state is reset first)
     * @param timeout how long to wait at most, not negative
     * @return how many messages were read; {@code 0} if the timeout elapsed first
     * @throws IllegalArgumentException if {@code limit} is below 1 or {@code timeout} is negative
     * @throws InterruptedException     if interrupted while waiting (nothing read; interrupt status cleared)
     */
    default int read(MessageHandler handler, int limit, IdleStrategy idle, Duration timeout)
            throws InterruptedException {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(idle, "idle");
        if (limit < 1) {
            throw new IllegalArgumentException("limit=" + limit + ", must be >= 1");
        }
        final long deadline = Timeouts.deadline(timeout);
        idle.reset();
        int read;
        while ((read = read(handler, limit)) == 0) {
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while the message ring was empty");
            }
            if (System.nanoTime() - deadline >= 0) {
                return 0;
            }
            idle.idle();
        }
        return read;
    }
}
