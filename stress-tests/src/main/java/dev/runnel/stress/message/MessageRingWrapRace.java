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
 * A write that does not fit before the buffer's end (padding record, then the message at offset 0) racing a
 * read that crosses the same place, on a many-to-one ring that has already wrapped once: readers never see
 * the padding, never see stale bytes from the previous lap, and get the messages in order.
 */
@JCStressTest
@Outcome(id = "OK", expect = ACCEPTABLE, desc = "both messages in order, intact")
@Outcome(expect = FORBIDDEN, desc = "lost, reordered, torn, or a padding record delivered")
@State
public class MessageRingWrapRace {
    private static final int CAPACITY = 256;
    private static final int MAX = CAPACITY / 8;
    private final MessageRing ring = MessageRing.manyToOne(MemorySegment.ofArray(new long[(int) (MessageRing.segmentSize(CAPACITY) / 8)]));
    private final MemorySegment a = message(0);
    private final MemorySegment b = message(1);
    private final List<String> seen = new ArrayList<>();

    public MessageRingWrapRace() {
        // Leave the head and tail 24 bytes before the end, with the space behind them used once (non-zero
        // history that the consumer has zeroed).
        MemorySegment filler = MemorySegment.ofArray(new byte[MAX]);
        int target = CAPACITY - 24;
        for (int done = 0; done < target; ) {
            int record = Math.min(target - done, MAX + 8);
            ring.write(9, filler, 0, record - 8);
            ring.read((t, buf, o, l) -> { }, 1);
            done += record;
        }
    }

    private static MemorySegment message(int sequence) {
        MemorySegment m = MemorySegment.ofArray(new byte[MAX]);
        CheckedMessages.fill(m, 0, 0, sequence, CheckedMessages.length(0, sequence, MAX));
        return m;
    }

    @Actor
    public void producer() {
        ring.write(1, a, 0, CheckedMessages.length(0, 0, MAX));
        ring.write(1, b, 0, CheckedMessages.length(0, 1, MAX));
    }

    @Actor
    public void consumer() {
        ring.read(this::record, 10);
    }

    private void record(int type, MemorySegment buffer, long offset, int length) {
        String problem = type != 1 ? "type " + type : CheckedMessages.check(buffer, offset, length, MAX, 1);
        seen.add(problem != null ? "BAD " + problem : "s" + CheckedMessages.sequence(buffer, offset));
    }

    @Arbiter
    public void verdict(L_Result r) {
        ring.read(this::record, 10);
        ring.read(this::record, 10);
        r.r1 = seen.equals(List.of("s0", "s1")) ? "OK" : seen.toString();
    }
}
