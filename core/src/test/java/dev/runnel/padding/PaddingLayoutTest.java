package dev.runnel.padding;

import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.ClassLayout;
import org.openjdk.jol.info.FieldLayout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The padding template must keep hot fields at least 128 bytes apart, whatever the object header size (compact
 * object headers, JEP 519, shrink it) and whatever HotSpot's field layout does.
 */
class PaddingLayoutTest {

    static final class Subclass extends PaddedIndices {
        long cold;
    }

    private static long offset(ClassLayout layout, String field) {
        return layout.fields().stream().filter(f -> f.name().equals(field)).mapToLong(FieldLayout::offset)
                .findFirst().orElseThrow(() -> new AssertionError("no field " + field + "\n" + layout.toPrintable()));
    }

    @Test
    void paddedIndicesSeparateProducerConsumerAndSubclassFields() {
        ClassLayout layout = ClassLayout.parseClass(Subclass.class);
        String dump = layout.toPrintable();
        long producerIndex = offset(layout, "producerIndex");
        long producerLimit = offset(layout, "producerLimit");
        long consumerIndex = offset(layout, "consumerIndex");
        long consumerLimit = offset(layout, "consumerLimit");
        long cold = offset(layout, "cold");
        assertTrue(producerIndex >= 128 && producerLimit >= 128, dump);
        assertTrue(Math.min(consumerIndex, consumerLimit) - Math.max(producerIndex, producerLimit) >= 128, dump);
        assertTrue(cold - Math.max(consumerIndex, consumerLimit) >= 128, dump);
        assertEquals(8, Math.abs(producerLimit - producerIndex), "a side's index and limit share a line\n" + dump);
    }

    @Test
    void paddedSequenceHasAWholeLineEachSide() {
        ClassLayout layout = ClassLayout.parseClass(PaddedSequence.class);
        long value = offset(layout, "value");
        assertTrue(value >= 128, layout.toPrintable());
        assertTrue(layout.instanceSize() - (value + 8) >= 128, layout.toPrintable());
    }

    @Test
    void paddedSequenceAccessors() {
        PaddedSequence s = new PaddedSequence(5);
        assertEquals(5, s.getPlain());
        s.setRelease(6);
        assertEquals(6, s.getAcquire());
        assertTrue(s.compareAndSet(6, 10));
        assertEquals(10, s.getAndAdd(3));
        s.setVolatile(20);
        s.setPlain(21);
        assertEquals(21, s.getOpaque());
        assertEquals("21", s.toString());
        assertEquals(21, s.getAndBitwiseOr(0b1000));
        assertEquals(29, s.getAndBitwiseAnd(~0b1));
        assertEquals(28, s.getVolatile());
    }
}
