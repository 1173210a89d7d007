package dev.runnel.padding;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every accessor of the padding template reads and writes the field it names, and only that field. */
class PaddedIndicesTest {

    static final class Indices extends PaddedIndices {
        long[] all() {
            return new long[] {producerIndexPlain(), producerLimitPlain(), consumerIndexPlain(), consumerLimitPlain()};
        }
    }

    @Test
    void producerIndexAccessors() {
        Indices i = new Indices();
        i.producerIndexRelease(5);
        assertEquals(5, i.producerIndexAcquire());
        i.producerIndexOpaque(6);
        assertEquals(6, i.producerIndexOpaque());
        assertEquals(6, i.producerIndexVolatile());
        assertTrue(i.casProducerIndex(6, 5));
        assertFalse(i.casProducerIndex(6, 8));
        assertEquals(5, i.getAndAddProducerIndex(1));
        assertEquals(6, i.getAndAddProducerIndex(1));
        assertEquals(7, i.getAndBitwiseOrProducerIndex(1L << 62));
        assertEquals(7 | 1L << 62, i.producerIndexPlain());
        assertEquals(7 | 1L << 62, i.all()[0]);
        assertEquals(0, i.all()[1] + i.all()[2] + i.all()[3], "no other field touched");
    }

    @Test
    void consumerIndexAccessors() {
        Indices i = new Indices();
        i.consumerIndexRelease(3);
        assertEquals(3, i.consumerIndexAcquire());
        assertEquals(3, i.consumerIndexOpaque());
        assertTrue(i.casConsumerIndex(3, 4));
        assertFalse(i.casConsumerIndex(3, 9));
        i.consumerIndexVolatile(4);
        assertEquals(4, i.consumerIndexVolatile());
        assertEquals(4, i.consumerIndexPlain());
        assertEquals(0, i.all()[0] + i.all()[1] + i.all()[3], "no other field touched");
    }

    @Test
    void limitAccessors() {
        Indices i = new Indices();
        i.producerLimitPlain(10);
        assertEquals(10, i.producerLimitOpaque());
        i.producerLimitOpaque(11);
        assertEquals(11, i.producerLimitPlain());
        i.consumerLimitPlain(20);
        assertEquals(20, i.consumerLimitOpaque());
        i.consumerLimitOpaque(21);
        assertEquals(21, i.consumerLimitPlain());
        assertEquals(0, i.all()[0] + i.all()[2], "indices untouched");
    }
}
