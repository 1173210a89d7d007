package dev.runnel.ring;

import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.ClassLayout;
import org.openjdk.jol.info.FieldLayout;

import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rings inherit the padding template; their own cold fields must stay 128 bytes away from the indices. */
class RingLayoutTest {

    private static long offset(ClassLayout layout, String field) {
        return layout.fields().stream().filter(f -> f.name().equals(field)).mapToLong(FieldLayout::offset)
                .findFirst().orElseThrow(() -> new AssertionError("no field " + field + " in\n" + layout.toPrintable()));
    }

    private static void check(Class<?> type, Function<ClassLayout, String> printable) {
        ClassLayout layout = ClassLayout.parseClass(type);
        long producer = offset(layout, "producerIndex");
        long consumer = offset(layout, "consumerIndex");
        long buffer = offset(layout, "buffer");
        String dump = printable.apply(layout);
        assertTrue(producer >= 128, "producer fields 128 bytes after the header\n" + dump);
        assertTrue(consumer - producer >= 128, "consumer 128 bytes after producer\n" + dump);
        assertTrue(buffer - consumer >= 128, "cold fields 128 bytes after consumer\n" + dump);
    }

    @Test
    void ringsKeepTheirHotFieldsApart() {
        check(SpscRing.class, ClassLayout::toPrintable);
        check(MpscRing.class, ClassLayout::toPrintable);
        check(MpmcRing.class, ClassLayout::toPrintable);
    }
}
