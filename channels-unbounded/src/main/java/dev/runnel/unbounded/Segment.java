package dev.runnel.unbounded;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A block of {@link #SIZE} cells of a {@link SegmentQueue}, for positions {@code id * SIZE} to
 * {@code id * SIZE + SIZE - 1}, linked to the next block.
 */
final class Segment {
    static final int SHIFT = 8;
    static final int SIZE = 1 << SHIFT;
    static final int MASK = SIZE - 1;

    private static final VarHandle CELL = MethodHandles.arrayElementVarHandle(Object[].class);
    private static final VarHandle NEXT;

    static {
        try {
            NEXT = MethodHandles.lookup().findVarHandle(Segment.class, "next", Segment.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final long id;
    private final Object[] cells = new Object[SIZE];
    @SuppressWarnings("unused") // through NEXT
    private Segment next;

    Segment(long id) {
        this.id = id;
    }

    Object cellAcquire(int index) {
        return CELL.getAcquire(cells, index);
    }

    void cellVolatile(int index, Object value) {
        CELL.setVolatile(cells, index, value);
    }

    void cellPlain(int index, Object value) {
        cells[index] = value;
    }

    /** The next segment, creating it (one CAS race, one winner) if there is none yet. */
    Segment nextOrCreate() {
        final Segment existing = (Segment) NEXT.getAcquire(this);
        if (existing != null) {
            return existing;
        }
        final Segment created = new Segment(id + 1);
        final Segment witness = (Segment) NEXT.compareAndExchange(this, null, created);
        return witness == null ? created : witness;
    }

    /**
     * Walks from {@code from} to the segment with id {@code id}, creating segments as needed.
     * {@code from.id} must not exceed {@code id}.
     */
    static Segment find(Segment from, long id) {
        Segment s = from;
        while (s.id < id) {
            s = s.nextOrCreate();
        }
        return s;
    }
}
