package dev.runnel.stress.message;

import dev.runnel.ring.MessageRing;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.L_Result;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * Many-to-one: two producers claim at once (CAS on the tail) while the consumer reads; the arbiter drains. Each
 * message arrives once and whole, whatever the order of the producers.
 */
@JCStressTest
@Outcome(id = "OK", expect = ACCEPTABLE, desc = "both messages once, intact")
@Outcome(expect = FORBIDDEN, desc = "a message lost, duplicated, torn or overwritten")
@State
public class MessageRingTwoProducersRace {
    private static final int MAX = 256 / 8;
    private final MessageRing ring = MessageRing.manyToOne(MemorySegment.ofArray(new long[(int) (MessageRing.segmentSize(256) / 8)]));
    private final MemorySegment first = message(0);
    private final MemorySegment second = message(1);
    private final List<String> seen = new ArrayList<>();

    private static MemorySegment message(int producer) {
        int length = CheckedMessages.length(producer, 0, MAX);
        MemorySegment m = MemorySegment.ofArray(new byte[length]);
        CheckedMessages.fill(m, 0, producer, 0, length);
        return m;
    }

    @Actor
    public void producer1() {
        ring.write(1, first, 0, (int) first.byteSize());
    }

    @Actor
    public void producer2() {
        ring.write(1, second, 0, (int) second.byteSize());
    }

    @Actor
    public void consumer() {
        ring.read(this::record, 10);
    }

    private void record(int type, MemorySegment buffer, long offset, int length) {
        String problem = CheckedMessages.check(buffer, offset, length, MAX, 2);
        seen.add(problem != null ? "BAD " + problem : "p" + CheckedMessages.producer(buffer, offset));
    }

    @Arbiter
    public void verdict(L_Result r) {
        ring.read(this::record, 10);
        ring.read(this::record, 10);
        r.r1 = seen.size() == 2 && seen.contains("p0") && seen.contains("p1") ? "OK" : seen.toString();
    }
}
