package dev.runnel.stress.message;

import dev.runnel.ring.MessageRing;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * Zero-copy claim, write in place, commit, racing a read: the reader sees the message whole or not at all.
 * Results: messages the racing read got, whether its payload was intact (1), torn (-1) or absent (0), and what
 * the arbiter read afterwards.
 */
@JCStressTest
@Outcome(id = "0, 0, 1", expect = ACCEPTABLE, desc = "read before the commit; the message stays for later")
@Outcome(id = "1, 1, 0", expect = ACCEPTABLE, desc = "read after the commit, payload whole")
@Outcome(expect = FORBIDDEN, desc = "torn payload, lost or duplicated message")
@State
public class MessageRingClaimCommitVsReadRace {
    static final long PAYLOAD = 0x0123_4567_89AB_CDEFL;
    private final MessageRing ring = MessageRing.oneToOne(MemorySegment.ofArray(new long[(int) (MessageRing.segmentSize(256) / 8)]));

    @Actor
    public void producer() {
        long index = ring.tryClaim(3, 16);
        ring.buffer().set(ValueLayout.JAVA_LONG, index, PAYLOAD);
        ring.buffer().set(ValueLayout.JAVA_LONG, index + 8, ~PAYLOAD);
        ring.commit(index);
    }

    @Actor
    public void consumer(III_Result r) {
        r.r1 = ring.read((type, buffer, offset, length) -> r.r2 = intact(type, buffer, offset, length) ? 1 : -1, 10);
    }

    @Arbiter
    public void rest(III_Result r) {
        r.r3 = ring.read((type, buffer, offset, length) -> {
            if (!intact(type, buffer, offset, length)) {
                throw new IllegalStateException("torn");
            }
        }, 10);
    }

    static boolean intact(int type, MemorySegment buffer, long offset, int length) {
        return type == 3 && length == 16 && buffer.get(ValueLayout.JAVA_LONG, offset) == PAYLOAD
                && buffer.get(ValueLayout.JAVA_LONG, offset + 8) == ~PAYLOAD;
    }
}
