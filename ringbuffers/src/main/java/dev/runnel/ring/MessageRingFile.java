package dev.runnel.ring;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

import static dev.runnel.ring.MessageRingFileDescriptor.CAPACITY_OFFSET;
import static dev.runnel.ring.MessageRingFileDescriptor.HEADER_LENGTH;
import static dev.runnel.ring.MessageRingFileDescriptor.MAGIC;
import static dev.runnel.ring.MessageRingFileDescriptor.MAGIC_OFFSET;
import static dev.runnel.ring.MessageRingFileDescriptor.RING_OFFSET_OFFSET;
import static dev.runnel.ring.MessageRingFileDescriptor.VERSION;
import static dev.runnel.ring.MessageRingFileDescriptor.VERSION_OFFSET;

/**
 * A message ring in a memory-mapped file, for processes of one machine to talk through: each maps the file
 * and wraps the same segment. The file starts with a versioned header ({@link MessageRingFileDescriptor}); a
 * file of another format, version or size is refused with an {@link IOException} that says what is wrong,
 * never misread.
 *
 * {@snippet :
 * // process A                                              // process B
 * try (MessageRingFile f = MessageRingFile.createOrOpen(path, 1 << 20)) {   // same call
 *     MessageRing ring = f.manyToOne();                    // ring.read(handler, 64) ...
 *     ring.write(ORDER, order, 0, 64);
 * }
 * }
 *
 * <p>Closing unmaps the file (the file stays); using a ring of a closed file throws
 * {@link IllegalStateException}. The ring's positions live in the file, so a process that reopens it carries
 * on where the others are.
 */
public final class MessageRingFile implements AutoCloseable {
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
    /** How long {@link #open} waits for a creator that is still writing the header. */
    private static final long HEADER_WAIT_NANOS = 2_000_000_000L;

    private final Path path;
    private final Arena arena;
    private final MemorySegment ringSegment;
    private final int capacity;

    private MessageRingFile(Path path, Arena arena, MemorySegment ringSegment, int capacity) {
        this.path = path;
        this.arena = arena;
        this.ringSegment = ringSegment;
        this.capacity = capacity;
    }

    /**
     * Creates a new ring file, zeroed (an empty ring), and maps it.
     *
     * @param path     where to create it; must not exist
     * @param capacity bytes of records, a power of two in {@code [64, 2^30]}
     * @return the mapped file
     * @throws IllegalArgumentException   if {@code capacity} is out of range
     * @throws FileAlreadyExistsException if {@code path} exists
     * @throws IOException                if the file cannot be created or mapped
     */
    public static MessageRingFile create(Path path, int capacity) throws IOException {
        Objects.requireNonNull(path, "path");
        final long size = MessageRingFileDescriptor.fileSize(capacity);
        final FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        // From here on the file is ours: if making it fails, remove it rather than leave half a ring behind.
        final Arena arena = Arena.ofShared();
        try (channel) {
            channel.write(ByteBuffer.wrap(new byte[1]), size - 1);   // sets the size; the rest reads as zero
            final MemorySegment file = channel.map(FileChannel.MapMode.READ_WRITE, 0, size, arena);
            INT.set(file, (long) VERSION_OFFSET, VERSION);
            INT.set(file, (long) CAPACITY_OFFSET, capacity);
            INT.set(file, (long) RING_OFFSET_OFFSET, HEADER_LENGTH);
            LONG.setRelease(file, (long) MAGIC_OFFSET, MAGIC);   // last: the header is complete
            return new MessageRingFile(path, arena, file.asSlice(HEADER_LENGTH, size - HEADER_LENGTH), capacity);
        } catch (IOException | RuntimeException e) {
            arena.close();
            java.nio.file.Files.deleteIfExists(path);
            throw e;
        }
    }

    /**
     * Opens and maps an existing ring file, checking its header. Waits up to two seconds for a creator that is
     * still writing the header.
     *
     * @param path the file
     * @return the mapped file
     * @throws IOException if the file is missing, is not a Runnel ring file, has another version, or its size
     *                     does not match its header
     */
    public static MessageRingFile open(Path path) throws IOException {
        Objects.requireNonNull(path, "path");
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            final long size = awaitSize(channel);
            if (size < HEADER_LENGTH) {
                throw new IOException(path + ": size " + size + " is less than a ring file header ("
                        + HEADER_LENGTH + " bytes): not a Runnel message ring file");
            }
            final Arena arena = Arena.ofShared();
            try {
                final MemorySegment file = channel.map(FileChannel.MapMode.READ_WRITE, 0, size, arena);
                final int capacity = checkHeader(path, file, size);
                return new MessageRingFile(path, arena, file.asSlice(HEADER_LENGTH, size - HEADER_LENGTH), capacity);
            } catch (IOException | RuntimeException e) {
                arena.close();
                throw e;
            }
        }
    }

    /**
     * Opens the ring file at {@code path} if there is one, else creates it: the call every process of a group
     * can make. Safe when several processes race to create it.
     *
     * @param path     the file
     * @param capacity bytes of records, a power of two in {@code [64, 2^30]}; an existing file must have it
     * @return the mapped file
     * @throws IllegalArgumentException if {@code capacity} is out of range
     * @throws IOException              if the file exists with another capacity, or as {@link #open} and
     *                                  {@link #create} throw
     */
    public static MessageRingFile createOrOpen(Path path, int capacity) throws IOException {
        MessageRingDescriptor.checkCapacity(capacity);
        MessageRingFile file;
        try {
            return create(path, capacity);
        } catch (FileAlreadyExistsException e) {
            file = open(path);
        }
        if (file.capacity != capacity) {
            file.close();
            throw new IOException(path + ": existing ring file has capacity=" + file.capacity + ", asked for "
                    + capacity);
        }
        return file;
    }

    /**
     * The file's size, waiting a little while it is still empty: {@link #create} makes the file, then sizes it,
     * and a process racing it in {@link #createOrOpen} may open it in between.
     */
    private static long awaitSize(FileChannel channel) throws IOException {
        final long deadline = System.nanoTime() + HEADER_WAIT_NANOS;
        long size = channel.size();
        while (size == 0 && System.nanoTime() - deadline < 0) {
            Thread.yield();
            size = channel.size();
        }
        return size;
    }

    private static int checkHeader(Path path, MemorySegment file, long size) throws IOException {
        long magic = (long) LONG.getAcquire(file, (long) MAGIC_OFFSET);
        final long deadline = System.nanoTime() + HEADER_WAIT_NANOS;
        while (magic == 0 && System.nanoTime() - deadline < 0) {
            Thread.onSpinWait();
            Thread.yield();
            magic = (long) LONG.getAcquire(file, (long) MAGIC_OFFSET);
        }
        if (magic != MAGIC) {
            throw new IOException(path + ": magic=0x" + Long.toHexString(magic) + ", expected 0x"
                    + Long.toHexString(MAGIC) + " (\"RUNNELMR\"): not a Runnel message ring file"
                    + (magic == 0 ? ", or its creator never finished writing it" : ""));
        }
        final int version = (int) INT.get(file, (long) VERSION_OFFSET);
        if (version != VERSION) {
            throw new IOException(path + ": version=" + version + ", this Runnel reads version " + VERSION);
        }
        final int ringOffset = (int) INT.get(file, (long) RING_OFFSET_OFFSET);
        if (ringOffset != HEADER_LENGTH) {
            throw new IOException(path + ": ring offset=" + ringOffset + ", expected " + HEADER_LENGTH);
        }
        final int capacity = (int) INT.get(file, (long) CAPACITY_OFFSET);
        try {
            MessageRingDescriptor.checkCapacity(capacity);
        } catch (IllegalArgumentException e) {
            throw new IOException(path + ": header has " + e.getMessage(), e);
        }
        final long expected = MessageRingFileDescriptor.fileSize(capacity);
        if (size != expected) {
            throw new IOException(path + ": size=" + size + ", but its header says capacity=" + capacity
                    + ", which needs " + expected + " bytes: truncated or corrupt");
        }
        return capacity;
    }

    /**
     * Returns the ring's segment (records and trailer), to wrap with {@link MessageRing#oneToOne} or
     * {@link MessageRing#manyToOne}.
     *
     * @return the mapped segment of the ring, without the file header
     */
    public MemorySegment ringSegment() {
        return ringSegment;
    }

    /**
     * Wraps the ring as one-to-one: one producer thread, in one process, at a time.
     *
     * @return a ring over this file
     */
    public MessageRing oneToOne() {
        return MessageRing.oneToOne(ringSegment);
    }

    /**
     * Wraps the ring as many-to-one: producers in any threads and processes.
     *
     * @return a ring over this file
     */
    public MessageRing manyToOne() {
        return MessageRing.manyToOne(ringSegment);
    }

    /**
     * Returns the ring's capacity from the header.
     *
     * @return bytes of records
     */
    public int capacity() {
        return capacity;
    }

    /**
     * Returns where the file is.
     *
     * @return the file's path
     */
    public Path path() {
        return path;
    }

    /** Unmaps the file; the file itself stays. Rings over it must not be used afterwards. */
    @Override
    public void close() {
        arena.close();
    }
}
